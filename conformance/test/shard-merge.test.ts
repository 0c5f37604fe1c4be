// `run --shard i/n` + `merge` (issue 14): a small budget decided as one run, as two shards and as three
// shards gives, once the shard reports are merged, the same report as the one run, modulo timing fields.
// Also: merge refuses incomplete or foreign shard sets, and the CLI command writes the merged report.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/cli.js";
import { jsonReport } from "../src/report/json-report.js";
import type { JsonReport } from "../src/report/json-report.js";
import { mergeReports } from "../src/report/merge-reports.js";
import { runConformance } from "../src/run/run-conformance.js";

const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-shards-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const COMMAND = "run --runs 240 --seed 7";
const run = (index: number, count: number): JsonReport => jsonReport(runConformance({
  seed: 7, cases: 240, requestsPerBundle: 8, lawEvery: 2, lawEngines: ["reference", "graph"], counterexampleDir: join(tmp, "cx"),
  shard: { index, count },
}), `${COMMAND} --shard ${index}/${count}`);

const untimed = (r: JsonReport): Omit<JsonReport, "elapsedSeconds" | "casesPerSecond" | "cpuSeconds" | "casesPerCpuSecond"> => {
  const { elapsedSeconds, casesPerSecond, cpuSeconds, casesPerCpuSecond, ...rest } = r;
  void elapsedSeconds, void casesPerSecond, void cpuSeconds, void casesPerCpuSecond;
  return rest;
};

describe("shards and merge", () => {
  const whole = run(0, 1);
  const shards = [run(2, 3), run(0, 3), run(1, 3)];
  const halves = [run(1, 2), run(0, 2)];

  it("two merged shards give the report of one run (timing aside)", () => {
    expect(halves.every((s) => s.cases > 0 && s.cases < whole.cases)).toBe(true);
    // The layered stream (a fifth of the run, one stream) is split too, not left to one shard.
    const layered = (r: JsonReport): number => Object.values(r.layers).reduce((t, row) => t + row.cases, 0);
    expect(layered(whole)).toBeGreaterThan(0);
    expect(halves.every((s) => layered(s) > 0 && layered(s) < layered(whole))).toBe(true);
    expect(halves[0]!.cases + halves[1]!.cases).toBe(whole.cases);
    const two = mergeReports(halves);
    if ("error" in two) throw new Error(`merge refused: ${two.error}`);
    expect(untimed(two.report)).toEqual(untimed({ ...whole, command: COMMAND }));
  });

  it("three merged shards give the report of one run (timing aside)", () => {
    // The shards really split the work: each has part of the cases and none has all.
    expect(shards.every((s) => s.cases > 0 && s.cases < whole.cases)).toBe(true);
    expect(whole.cases).toBe(240);
    const one = mergeReports([whole]);
    const three = mergeReports(shards);
    if ("error" in one || "error" in three) throw new Error("merge refused");
    expect(untimed(one.report)).toEqual(untimed({ ...whole, command: COMMAND }));
    expect(untimed(three.report)).toEqual(untimed(one.report));
    expect(three.report.command).toBe(COMMAND);
    // The family table is merged too (not just carried over from one shard): it has reached rows.
    expect(Object.values(three.report.families).some((row) => row.cases > 0)).toBe(true);
  });

  it("refuses a missing, repeated or foreign shard, and reports that are not shards", () => {
    expect(mergeReports(shards.slice(0, 2))).toEqual({ error: "shard(s) 1/3 missing" });
    expect(mergeReports([...shards, shards[0]!])).toEqual({ error: "a shard appears twice" });
    expect(mergeReports([shards[0]!, shards[1]!, { ...shards[2]!, seed: 8 }])).toMatchObject({ error: expect.stringContaining("different runs") });
    expect(mergeReports([{ ...whole, command: COMMAND }])).toMatchObject({ error: expect.stringContaining("--shard") });
  });

  it("`merge` prints the merged report and writes it with --report; exit 2 on a bad set", async () => {
    const files = shards.map((s, i) => {
      const file = join(tmp, `r${i}.json`);
      writeFileSync(file, JSON.stringify(s));
      return file;
    });
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["merge", ...files, "--report", join(tmp, "merged.json")])).toBe(0);
      expect(await main(["merge", files[0]!])).toBe(2);
    } finally {
      write.mockRestore();
      err.mockRestore();
    }
    expect(out.join("")).toContain("merged shards");
    const merged = JSON.parse(readFileSync(join(tmp, "merged.json"), "utf8")) as JsonReport;
    expect(untimed(merged)).toEqual(untimed({ ...whole, command: COMMAND }));
  });
});

// `merge` adds only the shards of one run: reports whose recorded options differ (engines, seed, runs,
// layer share, requests per bundle …, everything but the shard's index) are refused with exit 2 and a
// message naming the option; an engine left out of the run is reported as "not selected".
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonReport } from "../src/report/json-report.js";
import type { JsonReport } from "../src/report/json-report.js";
import { mergeReports } from "../src/report/merge-reports.js";
import { runConformance } from "../src/run/run-conformance.js";
import { runMain } from "./cli-harness.js";

const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-merge-options-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SHARD = ["run", "--runs", "16", "--seed", "5", "--requests-per-bundle", "4", "--laws-every", "0", "--operator", "Bool"];

describe("merge refuses the shards of different runs", () => {
  const result = runConformance({ seed: 5, cases: 8, requestsPerBundle: 4, lawEvery: 0, operator: "Bool", engines: ["reference", "graph"], counterexampleDir: join(tmp, "cx") });
  const shard = (command: string): JsonReport => jsonReport(result, command);

  it.each([
    ["--engines", "run --runs 8 --seed 5 --engines reference,graph --shard 0/2", "run --runs 8 --seed 5 --shard 1/2"],
    ["--requests-per-bundle", "run --runs 8 --seed 5 --requests-per-bundle 4 --shard 0/2", "run --runs 8 --seed 5 --shard 1/2"],
    ["--layer-share", "run --runs 8 --seed 5 --layer-share 0.5 --shard 0/2", "run --runs 8 --seed 5 --layer-share 1 --shard 1/2"],
    ["--runs", "run --runs 8 --seed 5 --shard 0/2", "run --runs 9 --seed 5 --shard 1/2"],
    ["--laws-cedar", "run --runs 8 --seed 5 --laws-cedar --shard 0/2", "run --runs 8 --seed 5 --shard 1/2"],
  ])("%s differs: refused, the option named", (option, a, b) => {
    const merged = mergeReports([shard(a), shard(b)]);
    expect(merged).toMatchObject({ error: expect.stringContaining(`\`${option}\``) });
    expect(merged).toMatchObject({ error: expect.stringContaining("different runs") });
  });

  it("`--engine graph` and `--engines reference,graph` are the same run; the order of the options does not matter", () => {
    const merged = mergeReports([shard("run --runs 8 --seed 5 --engine graph --shard 0/2"), shard("run --shard 1/2 --engines reference,graph --seed 5 --runs 8")]);
    expect(merged).toMatchObject({ report: { command: "run --runs 8 --seed 5 --engines reference,graph" } });
  });

  it("the CLI: shard 0/2 with --engines reference,graph and shard 1/2 with the default engines is exit 2, naming --engines", async () => {
    const s0 = join(tmp, "s0.json");
    const s1 = join(tmp, "s1.json");
    expect((await runMain([...SHARD, "--shard", "0/2", "--engines", "reference,graph", "--report", s0])).status).toBe(0);
    expect((await runMain([...SHARD, "--shard", "1/2", "--report", s1])).status).toBe(0);
    const r = await runMain(["merge", s0, s1]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("`--engines` is `reference,graph` in");
    // Shard 1/2 again with the same engines: the pair merges, and Cedar, left out, is "not selected".
    expect((await runMain([...SHARD, "--shard", "1/2", "--engines", "reference,graph", "--report", s1])).status).toBe(0);
    const merged = await runMain(["merge", s0, s1, "--report", join(tmp, "merged.json")]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain("cedar (not selected)");
    expect(merged.stdout).not.toContain("not available on some bundles");
    const json = JSON.parse(readFileSync(join(tmp, "merged.json"), "utf8")) as JsonReport;
    expect(json.engines["cedar"]).toMatchObject({ cases: 0, note: "not selected" });
    expect(json.command).toBe("run --runs 16 --seed 5 --operator Bool --requests-per-bundle 4 --laws-every 0 --engines reference,graph");
  });

  it("a run with Cedar deselected says so (it says nothing of rejected bundles)", () => {
    const report = jsonReport(result, "run --runs 8 --seed 5 --engines reference,graph", { engines: ["reference", "graph"] });
    expect(report.rejectedBundles).toBe(0);
    expect(report.engines["cedar"]).toMatchObject({ cases: 0, note: "not selected" });
  });
});

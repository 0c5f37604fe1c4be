// `kms-cedar-conformance run --engine avp-local`: the reference and the AVP profile decided locally,
// in the report as an engine of its own with its law; usage errors exit 2.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIN = new URL("../bin/kms-cedar-conformance.js", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-avp-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kms-cedar-conformance run --engine avp-local", () => {
  it("decides with the reference and avp-local only, and reports the avp-local engine and law", () => {
    const report = join(tmp, "report.json");
    const r = cli("run", "--engine", "avp-local", "--runs", "64", "--requests-per-bundle", "64", "--variant", "StringLike", "--laws-every", "0", "--seed", "7", "--report", report);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.cases).toBe(64);
    expect(json.divergences).toBe(0);
    expect(json.engines["avp-local"]).toEqual({ available: true, cases: 64 });
    expect(json.engines.graph.cases).toBe(0);
    expect(json.laws["avp_local_agrees_with_reference"]).toMatchObject({ checked: 64, violations: 0 });
  });

  it("exits 2 on an unknown engine or on --engine with --engines", () => {
    const unknown = cli("run", "--engine", "avp", "--runs", "1");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown engine `avp`");
    const both = cli("run", "--engine", "avp-local", "--engines", "reference,graph", "--runs", "1");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--engine or --engines");
  });
});

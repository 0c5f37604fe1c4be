// `kms-cedar check` and `compile` check a bundle once, with the same flags (issue 11): a 35 KB key
// policy that `check --max-bytes 100000` accepts is compiled by `compile --max-bytes 100000`, not
// refused by a second check under the default 32 768-byte KMS limit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/index.js";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const statement = (i: number) => ({
  Sid: `Statement${i}`, Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:Decrypt", Resource: "*",
});
const policy = JSON.stringify({ Version: "2012-10-17", Statement: Array.from({ length: 300 }, (_, i) => statement(i)) }, null, 1);

describe("check and compile agree on --max-bytes", () => {
  it("uses a key policy over the KMS limit and under the one given", () => {
    expect(policy.length).toBeGreaterThan(32_768);
    expect(policy.length).toBeLessThan(100_000);
  });

  it("compiles what check accepts, and refuses what check refuses", () => {
    const dir = tempFiles({ "key.json": policy });
    const check = runKmsCedar(["check", "key.json", "--kind", "key", "--max-bytes", "100000"], dir);
    expect(check.status).toBe(0);
    const compile = runKmsCedar(["compile", "key.json", "--kind", "key", "--max-bytes", "100000", "-o", "out"], dir);
    expect(compile.stderr).toBe("");
    expect(compile.status).toBe(0);
    expect(existsSync(join(dir, "out", "policies.cedar"))).toBe(true);
    const refused = runKmsCedar(["compile", "key.json", "--kind", "key", "-o", "out2"], dir);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("KC1002");
  });

  it("the library's compileBundle takes the same limit", () => {
    const dir = tempFiles({ "key.json": policy });
    const file = join(dir, "key.json");
    expect(compileBundle(file, { maxBytes: 100_000, cedar: false }).graph).toBeDefined();
    expect(compileBundle(file, { cedar: false }).diagnostics.map((d) => d.code)).toContain("KC1002");
  });
});

// `verify` on a 20 MB policy: the case source is built without spreading the policy's values into
// function arguments (which overflowed the call stack), and the policy is then refused with its
// diagnostic (KC1002, over the size limit), printed and with the exit code `kms-cedar check` gives (1: a
// policy error) — no "Maximum call stack size exceeded".
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { allOf, oneOfValues } from "../src/verify/large-arbitraries.js";

const BIN = new URL("../bin/kms-cedar-conformance.js", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-large-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("verify on a very large policy", () => {
  it("draws from half a million values and combines 5,000 arbitraries without overflowing the stack", () => {
    const values = Array.from({ length: 500_000 }, (_, i) => `v${i}`);
    const drawn = fc.sample(oneOfValues(values), { numRuns: 200, seed: 1 });
    expect(new Set(drawn).size).toBeGreaterThan(150);
    expect(drawn.every((v) => values.includes(v))).toBe(true);
    const combined = fc.sample(allOf(Array.from({ length: 5_000 }, (_, i) => fc.constant(i))), { numRuns: 1, seed: 1 })[0];
    expect(combined).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
  });

  it("draws what fc.constantFrom draws for the same seed (the generated cases did not change)", () => {
    const values = ["a", "b", "c", "d", "e"];
    expect(fc.sample(oneOfValues(values), { numRuns: 50, seed: 42 })).toEqual(fc.sample(fc.constantFrom(...values), { numRuns: 50, seed: 42 }));
  });

  it("refuses a generated 20 MB key policy with KC1002 and exit 1, as check does", () => {
    const statements = Array.from({ length: 65_000 }, (_, i) => ({
      Sid: `S${i}`, Effect: "Allow", Principal: { AWS: `arn:aws:iam::111122223333:role/R${i}` }, Action: ["kms:Decrypt", "kms:Encrypt"],
      Resource: "*", Condition: { StringEquals: { [`kms:EncryptionContext:K${i}`]: `D${i}` } },
    }));
    const file = join(tmp, "big-policy.json");
    writeFileSync(file, JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 1));
    const r = spawnSync(process.execPath, [BIN, "verify", file, "--runs", "10"], { encoding: "utf8", timeout: 240_000 });
    expect(r.stderr).not.toContain("Maximum call stack");
    expect(r.stdout).toContain("error[KC1002]");
    expect(r.status).toBe(1);
  }, 300_000);
});

// Every KC31xx code of the AVP profile firing on a bundle that breaks its quota, the exact split
// that keeps an oversized but splittable policy within the quota, and KC9311 on a broken input
// (it can never come from a policy). The numbers are AVP's documented quotas (docs/deployment.md).
import { AVP_QUOTAS, utf8Bytes } from "@kms-cedar/runtime/avp";
import { describe, expect, it } from "vitest";
import { AVP_DIAGNOSTICS } from "../../src/emit/avp/avp-codes.js";
import { compileBundle, emitAvp } from "../../src/index.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
// Few, long values: a long chain of operators overflows cedar-wasm's stack before any quota is reached.
const patterns = (n: number, prefix: string, width = 1) => Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36)}${"x".repeat(width)}*`);
const longKey = (k: number) => `kms:EncryptionContext:${String(k).padStart(4, "0")}${"n".repeat(200)}`;
const codes = (bundle: object) => [...new Set(compileBundle(bundle, { avp: true }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code))].sort();

describe("KC31xx: AVP's quotas", () => {
  it("splits an oversized permit at its disjunction; every part fits and the store is complete", () => {
    const bundle = { principals: { [ROLE]: { policies: [doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringLike: { "kms:EncryptionContext:Dept": patterns(60, "d", 200) } } })] } } };
    const result = compileBundle(bundle, { avp: true });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const parts = result.avp!.manifest.policies.filter((p) => p.source.startsWith("allow-"));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.bytes <= AVP_QUOTAS.policyBytes && p.name.startsWith(`${p.source}#`))).toBe(true);
    // Every pattern is in exactly one part.
    const statements = result.avp!.files.files.filter((f) => f.name.startsWith("policies/")).map((f) => (JSON.parse(f.contents) as { definition: { static: { statement: string } } }).definition.static.statement);
    for (const p of patterns(60, "d", 200)) expect(statements.filter((s) => s.includes(`like "${p}"`))).toHaveLength(1);
  });

  it("KC3101 when an oversized policy has no exact split (one set literal)", () => {
    const values = Array.from({ length: 60 }, (_, i) => `value-${i}-${"v".repeat(200)}`);
    const bundle = { principals: { [ROLE]: { policies: [doc({ Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:Dept": values } } })] } } };
    const result = compileBundle(bundle, { avp: true });
    expect(codes(bundle)).toEqual(["KC3101"]);
    expect(result.diagnostics.find((d) => d.code === "KC3101")).toMatchObject({ location: `principals[${ROLE}][0]` });
    expect(result.avp).toBeUndefined();
  });

  it("KC3101 and KC3102 when a key policy's gate and its key's total are over the quotas", () => {
    // A long key name is repeated in Cedar once per value, and each Allow is in its permit and in the gate.
    const statements = Array.from({ length: 5 }, (_, k) => ({ Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*", Condition: { StringLike: { [longKey(k)]: patterns(100, `k${k}`) } } }));
    expect(codes({ keys: { [KEY]: { policy: doc(...statements) } } })).toEqual(["KC3101", "KC3102"]);
  });

  it("KC3103 when the policies naming no resource are over the quota", () => {
    const policies = Array.from({ length: 8 }, (_, k) => doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringLike: { "kms:EncryptionContext:Dept": patterns(25, `p${k}`, 1000) } } }));
    expect(codes({ principals: { [ROLE]: { policies } } })).toEqual(["KC3103"]);
  });

  it("KC3104 when the schema is over the quota", () => {
    const keys = (k: number) => Object.fromEntries(Array.from({ length: 15 }, (_, i) => [longKey(k * 100 + i), "v"]));
    const policies = Array.from({ length: 30 }, (_, k) => k).map((k) => doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: keys(k) } }));
    const result = compileBundle({ principals: { [ROLE]: { policies } } }, { avp: true });
    // 450 long attribute names: the schema is over 100,000 bytes (the policies naming no resource are over their total too).
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["KC3104", "KC3103"]);
  });

  it("KC3105 when a role's sessions would have more than 99 transitive parents, not at 99", () => {
    const tiny = doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" });
    // A session's parents: its role, the account twice, and the role's policies.
    expect(codes({ principals: { [ROLE]: { policies: Array.from({ length: 96 }, () => tiny) } } })).toEqual([]);
    expect(codes({ principals: { [ROLE]: { policies: Array.from({ length: 97 }, () => tiny) } } })).toEqual(["KC3105"]);
  });

  it("KC9311 when the profile's own check fails (a broken Cedar output, never a policy)", () => {
    const result = compileBundle("examples/abac/bundle.json");
    const manifest = JSON.parse(result.cedar!.manifest);
    const broken = emitAvp(result.graph!, { ...result.cedar!, schema: "namespace Kms { entity Key; }" }, manifest);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["KC9311"]);
  });

  it("covers every code of the AVP registry list", () => {
    expect(AVP_DIAGNOSTICS.map((d) => d.code)).toEqual(["KC3101", "KC3102", "KC3103", "KC3104", "KC3105", "KC9311"]);
    expect(utf8Bytes("é€😀")).toBe(2 + 3 + 4);
  });
});

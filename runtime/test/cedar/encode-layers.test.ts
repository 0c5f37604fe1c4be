// The encoder's placement of a request in the layers (docs/cedar-mapping.md "Layers") and the grant
// constraints (docs/semantics/grants.md §2); expected values authored from docs/semantics/.
import { describe, expect, it } from "vitest";
import type { ManifestLayers } from "../../src/cedar/cedar-manifest.js";
import { ContextIndex } from "../../src/cedar/context-index.js";
import { constraintsHold, createLayerEncoder } from "../../src/cedar/encode-layers.js";
import { parseCaller } from "../../src/request/read-caller.js";

const A = "111122223333";
const B = "444455556666";
const SLR = `arn:aws:iam::${A}:role/aws-service-role/ops.amazonaws.com/Ops`;
const LAYERS: ManifestLayers = {
  organization: { accounts: [{ account: A, scp: ["scp:organization[r]", "scp:organization[ou]"], rcp: ["rcp:organization[r]"] }] },
  boundaries: [{ principal: `arn:aws:iam::${A}:role/path/App`, scope: "boundary:App" }],
  sessions: [{ principal: `arn:aws:sts::${A}:assumed-role/App/s1`, scope: "session:s1" }],
  endpoints: [{ id: "vpce-1", vpc: "vpc-1", scope: "endpoint:vpce-1" }],
  awsManaged: [`arn:aws:kms:us-west-2:${A}:key/managed`],
  grants: [],
};
const place = createLayerEncoder(LAYERS, [`arn:aws:iam::${A}:role/path/App`, SLR, `arn:aws:sts::${A}:assumed-role/Ops/x`]);
const key = (account: string, id = "k"): { kind: "key"; account: string } & { arn: string } => ({ kind: "key", account, arn: `arn:aws:kms:us-west-2:${account}:key/${id}` });

function scopes(principal: string, action: string, target: { kind: "key" | "alias" | "none"; account: string; arn: string }, context: Record<string, string | string[]> = {}): string[] | string {
  const placed = place({ caller: parseCaller(principal)!, action, target, resource: target.arn, index: new ContextIndex(context), rawContext: context });
  return "error" in placed ? placed.error.code : [...placed.scopes];
}

describe("the scopes of a request", () => {
  it("a role session: SCPs of its account, RCPs of the key's account, its role's boundary (any path), its session policies", () => {
    expect(scopes(`arn:aws:sts::${A}:assumed-role/App/s1`, "kms:Decrypt", key(A)))
      .toEqual(["scp:organization[r]", "scp:organization[ou]", "rcp:organization[r]", "boundary:App", "session:s1"]);
  });
  it("a caller of a non-member account on a member's key: RCPs only; on its own key: none", () => {
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(A))).toEqual(["rcp:organization[r]"]);
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B))).toEqual([]);
  });
  it("RCPs skip AWS managed keys, RetireGrant and requests without a resource; services get RCPs but no SCPs", () => {
    expect(scopes(`arn:aws:iam::${A}:user/Bob`, "kms:Decrypt", key(A, "managed"))).toEqual(["scp:organization[r]", "scp:organization[ou]"]);
    expect(scopes(`arn:aws:iam::${A}:user/Bob`, "kms:RetireGrant", key(A))).toEqual(["scp:organization[r]", "scp:organization[ou]"]);
    expect(scopes(`arn:aws:iam::${A}:user/Bob`, "kms:ListKeys", { kind: "none", account: A, arn: "*" })).toEqual(["scp:organization[r]", "scp:organization[ou]"]);
    expect(scopes("logs.amazonaws.com", "kms:Decrypt", key(A))).toEqual(["rcp:organization[r]"]);
  });
  it("a service-linked role and a session of it are exempt from SCPs and RCPs", () => {
    expect(scopes(SLR, "kms:Decrypt", key(A))).toEqual([]);
    expect(scopes(`arn:aws:sts::${A}:assumed-role/Ops/x`, "kms:Decrypt", key(A))).toEqual([]);
  });
  it("the endpoint of aws:SourceVpce; KR0010 for an unknown one, KR0011 for inconsistent network keys", () => {
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B), { "aws:SourceVpce": "vpce-1" })).toEqual(["endpoint:vpce-1"]);
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B), { "aws:SourceVpce": "vpce-2" })).toBe("KR0010");
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B), { "aws:SourceVpce": "vpce-1", "aws:SourceIp": "10.0.0.1" })).toBe("KR0011");
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B), { "aws:SourceVpce": "vpce-1", "aws:SourceVpc": "vpc-2" })).toBe("KR0011");
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B), { "aws:SourceVpc": "vpc-1" })).toBe("KR0011");
    expect(scopes(`arn:aws:iam::${B}:role/P`, "kms:Decrypt", key(B), { "aws:SourceVpce": ["vpce-1", "vpce-x"] })).toBe("KR0011");
  });
});

describe("grant constraints (grants.md §2)", () => {
  const subset = { encryptionContextSubset: { Dept: "IT" } };
  const equals = { encryptionContextEquals: { Dept: "IT" } };
  it("a subset holds when every pair is in the request, keys and values exactly", () => {
    expect(constraintsHold(subset, "Decrypt", { "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContext:Team": "x" })).toBe(true);
    expect(constraintsHold(subset, "Decrypt", { "KMS:encryptioncontext:Dept": "IT" })).toBe(true); // the condition-key prefix in any case
    expect(constraintsHold(subset, "Decrypt", { "kms:EncryptionContext:dept": "IT" })).toBe(false);
    expect(constraintsHold(subset, "Decrypt", { "kms:EncryptionContext:Dept": "it" })).toBe(false);
    expect(constraintsHold(subset, "Decrypt", {})).toBe(false);
  });
  it("equals wants no other pair; ambiguous or multi-valued entries hold nothing (fail closed)", () => {
    expect(constraintsHold(equals, "Encrypt", { "kms:EncryptionContext:Dept": "IT" })).toBe(true);
    expect(constraintsHold(equals, "Encrypt", { "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContext:Team": "x" })).toBe(false);
    expect(constraintsHold(subset, "Decrypt", { "kms:EncryptionContext:Dept": "IT", "kms:encryptioncontext:dept": "IT" })).toBe(false);
    expect(constraintsHold(subset, "Decrypt", { "kms:EncryptionContext:Dept": ["IT", "HR"] })).toBe(false);
  });
  it("ignored by operations without an encryption context; CreateGrant under one is never allowed; SourceArn exactly", () => {
    expect(constraintsHold(subset, "DescribeKey", {})).toBe(true);
    expect(constraintsHold(subset, "CreateGrant", { "kms:EncryptionContext:Dept": "IT" })).toBe(false);
    expect(constraintsHold({ sourceArn: "arn:aws:s3:::b" }, "Decrypt", { "aws:SourceArn": "arn:aws:s3:::b" })).toBe(true);
    expect(constraintsHold({ sourceArn: "arn:aws:s3:::b" }, "Decrypt", {})).toBe(false);
    expect(constraintsHold({ ...subset, ...equals }, "Decrypt", { "kms:EncryptionContext:Dept": "IT" })).toBe(false);
  });
});

describe("the grant attributes of a request", () => {
  const K1 = key(A, "one");
  const K2 = key(A, "two");
  const layers: ManifestLayers = {
    boundaries: [], sessions: [], awsManaged: [],
    grants: [
      { attribute: "grant#0", key: K1.arn, constraints: { encryptionContextSubset: { app: "a" } } },
      { attribute: "grant#1", key: K2.arn, constraints: { encryptionContextSubset: { app: "a" } } },
      { attribute: "grant#2", key: K1.arn, constraints: { encryptionContextSubset: { app: "b" } } },
    ],
  };
  const grantsOf = (l: ManifestLayers, target: { kind: "key" | "none"; account: string; arn: string }): unknown => {
    const context = { "kms:EncryptionContext:app": "a" };
    const placed = createLayerEncoder(l, [])({ caller: parseCaller(`arn:aws:iam::${A}:role/R`)!, action: "kms:Decrypt", target, resource: target.arn, index: new ContextIndex(context), rawContext: context });
    return "error" in placed ? placed.error.code : placed.grants;
  };
  it("only the grants of the request's key are computed (no other key's attribute is read: cedar-manifest.ts)", () => {
    expect(grantsOf(layers, K1)).toEqual([["grant#0", true], ["grant#2", false]]);
    expect(grantsOf(layers, K2)).toEqual([["grant#1", true]]);
    expect(grantsOf(layers, { kind: "none", account: A, arn: "*" })).toEqual([]);
  });
  it("a manifest without the grants' keys (written before they were recorded): every grant, as before", () => {
    const keyless: ManifestLayers = { ...layers, grants: layers.grants.map(({ attribute, constraints }) => ({ attribute, constraints })) };
    expect(grantsOf(keyless, K2)).toEqual([["grant#0", true], ["grant#1", true], ["grant#2", false]]);
  });
  it("grants of different keys may share an attribute (numbered per key); one key's two grants, or a keyless grant and another, may not", () => {
    const shared: ManifestLayers = { ...layers, grants: [
      { attribute: "grant#0", key: K1.arn, constraints: { encryptionContextSubset: { app: "a" } } },
      { attribute: "grant#1", key: K1.arn, constraints: { encryptionContextSubset: { app: "b" } } },
      { attribute: "grant#0", key: K2.arn, constraints: { encryptionContextSubset: { app: "b" } } },
    ] };
    expect(grantsOf(shared, K1)).toEqual([["grant#0", true], ["grant#1", false]]);
    expect(grantsOf(shared, K2)).toEqual([["grant#0", false]]);
    const twiceOnOneKey: ManifestLayers = { ...layers, grants: [...shared.grants, { attribute: "grant#1", key: K1.arn, constraints: {} }] };
    expect(() => createLayerEncoder(twiceOnOneKey, [])).toThrow(/grant attribute `grant#1` is given twice for key/);
    const keylessShared: ManifestLayers = { ...layers, grants: [...shared.grants, { attribute: "grant#0", constraints: {} }] };
    expect(() => createLayerEncoder(keylessShared, [])).toThrow(/grant attribute `grant#0` is given twice/);
  });
  it("constraints of a shape that cannot be read hold nothing (fail closed)", () => {
    expect(grantsOf({ ...layers, grants: [{ attribute: "grant#0", key: K1.arn, constraints: { encryptionContextSubset: { app: 1 } } }] }, K1)).toEqual([["grant#0", false]]);
  });
});

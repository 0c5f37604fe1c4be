// The key-policy principal tests over interned ids (runtime/src/evaluate/compile-principal.ts),
// against docs/request-model.md "Key-policy principal matching" written out by hand: a caller's own
// ARN (case-sensitive) or, for a session, its role by partition+account+name whatever the path names
// it DIRECT; a root ARN names its partition's account, a bare id every partition's, both ACCOUNT and
// never for a service; a service only by its own name; `*` everyone.
import { describe, expect, it } from "vitest";
import { parseCaller } from "@kms-cedar/runtime";
import { ACCOUNT, DIRECT, PrincipalTests } from "../../src/evaluate/compile-principal.js";
import type { PrincipalNode } from "../../src/graph/graph-types.js";

const A = "111122223333";
const B = "444455556666";
const node = (aws: string[], service: string[] = [], any = false): PrincipalNode => ({ kind: "principal", any, aws: [...aws].sort(), service, origin: [] });

const NODES: PrincipalNode[] = [
  node([`arn:aws:iam::${A}:role/path/App`]),
  node([`arn:aws:iam::${A}:root`]),
  node([A]),
  node([`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${B}:root`]),
  node([], ["logs.amazonaws.com"]),
  node([], [], true),
  node([`arn:aws-cn:iam::${A}:root`]),
  node([`arn:aws:sts::${A}:assumed-role/App/s1`]),
  // More than the linear scan's eight ids: the sorted search.
  node(Array.from({ length: 12 }, (_, i) => `arn:aws:iam::${A}:user/U${i}`)),
];

function bitsOf(principal: string): number[] {
  const tests = new PrincipalTests(NODES);
  const info = parseCaller(principal)!;
  const ids = tests.idsOf(info);
  const bits = NODES.map((_, p) => tests.bits(p, ids));
  // The closures over a CallerInfo (the layered path) give the same.
  expect(tests.tests.map((t) => t(info))).toEqual(bits);
  return bits;
}

describe("principal tests over interned ids", () => {
  it("a session is named by its role whatever the path, by its account, and by its own ARN", () => {
    expect(bitsOf(`arn:aws:sts::${A}:assumed-role/App/s1`)).toEqual([DIRECT, ACCOUNT, ACCOUNT, 0, 0, DIRECT, 0, DIRECT, 0]);
    expect(bitsOf(`arn:aws:sts::${A}:assumed-role/App/s2`)).toEqual([DIRECT, ACCOUNT, ACCOUNT, 0, 0, DIRECT, 0, 0, 0]);
  });

  it("a role ARN as principal matches exactly (path included), not by name", () => {
    expect(bitsOf(`arn:aws:iam::${A}:role/path/App`)).toEqual([DIRECT, ACCOUNT, ACCOUNT, 0, 0, DIRECT, 0, 0, 0]);
    expect(bitsOf(`arn:aws:iam::${A}:role/App`)).toEqual([0, ACCOUNT, ACCOUNT, 0, 0, DIRECT, 0, 0, 0]);
  });

  it("ARNs are case-sensitive, and another account's root names only that account", () => {
    expect(bitsOf(`arn:aws:iam::${A}:user/bob`)).toEqual([0, ACCOUNT, ACCOUNT, 0, 0, DIRECT, 0, 0, 0]);
    expect(bitsOf(`arn:aws:iam::${A}:user/Bob`)).toEqual([0, ACCOUNT, ACCOUNT, DIRECT, 0, DIRECT, 0, 0, 0]);
    expect(bitsOf(`arn:aws:iam::${B}:user/Bob`)).toEqual([0, 0, 0, ACCOUNT, 0, DIRECT, 0, 0, 0]);
  });

  it("a root caller is named by its account only, a root ARN by partition, a bare id in every partition", () => {
    expect(bitsOf(`arn:aws:iam::${A}:root`)).toEqual([0, ACCOUNT, ACCOUNT, 0, 0, DIRECT, 0, 0, 0]);
    expect(bitsOf(`arn:aws-cn:iam::${A}:root`)).toEqual([0, 0, ACCOUNT, 0, 0, DIRECT, ACCOUNT, 0, 0]);
  });

  it("a service is named by its name or `*`, never by an account", () => {
    expect(bitsOf("logs.amazonaws.com")).toEqual([0, 0, 0, 0, DIRECT, DIRECT, 0, 0, 0]);
    expect(bitsOf("s3.amazonaws.com")).toEqual([0, 0, 0, 0, 0, DIRECT, 0, 0, 0]);
  });

  it("finds an ARN in a long list", () => {
    for (const i of [0, 5, 11]) expect(bitsOf(`arn:aws:iam::${A}:user/U${i}`)[8]).toBe(DIRECT);
    expect(bitsOf(`arn:aws:iam::${A}:user/U12`)[8]).toBe(0);
  });
});

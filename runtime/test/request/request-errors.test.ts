// The KR registry (runtime/src/request/request-errors.ts): every code has an entry, is documented in
// docs/request-model.md "Errors", and fires — here through the reference evaluator, which states the
// codes on its own (the graph and Cedar engines are held to the same codes by
// conformance/test/hostile-requests.test.ts; KR0900 by runtime/test/cedar/cedar-authorizer.test.ts, KR0901 by runtime/test/graph/engine-failure.test.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REQUEST_ERRORS, RequestErrorCode } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/k1`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const bundle = { keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [] } } } };
const ok = { principal: BOB, action: "kms:Decrypt", resource: KEY };

const FIRING: Record<string, unknown> = {
  KR0001: { ...ok, principal: "bob" },
  KR0002: { ...ok, action: "kms:Nope" },
  KR0003: { ...ok, resource: "arn:aws:s3:::b" },
  KR0004: { ...ok, resource: `arn:aws:kms:us-west-2:${A}:key/other` },
  KR0005: { ...ok, resource: "*" },
  KR0006: { ...ok, context: { k: 1 } },
  KR0007: { ...ok, checks: [ok] },
  KR0008: { ...ok, context: { k: "\ud800" } },
  KR0009: { ...ok, context: { "aws:username": "bob" } },
  KR0010: { ...ok, context: { "aws:SourceVpce": "vpce-ffff" } },
  KR0011: { ...ok, context: { "aws:SourceVpce": "vpce-0a1b", "aws:SourceIp": "10.0.0.1" } },
  // The bundle's principals name a session of the role App (docs/request-model.md "The caller").
  KR0012: { ...ok, principal: `arn:aws:iam::${A}:role/App` },
};

// KR0010 and KR0011 exist only for a bundle with `endpoints` (docs/semantics/vpc-endpoint-policy.md §2).
const withEndpoint = { ...bundle, principals: { [`arn:aws:sts::${A}:assumed-role/App/s1`]: { policies: [] } }, endpoints: { "vpce-0a1b": { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] } } } };

describe("the request-error registry", () => {
  it("lists every code once, in order, with a slug and help, and the named codes are its codes", () => {
    const codes = REQUEST_ERRORS.map((e) => e.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(REQUEST_ERRORS.every((e) => /^KR\d{4}$/.test(e.code) && /^[a-z-]+$/.test(e.slug) && e.help.length > 20)).toBe(true);
    expect(Object.values(RequestErrorCode).sort()).toEqual(codes);
  });

  it("documents every code in docs/request-model.md", () => {
    const doc = readFileSync(new URL("../../../docs/request-model.md", import.meta.url), "utf8");
    for (const e of REQUEST_ERRORS) expect(doc).toContain(`| ${e.code} | ${e.slug} |`);
  });

  it.each(Object.entries(FIRING))("%s fires", (code, request) => {
    expect(evaluateReference(withEndpoint, request as never)).toMatchObject({ error: { code } });
  });

  // KR0013 is the bundle's fault, not the request's: a bundle object whose reading throws (a getter).
  it("KR0013 fires", () => {
    const unreadable = { ...withEndpoint, get keys(): never { throw new Error("boom"); } };
    expect(evaluateReference(unreadable as never, ok)).toMatchObject({ error: { code: "KR0013" } });
  });

  it("every code but the two bug reports (KR0900 cedar-wasm, KR0901 the graph engine) has a firing request here", () => {
    expect(REQUEST_ERRORS.map((e) => e.code).filter((c) => !(c in FIRING) && c !== "KR0013")).toEqual(["KR0900", "KR0901"]);
  });
});

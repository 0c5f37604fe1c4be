// Requests the oracle cannot decide get an error entry, never a decision (docs/request-model.md
// "Errors": KR0001–KR0007).

import { describe, expect, it } from "vitest";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { A, APP, DKP, K1, doc } from "./fixtures.js";

const BUNDLE = { keys: { [K1]: { policy: doc(DKP) } } };
const req = (principal: unknown, action: unknown, resource: unknown, context?: unknown): object =>
  ({ principal, action, resource, ...(context === undefined ? {} : { context }) });

const rows: Array<{ name: string; request: unknown; code: string }> = [
  { name: "principal without ARN form", request: req("bob", "kms:Decrypt", K1), code: "KR0001" },
  { name: "group principal", request: req(`arn:aws:iam::${A}:group/Admins`, "kms:Decrypt", K1), code: "KR0001" },
  { name: "account id of 5 digits", request: req("arn:aws:iam::12345:root", "kms:Decrypt", K1), code: "KR0001" },
  { name: "assumed-role without a session", request: req(`arn:aws:sts::${A}:assumed-role/App`, "kms:Decrypt", K1), code: "KR0001" },
  { name: "service principal that is not amazonaws.com", request: req("logs.example.com", "kms:Decrypt", K1), code: "KR0001" },
  { name: "unknown KMS action", request: req(APP, "kms:Frobnicate", K1), code: "KR0002" },
  { name: "another service's action", request: req(APP, "s3:GetObject", K1), code: "KR0002" },
  { name: "an operation name is not an action", request: req(APP, "kms:ReEncrypt", K1), code: "KR0002" },
  { name: "action with a wildcard", request: req(APP, "kms:*", K1), code: "KR0002" },
  { name: "key ARN without an id", request: req(APP, "kms:Decrypt", `arn:aws:kms:us-west-2:${A}:key/`), code: "KR0003" },
  { name: "not a KMS ARN", request: req(APP, "kms:Decrypt", "arn:aws:s3:::bucket"), code: "KR0003" },
  { name: "bare key id", request: req(APP, "kms:Decrypt", "1111aaaa-1111-1111-1111-111111111111"), code: "KR0003" },
  { name: "key not in the bundle", request: req(APP, "kms:Decrypt", `arn:aws:kms:us-west-2:${A}:key/9999`), code: "KR0004" },
  { name: "key ARN differs only in case", request: req(APP, "kms:Decrypt", K1.replace("1111aaaa", "1111AAAA")), code: "KR0004" },
  { name: "Decrypt on an alias ARN", request: req(APP, "kms:Decrypt", `arn:aws:kms:us-west-2:${A}:alias/app`), code: "KR0005" },
  { name: "CreateKey on a key", request: req(APP, "kms:CreateKey", K1), code: "KR0005" },
  { name: "Decrypt with no resource", request: req(APP, "kms:Decrypt", "*"), code: "KR0005" },
  { name: "context value is a number", request: req(APP, "kms:Decrypt", K1, { "aws:EpochTime": 5 }), code: "KR0006" },
  { name: "context value is a nested array", request: req(APP, "kms:Decrypt", K1, { "aws:TagKeys": [["a"]] }), code: "KR0006" },
  { name: "context value is null", request: req(APP, "kms:Decrypt", K1, { "aws:SourceIp": null }), code: "KR0006" },
  { name: "missing action", request: { principal: APP, resource: K1 }, code: "KR0007" },
  { name: "request is not an object", request: "kms:Decrypt", code: "KR0007" },
  { name: "context is an array", request: req(APP, "kms:Decrypt", K1, ["x"]), code: "KR0007" },
  { name: "context is null", request: req(APP, "kms:Decrypt", K1, null), code: "KR0007" },
  { name: "a check of an operation is malformed", request: { operation: "kms:ReEncrypt", checks: [{ principal: APP }] }, code: "KR0007" },
  { name: "operation with no checks", request: { operation: "kms:ReEncrypt", checks: [] }, code: "KR0007" },
];

describe("undecidable requests", () => {
  it.each(rows)("$name → $code", ({ request, code }) => {
    const result = evaluateReference(BUNDLE, request as never);
    expect(result).toEqual({ error: { code, message: expect.any(String) } });
  });

  it("action names are case-insensitive (not an error)", () => {
    expect(evaluateReference(BUNDLE, req(APP, "KMS:decrypt", K1) as never)).toEqual({ decision: "ImplicitDeny", reasons: [] });
  });

  it("messages name the input in backticks", () => {
    expect(evaluateReference(BUNDLE, req(APP, "kms:Frobnicate", K1) as never)).toEqual({ error: { code: "KR0002", message: "unknown action `kms:Frobnicate`" } });
  });
});

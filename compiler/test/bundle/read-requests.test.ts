// Requests files (docs/request-model.md): requests and operations in input order; a malformed
// entry becomes a KR0007 error entry in its place, never a request.
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/bundle/json-front-end.js";
import { readRequests } from "../../src/bundle/read-requests.js";

const P = "arn:aws:sts::111122223333:assumed-role/App/s1";
const K = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";

function entries(text: string) {
  const { root } = parseJsonText(text);
  if (root?.kind !== "array") throw new Error("test input is not an array");
  return readRequests(root);
}

describe("readRequests", () => {
  it("reads requests with and without context, and operations, in order", () => {
    const list = entries(JSON.stringify([
      { principal: P, action: "kms:Decrypt", resource: K, context: { "aws:ResourceTag/Project": "Alpha", "kms:EncryptionContextKeys": ["a", "b"] } },
      { description: "no context", principal: P, action: "kms:ListKeys", resource: "*" },
      { operation: "kms:ReEncrypt", checks: [
        { principal: P, action: "kms:ReEncryptFrom", resource: K },
        { principal: P, action: "kms:ReEncryptTo", resource: K, context: {} },
      ] },
    ]));
    expect(list.map((e) => e.kind)).toEqual(["request", "request", "operation"]);
    expect(list[0]).toMatchObject({ request: { principal: P, action: "kms:Decrypt", resource: K, context: { "aws:ResourceTag/Project": "Alpha", "kms:EncryptionContextKeys": ["a", "b"] } } });
    expect(list[1]).toMatchObject({ request: { action: "kms:ListKeys", resource: "*" } });
    expect(list[1]?.kind === "request" && "context" in list[1].request).toBe(false);
    expect(list[2]).toMatchObject({ operation: "kms:ReEncrypt", checks: [{ action: "kms:ReEncryptFrom" }, { action: "kms:ReEncryptTo", context: {} }] });
  });

  it("judges context values with the runtime's request reader, as decide() does (KR0006)", () => {
    const [entry] = entries(`[{"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}", "context": {"n": 5, "o": {"x": null}}}]`);
    expect(entry).toMatchObject({ kind: "malformed", error: { code: "KR0006" } });
  });

  it("strips the file's annotation member `description` from entries and checks, and nothing else", () => {
    const list = entries(JSON.stringify([
      { description: "d", principal: P, action: "kms:Decrypt", resource: K },
      { description: "d", operation: "kms:ReEncrypt", checks: [{ description: "c", principal: P, action: "kms:ReEncryptFrom", resource: K }] },
      { principal: P, action: "kms:Decrypt", resource: K, checks: [{ principal: P, action: "kms:Decrypt", resource: K }] },
      { checks: [{ principal: P, action: "kms:Decrypt", resource: K }] },
    ]));
    expect(list.map((e) => e.kind)).toEqual(["request", "operation", "malformed", "malformed"]);
    expect(list[0]?.kind === "request" && Object.keys(list[0].request)).toEqual(["principal", "action", "resource"]);
    expect(list[1]?.kind === "operation" && Object.keys(list[1].checks[0]!)).toEqual(["principal", "action", "resource"]);
  });

  it("refuses annotations it cannot trust: `expect` twice, a `description` that is not a string (entry or check)", () => {
    const list = entries(`[
      {"expect": "Allow", "expect": "ImplicitDeny", "principal": "${P}", "action": "kms:Decrypt", "resource": "${K}"},
      {"description": 5, "principal": "${P}", "action": "kms:Decrypt", "resource": "${K}"},
      {"operation": "kms:ReEncrypt", "checks": [{"principal": "${P}", "action": "kms:ReEncryptFrom", "resource": "${K}"}, {"description": ["x"], "principal": "${P}", "action": "kms:ReEncryptTo", "resource": "${K}"}]},
      {"description": "fine", "expect": "Allow", "principal": "${P}", "action": "kms:Decrypt", "resource": "${K}"},
      {"operation": "kms:ReEncrypt", "checks": ["x", {"description": null, "principal": "${P}", "action": "kms:ReEncryptTo", "resource": "${K}"}]}
    ]`);
    expect(list.map((e) => (e.kind === "malformed" ? e.error.message : e.kind))).toEqual([
      "request 0: member `expect` appears twice",
      "request 1: `description` must be a string",
      "request 2: check 1: `description` must be a string",
      "request",
      "request 4: check 1: `description` must be a string",
    ]);
    expect(list.slice(0, 3).every((e) => e.kind === "malformed" && e.error.code === "KR0007" && e.annotations?.unreadableAnnotations === true)).toBe(true);
  });

  it("a lone surrogate is KR0008 (escaped in JSON text)", () => {
    const [entry] = entries(`[{"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}", "context": {"k": "\\ud800"}}]`);
    expect(entry).toMatchObject({ kind: "malformed", error: { code: "KR0008" } });
  });

  it("keeps a context key named __proto__ as a plain key", () => {
    const [entry] = entries(`[{"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}", "context": {"__proto__": "x"}}]`);
    const context = entry?.kind === "request" ? entry.request.context : undefined;
    expect(Object.keys(context ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
  });

  it.each([
    ["42", "request 0: malformed request: a request must be a JSON object"],
    [`{"action": "kms:Decrypt", "resource": "${K}"}`, "request 0: malformed request: request field `principal` must be a string"],
    [`{"principal": 1, "action": "kms:Decrypt", "resource": "${K}"}`, "request field `principal` must be a string"],
    [`{"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}", "contxt": {}}`, "unknown member `contxt` in a request"],
    [`{"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}", "context": []}`, "request field `context` must be an object"],
    [`{"principal": "${P}", "action": "kms:Decrypt", "action": "kms:Encrypt", "resource": "${K}"}`, "request 0: member `action` appears twice"],
    [`{"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}", "context": {"a": "1", "a": "2"}}`, "member `a` appears twice"],
    [`{"operation": "kms:ReEncrypt", "checks": []}`, "a non-empty `checks` array"],
    [`{"operation": 7, "checks": [{}]}`, "an operation needs a string `operation`"],
    [`{"operation": "kms:ReEncrypt", "checks": [{"principal": "${P}"}]}`, "request field `action` must be a string"],
  ])("turns %s into a KR0007 entry (%s)", (entry, message) => {
    const list = entries(`[${entry}, {"principal": "${P}", "action": "kms:Decrypt", "resource": "${K}"}]`);
    expect(list[0]?.kind).toBe("malformed");
    expect(list[0]?.kind === "malformed" && list[0].error.code).toBe("KR0007");
    expect(list[0]?.kind === "malformed" && list[0].error.message).toContain(message);
    expect(list[1]?.kind).toBe("request"); // the next entry is unaffected
  });
});

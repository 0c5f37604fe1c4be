// The one strict request reader (runtime/src/request/read-shape.ts): exact shapes (DESIGN §2), the
// error order of docs/request-model.md "Errors", and well-formed Unicode (a lone surrogate is KR0008).
import { describe, expect, it } from "vitest";
import { isWellFormed, readInputShape } from "@kms-cedar/runtime";

const R = { principal: "arn:aws:iam::111122223333:user/Bob", action: "kms:Decrypt", resource: "arn:aws:kms:us-west-2:111122223333:key/k1" };
const code = (input: unknown): string => {
  const shape = readInputShape(input);
  return typeof shape === "string" ? shape : shape.error.code;
};

describe("readInputShape", () => {
  it.each<[string, unknown, string]>([
    ["a request", R, "request"],
    ["a request with a context", { ...R, context: { a: "1", b: ["x", "y"], c: [] } }, "request"],
    ["an operation", { operation: "kms:ReEncrypt", checks: [R, R] }, "operation"],
    ["a request with `checks` (hybrid)", { ...R, checks: [R] }, "KR0007"],
    ["an operation with a request member", { operation: "kms:ReEncrypt", checks: [R], principal: R.principal }, "KR0007"],
    ["`checks` without `operation`", { checks: [R] }, "KR0007"],
    ["`operation` without `checks`", { operation: "kms:ReEncrypt" }, "KR0007"],
    ["a numeric operation name", { operation: 5, checks: [R] }, "KR0007"],
    // DESIGN §2: an operation names a multi-part operation; anything else is a request error (an audit found any name decided).
    ["an operation named by no multi-part operation", { operation: "x", checks: [R] }, "KR0007"],
    ["an operation named by a single action", { operation: "kms:Decrypt", checks: [R] }, "KR0007"],
    ["an operation named `__proto__`", { operation: "__proto__", checks: [R] }, "KR0007"],
    ["each multi-part operation, in any letter case", { operation: "KMS:updateAlias", checks: [R] }, "operation"],
    ["CreateAlias", { operation: "kms:CreateAlias", checks: [R, R] }, "operation"],
    ["ReplicateKey", { operation: "kms:ReplicateKey", checks: [R] }, "operation"],
    ["DeleteAlias (the alias and its key)", { operation: "kms:DeleteAlias", checks: [R, R] }, "operation"],
    ["empty checks", { operation: "kms:ReEncrypt", checks: [] }, "KR0007"],
    ["checks not an array", { operation: "kms:ReEncrypt", checks: { 0: R } }, "KR0007"],
    ["a sparse checks array", { operation: "kms:ReEncrypt", checks: [R, , R] }, "KR0007"], // eslint-disable-line no-sparse-arrays
    ["a check that is an operation", { operation: "kms:ReEncrypt", checks: [{ operation: "x", checks: [R] }] }, "KR0007"],
    ["a stray member", { ...R, description: "x" }, "KR0007"],
    ["a member named __proto__", JSON.parse(`{"principal":"p","action":"a","resource":"r","__proto__":{}}`), "KR0007"],
    ["an inherited member", Object.assign(Object.create({ extra: 1 }) as object, R), "KR0007"],
    ["fields only on the prototype", Object.create(R) as object, "KR0007"],
    ["null", null, "KR0007"],
    ["an array", [R], "KR0007"],
    ["a string", "kms:Decrypt", "KR0007"],
    ["a numeric principal", { ...R, principal: 1 }, "KR0007"],
    ["a missing resource", { principal: R.principal, action: R.action }, "KR0007"],
    ["context null", { ...R, context: null }, "KR0007"],
    ["context an array", { ...R, context: ["a"] }, "KR0007"],
    ["a numeric context value", { ...R, context: { a: 1 } }, "KR0006"],
    ["a nested array", { ...R, context: { a: [["x"]] } }, "KR0006"],
    ["a sparse context array", { ...R, context: { a: ["x", , "y"] } }, "KR0006"], // eslint-disable-line no-sparse-arrays
    ["a context object value", { ...R, context: { a: { b: "c" } } }, "KR0006"],
    ["a lone surrogate in a context value", { ...R, context: { a: "x\ud800" } }, "KR0008"],
    ["a lone surrogate in a context array", { ...R, context: { a: ["ok", "\udc00"] } }, "KR0008"],
    ["a lone surrogate in a context key", { ...R, context: { "\ud83d": "x" } }, "KR0008"],
    ["a lone surrogate in the principal", { ...R, principal: "\ud800" }, "KR0008"],
    ["a lone surrogate in the operation name", { operation: "\udfff", checks: [R] }, "KR0008"],
    ["a surrogate pair is fine", { ...R, context: { "😀": "😀" } }, "request"],
  ])("%s → %s", (_name, input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it("reports KR0007 before KR0006 before KR0008, whatever the order of the members", () => {
    expect(code({ context: { a: 1, b: "\ud800" }, ...R, principal: 7 })).toBe("KR0007");
    expect(code({ ...R, context: { b: "\ud800", a: 1 } })).toBe("KR0006");
    expect(code({ ...R, principal: "\ud800", context: { a: 1 } })).toBe("KR0006");
  });

  it("reads every check's shape before any is decided", () => {
    expect(code({ operation: "kms:ReEncrypt", checks: [{ ...R, principal: "not a principal" }, { ...R, context: { a: 1 } }] })).toBe("KR0006");
  });

  it("accepts a huge context array and a context key named __proto__", () => {
    expect(code({ ...R, context: { a: new Array<string>(200_000).fill("x") } })).toBe("request");
    expect(code({ ...R, context: JSON.parse(`{"__proto__": "x", "constructor": ["y"]}`) as object })).toBe("request");
  });

  it("messages of a lone surrogate serialize to well-formed text", () => {
    const shape = readInputShape({ ...R, context: { "k\ud800": 5 } });
    expect(typeof shape === "string" ? "" : shape.error.message).toContain("\\ud800");
    expect(isWellFormed(JSON.stringify(shape))).toBe(true);
  });
});

describe("isWellFormed", () => {
  it.each<[string, boolean]>([
    ["", true], ["abc", true], ["😀", true], ["a😀b", true],
    ["\ud800", false], ["\udc00", false], ["a\ud800b", false], ["\udc00\ud800", false], ["😀\ud83d", false], ["\ud83d😀", false],
  ])("%j → %s", (text, expected) => {
    expect(isWellFormed(text)).toBe(expected);
  });
});

describe("operation names, in the oracle too", () => {
  it("an operation that names no multi-part operation is KR0007 in the reference, as in the shared reader", async () => {
    const { evaluateReference } = await import("@kms-cedar/runtime/reference");
    const bundle = { keys: {}, principals: {} };
    for (const operation of ["x", "kms:Decrypt", "__proto__", "kms:ReEncryptFrom"]) {
      const input = { operation, checks: [R] };
      expect(code(input), operation).toBe("KR0007");
      expect((evaluateReference(bundle as never, input) as { error: { code: string } }).error.code, operation).toBe("KR0007");
    }
    // A known name in any letter case is read: this check is decided (here: its key is unknown, KR0004).
    expect((evaluateReference(bundle as never, { operation: "KMS:reEncrypt", checks: [R] }) as { error: { code: string } }).error.code).toBe("KR0004");
  });
});

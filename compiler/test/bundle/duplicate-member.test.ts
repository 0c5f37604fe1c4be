// The runtime's duplicate-member check (runtime/src/request/duplicate-member.ts), used where request
// text is read with JSON.parse (the embedding example, the playground), against the JSON front end the
// CLI reads requests with (grammar, KC1024): on generated JSON texts, with names spelt with escapes
// and strings holding the scanner's own punctuation, they find a member written twice alike.
import fc from "fast-check";
import { duplicateMemberError } from "@kms-cedar/runtime";
import { JsonCode } from "@kms-cedar/grammar";
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/bundle/json-front-end.js";

/** A name as JSON text: plain, or with its first character as a \u escape. */
const spell = (name: string, escaped: boolean): string =>
  escaped && name.length > 0 ? `"\\u${name.charCodeAt(0).toString(16).padStart(4, "0")}${JSON.stringify(name.slice(1)).slice(1)}` : JSON.stringify(name);

// Few names, so that objects repeat them; strings holding quotes, braces, commas and backslashes.
const name = fc.constantFrom("a", "b", "action", "__proto__", "x\"y", "{,}", "\\", "ä");
const text: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("1", "true", "null", "\"s\"", "\"},{\\\"a\\\":[\"", "\"\\\\\""),
    fc.array(tie("value"), { maxLength: 3 }).map((vs) => `[${vs.join(",")}]`),
    fc.array(fc.tuple(name, fc.boolean(), tie("value")), { maxLength: 4 })
      .map((ms) => `{${ms.map(([n, e, v]) => `${spell(n, e)}: ${v}`).join(", ")}}`),
  ),
})).value;

describe("duplicateMemberError", () => {
  it("agrees with the JSON front end on generated texts (and the texts are JSON)", () => {
    let twice = 0;
    fc.assert(fc.property(text, (t) => {
      JSON.parse(t);
      const frontEnd = parseJsonText(t).diagnostics.some((d) => d.code === JsonCode.duplicateKey);
      const runtime = duplicateMemberError(t);
      expect(runtime !== undefined).toBe(frontEnd);
      if (runtime !== undefined) twice++, expect(runtime.error.code).toBe("KR0007");
    }), { seed: 20261204, numRuns: 2000 });
    // The generator reaches both answers often.
    expect(twice).toBeGreaterThan(200);
    expect(twice).toBeLessThan(1800);
  });

  it("names the member, and compares names as decoded", () => {
    expect(duplicateMemberError('{"action":"a","action":"b"}')?.error.message).toBe("malformed request: member `action` appears twice");
    expect(duplicateMemberError('{"context":{"k":"1","\\u006b":"2"}}')?.error.message).toBe("malformed request: member `k` appears twice");
    expect(duplicateMemberError('[{"a":1},{"a":1}]')).toBeUndefined();
    expect(duplicateMemberError('{"a":{"b":1},"b":2,"c":["a","a"]}')).toBeUndefined();
    expect(duplicateMemberError('{"a":"\\",\\"a\\":1"}')).toBeUndefined();
    expect(duplicateMemberError(`${"[".repeat(10_000)}{"a":1,"a":2}${"]".repeat(10_000)}`)).toBeDefined();
  });
});

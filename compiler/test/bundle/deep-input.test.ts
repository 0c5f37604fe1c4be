// Deep user input is a diagnostic, never a throw (issue 10 item 8): an inline policy document nested
// 5,000 or 100,000 levels deep, given as a bundle object or as bundle JSON text, and bundle objects
// of the wrong shape or that JSON cannot hold.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle } from "@kms-cedar/runtime";
import { bundleObjectText } from "../../src/bundle/bundle-object-text.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const nested = (depth: number): unknown => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};
const policyWith = (value: unknown): object => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/x": value } } }],
});
const errors = (bundle: unknown): string[] =>
  compileBundle(bundle as Bundle).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

describe("an inline document nested too deep", () => {
  for (const depth of [5_000, 100_000]) {
    it(`${depth} levels, as a key policy or an identity policy of a bundle object: KC1003`, () => {
      expect(errors({ keys: { [KEY]: { policy: policyWith(nested(depth)) } } })).toEqual(["KC1003"]);
      expect(errors({ principals: { [ROLE]: { policies: [policyWith(nested(depth))] } } })).toEqual(["KC1003"]);
    });

    it(`${depth} levels, in bundle JSON text: KC1003`, () => {
      const dir = mkdtempSync(join(tmpdir(), "kms-cedar-deep-"));
      const file = join(dir, "bundle.json");
      const deep = `${"[".repeat(depth)}"x"${"]".repeat(depth)}`;
      writeFileSync(file, `{"keys": {"${KEY}": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/x": ${deep}}}}]}}}}`);
      const result = compileBundle(file);
      expect(result.graph).toBeUndefined();
      expect(result.diagnostics.map((d) => d.code)).toContain("KC1003");
    });
  }

  it("a bundle object nests as deep as its bundle file may: 64 levels load (the JSON front end's limit), 65 do not", () => {
    // The bundle takes 8 levels down to the condition's value (bundle, keys, entry, document,
    // Statement, statement, Condition, operator), as the bundle file it stands for does.
    const bundleAt = (n: number) => ({ keys: { [KEY]: { policy: policyWith(nested(n)) } } });
    expect(errors(bundleAt(56))).not.toContain("KC1003");
    expect(errors(bundleAt(57))).toContain("KC1003");
    const dir = mkdtempSync(join(tmpdir(), "kms-cedar-deep-"));
    for (const n of [56, 57]) writeFileSync(join(dir, `${n}.json`), JSON.stringify(bundleAt(n)));
    expect(errors(join(dir, "56.json"))).toEqual(errors(bundleAt(56)));
    expect(errors(join(dir, "57.json"))).toContain("KC1003");
  });

  it("bundleObjectText: JSON.stringify's text, read without recursion past the limit; a cycle is refused", () => {
    const plain = { b: [1, "x\ud800", null, true, { c: [] }], a: {}, u: undefined, f: () => 1, n: [undefined, NaN, -0] };
    expect(bundleObjectText(plain)).toEqual({ text: JSON.stringify(plain, null, 2) });
    expect(bundleObjectText(nested(100_000))).toMatchObject({ refused: "too-deep" });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(bundleObjectText(cycle)).toMatchObject({ refused: "unreadable" });
    // The same object twice, not inside itself, is no cycle.
    const shared = { x: 1 };
    expect(bundleObjectText([shared, shared])).toEqual({ text: JSON.stringify([shared, shared], null, 2) });
  });
});

describe("bundle objects of the wrong shape are diagnostics", () => {
  it.each([
    { name: "principals entry without policies", bundle: { principals: { [ROLE]: {} } }, code: "KC2905" },
    { name: "policies not an array", bundle: { principals: { [ROLE]: { policies: "x" } } }, code: "KC2908" },
    { name: "key entry not an object", bundle: { keys: { [KEY]: "policy.json" } }, code: "KC2904" },
    { name: "keys not an object", bundle: { keys: ["x"] }, code: "KC2903" },
    { name: "bundle not an object", bundle: 42, code: "KC2901" },
    { name: "a BigInt in an inline document", bundle: { keys: { [KEY]: { policy: { Version: 10n } } } }, code: "KC2915" },
    { name: "a key ARN with a lone surrogate", bundle: { keys: { [`${KEY}\ud800`]: { policy: {} } } }, code: "KC2909" },
    { name: "a principal ARN with a lone surrogate", bundle: { principals: { [`${ROLE}\udc00`]: { policies: [] } } }, code: "KC1025" },
    { name: "a lone surrogate in an inline policy (compile used to throw)", bundle: { keys: { [KEY]: { policy: policyWith("a\ud800") } } }, code: "KC1025" },
    // The bundle file's checks hold for a bundle object: these once compiled, the misspelled layer ignored.
    { name: "a misspelled member (its SCPs were ignored, and the graph allowed what they deny)", bundle: { keys: { [KEY]: { policy: policyWith("x") } }, orgnization: { root: {} } }, code: "KC2902" },
    { name: "a stray member of a key entry", bundle: { keys: { [KEY]: { policy: policyWith("x"), grnts: [] } } }, code: "KC2906" },
    { name: "a getter that throws (compile threw)", bundle: { get keys(): unknown { throw new Error("boom"); } }, code: "KC2915" },
    { name: "a Proxy whose trap throws (compile threw)", bundle: { keys: new Proxy({}, { ownKeys: () => { throw new Error("boom"); } }) }, code: "KC2915" },
    { name: "a cycle", bundle: (() => { const entry: Record<string, unknown> = { policy: policyWith("x") }; entry.self = { entry }; return { keys: { [KEY]: entry } }; })(), code: "KC2915" },
    // 2^40 leaves from 40 arrays that each hold the next twice: refused at the size limit, never expanded (compile hung).
    { name: "one sub-object shared 2^40 times", bundle: { keys: { [KEY]: { policy: policyWith(Array.from({ length: 40 }).reduce<unknown>((x) => [x, x], "x")) } } }, code: "KC1002" },
  ])("$name: $code", ({ bundle, code }) => {
    expect(errors(bundle)).toContain(code);
  });

  it("a bundle object is read once: each getter answers once", () => {
    let reads = 0;
    const entry = { get policy(): unknown { reads++; return policyWith(reads === 1 ? "x" : 5); } };
    expect(errors({ keys: { [KEY]: entry } })).toEqual([]);
    expect(reads).toBe(1);
  });
});

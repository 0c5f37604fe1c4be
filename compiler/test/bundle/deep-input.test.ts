// Deep user input is a diagnostic, never a throw (issue 10 item 8): an inline policy document nested
// 5,000 or 100,000 levels deep, given as a bundle object or as bundle JSON text, and bundle objects
// of the wrong shape or that JSON cannot hold.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle } from "@kms-cedar/runtime";
import { nestingDepth } from "../../src/bundle/inline-document.js";

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

  it("64 levels still load (the JSON front end's limit), 65 do not", () => {
    // The policy itself takes 5 levels (document, Statement, statement, Condition, operator).
    expect(errors({ keys: { [KEY]: { policy: policyWith(nested(59)) } } })).not.toContain("KC1003");
    expect(errors({ keys: { [KEY]: { policy: policyWith(nested(60)) } } })).toContain("KC1003");
  });

  it("nestingDepth counts without recursion and stops at the cap; a cycle is too deep", () => {
    expect(nestingDepth("x", 10)).toBe(0);
    expect(nestingDepth([{ a: [] }], 10)).toBe(3);
    expect(nestingDepth(nested(100_000), 65)).toBe(65);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(nestingDepth(cycle, 65)).toBe(65);
  });
});

describe("bundle objects of the wrong shape are diagnostics", () => {
  it.each([
    { name: "principals entry without policies", bundle: { principals: { [ROLE]: {} } }, code: "KC2908" },
    { name: "policies not an array", bundle: { principals: { [ROLE]: { policies: "x" } } }, code: "KC2908" },
    { name: "key entry not an object", bundle: { keys: { [KEY]: "policy.json" } }, code: "KC2904" },
    { name: "keys not an object", bundle: { keys: ["x"] }, code: "KC2903" },
    { name: "bundle not an object", bundle: 42, code: "KC2901" },
    { name: "a BigInt in an inline document", bundle: { keys: { [KEY]: { policy: { Version: 10n } } } }, code: "KC2907" },
    { name: "a key ARN with a lone surrogate", bundle: { keys: { [`${KEY}\ud800`]: { policy: {} } } }, code: "KC2909" },
    { name: "a principal ARN with a lone surrogate", bundle: { principals: { [`${ROLE}\udc00`]: { policies: [] } } }, code: "KC2910" },
    { name: "a lone surrogate in an inline policy (compile used to throw)", bundle: { keys: { [KEY]: { policy: policyWith("a\ud800") } } }, code: "KC1025" },
  ])("$name: $code", ({ bundle, code }) => {
    expect(errors(bundle)).toContain(code);
  });
});

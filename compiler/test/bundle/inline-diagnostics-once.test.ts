// One diagnostic per problem: a JSON-level mistake inside an inline policy of a bundle (a lone surrogate,
// KC1025; a duplicate member, KC1024; a trailing comma, KC1016) was reported by the bundle's parse and
// again by the policy's own parse, with the same span (found by an audit). A policy in its own file, and
// a mistake in the bundle outside any policy, were and are reported once.
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/index.js";
import { runKmsCedar, tempFiles } from "../cli/run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const statement = `{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}`;
const policyWith = (flawed: string) => `{"Version":"2012-10-17","Statement":[${flawed}]}`;
const CASES = [
  ["a lone surrogate", "KC1025", statement.replace(`"Resource":"*"`, `"Resource":"*","Sid":"x\\ud800"`)],
  ["a duplicate member", "KC1024", statement.replace(`"Effect":"Allow"`, `"Effect":"Allow","Effect":"Deny"`)],
  ["a trailing comma", "KC1016", statement.replace(`"Resource":"*"`, `"Resource":"*",`)],
] as const;

describe.each(CASES)("%s (%s) in an inline policy is reported once", (_name, code, flawed) => {
  const bundle = `{"keys":{"${KEY}":{"policy":${policyWith(flawed)}}}}`;

  it("by check, in text and JSON", () => {
    const dir = tempFiles({ "bundle.json": bundle });
    const text = runKmsCedar(["check", "bundle.json"], dir);
    expect(text.status).toBe(1);
    expect(text.stdout.match(new RegExp(`^error\\[${code}\\]`, "gm"))).toHaveLength(1);
    expect(text.stdout).toContain("1 error, 0 warnings in 1 file");
    const json = JSON.parse(runKmsCedar(["check", "bundle.json", "--format", "json"], dir).stdout) as { files: { diagnostics: { code: string }[] }[] };
    expect(json.files.flatMap((f) => f.diagnostics.map((d) => d.code))).toEqual([code]);
  });

  it("by compileBundle (the playground: playground/test/analyze-input.test.ts)", () => {
    const dir = tempFiles({ "bundle.json": bundle });
    expect(compileBundle("bundle.json", { baseDir: dir }).diagnostics.map((d) => d.code)).toEqual([code]);
  });
});

describe("reported once before, and still", () => {
  it("a policy in its own file, and a duplicate member of the bundle itself", () => {
    const dir = tempFiles({ "bundle.json": `{"keys":{"${KEY}":{"policy":"p.json"}}}`, "p.json": policyWith(CASES[0][2]) });
    expect(compileBundle("bundle.json", { baseDir: dir }).diagnostics.map((d) => d.code)).toEqual(["KC1025"]);
    const twice = `{"keys":{"${KEY}":{"policy":${policyWith(statement)}}},"keys":{}}`;
    expect(compileBundle("bundle.json", { baseDir: tempFiles({ "bundle.json": twice }) }).diagnostics.map((d) => d.code)).toContain("KC1024");
  });
});

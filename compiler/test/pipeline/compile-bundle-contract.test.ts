import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import type { Request } from "@kms-cedar/runtime";

// DESIGN §2: compileBundle(bundle) → { graph, cedar: { policies, schema, manifest }, diagnostics }, and
// createAuthorizer(graph) / createCedarAuthorizer(cedar) take those as they are.
describe("compileBundle, the library entry point", () => {
  // A requests *file* may annotate entries with `description`; the library takes requests only (DESIGN §2).
  const requests = (JSON.parse(readFileSync("examples/abac/requests.json", "utf8")) as (Request & { description?: string })[])
    .map(({ description: _description, ...request }) => request);
  const expected = JSON.parse(readFileSync("examples/abac/expected.json", "utf8")) as unknown[];

  it("gives a graph and Cedar that both decide the ABAC example as written by hand", () => {
    const result = compileBundle("examples/abac/bundle.json");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.graph).toBeDefined();
    expect(result.cedar?.policies).toContain("@id(\"gate-p0\")");
    const graph = createAuthorizer(result.graph!);
    const cedar = createCedarAuthorizer(result.cedar!);
    const decisionOf = (r: unknown) => (r as { decision?: string }).decision;
    const wanted = expected.map(decisionOf);
    expect(requests.map((r) => decisionOf(graph.decide(r)))).toEqual(wanted);
    expect(requests.map((r) => decisionOf(cedar.decide(r)))).toEqual(wanted);
  });

  it("throws a TypeError for options a caller got wrong: not an object, an unknown member, a wrong type", () => {
    const compile = (options: unknown) => () => compileBundle("examples/abac/bundle.json", options as never);
    expect(compile(null)).toThrow(new TypeError("compileBundle: `options` must be an object or left out"));
    expect(compile("cedar")).toThrow(TypeError);
    expect(compile([])).toThrow(TypeError);
    expect(compile({ pureCeder: true })).toThrow(/unknown option `pureCeder` \(known: cedar, pureCedar, avp, baseDir, maxBytes\)/);
    expect(compile({ __proto__: null, constructor: 1 })).toThrow(/unknown option `constructor`/);
    expect(compile({ pureCedar: "false" })).toThrow(/option `pureCedar` must be a boolean/);
    expect(compile({ maxBytes: -1 })).toThrow(/option `maxBytes` must be a positive whole number of bytes/);
    expect(compile({ maxBytes: Number.NaN })).toThrow(TypeError);
    expect(compile({ baseDir: 5 })).toThrow(/option `baseDir` must be a string/);
    // Left out, undefined members and the right types compile.
    expect(compile(undefined)().graph).toBeDefined();
    expect(compile({ cedar: false, pureCedar: undefined, maxBytes: 40_000 })().graph).toBeDefined();
  });

  it("skips Cedar when asked, and reports refusals under --pure-cedar as KC3xxx", () => {
    expect(compileBundle("examples/abac/bundle.json", { cedar: false }).cedar).toBeUndefined();
    const ignoreCase = {
      principals: {
        "arn:aws:iam::111122223333:role/App": {
          policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*",
            Condition: { StringEqualsIgnoreCase: { "kms:EncryptionContext:Dept": "IT" } } }] }],
        },
      },
    };
    const pure = compileBundle(ignoreCase, { pureCedar: true });
    expect(pure.cedar).toBeUndefined();
    expect(pure.diagnostics.some((d) => d.code.startsWith("KC3") && d.severity === "error")).toBe(true);
    expect(compileBundle(ignoreCase).cedar).toBeDefined();
  });
});

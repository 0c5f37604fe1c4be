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

// The layers of the authorization chain decided by Cedar (docs/cedar-mapping.md "Layers") against the
// reference evaluator (the oracle): examples/organization/tests.json, then every generated layered case.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileBundle } from "@kms-cedar/compiler";
import { createCedarAuthorizer } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const example = resolve(here, "../../examples/organization");

describe("examples/organization on Cedar", () => {
  it("decides every request of tests.json as expected", () => {
    const compiled = compileBundle(join(example, "bundle.json"));
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const cedar = createCedarAuthorizer(compiled.cedar!);
    const tests = JSON.parse(readFileSync(join(example, "tests.json"), "utf8")) as { description: string; expect: string; principal: string; action: string; resource: string; context?: Record<string, unknown> }[];
    const got = tests.map(({ description, expect: _e, ...request }) => {
      const r = cedar.decide(request);
      return `${description}: ${"error" in r ? r.error.code : r.decision}`;
    });
    const want = tests.map((t) => `${t.description}: ${typeof t.expect === "string" ? t.expect : JSON.stringify(t.expect)}`);
    expect(got).toEqual(want);
  });
});

// Golden cases (compiler/test/golden/<case>/): each folder holds an authored `bundle.json` with its
// policies and a `requests.json` whose expected decisions were written by hand from the spec, and a
// generated `expected.graph.txt` (rewritten only with UPDATE_GOLDEN=1). Every request runs through
// the graph (as compiled, and as read back from graph.json) and through the reference evaluator.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileBundle, emitGraphJson, emitGraphText } from "@kms-cedar/compiler";
import { createAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Authorizer, DecisionResult } from "@kms-cedar/runtime";
import { outcome, statements } from "../helpers/golden-expectations.js";
import type { Expectation } from "../helpers/golden-expectations.js";

const ROOT = fileURLToPath(new URL("../golden/", import.meta.url));
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

/** Reads a bundle folder into the plain JSON bundle the reference evaluator takes. */
function plainBundle(dir: string): unknown {
  const bundle = JSON.parse(readFileSync(join(dir, "bundle.json"), "utf8"));
  const load = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(readFileSync(join(dir, v), "utf8")) : v);
  const keys = Object.fromEntries(Object.entries(bundle.keys ?? {}).map(([k, e]) => [k, { policy: load((e as { policy: unknown }).policy) }]));
  const principals = Object.fromEntries(Object.entries(bundle.principals ?? {}).map(([k, e]) => [k, { policies: (e as { policies: unknown[] }).policies.map(load) }]));
  return { keys, principals };
}

const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("golden cases", () => {
  it("has the seed examples and at least 20 more", () => {
    expect(cases.filter((c) => c.startsWith("seed-")).length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => !c.startsWith("seed-")).length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = join(ROOT, name);
      const compiled = compileBundle("bundle.json", { baseDir: dir, cedar: false });
      const expectations = JSON.parse(readFileSync(join(dir, "requests.json"), "utf8")) as Expectation[];

      it("compiles without errors, to the expected graph", () => {
        const errors = compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
        expect(errors).toEqual([]);
        const text = emitGraphText(compiled.graph!);
        const file = join(dir, "expected.graph.txt");
        if (UPDATE) writeFileSync(file, text);
        expect(existsSync(file), "no expected.graph.txt: run with UPDATE_GOLDEN=1 and review it").toBe(true);
        expect(text).toBe(readFileSync(file, "utf8"));
      });

      // Built on first use, so a case that does not compile fails its tests instead of the suite.
      let engines: { graph: Authorizer; reread: Authorizer } | undefined;
      const load = () => (engines ??= {
        graph: createAuthorizer(compiled.graph!),
        reread: createAuthorizer(emitGraphJson(compiled.graph!)),
      });
      const bundle = plainBundle(dir);
      for (const e of expectations) {
        it(e.description, () => {
          const { graph, reread } = load();
          const fromGraph = graph.decide(e.request);
          const fromReference = evaluateReference(bundle as never, e.request as never) as DecisionResult;
          expect(outcome(fromGraph), "graph").toBe(e.expect);
          expect(outcome(fromReference), "reference").toBe(e.expect);
          expect(statements(fromGraph)).toEqual(statements(fromReference));
          if (e.denies !== undefined) expect(statements(fromGraph)).toEqual([...e.denies].sort());
          expect(reread.decide(e.request)).toEqual(fromGraph);
        });
      }
    });
  }
});

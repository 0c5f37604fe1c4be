// The golden cases (compiler/test/golden/<case>/, authored requests with expected decisions written
// from the spec) decided by the Cedar engine: same decision or error code, same Deny statements, and
// no Cedar evaluation error. The Cedar of the seed cases and of examples/abac is kept as a reviewed
// snapshot in compiler/test/cedar/golden/ (rewritten only with UPDATE_GOLDEN=1).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createCedarAuthorizer } from "@kms-cedar/runtime";
import type { CedarAuthorizer, Request } from "@kms-cedar/runtime";
import { outcome, statements } from "../helpers/golden-expectations.js";
import type { Expectation } from "../helpers/golden-expectations.js";
import { emitCedar } from "../../src/emit/cedar/emit-cedar.js";

const GOLDEN = fileURLToPath(new URL("../golden/", import.meta.url));
const SNAPSHOTS = fileURLToPath(new URL("./golden/", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

/** Compiles a bundle folder to Cedar; fails if any error is reported. */
function compileFolder(dir: string): { files: NonNullable<ReturnType<typeof emitCedar>["files"]>; engine: CedarAuthorizer } {
  const compiled = compileBundle("bundle.json", { baseDir: dir });
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = emitCedar(compiled.graph!);
  expect(out.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.help ?? ""}`)).toEqual([]);
  const files = out.files!;
  return { files, engine: createCedarAuthorizer({ policies: files.policies, schema: files.schema, manifest: files.manifest }) };
}

/** Compares with (or, under UPDATE_GOLDEN=1, rewrites) the reviewed snapshot of a case's Cedar. */
function snapshot(name: string, policies: string): void {
  const file = join(SNAPSHOTS, `${name}.cedar`);
  if (UPDATE) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, policies);
  }
  expect(existsSync(file), `no ${name}.cedar: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(policies).toBe(readFileSync(file, "utf8"));
}

const cases = readdirSync(GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("golden cases under Cedar", () => {
  for (const name of cases) {
    describe(name, () => {
      const dir = join(GOLDEN, name);
      let built: ReturnType<typeof compileFolder> | undefined;
      const load = () => (built ??= compileFolder(dir));
      if (name.startsWith("seed-")) it("emits the reviewed Cedar", () => snapshot(name, load().files.policies));
      const expectations = JSON.parse(readFileSync(join(dir, "requests.json"), "utf8")) as Expectation[];
      for (const e of expectations) {
        it(e.description, () => {
          const { engine } = load();
          const checks = "checks" in e.request ? e.request.checks : [e.request];
          for (const check of checks) expect(engine.authorize(check).errors, "cedar_never_errors").toEqual([]);
          const result = engine.decide(e.request);
          expect(outcome(result)).toBe(e.expect);
          if (e.denies !== undefined && !("error" in result)) {
            expect(statements(result)).toEqual([...e.denies].sort());
          }
        });
      }
    });
  }
});

describe("examples/abac under Cedar", () => {
  const dir = join(EXAMPLES, "abac");
  it("emits the reviewed Cedar and decides the example requests as expected.json says", () => {
    const { files, engine } = compileFolder(dir);
    snapshot("examples-abac", files.policies);
    // A requests *file* may annotate entries with `description`; the library takes requests only (DESIGN §2).
    const requests = (JSON.parse(readFileSync(join(dir, "requests.json"), "utf8")) as (Request & { description?: string })[])
      .map(({ description: _description, ...request }) => request);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as { decision: string; reasons: { policy: string; statement: number; effect: string }[] }[];
    requests.forEach((request, i) => {
      const result = engine.decide(request);
      expect(outcome(result), request.principal).toBe(expected[i]!.decision);
      if (expected[i]!.decision === "ExplicitDeny" && !("error" in result)) {
        expect(result.reasons.map((r) => `${r.policy}#${r.statement}`)).toEqual(expected[i]!.reasons.map((r) => `${r.policy}#${r.statement}`));
      }
    });
  });
});

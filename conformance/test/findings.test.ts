// Every divergence the suite found during development, kept as a replayable case folder
// (conformance/test/findings/<name>/: bundle.json, requests.json, case.json, README.md): every
// engine (avp-local included) must now decide each like the reference, and the recorded law must hold. A folder may also
// hold `expected.json`: the authored answer per request (a decision kind, or `{"error": CODE}`), for
// findings where the reference itself was wrong; every engine must give it. A folder whose bundle the
// checks must refuse (a policy IAM rejects, which the engines had decided differently) holds
// `rejected.json` instead: the authored diagnostic code, and the reference's own (fail-closed) answers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { LawExtras } from "../src/arbitraries/case-arbitrary.js";
import { METAMORPHIC_LAWS } from "../src/laws/all-laws.js";
import type { PlainBundleShape } from "../src/laws/bundle-transforms.js";
import { evaluateCase } from "../src/run/evaluate-case.js";
import { ENGINE_NAMES } from "../src/engines/engine-types.js";

const FINDINGS = fileURLToPath(new URL("./findings/", import.meta.url));
const read = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, name), "utf8"));

describe("findings replay: every engine agrees with the reference", () => {
  for (const name of readdirSync(FINDINGS).sort()) {
    it(name, () => {
      const dir = join(FINDINGS, name);
      const meta = existsSync(join(dir, "case.json")) ? (read(dir, "case.json") as { law?: string; extras?: LawExtras }) : {};
      const extras: LawExtras = meta.extras ?? { seed: 0, extraDeny: { key: {}, identity: {}, target: "" } };
      const metamorphic = METAMORPHIC_LAWS.some((l) => l.name === meta.law);
      const evaluation = evaluateCase(read(dir, "bundle.json") as PlainBundleShape, read(dir, "requests.json") as unknown[], extras, { metamorphic, engines: ENGINE_NAMES });
      if (existsSync(join(dir, "rejected.json"))) {
        const rejected = read(dir, "rejected.json") as { code: string; reference: string[] };
        expect(evaluation.rejected).toBe(true);
        expect(evaluation.prepared.errors.map((e) => e.split(" ")[0])).toContain(rejected.code);
        const reference = evaluation.prepared.engines.reference;
        if (!("decide" in reference)) throw new Error("the reference must run on a rejected bundle");
        const answers = (read(dir, "requests.json") as unknown[]).map((r) => {
          const a = reference.decide(r);
          return "error" in a ? { error: a.error.code } : a.decision;
        });
        expect(answers).toEqual(rejected.reference);
        return;
      }
      expect(evaluation.rejected).toBe(false);
      expect(Object.values(evaluation.prepared.engines).every((setup) => "decide" in setup)).toBe(true);
      expect(evaluation.violations).toEqual([]);
      if (existsSync(join(dir, "expected.json"))) {
        const expected = read(dir, "expected.json") as (string | { error: string })[];
        expect(expected.length).toBe(evaluation.results.length);
        evaluation.results.forEach((result, i) => {
          for (const [engine, answer] of Object.entries(result)) {
            const got = answer === undefined ? "missing" : "error" in answer ? { error: answer.error.code } : answer.decision;
            expect({ request: i, engine, got }).toEqual({ request: i, engine, got: expected[i] });
          }
        });
      }
    });
  }
});

// The explanation law (docs/explain.md): on every request the three engines explain the decision the
// same way — the same statements contributed to an Allow (each side), the same Deny statements, and
// for an ImplicitDeny the same closest Allow statements with the same first failing test and the
// same request value. Spans and the order of statements are presentation and are not compared.
// Phase: conformance laws.
import type { ExplanationResult } from "@kms-cedar/runtime";
import type { EngineName } from "../engines/engine-types.js";

/** The law as reports list it. */
export const explanationsAgree = {
  name: "explanations_agree",
  sentence: "the reference evaluator, the graph and Cedar explain every decision alike: contributing statements on each side, Deny statements, and for an ImplicitDeny the closest Allow statements with the first test each failed and the value it saw",
} as const;

/** The explanations of one request by each engine that gave one. */
export type EngineExplanations = Partial<Record<EngineName, ExplanationResult>>;

/**
 * A message naming the first engine whose explanation differs from the reference's, or undefined.
 * Needs the reference and at least one other engine.
 */
export function checkExplanations(explained: EngineExplanations): { engine: EngineName; message: string } | undefined {
  const reference = explained.reference;
  if (reference === undefined) return undefined;
  const expected = canonicalExplanation(reference);
  for (const engine of ["graph", "cedar"] as const) {
    const other = explained[engine];
    if (other === undefined) continue;
    const got = canonicalExplanation(other);
    if (got !== expected) return { engine, message: `${engine} explains ${got} ≠ reference ${expected}` };
  }
  return undefined;
}

/** A comparable text of an explanation: spans dropped, statement lists sorted, keys in a fixed order. */
export function canonicalExplanation(result: ExplanationResult): string {
  return JSON.stringify(canonical(result));
}

function canonical(result: ExplanationResult): unknown {
  if ("error" in result) return { error: result.error.code };
  if ("checks" in result) return { decision: result.decision, checks: result.checks.map(canonical) };
  const reasons = result.reasons.map((r) => `${r.policy}#${r.statement} ${r.effect} ${r.path ?? "?"} ${r.sid ?? ""}`).sort();
  const closest = result.closest === undefined ? undefined : {
    key: sorted(result.closest.key.map(statementText)),
    identity: sorted(result.closest.identity.map(statementText)),
  };
  return { decision: result.decision, reasons, ...(closest !== undefined ? { closest } : {}), ...(result.notes !== undefined ? { notes: result.notes } : {}) };
}

type Closest = NonNullable<Extract<ExplanationResult, { closest?: unknown }>["closest"]>["key"][number];

function statementText(c: Closest): string {
  const failed = c.failed === undefined ? "applies" : `fails ${JSON.stringify(c.failed.test)} seeing ${JSON.stringify(c.failed.seen)}`;
  return `${c.policy}#${c.statement} ${c.sid ?? ""} passed ${c.passed}/${c.tests} ${failed}`;
}

function sorted(list: string[]): string[] {
  return list.sort();
}

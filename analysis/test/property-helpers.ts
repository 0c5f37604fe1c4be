// Shared by the analysis property tests: compiled inputs (memoized), the decision mix, and the
// "every sampled difference is reported" check.
import { createAuthorizer } from "@kms-cedar/runtime";
import type { DecisionGraph, Request } from "@kms-cedar/runtime";
import { outcomeOf, prepareInput } from "@kms-cedar/analysis";
import type { AnalysisInput, GraphDiff } from "@kms-cedar/analysis";
import { bundleOf } from "./policy-generators.js";
import type { Statement } from "./policy-generators.js";

const compiled = new Map<string, AnalysisInput>();
export function input(list: readonly Statement[]): AnalysisInput {
  const k = JSON.stringify(list);
  let got = compiled.get(k);
  if (got === undefined) compiled.set(k, (got = prepareInput("generated", bundleOf(list))));
  return got;
}

/** The decision mix over every property run, printed at the end (issue 13: "show the decision mix"). */
export const mix: Record<string, number> = {};

/** Whether a reported change covers a sampled request that differs (checked through the caller's class-free fields). */
function covered(diff: GraphDiff, r: Request, from: string, to: string): boolean {
  return diff.classes.some((c) => c.from === from && c.to === to && c.actions.includes(r.action) && c.resources.includes(r.resource));
}

export function sampledDifferencesAreReported(diff: GraphDiff, a: DecisionGraph, b: DecisionGraph, samples: readonly Request[]): string | undefined {
  const before = createAuthorizer(a);
  const after = createAuthorizer(b);
  for (const r of samples) {
    const from = outcomeOf(before.decide(r));
    const to = outcomeOf(after.decide(r));
    const k = `${from}→${to}`;
    mix[k] = (mix[k] ?? 0) + 1;
    if (from === to) continue;
    if (diff.equivalent) return `reported equivalent, but ${JSON.stringify(r)} goes ${from} → ${to}`;
    if (!covered(diff, r, from, to)) return `no reported change covers ${JSON.stringify(r)} (${from} → ${to})`;
  }
  return undefined;
}


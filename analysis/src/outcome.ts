// A decision reduced to what a diff compares: the decision kind, or the request error's code.
import type { DecisionResult } from "@kms-cedar/runtime";

export type Outcome = "Allow" | "ExplicitDeny" | "ImplicitDeny" | `error:${string}`;

export function outcomeOf(d: DecisionResult): Outcome {
  return "error" in d ? `error:${d.error.code}` : d.decision;
}

/** A change that grants access: a request denied (or an error) in OLD is allowed in NEW (CheckNoNewAccess). */
export function isNewAccess(c: { readonly from: string; readonly to: string }): boolean {
  return c.to === "Allow" && c.from !== "Allow";
}

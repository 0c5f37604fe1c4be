// What every policy check receives, and the shape of a check. Phase: checks (after readPolicy).
import type { Report } from "@kms-cedar/grammar";
import type { PolicyDocument, PolicyKind } from "../syntax/policy-syntax.js";

export interface CheckContext {
  /** The original policy text (spans index into it). */
  readonly text: string;
  readonly kind: PolicyKind;
  readonly document: PolicyDocument;
  /** Whether `${…}` are policy variables: only under `"Version": "2012-10-17"` (spec §1.2, §4.3, A1). */
  readonly variables: boolean;
}

/** A check only reports; it never changes its input and never throws on a user mistake. */
export type Check = (context: CheckContext, report: Report) => void;

/** The context for a document; a missing or other `Version` means variables are literal text (A1). */
export function createCheckContext(text: string, kind: PolicyKind, document: PolicyDocument): CheckContext {
  // DEVIATION: §1.2, A1 — a missing Version reads as 2008-10-17 (AWS pages disagree): `${…}` is then literal text.
  return { text, kind, document, variables: document.version?.value === "2012-10-17" };
}

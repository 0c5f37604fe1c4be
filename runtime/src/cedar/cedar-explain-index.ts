// The probes the Cedar engine explains with (docs/explain.md): a second policy set the compiler emits
// on request (`emitCedarProbes`), one permit per test of each Allow statement with the statement's own
// scope and the test's Cedar expression, and this index saying which probe is which test. Cedar
// decides every probe; the engine only reads which were satisfied.
import type { ExplainedTest } from "../explain/explanation.js";
import type { Span } from "../span.js";

export const EXPLAIN_FORMAT = "kms-cedar-explain";
export const EXPLAIN_VERSION = 1;

export interface CedarExplainIndex {
  readonly format: typeof EXPLAIN_FORMAT;
  readonly version: typeof EXPLAIN_VERSION;
  /** The probe policies (Cedar text), valid against the same schema as policies.cedar. */
  readonly policies: string;
  /** The Allow statements with their probes, in policy then statement order. */
  readonly statements: readonly ExplainStatementEntry[];
}

export interface ExplainStatementEntry {
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  readonly span?: Span;
  readonly side: "key" | "identity";
  /** Probe satisfied when the statement's scope holds: its actions, its key (or the caller's policy). */
  readonly action: string;
  /** Key policies: the probes of the principal naming the caller directly, and naming its account. */
  readonly direct?: string;
  readonly account?: string;
  readonly principalSpan?: Span;
  /** Resource, then conditions in source order; no probe: the test holds for every request (`"Resource": "*"`). */
  readonly tests: readonly { readonly test: ExplainedTest; readonly probe?: string; readonly span?: Span }[];
}

// The Cedar engine's explanation (docs/explain.md), from Cedar's own answers: the deciding policies
// for Deny statements, and the explanation probes (cedar-explain-index.ts) for everything Cedar's
// policy set folds away — the key-policy statements behind the gate (KD, KA) and, for an
// ImplicitDeny, which test of each Allow statement failed first. Nothing is taken from another engine.
import type { Decision, Reason, Request } from "../contracts.js";
import { closestOf } from "../explain/explanation.js";
import type { ClosestStatement, Explanation, SeenValue } from "../explain/explanation.js";
import type { ExplainStatementEntry } from "./cedar-explain-index.js";

/** What Cedar said for one request: the decision and, when the probes ran, the satisfied probe ids. */
export interface CedarExplainInput {
  readonly request: Request;
  readonly decision: Decision;
  /** Whether the `root` permit decided (the root user's identity side). */
  readonly rootDecided: boolean;
  /** Satisfied probes; undefined when there are no probes or Cedar could not evaluate them. */
  readonly satisfied: ReadonlySet<string> | undefined;
  /** Why the probes are missing, when they are. */
  readonly probeProblem?: string;
  readonly statements: readonly ExplainStatementEntry[];
  readonly seen: (key: string) => SeenValue;
}

/** The explanation, or the decision's reasons and a note saying what Cedar could not tell. */
export function explainCedarDecision(input: CedarExplainInput): Explanation {
  const { decision, satisfied } = input;
  // The deciding forbids are the Deny statements that applied (every satisfied forbid is deciding).
  if (decision.decision === "ExplicitDeny") return { decision: "ExplicitDeny", reasons: decision.reasons.map((r) => ({ ...r, path: "deny" })) };
  if (satisfied === undefined) {
    const note = `the Cedar engine cannot explain further: ${input.probeProblem ?? "no explanation probes were given"}`;
    // DEVIATION: docs/explain.md — without probes an Allow lists only what the deciding permits name (no key-account statements).
    // An ImplicitDeny keeps the layer that closed it (docs/cedar-mapping.md "Layers"), if one did.
    return { decision: decision.decision, reasons: decision.reasons, notes: [note] };
  }
  const holds = (probe: string | undefined): boolean => probe === undefined || satisfied.has(probe);
  const inScope = input.statements.filter((s) => satisfied.has(s.action));
  const testsHold = (s: ExplainStatementEntry): boolean => s.tests.every((t) => holds(t.probe));
  if (decision.decision === "Allow") {
    const key = inScope.filter((s) => s.side === "key" && testsHold(s));
    const direct = key.filter((s) => holds(s.direct));
    const account = key.filter((s) => !holds(s.direct) && holds(s.account));
    const identity = inScope.filter((s) => s.side === "identity" && testsHold(s));
    // AWS: §5.3 — the identity side holds (the key policy delegated to IAM) through an identity Allow or for the root user.
    const delegated = input.rootDecided || identity.length > 0;
    // A grant is no statement the probes test: the grants that allowed are the decision's own (its deciding
    // grant permits), after the statements, as the reference and the graph list them.
    const reasons = [
      ...direct.map((s) => reasonOf(s, "key-direct")),
      ...(delegated ? [...account.map((s) => reasonOf(s, "key-account")), ...identity.map((s) => reasonOf(s, "identity"))] : []),
      ...decision.reasons.filter((r) => r.path === "grant"),
    ];
    return { decision: "Allow", reasons };
  }
  const walked = inScope.map((s) => walk(s, input, holds));
  return {
    decision: "ImplicitDeny",
    // The layer gap (an SCP level, an endpoint, a ceiling) that closed it, if one did; none without layers.
    reasons: decision.reasons,
    closest: { key: closestOf(walked.filter((w) => w.side === "key").map((w) => w.closest)), identity: closestOf(walked.filter((w) => w.side === "identity").map((w) => w.closest)) },
  };
}

function reasonOf(s: ExplainStatementEntry, path: string): Reason {
  return {
    policy: s.policy, statement: s.statement, ...(s.sid !== undefined ? { sid: s.sid } : {}), effect: "Allow",
    ...(s.span !== undefined ? { span: s.span } : {}), path,
  };
}

/** Tests in order: the action (in scope), the principal (key policies), the resource, the conditions. */
function walk(s: ExplainStatementEntry, input: CedarExplainInput, holds: (probe: string | undefined) => boolean): { side: string; closest: ClosestStatement } {
  const total = 1 + (s.side === "key" ? 1 : 0) + s.tests.length;
  const named = { policy: s.policy, statement: s.statement, ...(s.sid !== undefined ? { sid: s.sid } : {}), ...(s.span !== undefined ? { span: s.span } : {}) };
  const value = (text: string): SeenValue => ({ kind: "values", values: [text] });
  let passed = 1;
  if (s.side === "key") {
    if (!holds(s.direct) && !holds(s.account)) {
      return { side: s.side, closest: { ...named, passed, tests: total, failed: { test: { kind: "principal" }, seen: value(input.request.principal), ...(s.principalSpan ? { span: s.principalSpan } : {}) } } };
    }
    passed++;
  }
  for (const t of s.tests) {
    if (!holds(t.probe)) {
      const seen = t.test.kind === "condition" ? input.seen(t.test.key) : value(input.request.resource);
      return { side: s.side, closest: { ...named, passed, tests: total, failed: { test: t.test, seen, ...(t.span ? { span: t.span } : {}) } } };
    }
    passed++;
  }
  return { side: s.side, closest: { ...named, passed, tests: total } };
}


// The arbitrary a conformance run draws from: a focus operator variant, a bundle built around it,
// and a batch of requests on that bundle (many requests per bundle, so compiling is amortized).
// Phase: conformance generators.
import fc from "fast-check";
import { bundleArb } from "./bundle-arbitraries.js";
import type { PlainBundle } from "./bundle-arbitraries.js";
import { VALID_VARIANTS } from "./condition-arbitraries.js";
import type { BaseOperator, OperatorVariant } from "./operators.js";
import { KEY_A1, KEY_B, POLICY_HOLDERS } from "./fixtures.js";
import { caseRequestArb } from "./request-arbitraries.js";
import { statementArb } from "./statement-arbitraries.js";

/** What the metamorphic laws draw with a case: a permutation seed and a Deny statement to add. */
export interface LawExtras {
  readonly seed: number;
  readonly extraDeny: { readonly key: Record<string, unknown>; readonly identity: Record<string, unknown>; readonly target: string };
}

/** One generated case batch: the bundle and the requests decided on it. */
export interface ConformanceCase {
  /** The operator variant the bundle was built around (absent for a user's bundle). */
  readonly focus?: OperatorVariant;
  readonly bundle: PlainBundle;
  /** Requests (and, one in twenty, malformed inputs: DESIGN §2 makes them request errors). */
  readonly requests: readonly unknown[];
  readonly extras: LawExtras;
}

export interface CaseOptions {
  /** Requests per bundle (default 32). */
  readonly requestsPerBundle?: number;
  /** Only variants of this base operator. */
  readonly operator?: BaseOperator;
  /** Only this variant (overrides `operator`). */
  readonly variant?: OperatorVariant;
}

/** Variants a run draws its focus from: all valid ones, or those of one base operator. */
export function focusVariants(operator?: BaseOperator): readonly OperatorVariant[] {
  return operator === undefined ? VALID_VARIANTS : VALID_VARIANTS.filter((v) => v.base === operator);
}

function extrasArb(focus: OperatorVariant): fc.Arbitrary<LawExtras> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    key: statementArb({ kind: "key", variables: true, focus }).map((s) => s.statement),
    identity: statementArb({ kind: "identity", variables: true, focus }).map((s) => s.statement),
    target: fc.constantFrom<string>(KEY_A1, KEY_B, ...POLICY_HOLDERS),
  }).map(({ seed, key, identity, target }) => ({ seed, extraDeny: { key, identity, target } }));
}

/** The case arbitrary: variant → bundle → `requestsPerBundle` requests (exactly), plus the laws' extras. */
export function conformanceCaseArb(options: CaseOptions = {}): fc.Arbitrary<ConformanceCase> {
  const n = options.requestsPerBundle ?? 32;
  const variants = options.variant !== undefined ? [options.variant] : focusVariants(options.operator);
  return fc.constantFrom(...variants).chain((focus) =>
    bundleArb(focus).chain((bundle) =>
      fc.tuple(fc.array(caseRequestArb(bundle, focus), { minLength: n, maxLength: n }), extrasArb(focus))
        .map(([requests, extras]) => ({ focus, bundle, requests, extras }))));
}

// Compiles one condition (a graph node, or a manifest condition test) into its answer over the
// request: Null conditions by presence alone, the others by `m(r)` over the positive partner and
// the key answer. The engines supply only how they read the request.
import type { GraphValue } from "../graph/graph-types.js";
import type { Presence, RequestValue, Tri } from "./answer.js";
import { absentAnswer, keyAnswer, nullAnswer } from "./key-answer.js";
import type { KeyAnswer, KeyOperator, ValueReader } from "./key-answer.js";
import type { PairTest } from "./pair-test.js";
import { requestValueReader } from "./pair-test.js";
import { isNegated, positivePartner } from "./operator-table.js";
import { compilePolicyValues } from "./policy-values.js";
import type { TemplateReader } from "./policy-values.js";

/** A condition as both engines carry it: the operator name's parts and the policy values. */
export interface ConditionSpec extends KeyOperator {
  readonly values: readonly GraphValue[];
}

/** A compiled condition: its answer for the request state `S`, given what its key finds there. */
export type ConditionAnswer<S> = (source: S, presence: Presence, value: RequestValue | undefined) => Tri;

/**
 * A compiled condition in two parts: `prepare` (undefined when its values have no variable) resolves
 * the values for the request state and is false when one is undecidable (the answer is then 2, fail
 * closed); `answer` is the key answer over what the key finds. INVARIANT: `prepare` runs first in
 * each request. PERF: an engine calls `answer` directly (one closure less per condition test).
 */
export interface ConditionParts<S> {
  readonly prepare: ((source: S) => boolean) | undefined;
  readonly answer: KeyAnswer;
  /**
   * For a non-Null condition, what `answer` is made of: `answer(presence, v)` is
   * `answerKey(key.absent, key.negated, key.qualifier, key.m, presence, v)` (key-answer.ts).
   */
  readonly key: {
    readonly absent: Tri; readonly negated: boolean; readonly qualifier: KeyOperator["qualifier"]; readonly m: PairTest;
    readonly readable: ValueReader | undefined;
  } | undefined;
}

/** Compiles a condition into its parts; `reader` resolves the policy variables of its values. */
export function compileConditionParts<T, S>(c: ConditionSpec, reader: TemplateReader<T, S>): ConditionParts<S> {
  if (c.base === "Null") return { prepare: undefined, answer: nullAnswer(c, c.values), key: undefined };
  const positive = positivePartner(c.base);
  const { prepare, m } = compilePolicyValues(positive, c.values, reader);
  const negated = isNegated(c.base);
  const readable = requestValueReader(positive);
  return { prepare, answer: keyAnswer(c, negated, m, readable), key: { absent: absentAnswer(c, negated), negated, qualifier: c.qualifier, m, readable } };
}

/** Compiles a condition; `reader` resolves the policy variables of its values for a request. */
export function compileConditionAnswer<T, S>(c: ConditionSpec, reader: TemplateReader<T, S>): ConditionAnswer<S> {
  const { prepare, answer } = compileConditionParts(c, reader);
  if (prepare === undefined) return (_source, presence, value) => answer(presence, value);
  // A variable on an ambiguous or multi-valued key makes the condition undecidable: fail closed.
  return (source, presence, value) => (prepare(source) ? answer(presence, value) : 2);
}

// The Condition block (spec §1.8, §2.2, §2.10–§2.12, §3): AND over operators and keys, OR over
// values, NOR for negated operators, set operators, IfExists, Null, and the fail-closed cases.

import { isIdentityPolicyOnlyKey, type RequestContext } from "./context.js";
import { isObject } from "./json-shape.js";
import { failClosed } from "./fail-closed.js";
import { parseOperator, type Operator } from "./operators.js";
import { matchPair, preparePolicyValue, readBool, readsAs, type PolicyValue } from "./pair-match.js";
import type { Effect, PolicyKind } from "./types.js";

/** What a condition is evaluated with, besides the request context. */
export interface ConditionScope {
  readonly context: RequestContext;
  /** The policy's `Version` (variables exist only in 2012-10-17, §4.3). */
  readonly version: string | undefined;
  readonly effect: Effect;
  readonly kind: PolicyKind;
}

/**
 * AWS: §2.2 `evalCondition` — true when every operator and every key under it holds. A block,
 * operator or key the grammar does not accept is decided by the fail-closed rule (§0.2).
 */
export function conditionHolds(block: unknown, scope: ConditionScope): boolean {
  if (!isObject(block)) return failClosed(scope.effect);
  // DEVIATION: §1.8, A8 — an empty block (or operator map) holds: read as no condition (AWS: "no effect").
  for (const [operatorName, keyMap] of Object.entries(block)) {
    const operator = parseOperator(operatorName);
    // DEVIATION: §1.8 — an unknown operator is FCR even with an empty map, which IAM accepts.
    const holds = operator === undefined || !isObject(keyMap)
      ? failClosed(scope.effect)
      : Object.entries(keyMap).every(([keyName, raw]) => keyHolds(operator, keyName, raw, scope));
    if (!holds) return false; // AWS: §1.8 — operators are ANDed
  }
  return true;
}

/** AWS: §2.2 `evalKey` for one condition key under one operator. */
export function keyHolds(operator: Operator, keyName: string, raw: unknown, scope: ConditionScope): boolean {
  const fcr = failClosed(scope.effect);
  const texts = toStringList(raw);
  if (texts === undefined || forbiddenInKeyPolicy(operator, keyName, scope.kind)) return fcr;
  const { setOperator, base, ifExists } = operator;
  const entry = scope.context.entry(keyName);

  if (base.family === "Null") {
    // AWS: §2.10 — values are "true" (key absent) or "false" (key present); ORed.
    // An empty list or a value other than true/false is a compile error: fail closed.
    const wanted = texts.map(readBool);
    if (wanted.length === 0 || wanted.some((w) => w === undefined)) return fcr;
    if (setOperator === "ForAllValues") return true;
    if (setOperator === "ForAnyValue") return false;
    if (entry.kind === "ambiguous") return fcr; // A18
    const present = entry.kind === "present";
    return wanted.some((absentWanted) => (absentWanted ? !present : present));
  }

  const policyValues: PolicyValue[] = [];
  for (const text of texts) {
    const value = preparePolicyValue(base, text, scope.version, scope.context);
    if (value === "fail-closed") return fcr;
    policyValues.push(value);
  }
  // DEVIATION: §6.1, A18 — a key given in two letter cases is ambiguous: FCR.
  if (entry.kind === "ambiguous") return fcr; // AWS: §6.1, A18

  // AWS: §2.12 / §3.2 — an absent key (or an empty set).
  // DEVIATION: §2.12, §3.2, A3, A4 — absent key: ForAllValues true, ForAnyValue false even when negated, IfExists true.
  if (entry.kind === "absent") {
    if (ifExists) return true; // §2.11
    if (setOperator === "ForAllValues") return true;
    if (setOperator === "ForAnyValue") return false; // also for negated bases (A4)
    return base.negated;
  }

  // Deviation 46 (AWS silent; A15, A17 said "no pair matches"): a value the operator's type cannot read
  // leaves the key undecided, so a negated operator no longer holds on it in an Allow.
  // DEVIATION: §2.4–§2.8, A15, A17 — an unreadable request value is FCR, not a value no pair matches.
  if (!entry.values.every((r) => readsAs(base, r))) return fcr;

  // m(r): r matches some policy value under the positive partner (values are ORed).
  const matchesSome = (r: string): boolean => policyValues.some((p) => matchPair(base, r, p));
  // Negated bases are the NOR of their partner.
  const test = (r: string): boolean => (base.negated ? !matchesSome(r) : matchesSome(r));
  const values = entry.values;
  if (setOperator === "ForAllValues") return values.every(test);
  if (setOperator === "ForAnyValue") return values.some(test);
  // AWS: §3.6, A5 — a plain operator on two or more request values: fail-closed rule.
  // DEVIATION: §3.6, A5 — a plain operator on two or more request values: FCR (AWS does not say).
  if (values.length > 1) return fcr;
  return test(values[0]!);
}

/**
 * Keys a key policy must not use, so KMS never stores such a policy and the compiler rejects it:
 * `aws:ResourceTag/*` and `kms:ResourceAliases` (§5.6, A23), and `ForAllValues` on
 * `kms:EncryptionContext:*` or `aws:RequestTag/*` (§1.9, §3.4). AWS has no answer: fail closed.
 */
function forbiddenInKeyPolicy(operator: Operator, keyName: string, kind: PolicyKind): boolean {
  if (kind !== "key") return false;
  // DEVIATION: §5.6, A23 — only observed, not documented, that KMS rejects these keys in key policies: FCR.
  if (isIdentityPolicyOnlyKey(keyName)) return true;
  const lower = keyName.toLowerCase();
  return operator.setOperator === "ForAllValues" &&
    (lower.startsWith("kms:encryptioncontext:") || lower.startsWith("aws:requesttag/"));
}

/**
 * AWS: §1.4 — a string or a list of strings; JSON numbers and booleans stand for their text.
 * Anything else (null, an object, a nested array) is a syntax error: undefined. So is a number
 * whose text `JSON.parse` may have changed beyond recovery (see `isExactNumber`).
 */
function toStringList(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const texts: string[] = [];
  for (const item of list) {
    if (typeof item === "string") texts.push(item);
    else if (typeof item === "number" && isExactNumber(item)) texts.push(String(item));
    else if (typeof item === "boolean") texts.push(item ? "true" : "false");
    else return undefined;
  }
  return texts;
}


/**
 * The oracle reads `JSON.parse` output, not the policy text: `9007199254740993` arrives as
 * 9007199254740992 and `1e21` as 1e+21. An integer beyond 2^53 or a value JavaScript prints with an
 * exponent may not be the number the policy wrote, so its key is decided by §0.2.
 */
function isExactNumber(n: number): boolean {
  // DEVIATION: §1.4 — a JSON number beyond 2^53 or printed with an exponent is FCR (its text is lost).
  return Number.isFinite(n) && !String(n).includes("e") && (!Number.isInteger(n) || Number.isSafeInteger(n));
}

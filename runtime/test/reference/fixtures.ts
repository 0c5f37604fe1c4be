// Shared fixtures of spec Appendix A (accounts A and B, keys K1 and K2, the default key policy
// statement DKP, the App and Ext role sessions) and a helper that evaluates one condition block
// through the public API: the condition is put in an Allow (or Deny) statement and the decision read.

import { expect } from "vitest";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Decision, DecisionResult } from "@kms-cedar/runtime";

export const A = "111122223333";
export const B = "444455556666";
export const K1 = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
export const K2 = `arn:aws:kms:us-west-2:${A}:key/2222bbbb-2222-2222-2222-222222222222`;
export const KB = `arn:aws:kms:us-west-2:${B}:key/3333cccc-3333-3333-3333-333333333333`;
export const APP_ROLE = `arn:aws:iam::${A}:role/App`;
export const APP = `arn:aws:sts::${A}:assumed-role/App/s1`;
export const OTHER_ROLE = `arn:aws:iam::${A}:role/Other`;
export const OTHER = `arn:aws:sts::${A}:assumed-role/Other/s1`;
export const EXT_ROLE = `arn:aws:iam::${B}:role/Ext`;
export const EXT = `arn:aws:sts::${B}:assumed-role/Ext/s1`;
export const BOB = `arn:aws:iam::${A}:user/Bob`;
export const ROOT_A = `arn:aws:iam::${A}:root`;
export const ROOT_B = `arn:aws:iam::${B}:root`;

/** Appendix A: the default key policy statement (delegates account A to IAM). */
export const DKP = {
  Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*",
} as const;

export type Ctx = Record<string, string | string[]>;

/** A 2012-10-17 policy document. */
export function doc(...statements: unknown[]): object {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(action: string | string[], resource: string | string[] = "*", condition?: object): object {
  return { Effect: "Allow", Action: action, Resource: resource, ...(condition === undefined ? {} : { Condition: condition }) };
}

export function deny(action: string | string[], resource: string | string[] = "*", condition?: object): object {
  return { Effect: "Deny", Action: action, Resource: resource, ...(condition === undefined ? {} : { Condition: condition }) };
}

/** A key-policy statement naming `principal` (a Principal element value). */
export function grant(effect: "Allow" | "Deny", principal: unknown, action: string | string[], condition?: object): object {
  return { Effect: effect, Principal: principal, Action: action, Resource: "*", ...(condition === undefined ? {} : { Condition: condition }) };
}

/** Evaluates and fails the test if the result is an error entry. */
export function decide(bundle: object, request: object): Decision {
  const result: DecisionResult = evaluateReference(bundle, request as never);
  if ("error" in result) throw new Error(`unexpected error ${result.error.code}: ${result.error.message}`);
  return result;
}

export function decision(bundle: object, request: object): string {
  return decide(bundle, request).decision;
}

/** The decision, or the request error's code (for requests the rules refuse). */
export function outcome(bundle: object, request: object): string {
  const result: DecisionResult = evaluateReference(bundle, request as never);
  return "error" in result ? result.error.code : result.decision;
}

export interface HoldsOptions {
  /** The statement's effect: the condition is true iff Allow (resp. ExplicitDeny) results. */
  readonly effect?: "Allow" | "Deny";
  /** Put the statement in a key policy instead of an identity policy. */
  readonly kind?: "identity" | "key";
  /** The policy Version; null = no Version member. */
  readonly version?: string | null;
  readonly principal?: string;
  readonly action?: string;
}

/**
 * The value of a condition block for a request context, read from the decision: the block sits in
 * the only Allow statement (or in a Deny beside an unconditional Allow).
 */
export function holds(condition: unknown, context: Ctx, options: HoldsOptions = {}): boolean {
  const effect = options.effect ?? "Allow";
  const principal = options.principal ?? APP;
  const callerArn = principal === APP ? APP_ROLE : principal;
  const action = options.action ?? "kms:Decrypt";
  const versioned = (statements: object[]): object =>
    options.version === null ? { Statement: statements } : { Version: options.version ?? "2012-10-17", Statement: statements };
  const conditional = { Effect: effect, Action: "kms:*", Resource: "*", Condition: condition };
  let bundle: object;
  if (options.kind === "key") {
    const direct = { Effect: effect, Principal: { AWS: callerArn }, Action: "kms:*", Resource: "*", Condition: condition };
    const statements = effect === "Allow" ? [direct] : [grant("Allow", { AWS: callerArn }, "kms:*"), direct];
    bundle = { keys: { [K1]: { policy: versioned(statements) } } };
  } else {
    const statements = effect === "Allow" ? [conditional] : [allow("kms:*"), conditional];
    bundle = { keys: { [K1]: { policy: doc(DKP) } }, principals: { [callerArn]: { policies: [versioned(statements)] } } };
  }
  const result = decision(bundle, { principal, action, resource: K1, context });
  // The other statements of the bundle allow, so only these two outcomes are possible.
  expect(effect === "Allow" ? ["Allow", "ImplicitDeny"] : ["ExplicitDeny", "Allow"]).toContain(result);
  return effect === "Allow" ? result === "Allow" : result === "ExplicitDeny";
}

/** One table case of a condition test: the expected value is written from the spec. */
export interface ConditionRow {
  readonly name: string;
  readonly condition: unknown;
  readonly context: Ctx;
  readonly expected: boolean;
  readonly options?: HoldsOptions;
}

// Reads a request's shape the way docs/request-model.md describes it (caller kind and account,
// target kind and account, action class) for the KMS-path tables and the KMS laws, with the
// runtime's one request reader (runtime/src/request/); a request it cannot read is `malformed`.
// Phase: conformance harness.
import { parseCaller, parseTarget, readInputShape } from "@kms-cedar/runtime";
import { actionClassOf } from "../arbitraries/fixtures.js";
import type { ActionClass } from "../arbitraries/fixtures.js";

export type CallerKind = "root" | "user" | "role" | "session" | "federated" | "service" | "malformed";
export type TargetKind = "key" | "alias" | "none" | "malformed";

export interface CheckShape {
  readonly callerKind: CallerKind;
  /** The caller's account; a service acts in the target's account; `""` when unknown. */
  readonly callerAccount: string;
  readonly targetKind: TargetKind;
  /** `""` for `*` (the caller's own account). */
  readonly targetAccount: string;
  readonly actionClass: ActionClass | undefined;
  /** Caller and target in different accounts. */
  readonly cross: boolean;
}

function caller(principal: unknown): { kind: CallerKind; account: string } {
  const c = typeof principal === "string" ? parseCaller(principal) : undefined;
  return c === undefined ? { kind: "malformed", account: "" } : { kind: c.kind, account: c.account };
}

function target(resource: unknown): { kind: TargetKind; account: string } {
  const t = typeof resource === "string" ? parseTarget(resource) : undefined;
  return t === undefined ? { kind: "malformed", account: "" } : { kind: t.kind, account: t.account };
}

/** The shape of one check. */
export function checkShape(request: unknown): CheckShape {
  const r = (typeof request === "object" && request !== null ? request : {}) as Record<string, unknown>;
  const c = caller(r["principal"]);
  const t = target(r["resource"]);
  const callerAccount = c.kind === "service" ? t.account : c.account;
  return {
    callerKind: c.kind, callerAccount, targetKind: t.kind, targetAccount: t.account,
    actionClass: typeof r["action"] === "string" ? actionClassOf(r["action"]) : undefined,
    cross: t.account !== "" && callerAccount !== "" && t.account !== callerAccount,
  };
}

/** Whether the request is a well-formed operation `{ operation, checks }` (the runtime's one request reader). */
export function isOperation(request: unknown): request is { operation: string; checks: unknown[] } {
  return readInputShape(request) === "operation";
}

/** A single key-policy-decided check on a key (not RetireGrant, not an operation). */
export function isKeyPolicyCheck(request: unknown): boolean {
  if (isOperation(request)) return false;
  const s = checkShape(request);
  return s.targetKind === "key" && (s.actionClass === "key-cross" || s.actionClass === "key-local" || s.actionClass === "alias");
}

// Reads a request's shape the way docs/request-model.md describes it (caller kind and account,
// target kind and account, action class) for the KMS-path tables and the KMS laws. Independent of
// the engines; a request it cannot read is `malformed`. Phase: conformance harness.
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

const SERVICE = /^[^:/\s]+\.amazonaws\.com$/;

function caller(principal: unknown): { kind: CallerKind; account: string } {
  if (typeof principal !== "string") return { kind: "malformed", account: "" };
  if (SERVICE.test(principal)) return { kind: "service", account: "" };
  const m = /^arn:[a-z][a-z0-9-]*:(iam|sts)::(\d{12}):(.+)$/.exec(principal);
  if (m === null) return { kind: "malformed", account: "" };
  const [, service, account, rest] = m as unknown as [string, string, string, string];
  if (service === "iam" && rest === "root") return { kind: "root", account };
  if (service === "iam" && rest.startsWith("user/")) return { kind: "user", account };
  if (service === "iam" && rest.startsWith("role/")) return { kind: "role", account };
  if (service === "sts" && rest.startsWith("assumed-role/")) return { kind: "session", account };
  if (service === "sts" && rest.startsWith("federated-user/")) return { kind: "federated", account };
  return { kind: "malformed", account: "" };
}

function target(resource: unknown): { kind: TargetKind; account: string } {
  if (resource === "*") return { kind: "none", account: "" };
  if (typeof resource !== "string") return { kind: "malformed", account: "" };
  const m = /^arn:[a-z][a-z0-9-]*:kms:[a-z0-9-]+:(\d{12}):(.*)$/.exec(resource);
  if (m === null) return { kind: "malformed", account: "" };
  const rest = m[2]!;
  const kind: TargetKind = rest === "*" ? "none" : rest.startsWith("key/") ? "key" : rest.startsWith("alias/") ? "alias" : "malformed";
  return { kind, account: m[1]! };
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

/** Whether the request is an operation `{ operation, checks }`. */
export function isOperation(request: unknown): request is { operation: string; checks: unknown[] } {
  return typeof request === "object" && request !== null && "checks" in request;
}

/** A single key-policy-decided check on a key (not RetireGrant, not an operation). */
export function isKeyPolicyCheck(request: unknown): boolean {
  if (isOperation(request)) return false;
  const s = checkShape(request);
  return s.targetKind === "key" && (s.actionClass === "key-cross" || s.actionClass === "key-local" || s.actionClass === "alias");
}

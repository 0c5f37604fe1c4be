// Reads one request (DESIGN §2, docs/request-model.md): checks its shape, the caller, the action,
// the resource and whether the action fits the resource. Undecidable requests become KR errors.

import { parseCaller, type Caller } from "./caller.js";
import { indexContext, type RequestContext } from "./context.js";
import { isObject, ownProperty } from "./json-shape.js";
import { findKmsAction, type KmsAction } from "./kms-actions.js";
import type { ReferenceError } from "./types.js";

/** What the request acts on (docs/request-model.md "The resource"). */
export type Target =
  | { readonly kind: "key"; readonly arn: string; readonly partition: string; readonly account: string }
  | { readonly kind: "alias"; readonly arn: string; readonly partition: string; readonly account: string }
  /** No specific resource (§1.7): `arn:P:kms:R:A:*`, or `*` whose account is the caller's. */
  | { readonly kind: "none"; readonly arn: string; readonly account: string | undefined };

export interface ReadRequest {
  readonly caller: Caller;
  readonly action: KmsAction;
  /** Canonical `kms:Name`, what Action patterns are matched against. */
  readonly actionName: string;
  readonly target: Target;
  readonly context: RequestContext;
  /** The context as the request wrote it (for the caller keys, caller-keys.ts). */
  readonly rawContext: Readonly<Record<string, string | readonly string[]>>;
}

const KMS_ARN = /^arn:([a-z][a-z0-9-]*):kms:([a-z0-9-]+):(\d{12}):(.*)$/;

/**
 * Reads a request whose shape request-shape.ts accepted, or returns the error entry of
 * docs/request-model.md "Errors" (KR0001, KR0002, KR0003, KR0005 in that order).
 */
export function readRequest(request: unknown): ReadRequest | ReferenceError {
  if (!isObject(request)) return failure("KR0007", "a request must be a JSON object");
  const { principal, action, resource } = request as Record<string, string>;
  // Own members only (request-shape.ts): an inherited `context` is none, and was never checked.
  const rawContext = (ownProperty(request, "context") ?? {}) as Record<string, string | readonly string[]>;
  const caller = parseCaller(principal!);
  if (caller === undefined) return failure("KR0001", `malformed principal \`${principal}\``);
  const kmsAction = findKmsAction(action!);
  if (kmsAction === undefined) return failure("KR0002", `unknown action \`${action}\``);
  const target = readTarget(resource!, caller);
  if (target === undefined) return failure("KR0003", `malformed resource \`${resource}\``);
  if (!fits(kmsAction, target)) {
    return failure("KR0005", `action \`${action}\` does not fit resource \`${resource}\``);
  }
  return {
    caller,
    action: kmsAction,
    actionName: `kms:${kmsAction.name}`,
    target,
    context: indexContext(rawContext),
    rawContext,
  };
}

/** A key ARN, an alias ARN, the synthetic `arn:P:kms:R:A:*` (literal star) or `*`. */
function readTarget(resource: string, caller: Caller): Target | undefined {
  if (resource === "*") return { kind: "none", arn: "*", account: caller.kind === "service" ? undefined : caller.account };
  const m = KMS_ARN.exec(resource);
  if (m === null) return undefined;
  const [partition, account, rest] = [m[1]!, m[3]!, m[4]!];
  // DEVIATION: §1.7, A20 — resource-less operations name the synthetic `arn:P:kms:R:A:*` (literal `*`) or `*`.
  if (rest === "*") return { kind: "none", arn: resource, account };
  if (/^key\/[^/:]+$/.test(rest)) return { kind: "key", arn: resource, partition, account };
  if (/^alias\/[^:]+$/.test(rest)) return { kind: "alias", arn: resource, partition, account };
  return undefined;
}

/** docs/request-model.md — alias ARN: the alias actions; no resource: IAM-only; key: the rest. */
function fits(action: KmsAction, target: Target): boolean {
  if (target.kind === "alias") return action.class === "alias";
  if (target.kind === "none") return action.class === "iam-only";
  return action.class !== "iam-only";
}

function failure(code: string, message: string): ReferenceError {
  return { error: { code, message } };
}

// Cedar entity types and ids shared by the Cedar emitter (compiler) and the request encoder (runtime),
// so both name principals, accounts, policies, resources and actions the same way (docs/cedar-mapping.md).
// Callers are read by the one request reader (request/read-caller.ts).
import type { ManifestIdentity } from "./cedar-manifest.js";
import type { CallerInfo, CallerKind } from "../request/read-caller.js";
import { parseCaller } from "../request/read-caller.js";

export type { CallerKind } from "../request/read-caller.js";
export { BARE_ACCOUNT } from "../request/read-caller.js";

/** Entity type names, one per kind of thing a request or a policy can name. */
export const CedarType = {
  account: "Iam::Account",
  root: "Iam::Root",
  user: "Iam::User",
  role: "Iam::Role",
  policy: "Iam::Policy",
  session: "Sts::AssumedRole",
  federated: "Sts::FederatedUser",
  service: "Aws::Service",
  key: "Kms::Key",
  alias: "Kms::Alias",
  noResource: "Kms::NoResource",
  action: "Kms::Action",
} as const;

/** The action groups the schema declares (ids that cannot clash with a KMS action name). */
export const ActionGroup = {
  /** Every action whose key policy is consulted on a key. */
  keyPolicy: "key-policy-actions",
  /** Every action a caller from another account can never be allowed (spec §5.4). */
  singleAccount: "single-account-actions",
} as const;

/** A request principal or a key-policy `AWS` / `Service` value, read as a caller (request/read-caller.ts). */
export type CallerName = CallerInfo;

/** Reads a principal string (docs/request-model.md "The caller"), or `undefined` when it is none. */
export function parseCallerName(text: string): CallerName | undefined {
  return parseCaller(text);
}

/** The Cedar entity type of a caller. */
export function callerType(kind: CallerKind): string {
  return CedarType[kind === "root" ? "root" : kind];
}

/**
 * The account entity a caller sits in: the root ARN of its partition and account. It is itself a
 * member of the bare-account entity, so `arn:P:iam::A:root` names one partition and `A` any.
 */
export function accountId(partition: string, account: string): string {
  return `arn:${partition}:iam::${account}:root`;
}

/**
 * The role entity a session belongs to: the role ARN without its path (roles are matched by
 * partition, account and name, whatever the path; docs/request-model.md).
 */
export function sessionRoleId(partition: string, account: string, roleName: string): string {
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/** The action entity id of a KMS action `kms:Name`. */
export function actionId(actionName: string): string {
  return actionName.startsWith("kms:") ? actionName.slice(4) : actionName;
}

/** The entity id of an identity policy: its bundle location (`principals[ARN][i]`). */
export function policyEntityId(location: string): string {
  return location;
}

/**
 * The identity-policy entities a caller has as parents (each once): a session those of its role
 * (by partition, account and name, whatever the path) and its own; a user, role or federated user
 * its own; the root and a service none. The encoder builds the hierarchy from it, and the AVP
 * profile counts the parents with it.
 */
export function identityPolicyParents(identity: readonly ManifestIdentity[]): (caller: CallerInfo) => readonly string[] {
  const exact = new Map<string, string[]>();
  const byRole = new Map<string, string[]>();
  for (const { principal, policies } of identity) {
    exact.set(principal, [...(exact.get(principal) ?? []), ...policies]);
    const named = parseCaller(principal);
    if (named?.kind === "role") {
      const role = sessionRoleId(named.partition, named.account, named.roleName);
      byRole.set(role, [...(byRole.get(role) ?? []), ...policies]);
    }
  }
  return (caller) => {
    if (caller.kind === "root" || caller.kind === "service") return [];
    const own = exact.get(caller.arn) ?? [];
    if (caller.kind !== "session") return [...new Set(own)];
    return [...new Set([...(byRole.get(sessionRoleId(caller.partition, caller.account, caller.roleName)) ?? []), ...own])];
  };
}

/**
 * The `Iam::Policy` id of a layer scope (docs/cedar-mapping.md "Layers"): the encoder makes a caller a
 * member of the scopes that apply to its request (SCP levels, RCP levels, its boundary, its session
 * policies, the endpoint), and layer policies are headed `principal in Iam::Policy::"<scope>"`. The
 * `layer:` prefix keeps them apart from identity policies (`principals[ARN][i]`).
 */
export function layerScopeId(layer: "scp" | "rcp" | "boundary" | "session" | "endpoint", location: string): string {
  return `${layer}:${location}`;
}

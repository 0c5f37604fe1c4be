// The request context as conditions see it (spec §6.1, docs/request-model.md): keys looked up
// case-insensitively, values as sets, empty arrays absent, case-variant duplicates ambiguous (A18).

import type { VariableValue } from "./variables.js";

/** What a condition key finds in the request. */
export type ContextEntry =
  | { readonly kind: "absent" }
  /** Two context entries differ only in letter case: decided by the fail-closed rule (§0.2, A18). */
  | { readonly kind: "ambiguous" }
  /** One or more distinct values (set semantics, §3.2); a plain string is a one-value set. */
  | { readonly kind: "present"; readonly values: readonly string[] };

/** A validated request context, indexed for case-insensitive lookup. */
export interface RequestContext {
  entry(keyName: string): ContextEntry;
  variable(keyName: string): VariableValue;
}

/** Indexes a context whose values are already known to be strings or arrays of strings. */
export function indexContext(context: Readonly<Record<string, string | readonly string[]>>): RequestContext {
  const byLowerName = new Map<string, Array<string | readonly string[]>>();
  for (const [name, value] of Object.entries(context)) {
    // AWS: §6.1 — condition key names, tag-key and encryption-context-key parts included, are
    // case-insensitive: index by the lower-cased full name.
    const lower = name.toLowerCase();
    const list = byLowerName.get(lower) ?? [];
    list.push(value);
    byLowerName.set(lower, list);
  }
  const entry = (keyName: string): ContextEntry => {
    const found = byLowerName.get(keyName.toLowerCase());
    if (found === undefined) return { kind: "absent" };
    // DEVIATION: §6.1, A18 — two entries that differ only in letter case make the key ambiguous (FCR).
    if (found.length > 1) return { kind: "ambiguous" };
    const raw = found[0]!;
    const values = typeof raw === "string" ? [raw] : [...new Set(raw)];
    // AWS: §3.2 — an empty set is treated exactly like an absent key.
    // DEVIATION: §3.2 — an empty set is an absent key everywhere, `Null` and `IfExists` included.
    return values.length === 0 ? { kind: "absent" } : { kind: "present", values };
  };
  const variable = (keyName: string): VariableValue => {
    const found = entry(keyName);
    if (found.kind === "absent") return { kind: "absent" };
    // AWS: §4.1 — only single-valued keys can be variables; two or more values have no single answer.
    // DEVIATION: §4.1, A18 — a variable on an ambiguous or multi-valued key has no single value (FCR).
    if (found.kind === "ambiguous" || found.values.length > 1) return { kind: "ambiguous" };
    return { kind: "value", value: found.values[0]! };
  };
  return { entry, variable };
}

/**
 * AWS: §5.6, A23 — `aws:ResourceTag/*` and `kms:ResourceAliases` exist for IAM policies only; KMS
 * refuses key policies that use them. The compiler rejects them; the oracle fails closed on them.
 */
export function isIdentityPolicyOnlyKey(keyName: string): boolean {
  const lower = keyName.toLowerCase();
  return lower.startsWith("aws:resourcetag/") || lower === "kms:resourcealiases";
}

/**
 * The context as key-policy statements see it: a variable naming an IAM-policy-only key has no
 * answer (FCR, §5.6), whatever the request carries or the variable's default says.
 */
export function keyPolicyContext(context: RequestContext): RequestContext {
  // DEVIATION: §5.6, A23 — FCR extended from conditions on these keys to variables naming them.
  return {
    entry: context.entry,
    variable: (keyName) => (isIdentityPolicyOnlyKey(keyName) ? { kind: "ambiguous" } : context.variable(keyName)),
  };
}

/**
 * The context as conditions see it, after the request's own checks (which read it as given): the keys a
 * request through a VPC endpoint leaves out are unknown (`withEndpointPathKeys`), a value that is or
 * holds the empty string is unknown (`withEmptyValuesUnknown`), and `kms:EncryptionContextKeys`, left
 * out, comes from the pairs (`withEncryptionContextKeys`).
 */
export function conditionContext(
  context: RequestContext, raw: Readonly<Record<string, string | readonly string[]>>, alwaysSet: readonly string[] = [],
): RequestContext {
  return withEncryptionContextKeys(withEmptyValuesUnknown(withKeysAwsSets(withEndpointPathKeys(context), alwaysSet)), raw);
}

/**
 * Deviations 49, 50 and 51: keys AWS includes in this request's context whatever the request builder wrote,
 * whose values the bundle cannot give: those "always included in the request context" (`aws:CurrentTime`,
 * `aws:EpochTime`, `aws:SecureTransport`, `aws:RequestedRegion`, `aws:ViaAWSService`), `aws:userid` of an IAM
 * user or role session, `aws:PrincipalOrgID`/`aws:PrincipalOrgPaths` when the caller's
 * account is in the organization, `aws:ResourceOrgID`/`aws:ResourceOrgPaths` when the key's or alias's
 * account is, `kms:GrantOperations`/`kms:GranteePrincipal` on CreateGrant (`alwaysSetKeys`). One the
 * context leaves out (absent: no entry, or an empty list) has an unknown value, never an absent key.
 */
function withKeysAwsSets(context: RequestContext, alwaysSet: readonly string[]): RequestContext {
  if (alwaysSet.length === 0) return context;
  const set = new Set(alwaysSet.map((k) => k.toLowerCase()));
  // DEVIATION: deviations 49, 50, 51 — a key AWS always includes here, left out, is unknown (FCR), not absent.
  const unknown = (keyName: string): boolean => set.has(keyName.toLowerCase()) && context.entry(keyName).kind === "absent";
  return {
    entry: (keyName) => (unknown(keyName) ? { kind: "ambiguous" } : context.entry(keyName)),
    variable: (keyName) => (unknown(keyName) ? { kind: "ambiguous" } : context.variable(keyName)),
  };
}

/**
 * The keys AWS always includes in this request's context (deviations 49, 50, 51; global condition keys page:
 * `aws:CurrentTime`, `aws:EpochTime`, `aws:SecureTransport`, `aws:RequestedRegion`, `aws:ViaAWSService`: "This
 * key is always included in the request context."; `aws:userid`: "included in the request context for all
 * signed requests" — its value is ours to derive for the root user and federated users (caller-keys.ts), not
 * for IAM users and role sessions, and AWS documents none for a service principal; the organization keys
 * when "the principal's account is in an organization", the resource's when the resource's account is; KMS
 * API, CreateGrant: `Operations` and `GranteePrincipal` "Required: Yes").
 * `inOrganization` says whether an account is in the bundle's organization. A service caller has no
 * account; a request on no specific resource has no resource account (its `aws:ResourceAccount` is
 * context-driven).
 */
export function alwaysSetKeys(
  inOrganization: (account: string) => boolean, callerKind: string, callerAccount: string | undefined, resourceAccount: string | undefined, actionName: string,
): string[] {
  const keys: string[] = ["aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport", "aws:RequestedRegion", "aws:ViaAWSService"];
  if (callerKind === "user" || callerKind === "role" || callerKind === "session") keys.push("aws:userid");
  if (callerAccount !== undefined && inOrganization(callerAccount)) keys.push("aws:PrincipalOrgID", "aws:PrincipalOrgPaths");
  if (resourceAccount !== undefined && inOrganization(resourceAccount)) keys.push("aws:ResourceOrgID", "aws:ResourceOrgPaths");
  if (actionName === "CreateGrant") keys.push("kms:GrantOperations", "kms:GranteePrincipal");
  return keys;
}

const PAIR_PREFIX = "kms:encryptioncontext:";

/**
 * Deviation 47: AWS sets `kms:EncryptionContextKeys` from the request's encryption context ("only the key in
 * each encryption context pair"). A context that gives pairs (`kms:EncryptionContext:<key>`, an empty list is
 * no pair) and leaves the key out gets their keys, as written; two pairs whose keys differ only in letter
 * case, or an empty key, make it ambiguous. A key the context gives (an empty list included) is read as given.
 */
function withEncryptionContextKeys(context: RequestContext, raw: Readonly<Record<string, string | readonly string[]>>): RequestContext {
  const names = Object.keys(raw);
  if (names.some((name) => name.toLowerCase() === "kms:encryptioncontextkeys")) return context;
  const keys: string[] = [];
  let ambiguous = false;
  for (const name of names) {
    if (!name.toLowerCase().startsWith(PAIR_PREFIX)) continue;
    const value = raw[name]!;
    if (typeof value !== "string" && value.length === 0) continue;
    const key = name.slice(PAIR_PREFIX.length);
    if (key === "" || keys.some((k) => k.toLowerCase() === key.toLowerCase())) ambiguous = true;
    keys.push(key);
  }
  if (keys.length === 0) return context;
  // DEVIATION: deviation 47 — kms:EncryptionContextKeys left out is the pairs' keys, not an absent key.
  const entry: ContextEntry = ambiguous ? { kind: "ambiguous" } : { kind: "present", values: keys };
  const isKeys = (keyName: string): boolean => keyName.toLowerCase() === "kms:encryptioncontextkeys";
  return {
    entry: (keyName) => (isKeys(keyName) ? entry : context.entry(keyName)),
    // A multivalued key is no variable (§4.1): ambiguous for one or several keys.
    variable: (keyName) => (isKeys(keyName) ? (entry.kind === "present" && entry.values.length === 1 ? { kind: "value", value: entry.values[0]! } : { kind: "ambiguous" }) : context.variable(keyName)),
  };
}

/**
 * IAM, Condition element: "it is possible to include an empty string. In this case, the value in the request
 * context is null"; multivalued keys: ForAllValues "also returns true if … the key values resolve to a null
 * data set, such as an empty string". Our rule (the spec said a present value, [PROP], §3.2): a key whose
 * value is `""`, or a list holding `""`, is decided by the fail-closed rule, as for an ambiguous key: AWS says
 * `Null` sees it as null, and says nothing of the other operators.
 */
function withEmptyValuesUnknown(context: RequestContext): RequestContext {
  const empty = (keyName: string): boolean => {
    const found = context.entry(keyName);
    return found.kind === "present" && found.values.includes("");
  };
  return {
    // DEVIATION: §3.2 — an empty-string value is null to AWS: unknown (FCR), not a present value.
    entry: (keyName) => (empty(keyName) ? { kind: "ambiguous" } : context.entry(keyName)),
    variable: (keyName) => (empty(keyName) ? { kind: "ambiguous" } : context.variable(keyName)),
  };
}

/** Keys AWS includes on a request through a VPC endpoint, with values only the caller knows. */
const ENDPOINT_PATH_KEYS = new Set(["aws:sourcevpc", "aws:vpcsourceip"]);

/**
 * docs/semantics/vpc-endpoint-policy.md §2: a request that gives `aws:SourceVpce` went through a VPC
 * endpoint, where AWS includes `aws:SourceVpc` and `aws:VpcSourceIp`; one it leaves out has an unknown
 * value, never an absent key. Apply after the endpoint's consistency checks (they see such a key absent).
 */
function withEndpointPathKeys(context: RequestContext): RequestContext {
  if (context.entry("aws:SourceVpce").kind === "absent") return context;
  // DEVIATION: vpc-endpoint-policy.md §2 — left out on the endpoint path, the key is unknown (FCR), not absent.
  const unknown = (keyName: string): boolean => ENDPOINT_PATH_KEYS.has(keyName.toLowerCase()) && context.entry(keyName).kind === "absent";
  return {
    entry: (keyName) => (unknown(keyName) ? { kind: "ambiguous" } : context.entry(keyName)),
    variable: (keyName) => (unknown(keyName) ? { kind: "ambiguous" } : context.variable(keyName)),
  };
}

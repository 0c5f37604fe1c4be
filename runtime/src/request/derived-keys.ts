// Keys AWS sets from the caller's identity on every request (DESIGN §2, spec §6.4–§6.5,
// docs/request-model.md "Keys derived from the caller"): what each engine derives from `principal`
// (and aws:ResourceAccount from the resource), what a context may say about them, and where AWS is
// silent the fail-closed choice. Pure data and tests; the engines apply them to their own context.
import type { CallerInfo } from "./read-caller.js";
import { parseCaller } from "./read-caller.js";
import type { TargetKind } from "./read-target.js";

/** The derived keys, lower-cased, in a fixed order (their index is used by the engines). */
export const DERIVED_KEYS = [
  "aws:principalarn",
  "aws:principalaccount",
  "kms:calleraccount",
  "aws:username",
  "aws:userid",
  "aws:principaltype",
  "aws:principalisawsservice",
  "aws:principalservicename",
  "aws:resourceaccount",
] as const;

export const PRINCIPAL_ARN = DERIVED_KEYS.indexOf("aws:principalarn");
export const CALLER_ACCOUNT = DERIVED_KEYS.indexOf("kms:calleraccount");
export const RESOURCE_ACCOUNT = DERIVED_KEYS.indexOf("aws:resourceaccount");

const INDEX = new Map<string, number>(DERIVED_KEYS.map((k, i) => [k, i]));

/** The index of a derived key from its lower-cased name, or -1. */
export function derivedKeyIndex(lowerName: string): number {
  return INDEX.get(lowerName) ?? -1;
}

/** What a request's context may say about one derived key, and what the engines fill in. */
export type Derived =
  /** AWS sets it to `value`: a context entry must give exactly it (case-sensitive); absent, it is filled in when `fill`. */
  | { readonly kind: "value"; readonly value: string; readonly fill: boolean }
  /**
   * A role session's aws:PrincipalArn: the role ARN, whose path the session ARN does not carry. A
   * context entry must be a role ARN of this partition, account and name (any path) and is then the
   * value; absent, it is `bundleArn` (the bundle's one role of that name), else unknown (ambiguous).
   */
  | { readonly kind: "role"; readonly partition: string; readonly account: string; readonly roleName: string; readonly bundleArn: string | undefined }
  /** AWS never sets it for this caller: a context entry with a value is a contradiction. */
  | { readonly kind: "never" }
  /** Not derived: whatever the context says (as for every other key). */
  | { readonly kind: "free" };

const FREE: Derived = { kind: "free" };
const NEVER: Derived = { kind: "never" };
const value = (v: string, fill = true): Derived => ({ kind: "value", value: v, fill });

/** aws:PrincipalType for each caller kind (spec §6.4). */
const PRINCIPAL_TYPE: Readonly<Record<Exclude<CallerInfo["kind"], "service">, string>> = {
  root: "Account",
  user: "User",
  // DEVIATION: request model — a role ARN as principal stands for a session of that role: `AssumedRole`.
  role: "AssumedRole",
  session: "AssumedRole",
  federated: "FederatedUser",
};

/**
 * The caller-derived keys of `caller`, indexed like DERIVED_KEYS (aws:ResourceAccount is `free`
 * here: see `resourceDerived`). `roleArnOf(roleKey)` is the bundle's one role ARN with that
 * partition:account:name, or undefined when the bundle names none or several.
 */
export function callerDerived(caller: CallerInfo, roleArnOf: (roleKey: string) => string | undefined): Derived[] {
  const out: Derived[] = DERIVED_KEYS.map(() => FREE);
  const at = (key: (typeof DERIVED_KEYS)[number], d: Derived): void => {
    out[DERIVED_KEYS.indexOf(key)] = d;
  };
  if (caller.kind === "service") {
    // DEVIATION: §6.4 — for a service caller only aws:PrincipalIsAWSService and aws:PrincipalServiceName
    // are derived; AWS documents no account, ARN or user id for service principals: those stay context-driven.
    at("aws:principalisawsservice", value("true"));
    at("aws:principalservicename", value(caller.arn));
    at("aws:username", NEVER);
    return out;
  }
  // AWS: §6.4 — aws:PrincipalArn: the role ARN for a role session, the caller's ARN otherwise.
  if (caller.kind === "session") {
    const bundleArn = roleArnOf(caller.roleKey);
    at("aws:principalarn", { kind: "role", partition: caller.partition, account: caller.account, roleName: caller.roleName, bundleArn });
  } else {
    at("aws:principalarn", value(caller.arn));
  }
  at("aws:principalaccount", value(caller.account));
  at("kms:calleraccount", value(caller.account));
  // AWS: §6.4 — aws:username only for IAM users (absent for roles, root, federated users).
  at("aws:username", caller.kind === "user" ? value(caller.userName) : NEVER);
  // AWS: §6.4 (variables page) — aws:userid is the account id for root, `account:name` for a
  // federated user; for users and sessions it holds a unique id the principal ARN does not carry.
  if (caller.kind === "root") at("aws:userid", value(caller.account));
  if (caller.kind === "federated") at("aws:userid", value(`${caller.account}:${caller.arn.slice(caller.arn.lastIndexOf("/") + 1)}`));
  at("aws:principaltype", value(PRINCIPAL_TYPE[caller.kind]));
  at("aws:principalisawsservice", value("false"));
  at("aws:principalservicename", NEVER);
  return out;
}

/** aws:ResourceAccount: the account of a key or alias ARN; context-driven for no specific resource. */
export function resourceDerived(kind: TargetKind, account: string): Derived {
  return kind === "none" ? FREE : value(account);
}

const CALLER_ACCOUNT_WITHOUT_KEY = new Set([
  "kms:createkey", "kms:connectcustomkeystore", "kms:createcustomkeystore", "kms:deletecustomkeystore",
  "kms:describecustomkeystores", "kms:disconnectcustomkeystore", "kms:updatecustomkeystore",
]);

/**
 * Whether AWS sets kms:CallerAccount for this action on this target (spec §5.4, §6.3): every key
 * operation but SynchronizeMultiRegionKey, CreateKey and the custom key store operations. Elsewhere
 * (ListKeys, the alias half, …) it is absent: a context may still give it, with the caller's account.
 */
export function setsCallerAccount(lowerAction: string, kind: TargetKind): boolean {
  if (kind === "key") return lowerAction !== "kms:synchronizemultiregionkey";
  return kind === "none" && CALLER_ACCOUNT_WITHOUT_KEY.has(lowerAction);
}

/** Whether a context value `given` for the key agrees with what AWS sets (DEVIATION: ARNs case-sensitive). */
export function acceptsGiven(d: Derived, given: string): boolean {
  switch (d.kind) {
    case "free":
      return true;
    case "never":
      return false;
    // DEVIATION: §6.4 — a value that differs from the derived one only in letter case contradicts it (ARNs and ids are case-sensitive).
    case "value":
      return given === d.value;
    case "role": {
      // PERF: the bundle's role ARN is a role of this partition, account and name (uniqueRoles), so
      // the usual value, the role's own ARN, needs no parse.
      if (given === d.bundleArn) return true;
      const role = parseGivenArn(given);
      return role?.kind === "role" && role.partition === d.partition && role.account === d.account && role.roleName === d.roleName;
    }
  }
}

/**
 * The value `acceptsGiven(d, ·)` accepts at its first comparison, without reading more (the value AWS
 * sets, or a session's bundle role ARN), else undefined. PERF: an engine may keep it with the caller
 * and accept the usual given value by one comparison.
 */
export function usualGiven(d: Derived): string | undefined {
  return d.kind === "value" ? d.value : d.kind === "role" ? d.bundleArn : undefined;
}

/** Given ARNs remembered by `parseGivenArn` before the memo is cleared. */
const GIVEN_LIMIT = 1024;
const givenArns = new Map<string, CallerInfo | null>();

/**
 * `parseCaller` of a value a context gives for aws:PrincipalArn (null: malformed). PERF: the values
 * repeat (the ARNs of a few roles) and a parse runs several regular expressions: remembered, bounded.
 */
export function parseGivenArn(given: string): CallerInfo | undefined {
  let parsed = givenArns.get(given);
  if (parsed === undefined) {
    parsed = parseCaller(given) ?? null;
    if (givenArns.size >= GIVEN_LIMIT) givenArns.clear();
    givenArns.set(given, parsed);
  }
  return parsed ?? undefined;
}

/**
 * The bundle's role ARNs by `partition:account:name`: the ARN when exactly one bundle principal is
 * that role (any path), `null` when several are.
 */
export function uniqueRoles(principalArns: Iterable<string>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const arn of principalArns) {
    const c = parseCaller(arn);
    if (c?.kind !== "role") continue;
    out.set(c.roleKey, out.has(c.roleKey) && out.get(c.roleKey) !== arn ? null : arn);
  }
  return out;
}

// Condition keys AWS puts in every request context from the caller's identity (spec §6.4, §6.5,
// docs/request-model.md "Keys derived from the caller"), and aws:ResourceAccount from the resource.
// The request's context may repeat them, with the same value only; where the value is not known
// (a session's role path), the key is ambiguous and conditions on it fail closed (§0.2).

import { parseRoleArn, type Caller } from "./caller.js";
import type { ContextEntry, RequestContext } from "./context.js";
import { isObject } from "./json-shape.js";
import type { KmsAction } from "./kms-actions.js";
import type { Target } from "./request.js";
import type { ReferenceError } from "./types.js";
import type { VariableValue } from "./variables.js";

/** What the oracle knows about one caller key in one request. */
type Rule =
  /** AWS sets it to `value` (in every request when `always`, else only a matching context value is kept). */
  | { readonly kind: "is"; readonly value: string; readonly always: boolean }
  /** A session's aws:PrincipalArn: its role's ARN, path unknown. */
  | { readonly kind: "session-role"; readonly partition: string; readonly account: string; readonly roleName: string; readonly inBundle: string | undefined }
  /** AWS never sets it for this caller. */
  | { readonly kind: "never" };

const WITH_CALLER_ACCOUNT_WITHOUT_KEY = [
  "CreateKey", "ConnectCustomKeyStore", "CreateCustomKeyStore", "DeleteCustomKeyStore",
  "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "UpdateCustomKeyStore",
];

/** The rules of this request, by lower-cased key name; keys without a rule are the context's business. */
function rulesFor(caller: Caller, action: KmsAction, target: Target, bundle: unknown): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  const is = (value: string, always = true): Rule => ({ kind: "is", value, always });
  // AWS: §6.4 — aws:ResourceAccount is the account that owns the resource (the key or the alias).
  if (target.kind !== "none") rules.set("aws:resourceaccount", is(target.account));
  if (caller.kind === "service") {
    // DEVIATION: §6.4 — a service caller: only PrincipalIsAWSService and PrincipalServiceName are known.
    rules.set("aws:principalisawsservice", is("true"));
    rules.set("aws:principalservicename", is(caller.service));
    rules.set("aws:username", { kind: "never" });
    return rules;
  }
  rules.set("aws:principalisawsservice", is("false"));
  rules.set("aws:principalservicename", { kind: "never" });
  rules.set("aws:principalaccount", is(caller.account));
  // AWS: §6.2, §6.3, §5.4 — kms:CallerAccount: the key operations, CreateKey, the custom key store operations.
  const setsCallerAccount = target.kind === "key"
    ? action.name !== "SynchronizeMultiRegionKey"
    : target.kind === "none" && WITH_CALLER_ACCOUNT_WITHOUT_KEY.includes(action.name);
  rules.set("kms:calleraccount", is(caller.account, setsCallerAccount));
  const lastSegment = caller.arn.slice(caller.arn.lastIndexOf("/") + 1);
  switch (caller.kind) {
    case "root":
      rules.set("aws:principalarn", is(caller.arn));
      rules.set("aws:principaltype", is("Account"));
      rules.set("aws:userid", is(caller.account));
      rules.set("aws:username", { kind: "never" });
      break;
    case "user":
      rules.set("aws:principalarn", is(caller.arn));
      rules.set("aws:principaltype", is("User"));
      rules.set("aws:username", is(lastSegment));
      break;
    case "role":
      rules.set("aws:principalarn", is(caller.arn));
      rules.set("aws:principaltype", is("AssumedRole"));
      rules.set("aws:username", { kind: "never" });
      break;
    case "session":
      rules.set("aws:principalarn", {
        kind: "session-role", partition: caller.partition, account: caller.account, roleName: caller.roleName,
        inBundle: onlyRoleNamed(bundle, caller.partition, caller.account, caller.roleName),
      });
      rules.set("aws:principaltype", is("AssumedRole"));
      rules.set("aws:username", { kind: "never" });
      break;
    case "federated":
      rules.set("aws:principalarn", is(caller.arn));
      rules.set("aws:principaltype", is("FederatedUser"));
      rules.set("aws:userid", is(`${caller.account}:${lastSegment}`));
      rules.set("aws:username", { kind: "never" });
      break;
  }
  return rules;
}

/** The one role ARN in the bundle's principals with this partition, account and name, if exactly one. */
function onlyRoleNamed(bundle: unknown, partition: string, account: string, roleName: string): string | undefined {
  const principals = isObject(bundle) ? (Object.prototype.hasOwnProperty.call(bundle, "principals") ? bundle["principals"] : undefined) : undefined;
  if (!isObject(principals)) return undefined;
  const found = Object.keys(principals).filter((arn) => {
    const role = parseRoleArn(arn);
    return role !== undefined && role.partition === partition && role.account === account && role.roleName === roleName;
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The context with the caller keys in it, or KR0009 when the request's context gives one of them
 * another value (every value of every entry whose name is the key, in any letter case).
 */
export function withCallerKeys(
  context: RequestContext, rawContext: Readonly<Record<string, string | readonly string[]>>,
  caller: Caller, action: KmsAction, target: Target, bundle: unknown,
): RequestContext | ReferenceError {
  const rules = rulesFor(caller, action, target, bundle);
  const given = new Map<string, string[]>();
  for (const [name, value] of Object.entries(rawContext)) {
    const lower = name.toLowerCase();
    if (!rules.has(lower)) continue;
    given.set(lower, [...(given.get(lower) ?? []), ...(typeof value === "string" ? [value] : value)]);
  }
  const overlay = new Map<string, ContextEntry>();
  for (const [key, rule] of rules) {
    const values = given.get(key) ?? [];
    const distinct = [...new Set(values)];
    if (rule.kind === "never") {
      if (distinct.length > 0) return contradiction(key);
      continue;
    }
    if (rule.kind === "is") {
      // DEVIATION: §6.4 — compared case-sensitively: a value differing only in case contradicts the caller.
      if (distinct.some((v) => v !== rule.value)) return contradiction(key);
      if (distinct.length > 0 || rule.always) overlay.set(key, { kind: "present", values: [rule.value] });
      continue;
    }
    const fits = (v: string): boolean => {
      const role = parseRoleArn(v);
      return role !== undefined && role.partition === rule.partition && role.account === rule.account && role.roleName === rule.roleName;
    };
    if (distinct.length > 1 || !distinct.every(fits)) return contradiction(key);
    const value = distinct[0] ?? rule.inBundle;
    // DEVIATION: §6.4 — the session's role path is unknown: the key is ambiguous (FCR), never a guessed ARN.
    overlay.set(key, value === undefined ? { kind: "ambiguous" } : { kind: "present", values: [value] });
  }
  const entry = (keyName: string): ContextEntry => overlay.get(keyName.toLowerCase()) ?? context.entry(keyName);
  const variable = (keyName: string): VariableValue => {
    const found = overlay.get(keyName.toLowerCase());
    if (found === undefined) return context.variable(keyName);
    return found.kind === "present" ? { kind: "value", value: found.values[0]! } : { kind: "ambiguous" };
  };
  return { entry, variable };
}

function contradiction(key: string): ReferenceError {
  return { error: { code: "KR0009", message: `the context contradicts \`${key}\`, which AWS sets from the principal` } };
}

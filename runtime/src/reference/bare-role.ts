// A role ARN as caller (docs/request-model.md "The caller", KR0012, deviation 48), stated from the bundle:
// such a caller stands for a session of the role whose name the request does not give. AWS never sends
// one. If the bundle names a session of that role, or the role under another ARN (role names are unique
// in an account, so another path is the same role), the decision could depend on which session or which
// ARN the caller really is: the request is refused, never guessed. Where the bundle cannot be read (the
// compiler refuses it), what it names there is unknown: refused too (fail closed).

import { BUNDLE_MEMBERS, KEY_ENTRY_MEMBERS, PRINCIPAL_ENTRY_MEMBERS } from "./bundle.js";
import { parseCaller, type Caller } from "./caller.js";
import { GRANT_MEMBERS } from "./grants.js";
import { isObject, ownProperty, readStringList, strayMember } from "./json-shape.js";
import { ACCOUNT_MEMBERS, ENDPOINT_MEMBERS, ORGANIZATION_MEMBERS, OU_MEMBERS, ROOT_MEMBERS } from "./layers-bundle.js";
import { readPolicy } from "./policy.js";
import { PRINCIPAL_KEYS } from "./principal-match.js";
import { MEMBERS as STATEMENT_MEMBERS } from "./statement.js";
import type { ReferenceError } from "./types.js";

/** KR0012 for a role caller the bundle makes ambiguous; undefined for every other request. */
export function ambiguousRoleCaller(bundle: unknown, caller: Caller): ReferenceError | undefined {
  if (caller.kind !== "role") return undefined;
  // DEVIATION: §1.5, request model — AWS never sends a role ARN as caller; one the bundle makes ambiguous is refused.
  const names = principalNames(bundle);
  let session = false;
  let otherArn = false;
  for (const name of names ?? []) {
    const named = parseCaller(name);
    if (named === undefined || (named.kind !== "role" && named.kind !== "session")) continue;
    if (named.partition !== caller.partition || named.account !== caller.account || named.roleName !== caller.roleName) continue;
    if (named.kind === "session") session = true;
    else if (named.arn !== caller.arn) otherArn = true;
  }
  const why = names === undefined ? "the bundle cannot be read everywhere it may name principals"
    : session ? "the bundle names a session of it: give the session ARN"
    : otherArn ? "the bundle names the role under another path: give the session ARN, or the role's ARN as the bundle writes it"
    : undefined;
  if (why === undefined) return undefined;
  return { error: { code: "KR0012", message: `ambiguous role caller \`${caller.arn}\`: a role ARN as principal stands for an unnamed session of the role, but ${why}` } };
}

/**
 * Every string the bundle gives where it names a principal: the `principals` entries and their
 * `federatedBy`, the `AWS` values of every Principal and NotPrincipal element of the key policies, the
 * endpoint policies and the RCPs, and the grantees and retiring principals of the grants. Undefined when
 * one of those places cannot be read (a member of the wrong type, a stray or misspelled member, an
 * unreadable policy, a partial wildcard): it could name anyone.
 */
function principalNames(bundle: unknown): string[] | undefined {
  const names: string[] = [];
  let readable = true;
  /** An object with only the members it may have, else unreadable. */
  const entry = (value: unknown, allowed: ReadonlySet<string>): Record<string, unknown> | undefined => {
    if (isObject(value) && strayMember(value, allowed) === undefined) return value;
    readable = false;
    return undefined;
  };
  /** An optional map or list member: absent is empty, another type unreadable. */
  const map = (value: unknown): Record<string, unknown> => (value === undefined ? {} : isObject(value) ? value : ((readable = false), {}));
  const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : ((readable = false), []));
  const text = (value: unknown): void => {
    if (typeof value === "string") names.push(value);
    else if (value !== undefined) readable = false;
  };
  const policy = (document: unknown): void => {
    for (const statement of readPolicy(document, "").statements) {
      const body = statement.body === undefined ? undefined : entry(statement.body, STATEMENT_MEMBERS);
      if (body === undefined) readable = false;
      else for (const element of ["Principal", "NotPrincipal"]) principal(ownProperty(body, element));
    }
  };
  const principal = (element: unknown): void => {
    if (element === undefined || element === "*") return;
    const map = entry(element, PRINCIPAL_KEYS);
    const aws = map === undefined ? undefined : ownProperty(map, "AWS");
    if (aws === undefined) return;
    const values = readStringList(aws);
    // §1.5: a wildcard is only the whole value `*`; a partial one could stand for any principal.
    if (values === undefined || values.some((v) => v !== "*" && /[*?]/.test(v))) readable = false;
    else names.push(...values);
  };
  const node = (value: unknown, depth: number): void => {
    const isAccount = isObject(value) && ownProperty(value, "account") !== undefined;
    const n = depth > 100 ? undefined : entry(value, depth === 0 ? ROOT_MEMBERS : isAccount ? ACCOUNT_MEMBERS : OU_MEMBERS);
    if (n === undefined) return void (readable = false);
    for (const rcp of list(ownProperty(n, "rcps"))) policy(rcp);
    for (const child of list(ownProperty(n, "children"))) node(child, depth + 1);
  };

  const top = entry(bundle, BUNDLE_MEMBERS);
  if (top === undefined) return undefined;
  const principals = map(ownProperty(top, "principals"));
  for (const arn of Object.keys(principals)) {
    names.push(arn);
    const e = entry(principals[arn], PRINCIPAL_ENTRY_MEMBERS);
    if (e !== undefined) text(ownProperty(e, "federatedBy"));
  }
  for (const value of Object.values(map(ownProperty(top, "keys")))) {
    const e = entry(value, KEY_ENTRY_MEMBERS);
    if (e === undefined) continue;
    policy(ownProperty(e, "policy"));
    for (const g of list(ownProperty(e, "grants"))) {
      const grant = entry(g, GRANT_MEMBERS);
      if (grant !== undefined) for (const member of ["granteePrincipal", "retiringPrincipal"]) text(ownProperty(grant, member));
    }
  }
  for (const value of Object.values(map(ownProperty(top, "endpoints")))) {
    const e = entry(value, ENDPOINT_MEMBERS);
    if (e !== undefined) policy(ownProperty(e, "policy"));
  }
  const organization = ownProperty(top, "organization");
  if (organization !== undefined) {
    const o = entry(organization, ORGANIZATION_MEMBERS);
    if (o !== undefined) node(ownProperty(o, "root"), 0);
  }
  return readable ? names : undefined;
}

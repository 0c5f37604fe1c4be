// KR0012 (docs/request-model.md "The caller", deviation 48): a role ARN as principal stands for a session
// of that role whose name the request does not give. When the bundle names a session of the role, or the
// role under another ARN (another path, or the path in another letter case), the decision may depend on
// which session the caller is, or on which ARN is the role's: the request is refused, never guessed. The
// one home of the rule for the graph and Cedar engines (the reference states it on its own). Pure.
import type { DecisionError } from "../contracts.js";
import type { CallerInfo } from "./read-caller.js";
import { parseCaller } from "./read-caller.js";
import { RequestErrorCode } from "./request-errors.js";

/** The refusal of a caller (always undefined but for a bare role ARN), computed once per caller. */
export type BareRoleCheck = (caller: CallerInfo) => DecisionError | undefined;

/** What the bundle names of one role (`partition:account:name`, the roleKey of read-caller.ts). */
interface Named {
  session: boolean;
  readonly roleArns: Set<string>;
}

/**
 * The role and role-session ARNs among `arns`, each once, in first order: everything the rule reads
 * (the compiler writes them into the Cedar manifest's `namedRoles`).
 */
export function namedRoleArns(arns: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const arn of arns) {
    const kind = parseCaller(arn)?.kind;
    if (kind === "role" || kind === "session") out.add(arn);
  }
  return [...out];
}

/**
 * The rule over the principal ARNs a bundle names (in `principals`, in a Principal element, in a grant,
 * in `federatedBy`; other strings are ignored). `undefined`: what the bundle names is not known (a Cedar
 * manifest written before `namedRoles`), so every bare role caller is refused (fail closed).
 */
export function bareRoleCheck(arns: Iterable<string> | undefined): BareRoleCheck {
  if (arns === undefined) {
    return (caller) => (caller.kind === "role" ? refusal(caller.arn, "the Cedar manifest does not list the principals the bundle names (compile the bundle again)") : undefined);
  }
  const roles = new Map<string, Named>();
  for (const arn of arns) {
    const named = parseCaller(arn);
    if (named === undefined || named.roleKey === "") continue;
    let entry = roles.get(named.roleKey);
    if (entry === undefined) roles.set(named.roleKey, (entry = { session: false, roleArns: new Set() }));
    if (named.kind === "session") entry.session = true;
    else entry.roleArns.add(arn);
  }
  return (caller) => {
    if (caller.kind !== "role") return undefined;
    // DEVIATION: §1.5, request model — AWS never sends a role ARN as caller; one the bundle makes ambiguous is refused.
    const entry = roles.get(caller.roleKey);
    if (entry === undefined) return undefined;
    if (entry.session) return refusal(caller.arn, "the bundle names a session of it: give the session ARN");
    // Role names are unique in an account, whatever the path: another ARN of this name is this role.
    for (const arn of entry.roleArns) {
      if (arn !== caller.arn) return refusal(caller.arn, "the bundle names the role under another path: give the session ARN, or the role's ARN as the bundle writes it");
    }
    return undefined;
  };
}

/** Frozen: the graph engine keeps it with the caller and returns it for each of its requests. */
function refusal(arn: string, why: string): DecisionError {
  const message = `ambiguous role caller \`${arn}\`: a role ARN as principal stands for an unnamed session of the role, but ${why}`;
  return Object.freeze({ error: Object.freeze({ code: RequestErrorCode.ambiguousRoleCaller, message }) });
}

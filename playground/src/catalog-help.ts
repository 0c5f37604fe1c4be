// Hover help for a string of the policy: a KMS action or action pattern, a condition key, or a
// condition operator, described from the KMS catalog (compiler/src/catalog/) and the operator grammar.
// The operator list alone: the grammar's entry point would pull its parser into the page's bundle.
import { BASE_OPERATORS } from "@kms-cedar/compiler/render";
import { findConditionKey, findKmsAction, matchKmsActions } from "@kms-cedar/compiler/render";

const POLICY_TYPE: Record<string, string> = {
  "key-policy": "decided by the key policy (IAM policies count only where the key policy delegates to the account)",
  "iam-only": "decided by IAM identity policies only (a key-policy statement has no effect on it)",
  both: "the alias half is decided by IAM policies, the key half by the key policy",
  grant: "only a grant can allow it: no policy statement allows it (a Deny still applies)",
};
const RESOURCE: Record<string, string> = { key: "on a KMS key", "alias+key": "on an alias and a key", none: "on no specific resource (`*`)" };
const BASES: ReadonlySet<string> = new Set(BASE_OPERATORS);

/** A one-paragraph description of `word`, or `undefined` when it is none of the above. */
export function catalogHelp(word: string): string | undefined {
  // `kms:ViaService` is a condition key, `kms:Decrypt` an action: keys first, then actions.
  const key = /^[a-z0-9-]+:[^\s]/i.test(word) ? findConditionKey(word) : undefined;
  if (key === undefined && /^kms:/i.test(word)) return actionHelp(word.slice(4));
  if (key !== undefined) {
    const where = key.global ? "a global key (any request may carry it)" : `set on ${key.operations.length} KMS action${key.operations.length === 1 ? "" : "s"} (${key.operations.slice(0, 6).join(", ")}${key.operations.length > 6 ? ", …" : ""})`;
    const multi = key.multiValued ? "; multivalued: use ForAnyValue: or ForAllValues:" : "";
    const identity = key.policies === "identity" ? "; identity policies only" : "";
    const replaced = key.replacedBy !== undefined ? `; deprecated, replaced by ${key.replacedBy}` : "";
    return `condition key ${key.name}: type ${key.type}, ${where}${multi}${identity}${replaced}`;
  }
  return operatorHelp(word);
}

function actionHelp(name: string): string | undefined {
  if (name.includes("*") || name.includes("?")) {
    const matched = matchKmsActions(name);
    return `action pattern kms:${name}: matches ${matched.length} KMS action${matched.length === 1 ? "" : "s"}${matched.length > 0 ? ` (${matched.slice(0, 8).map((a) => a.name).join(", ")}${matched.length > 8 ? ", …" : ""})` : ""}`;
  }
  const action = findKmsAction(name);
  if (action === undefined) return `kms:${name} is not a KMS action`;
  const cross = action.crossAccount ? "callers of another account can be allowed" : "callers of another account are never allowed";
  return `action kms:${action.name}: ${RESOURCE[action.resource] ?? action.resource}; ${POLICY_TYPE[action.policyType] ?? action.policyType}; ${cross}`;
}

function operatorHelp(word: string): string | undefined {
  const qualifier = /^(ForAllValues|ForAnyValue):/.exec(word)?.[1];
  const rest = qualifier !== undefined ? word.slice(qualifier.length + 1) : word;
  const ifExists = rest.endsWith("IfExists");
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
  if (!BASES.has(base)) return undefined;
  const parts = [`condition operator ${base}`];
  if (ifExists) parts.push("IfExists: also holds when the request does not carry the key");
  if (qualifier === "ForAnyValue") parts.push("ForAnyValue: holds when some value of the request's set matches");
  if (qualifier === "ForAllValues") parts.push("ForAllValues: holds when every value of the request's set matches (and when the set is empty)");
  if (base.includes("Not")) parts.push("negated: also holds when the request does not carry the key");
  return parts.join("; ");
}

// Rules about a value and operator fitting the condition key (spec §6.4, A17): wildcards in the values of the
// "sensitive" keys AWS names, and operators whose family does not fit the key's type. Both are warnings:
// IAM accepts them. Only catalog keys are judged; values with variables are judged on their text parts.
import { findConditionKey } from "../catalog/kms-catalog.js";
import type { ConditionKeyType } from "../catalog/catalog-types.js";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Check } from "./check-context.js";
import { operatorFamily, type OperatorFamily } from "./operator-family.js";
import { hasOwnWildcard } from "./pattern-text.js";
import { conditionKeys } from "./policy-walk.js";

/** AWS: §6.4 — keys for which "wildcards have no valid use". */
const SENSITIVE_KEYS = new Set([
  "aws:principalaccount", "aws:principalorgid", "aws:resourceaccount", "aws:resourceorgid", "aws:sourceaccount",
  "aws:sourceorgid", "aws:sourcevpc", "aws:sourcevpce", "aws:vpceaccount", "aws:vpceorgid",
]);

/** AWS: A17 — the operator families each key type works with (String/ARN interchangeable, §6.2 GranteePrincipal; A12 Date/Numeric). */
const FITTING: Record<string, readonly OperatorFamily[]> = {
  String: ["string", "arn"],
  ARN: ["arn", "string"],
  Bool: ["bool"],
  Numeric: ["numeric"],
  Date: ["date", "numeric"],
  IPAddress: ["ip"],
  Binary: ["binary"],
};

/** Operator family against the key type (A17) and patterns in the values of sensitive keys (§6.4). */
export const checkValueFit: Check = ({ document, variables }, report) => {
  for (const { operator, key } of conditionKeys(document)) {
    const op = operator.operator;
    if (op === undefined || key.key.value.includes("${")) continue;
    const family = operatorFamily(op.base);
    if (family === "null") continue;
    const info = findConditionKey(key.key.value);
    if (info === undefined) continue;
    const scalarType = info.type.replace(/^ArrayOf/u, "") as ConditionKeyType;
    const fitting = FITTING[scalarType];
    if (fitting !== undefined && !fitting.includes(family)) {
      report(makeDiagnostic(CHECK_CODES.operatorTypeMismatch, operator.name.span,
        `\`${operator.name.value}\` compares ${family} values, but \`${key.key.value}\` is of type ${info.type}`));
    }
    if (!SENSITIVE_KEYS.has(info.name.toLowerCase()) || (op.base !== "StringLike" && op.base !== "StringNotLike")) continue;
    for (const value of key.values) {
      if (value.node.kind === "string" && hasOwnWildcard(value.node.value, variables)) {
        report(makeDiagnostic(CHECK_CODES.wildcardInSensitiveKey, value.node.span,
          `\`${value.text}\` is a pattern, but \`${info.name}\` values should be exact`));
      }
    }
  }
};

// Policy-variable rules (spec §4, A24, A36): variables only in Resource/NotResource (after the fifth colon)
// and in String/ARN/Bool condition values of a 2012-10-17 policy; well-formed `${…}`; single-valued, known
// keys. Under 2008-10-17 or no Version, `${…}` is literal text and is only warned about (§4.3).
import type { JsonString, Report, Template } from "@kms-cedar/grammar";
import { parseTemplate } from "@kms-cedar/grammar";
import { findConditionKey } from "../catalog/kms-catalog.js";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import { arnTemplateShape } from "./arn-template.js";
import type { Check, CheckContext } from "./check-context.js";
import { allowsVariables, operatorFamily } from "./operator-family.js";
import { actionItems, conditionKeys, resourceLists } from "./policy-walk.js";
import { spanInString } from "./string-spans.js";
import { roughSubstitutionRanges, substitutionRanges } from "./template-ranges.js";

/** AWS: §4.2 — no variables in `Action`, `NotAction`, `Principal`, `NotPrincipal` or condition key names. */
export const checkMisplacedVariables: Check = ({ document }, report) => {
  for (const { list, item } of actionItems(document)) reportMisplaced(item, `\`${list.key.value}\``, report);
  for (const statement of document.statements) {
    for (const principal of [statement.principal, statement.notPrincipal]) {
      if (principal === undefined) continue;
      if (principal.wildcard !== undefined) reportMisplaced(principal.wildcard, `\`${principal.key.value}\``, report);
      for (const entry of principal.entries) {
        for (const item of entry.values.items) reportMisplaced(item, `\`${principal.key.value}\``, report);
      }
    }
  }
  for (const { key } of conditionKeys(document)) reportMisplaced(key.key, "a condition key name", report);
};

function reportMisplaced(node: JsonString, where: string, report: Report): void {
  for (const range of roughSubstitutionRanges(node.value)) {
    const text = node.value.slice(range.offset, range.offset + range.length);
    report(makeDiagnostic(CHECK_CODES.misplacedVariable, spanInString(node, range.offset, range.length),
      `policy variable \`${text}\` is not allowed in ${where}`));
  }
}

/** Variables in `Resource`/`NotResource`: well-formed, after the fifth colon (A36), single-valued keys. */
export const checkResourceVariables: Check = (context, report) => {
  for (const statement of context.document.statements) {
    for (const list of resourceLists(statement)) {
      for (const item of list.items) {
        const template = checkTemplate(context, item, report);
        if (template === undefined) continue;
        const ranges = substitutionRanges(item.value);
        // DEVIATION: §4.2, A36 — rejected although AWS managed policies use them (`arn:*:kms:*:${aws:PrincipalAccount}:key/*`).
        for (const index of arnTemplateShape(template).misplaced) {
          const range = ranges[template.slice(0, index).filter((p) => p.kind !== "text").length];
          if (range === undefined) continue;
          report(makeDiagnostic(CHECK_CODES.misplacedVariable, spanInString(item, range.offset, range.length),
            `policy variable \`${item.value.slice(range.offset, range.offset + range.length)}\` is before the resource part of the ARN`,
            { help: "variables are allowed only after the fifth colon of an ARN" }));
        }
      }
    }
  }
};

/** Variables in condition values: only String/ARN/Bool operators take them (§4.2); the rest are checked there. */
export const checkConditionValueVariables: Check = (context, report) => {
  for (const { operator, key } of conditionKeys(context.document)) {
    if (operator.operator === undefined) continue;
    const family = operatorFamily(operator.operator.base);
    for (const value of key.values) {
      if (value.node.kind !== "string") continue;
      if (allowsVariables(family)) {
        checkTemplate(context, value.node, report);
        continue;
      }
      if (!context.variables) continue; // literal text, which the value checks then reject
      for (const range of roughSubstitutionRanges(value.node.value)) {
        report(makeDiagnostic(CHECK_CODES.variableNotAllowed, spanInString(value.node, range.offset, range.length),
          `\`${operator.name.value}\` does not support policy variables`));
      }
    }
  }
};

/**
 * Checks one string where variables are allowed and returns its template, or `undefined` when there is
 * nothing to check further (no variables in this version, or a malformed `${…}`, reported here).
 */
function checkTemplate(context: CheckContext, node: JsonString, report: Report): Template | undefined {
  if (!node.value.includes("${")) return undefined;
  if (!context.variables) {
    const first = roughSubstitutionRanges(node.value)[0]!;
    report(makeDiagnostic(CHECK_CODES.variableInLegacyVersion, spanInString(node, first.offset, first.length),
      `\`${node.value.slice(first.offset, first.offset + first.length)}\` is literal text: the policy is not version 2012-10-17`));
    return undefined;
  }
  const parsed = parseTemplate(node.value);
  if ("error" in parsed) {
    report(makeDiagnostic(CHECK_CODES.malformedVariable, spanInString(node, parsed.error.offset, parsed.error.length), parsed.error.message));
    return undefined;
  }
  const ranges = substitutionRanges(node.value);
  parsed.template.filter((p) => p.kind !== "text").forEach((part, i) => {
    if (part.kind !== "variable") return;
    const range = ranges[i]!;
    const span = spanInString(node, range.offset, range.length);
    const info = findConditionKey(part.key);
    // DEVIATION: §4.1, A24 — a multivalued key as a variable is rejected (AWS: "cannot be"; what IAM does with it is unknown).
    if (info !== undefined && context.kind === "key" && info.policies === "identity") {
      // DEVIATION: §5.6, A23 — only observed, not documented, that KMS rejects these keys in key policies; we reject them.
      // AWS: §5.6, A23 — a key KMS does not support in key policies is no more usable as a variable there.
      report(makeDiagnostic(CHECK_CODES.keyNotSupportedInKeyPolicy, span, `\`${info.name}\` cannot be used in a key policy, not even as a variable`));
    } else if (info?.multiValued === true) {
      report(makeDiagnostic(CHECK_CODES.multivaluedVariable, span, `\`${info.name}\` is multivalued and cannot be a policy variable`));
    } else if (info === undefined && /^(aws|kms):/u.test(part.key)) {
      report(makeDiagnostic(CHECK_CODES.unknownConditionKey, span, `policy variable names unknown condition key \`${part.key}\``));
    } else if (!part.key.includes(":")) {
      // A name that is not `service:key` can never resolve: the value then matches nothing (§4.4).
      report(makeDiagnostic(CHECK_CODES.unknownConditionKey, span, `policy variable \`${part.key}\` names no condition key`,
        { help: "a variable is a condition key such as `${aws:username}`; a template placeholder left in the policy never resolves" }));
    }
  });
  return parsed.template;
}

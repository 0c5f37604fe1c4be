// Condition value rules (spec §2.3–§2.10, §2.12, A7, A10, A14): no empty value lists; one value for Null and
// Bool; every value parses for its operator (numbers, dates, IPs, booleans, base64, ARNs); `*`/`?` under
// a non-Like string operator are literal. Values holding a policy variable are check-variables.ts's
// business and are not parsed here (they are resolved at evaluation time).
import type { DiagnosticInfo, Report } from "@kms-cedar/grammar";
import { parseArn, parseTemplate } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { ConditionValue } from "../syntax/policy-syntax.js";
import type { Check } from "./check-context.js";
import { operatorFamily, type OperatorFamily } from "./operator-family.js";
import { hasOwnWildcard } from "./pattern-text.js";
import { conditionKeys } from "./policy-walk.js";
import { isBase64Value, isBooleanValue, isDateValue, isIpValue, isNumberValue } from "./value-syntax.js";

/** For each family whose values have a syntax: the test and the code reporting a failure. */
const VALUE_SYNTAX: Partial<Record<OperatorFamily, { readonly ok: (text: string) => boolean; readonly info: DiagnosticInfo; readonly what: string }>> = {
  numeric: { ok: isNumberValue, info: CHECK_CODES.invalidNumber, what: "a number" },
  date: { ok: isDateValue, info: CHECK_CODES.invalidDate, what: "a date" },
  ip: { ok: isIpValue, info: CHECK_CODES.invalidIp, what: "an IP address or CIDR range" },
  binary: { ok: isBase64Value, info: CHECK_CODES.invalidBase64, what: "base64" },
  // DEVIATION: §2.9 — an ARN value with fewer than six components (it would never match) is rejected.
  arn: { ok: (t) => parseArn(t) !== undefined, info: CHECK_CODES.invalidArnValue, what: "an ARN" },
  bool: { ok: isBooleanValue, info: CHECK_CODES.invalidBool, what: "`true` or `false`" },
  null: { ok: isBooleanValue, info: CHECK_CODES.invalidNullValue, what: "`true` or `false`" },
};

const NON_LIKE_STRING = new Set(["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"]);

/** Every condition value against its operator: value counts, empty lists, value syntax, boolean case, literal wildcards. */
export const checkConditionValues: Check = ({ text, document, variables }, report) => {
  for (const { operator, key } of conditionKeys(document)) {
    const op = operator.operator;
    if (op === undefined) continue;
    const opName = operator.name.value;
    // DEVIATION: §2.12, A7 — IAM accepts `"k": []`, whose documented meaning contradicts itself: we reject it.
    // (An array whose elements were all malformed also has no values, but was reported by readPolicy.)
    if (key.form === "array" && /^\[\s*\]$/u.test(text.slice(key.span.start, key.span.end))) {
      report(makeDiagnostic(CHECK_CODES.emptyValueList, key.span, `condition key \`${key.key.value}\` has no values`));
    }
    const family = operatorFamily(op.base);
    // DEVIATION: §2.6, §2.10, A10, A14 — several values under `Null` or `Bool` (IAM accepts them) are rejected.
    if ((family === "null" || family === "bool") && key.values.length > 1) {
      const info = family === "null" ? CHECK_CODES.nullMultipleValues : CHECK_CODES.boolMultipleValues;
      report(makeDiagnostic(info, key.span, `\`${opName}\` on \`${key.key.value}\` has ${key.values.length} values`));
    }
    const syntax = VALUE_SYNTAX[family];
    for (const value of key.values) {
      if (NON_LIKE_STRING.has(op.base)) checkWildcards(value, opName, variables, report);
      checkExactNumber(value, report);
      const text = variables && value.node.kind === "string" ? textWithoutVariables(value.text) : value.text;
      if (text === undefined) continue; // a real variable: resolved at evaluation time
      if (syntax !== undefined && !syntax.ok(text)) {
        report(makeDiagnostic(syntax.info, value.node.span, `\`${value.text}\` is not ${syntax.what} (operator \`${opName}\`)`));
        continue;
      }
      if (family === "bool" || family === "null") checkBooleanCase(value, report);
    }
  }
};

/** AWS: A14 — `"TRUE"` is read as `true` (third-party observation), but AWS does not document it. */
function checkBooleanCase(value: ConditionValue, report: Report): void {
  if (value.text !== value.text.toLowerCase()) {
    report(makeDiagnostic(CHECK_CODES.booleanValueCase, value.node.span, `write \`${value.text.toLowerCase()}\` instead of \`${value.text}\``));
  }
}

/** AWS: §2.3 — Access Analyzer warns about `*`/`?` under a non-Like operator (they match only themselves). */
function checkWildcards(value: ConditionValue, opName: string, variables: boolean, report: Report): void {
  if (value.node.kind !== "string" || !hasOwnWildcard(value.text, variables)) return;
  report(makeDiagnostic(CHECK_CODES.wildcardWithoutLike, value.node.span,
    `\`${value.text}\` contains a wildcard, but \`${opName}\` compares it literally`));
}

/**
 * The text a value stands for when it holds no real variable: `${*}`, `${?}`, `${$}` become their
 * characters (so `a${?}b` is judged as the literal `a?b`, and `${*}` alone is no boolean); `undefined`
 * when a variable is resolved at evaluation time or the template is malformed (check-variables.ts).
 */
function textWithoutVariables(text: string): string | undefined {
  if (!text.includes("${")) return text;
  const parsed = parseTemplate(text);
  if (!("template" in parsed) || parsed.template.some((part) => part.kind === "variable")) return undefined;
  return parsed.template.map((part) => (part.kind === "variable" ? "" : part.text)).join("");
}

/**
 * AWS: §1.4 — an unquoted number is read as the text written. The reference evaluator sees
 * `JSON.parse`'s value (DESIGN §1), which turns `1.0` into `1` and rounds beyond 2^53, so a number
 * whose text does not survive that is refused rather than read two ways.
 */
// DEVIATION: §1.4 — IAM accepts such numbers; we require them quoted.
function checkExactNumber(value: ConditionValue, report: Report): void {
  if (value.node.kind !== "number" || String(JSON.parse(value.node.raw)) === value.node.raw) return;
  report(makeDiagnostic(CHECK_CODES.inexactNumber, value.node.span,
    `\`${value.node.raw}\` would be read as \`${String(JSON.parse(value.node.raw))}\``));
}

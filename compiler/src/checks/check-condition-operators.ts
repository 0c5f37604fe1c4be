// Condition block and operator rules (spec §1.8, §2.1, §2.10, A8, A9): known, correctly cased operator
// names; no `NullIfExists`, no set-qualified `Null`; empty blocks warned about; no condition key twice
// under one operator, including case variants (key names are case-insensitive).
import type { JsonString } from "@kms-cedar/grammar";
import { BASE_OPERATORS } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Check } from "./check-context.js";

/** Every valid operator name by its lower-cased spelling, to suggest the right case. */
const NAMES_BY_LOWER = new Map<string, string>();
for (const base of BASE_OPERATORS) {
  for (const prefix of ["", "ForAllValues:", "ForAnyValue:"]) {
    for (const suffix of ["", "IfExists"]) {
      const name = `${prefix}${base}${suffix}`;
      NAMES_BY_LOWER.set(name.toLowerCase(), name);
    }
  }
}

/** Operator names (known, correctly cased, no `NullIfExists`, no set-qualified `Null`) and empty blocks. */
export const checkConditionOperators: Check = ({ document }, report) => {
  for (const statement of document.statements) {
    const condition = statement.condition;
    if (condition === undefined) continue;
    // DEVIATION: §1.8, A8 — an empty `Condition` or operator map is read as no condition (AWS: "no effect"), with a warning.
    if (condition.node.members.length === 0) {
      report(makeDiagnostic(CHECK_CODES.emptyCondition, condition.node.span, "empty `Condition`: the statement is unconditional"));
    }
    for (const entry of condition.operators) {
      const name = entry.name.value;
      const operator = entry.operator;
      // DEVIATION: §1.8 — IAM accepts an unknown operator whose map is empty (`{"x": {}}`); we reject every unknown operator.
      if (operator === undefined) {
        const suggestion = NAMES_BY_LOWER.get(name.toLowerCase());
        report(makeDiagnostic(CHECK_CODES.unknownOperator, entry.name.span, `unknown condition operator \`${name}\``,
          suggestion === undefined ? {} : { help: `did you mean \`${suggestion}\`? operator names are case-sensitive` }));
      } else if (operator.base === "Null" && operator.ifExists) {
        report(makeDiagnostic(CHECK_CODES.nullIfExists, entry.name.span, `\`${name}\` is not an operator: \`Null\` cannot take \`IfExists\``));
      } else if (operator.base === "Null" && operator.qualifier !== undefined) {
        // DEVIATION: §2.10, A10 — IAM accepts `ForAllValues:Null` (always true) and `ForAnyValue:Null` (always false); we reject them.
        report(makeDiagnostic(CHECK_CODES.qualifiedNull, entry.name.span, `\`${name}\` is not allowed`));
      }
      if (entry.node.members.length === 0) {
        report(makeDiagnostic(CHECK_CODES.emptyCondition, entry.node.span, `condition operator \`${name}\` has no condition keys`));
      }
    }
  }
};

/**
 * AWS: A9 — a key twice under one operator in different letter case is a duplicate too (key names
 * ignore case). Exact repeats are duplicate JSON keys, which the parser reports (KC1024).
 */
export const checkDuplicateConditionKeys: Check = ({ document }, report) => {
  for (const statement of document.statements) {
    for (const entry of statement.condition?.operators ?? []) {
      const seen = new Map<string, JsonString>();
      for (const member of entry.node.members) {
        const lower = member.key.value.toLowerCase();
        const first = seen.get(lower);
        if (first === undefined) {
          seen.set(lower, member.key);
          continue;
        }
        if (first.value === member.key.value) continue;
        // DEVIATION: §1.8, A9 — case-variant keys under one operator are an Access Analyzer error, which IAM accepts: we reject them.
        report(makeDiagnostic(CHECK_CODES.duplicateConditionKey, member.key.span,
          `condition key \`${member.key.value}\` repeats \`${first.value}\` under \`${entry.name.value}\` (key names ignore case)`,
          { related: [{ span: first.span, message: "first written here" }] }));
      }
    }
  }
};

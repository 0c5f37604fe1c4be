// Condition-operator-name sub-grammar: `[ForAllValues:|ForAnyValue:]Base[IfExists]` (spec §2.1).
// Case-sensitive, like IAM (`stringEquals` is rejected, §1.8). Accepts `NullIfExists` and set-qualified
// Null so that the checks can name the exact mistake; anything else unknown yields `undefined`.
import { BASE_OPERATORS, type BaseOperator, type OperatorName, type SetQualifier } from "./operator-name.types.js";

const BASES: ReadonlySet<string> = new Set(BASE_OPERATORS);
const QUALIFIERS: readonly SetQualifier[] = ["ForAllValues", "ForAnyValue"];
const IF_EXISTS = "IfExists";

/** Parses a condition operator name; `undefined` when it is not one IAM knows (spelling and case exact). */
export function parseOperatorName(text: string): OperatorName | undefined {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  for (const candidate of QUALIFIERS) {
    if (rest.startsWith(`${candidate}:`)) {
      qualifier = candidate;
      rest = rest.slice(candidate.length + 1);
      break;
    }
  }
  if (BASES.has(rest)) return { qualifier, base: rest as BaseOperator, ifExists: false };
  if (rest.endsWith(IF_EXISTS)) {
    const base = rest.slice(0, -IF_EXISTS.length);
    if (BASES.has(base)) return { qualifier, base: base as BaseOperator, ifExists: true };
  }
  return undefined;
}

/** Writes an operator name back in IAM's spelling (the inverse of `parseOperatorName`). */
export function formatOperatorName(operator: OperatorName): string {
  const prefix = operator.qualifier === undefined ? "" : `${operator.qualifier}:`;
  return `${prefix}${operator.base}${operator.ifExists ? IF_EXISTS : ""}`;
}

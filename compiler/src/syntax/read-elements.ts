// Readers for the small value shapes of a policy (strings, string lists, principals, condition values),
// used by read-policy.ts. Phase: syntax. Each reports a shape error and returns `undefined` for a
// malformed value, so callers leave that part out (spec §1.4).
import type { JsonMember, JsonString, JsonValue, Report } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { ConditionKeyEntry, ConditionValue, PrincipalElement, PrincipalEntry, StringList } from "./policy-syntax.js";

const PRINCIPAL_TYPES = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

/** How a JSON value is named in messages: `null`, `an object`, … */
export function describeJson(value: JsonValue): string {
  switch (value.kind) {
    case "object": return "an object";
    case "array": return "an array";
    case "string": return "a string";
    case "number": return `the number ${value.raw}`;
    case "boolean": return `\`${String(value.value)}\``;
    case "null": return "`null`";
  }
}

/** A member whose value must be a string (`Version`, `Id`, `Sid`, `Effect`). */
export function readString(member: JsonMember, value: JsonValue, report: Report): JsonString | undefined {
  if (value.kind === "string") return value;
  report(makeDiagnostic(CHECK_CODES.expectedString, value.span, `\`${member.key.value}\` must be a string, found ${describeJson(value)}`));
  return undefined;
}

/** A member whose value is a string or a non-empty array of strings (`Action`, `Resource`, a principal type). */
export function readStringList(key: JsonString, value: JsonValue, report: Report): StringList | undefined {
  if (value.kind === "string") return { key, span: value.span, form: "string", items: [value] };
  if (value.kind !== "array") {
    report(makeDiagnostic(CHECK_CODES.expectedStringOrList, value.span,
      `\`${key.value}\` must be a string or an array of strings, found ${describeJson(value)}`));
    return undefined;
  }
  // DEVIATION: §1.3 — an empty list is rejected in key policies too, where KMS does not document it (IAM rejects it).
  if (value.elements.length === 0) {
    report(makeDiagnostic(CHECK_CODES.emptyElement, value.span, `\`${key.value}\` is an empty array`));
  }
  const items: JsonString[] = [];
  for (const element of value.elements) {
    if (element.kind === "string") items.push(element);
    else report(makeDiagnostic(CHECK_CODES.expectedString, element.span, `items of \`${key.value}\` must be strings, found ${describeJson(element)}`));
  }
  return { key, span: value.span, form: "array", items };
}

/** `Principal` / `NotPrincipal`: `"*"` (checked later) or `{ "AWS": …, "Service": …, … }`. */
export function readPrincipal(key: JsonString, value: JsonValue, report: Report): PrincipalElement | undefined {
  if (value.kind === "string") return { key, span: value.span, wildcard: value, entries: [] };
  if (value.kind !== "object") {
    report(makeDiagnostic(CHECK_CODES.invalidPrincipalShape, value.span,
      `\`${key.value}\` must be \`"*"\` or an object, found ${describeJson(value)}`));
    return undefined;
  }
  if (value.members.length === 0) {
    report(makeDiagnostic(CHECK_CODES.emptyElement, value.span, `\`${key.value}\` names no principal`));
  }
  const entries: PrincipalEntry[] = [];
  for (const member of value.members) {
    if (member.value === undefined) continue;
    if (!PRINCIPAL_TYPES.has(member.key.value)) {
      report(makeDiagnostic(CHECK_CODES.unknownPrincipalType, member.key.span, `unknown principal type \`${member.key.value}\``));
      continue;
    }
    const values = readStringList(member.key, member.value, report);
    if (values !== undefined) entries.push({ type: member.key, values });
  }
  return { key, span: value.span, wildcard: undefined, entries };
}

/** One `"key": value | [values]` entry under a condition operator. */
export function readConditionKey(member: JsonMember, value: JsonValue, report: Report): ConditionKeyEntry | undefined {
  const scalar = readConditionValue(value);
  if (scalar !== undefined) return { key: member.key, span: value.span, form: "scalar", values: [scalar] };
  if (value.kind !== "array") {
    report(makeDiagnostic(CHECK_CODES.invalidConditionValue, value.span,
      `condition key \`${member.key.value}\` has ${describeJson(value)} as its value`));
    return undefined;
  }
  const values: ConditionValue[] = [];
  for (const element of value.elements) {
    const item = readConditionValue(element);
    if (item !== undefined) values.push(item);
    else report(makeDiagnostic(CHECK_CODES.invalidConditionValue, element.span,
      `values of condition key \`${member.key.value}\` must be strings, numbers or booleans, found ${describeJson(element)}`));
  }
  return { key: member.key, span: value.span, form: "array", values };
}

/** AWS: §1.4 — numbers and booleans may be written without quotes; they stand for their text. */
function readConditionValue(value: JsonValue): ConditionValue | undefined {
  switch (value.kind) {
    case "string": return { node: value, text: value.value };
    case "number": return { node: value, text: value.raw };
    case "boolean": return { node: value, text: String(value.value) };
    default: return undefined;
  }
}

// Builds the policy view (policy-syntax.ts) over the lossless JSON tree. Phase: syntax.
// Reports every shape error (spec §1.1, §1.3, §1.4, §1.8) and leaves malformed parts out; members the
// parser could not read (`value: undefined`) were already reported and are skipped silently.
// A repeated member: the last one wins, as with JSON.parse (the duplicate itself is reported elsewhere).
import type { JsonMember, JsonObject, JsonValue, Report } from "@kms-cedar/grammar";
import { parseOperatorName } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type {
  ConditionBlock, ConditionKeyEntry, ConditionOperatorEntry, PolicyDocument, Statement,
} from "./policy-syntax.js";
import { describeJson, readConditionKey, readPrincipal, readString, readStringList } from "./read-elements.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads a parsed policy; `undefined` when there is no tree or the root is not an object. */
export function readPolicy(root: JsonValue | undefined, report: Report): PolicyDocument | undefined {
  if (root === undefined) return undefined;
  if (root.kind !== "object") {
    report(makeDiagnostic(CHECK_CODES.policyNotObject, root.span, `a policy must be a JSON object, found ${describeJson(root)}`));
    return undefined;
  }
  const document: Mutable<PolicyDocument> = { node: root, version: undefined, id: undefined, statementForm: "array", statements: [] };
  let sawStatement = false;
  for (const member of root.members) {
    const value = member.value;
    if (value === undefined) {
      if (member.key.value === "Statement") sawStatement = true;
      continue;
    }
    switch (member.key.value) {
      case "Version": document.version = readString(member, value, report); break;
      case "Id": document.id = readString(member, value, report); break;
      case "Statement":
        sawStatement = true;
        Object.assign(document, readStatements(member, value, report));
        break;
      default:
        report(makeDiagnostic(CHECK_CODES.unknownPolicyMember, member.key.span, `unknown policy member \`${member.key.value}\``));
    }
  }
  if (!sawStatement) {
    report(makeDiagnostic(CHECK_CODES.missingStatement, { start: root.span.start, end: root.span.start + 1 }, "the policy has no `Statement`"));
  }
  return document;
}

function readStatements(member: JsonMember, value: JsonValue, report: Report): Pick<PolicyDocument, "statementForm" | "statements"> {
  if (value.kind === "object") return { statementForm: "object", statements: [readStatement(value, 0, report)] };
  if (value.kind !== "array") {
    report(makeDiagnostic(CHECK_CODES.statementNotObject, value.span,
      `\`${member.key.value}\` must be an object or an array of objects, found ${describeJson(value)}`));
    return { statementForm: "array", statements: [] };
  }
  if (value.elements.length === 0) {
    report(makeDiagnostic(CHECK_CODES.emptyStatementList, value.span, "`Statement` is an empty array"));
  }
  const statements: Statement[] = [];
  value.elements.forEach((element, index) => {
    if (element.kind === "object") statements.push(readStatement(element, index, report));
    else report(makeDiagnostic(CHECK_CODES.statementNotObject, element.span, `a statement must be an object, found ${describeJson(element)}`));
  });
  return { statementForm: "array", statements };
}

function readStatement(node: JsonObject, index: number, report: Report): Statement {
  const statement: Mutable<Statement> = {
    node, index, sid: undefined, effect: undefined, principal: undefined, notPrincipal: undefined,
    action: undefined, notAction: undefined, resource: undefined, notResource: undefined, condition: undefined,
  };
  for (const member of node.members) {
    const value = member.value;
    if (value === undefined) continue;
    const key = member.key;
    switch (key.value) {
      case "Sid": statement.sid = readString(member, value, report); break;
      case "Effect": statement.effect = readString(member, value, report); break;
      case "Principal": statement.principal = readPrincipal(key, value, report); break;
      case "NotPrincipal": statement.notPrincipal = readPrincipal(key, value, report); break;
      case "Action": statement.action = readStringList(key, value, report); break;
      case "NotAction": statement.notAction = readStringList(key, value, report); break;
      case "Resource": statement.resource = readStringList(key, value, report); break;
      case "NotResource": statement.notResource = readStringList(key, value, report); break;
      case "Condition": statement.condition = readCondition(member, value, report); break;
      default:
        report(makeDiagnostic(CHECK_CODES.unknownStatementMember, key.span, `unknown statement member \`${key.value}\``));
    }
  }
  return statement;
}

function readCondition(member: JsonMember, value: JsonValue, report: Report): ConditionBlock | undefined {
  if (value.kind !== "object") {
    report(makeDiagnostic(CHECK_CODES.expectedObject, value.span, `\`Condition\` must be an object, found ${describeJson(value)}`));
    return undefined;
  }
  const operators: ConditionOperatorEntry[] = [];
  for (const opMember of value.members) {
    const opValue = opMember.value;
    if (opValue === undefined) continue;
    if (opValue.kind !== "object") {
      report(makeDiagnostic(CHECK_CODES.expectedObject, opValue.span,
        `condition operator \`${opMember.key.value}\` must map to an object of condition keys, found ${describeJson(opValue)}`));
      continue;
    }
    const keys: ConditionKeyEntry[] = [];
    for (const keyMember of opValue.members) {
      if (keyMember.value === undefined) continue;
      const entry = readConditionKey(keyMember, keyMember.value, report);
      if (entry !== undefined) keys.push(entry);
    }
    operators.push({ name: opMember.key, operator: parseOperatorName(opMember.key.value), node: opValue, keys });
  }
  return { key: member.key, node: value, operators };
}

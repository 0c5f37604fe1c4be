// Iteration helpers over the policy view, always in source order. Phase: checks.
import type { JsonObject, JsonString } from "@kms-cedar/grammar";
import type {
  ConditionKeyEntry, ConditionOperatorEntry, PolicyDocument, Statement, StringList,
} from "../syntax/policy-syntax.js";

/** Whether an object has a member with this exact name, whatever its value (even a malformed one). */
export function hasMember(node: JsonObject, name: string): boolean {
  return node.members.some((m) => m.key.value === name);
}

/** The member's key node, for pointing at an element by its name. */
export function memberKey(node: JsonObject, name: string) {
  return node.members.find((m) => m.key.value === name)?.key;
}

export interface ConditionKeyVisit {
  readonly statement: Statement;
  readonly operator: ConditionOperatorEntry;
  readonly key: ConditionKeyEntry;
}

/** Every condition key entry of every statement, in source order. */
export function* conditionKeys(document: PolicyDocument): Generator<ConditionKeyVisit> {
  for (const statement of document.statements) {
    for (const operator of statement.condition?.operators ?? []) {
      for (const key of operator.keys) yield { statement, operator, key };
    }
  }
}

export interface ActionItemVisit {
  readonly statement: Statement;
  /** `Action` or `NotAction`. */
  readonly list: StringList;
  readonly item: JsonString;
}

/** Every `Action` / `NotAction` pattern of every statement, in source order. */
export function* actionItems(document: PolicyDocument): Generator<ActionItemVisit> {
  for (const statement of document.statements) {
    for (const list of actionLists(statement)) {
      for (const item of list.items) yield { statement, list, item };
    }
  }
}

/** The string lists of a statement that hold actions or resources, with their element names. */
export function actionLists(statement: Statement): StringList[] {
  return [statement.action, statement.notAction].filter((l): l is StringList => l !== undefined);
}

export function resourceLists(statement: Statement): StringList[] {
  return [statement.resource, statement.notResource].filter((l): l is StringList => l !== undefined);
}

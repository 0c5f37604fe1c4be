// The policy view of a syntax tree: IAM's own elements (Statement, Action, ConditionBlock, …) over
// the lossless JSON tree, every element keeping the node it was read from (and so its span).
// Built by `readPolicy` (read-policy.ts), which reports shape errors and leaves malformed parts out.
import type { JsonBoolean, JsonNumber, JsonObject, JsonString, OperatorName, Span } from "@kms-cedar/grammar";

export type PolicyKind = "identity" | "key";

export interface PolicyDocument {
  readonly node: JsonObject;
  readonly version: JsonString | undefined;
  readonly id: JsonString | undefined;
  /** Whether `Statement` was written as one object or an array of them. */
  readonly statementForm: "object" | "array";
  readonly statements: readonly Statement[];
}

export interface Statement {
  readonly node: JsonObject;
  /** Position in the `Statement` array (0 when written as a single object). */
  readonly index: number;
  readonly sid: JsonString | undefined;
  readonly effect: JsonString | undefined;
  readonly principal: PrincipalElement | undefined;
  readonly notPrincipal: PrincipalElement | undefined;
  readonly action: StringList | undefined;
  readonly notAction: StringList | undefined;
  readonly resource: StringList | undefined;
  readonly notResource: StringList | undefined;
  readonly condition: ConditionBlock | undefined;
}

/** An element that takes a string or an array of strings. */
export interface StringList {
  /** The member's key (`"Action"`), for messages that point at the element name. */
  readonly key: JsonString;
  readonly span: Span;
  readonly form: "string" | "array";
  readonly items: readonly JsonString[];
}

/** `"Principal": "*"` or `"Principal": { "AWS": …, "Service": … }`. */
export interface PrincipalElement {
  readonly key: JsonString;
  readonly span: Span;
  /** Set when written as the bare string (normally `"*"`). */
  readonly wildcard: JsonString | undefined;
  readonly entries: readonly PrincipalEntry[];
}

export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser` (as written). */
  readonly type: JsonString;
  readonly values: StringList;
}

export interface ConditionBlock {
  readonly key: JsonString;
  readonly node: JsonObject;
  readonly operators: readonly ConditionOperatorEntry[];
}

export interface ConditionOperatorEntry {
  /** The operator name as written. */
  readonly name: JsonString;
  /** `undefined` when the name is not a known operator (a check reports it). */
  readonly operator: OperatorName | undefined;
  readonly node: JsonObject;
  readonly keys: readonly ConditionKeyEntry[];
}

export interface ConditionKeyEntry {
  /** The condition key name as written (case preserved; compare lower-cased). */
  readonly key: JsonString;
  readonly span: Span;
  readonly form: "scalar" | "array";
  readonly values: readonly ConditionValue[];
}

/** A condition value; numbers and booleans are kept as written and normalised to text (spec §1.4). */
export interface ConditionValue {
  readonly node: JsonString | JsonNumber | JsonBoolean;
  /** `true` → "true", `10` → "10" (the number's spelling), a string → its decoded value. */
  readonly text: string;
}

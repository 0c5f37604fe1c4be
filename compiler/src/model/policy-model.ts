// The normalized policy model (DESIGN §1 "normalize"): what lowering reads. Arrays everywhere,
// condition keys lower-cased, actions expanded against the KMS catalog (NotAction already turned
// into its complement), values typed as plain text or variable templates. Spans keep line/column.
import type { GraphPolicyLayer as PolicyLayer, GraphValue, Span } from "@kms-cedar/runtime";
import type { BaseOperator, SetQualifier } from "@kms-cedar/grammar";

/** A value: plain pattern text, or a template with variables (2012-10-17 only, spec §4). */
export type ModelValue = GraphValue;

export interface ModelBundle {
  /** Key policies first (keys in bundle order), then identity policies (principals in bundle order). */
  readonly policies: readonly ModelPolicy[];
  /** Key ARN → index in `policies`, in bundle order. */
  readonly keys: readonly { readonly arn: string; readonly policy: number }[];
  /** Principal ARN → indices in `policies`, in bundle order. */
  readonly principals: readonly { readonly arn: string; readonly policies: readonly number[] }[];
}

export interface ModelPolicy {
  /** `keys[ARN]` or `principals[ARN][i]`. */
  readonly location: string;
  readonly kind: "key" | "identity";
  readonly owner: string;
  readonly file?: string;
  /** Set for a layer's policy (docs/request-model.md "Layers"): not listed under `keys` or `principals`. */
  readonly layer?: PolicyLayer;
  /** `Version` as written (absent: missing, read as 2008-10-17, spec §1.2). */
  readonly version: string | undefined;
  readonly statements: readonly ModelStatement[];
}

export interface ModelStatement {
  /** Index in the `Statement` array. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly span: Span;
  /** Key policies: who it names. */
  readonly principal?: ModelPrincipal;
  /** Canonical action names (`kms:Decrypt`) it can match, catalog order; empty when it has no Action. */
  readonly actions: readonly string[];
  /** `undefined` when the statement has no Resource/NotResource (ineffective in a key policy, §1.3). */
  readonly resource?: ModelResource;
  readonly conditions: readonly ModelCondition[];
}

export interface ModelPrincipal {
  /** `"*"` or an `AWS` value `"*"`. */
  readonly any: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly span: Span;
}

export interface ModelResource {
  /** `NotResource`. */
  readonly negated: boolean;
  readonly patterns: readonly ModelValue[];
  readonly span: Span;
}

export interface ModelCondition {
  readonly qualifier?: SetQualifier;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
  /** Lower-cased condition key name. */
  readonly key: string;
  readonly values: readonly ModelValue[];
  /** The key entry (`"key": values`). */
  readonly span: Span;
}

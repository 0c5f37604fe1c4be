// The JSON Schemas the editor completes from: the repository's bundle schema (compiler/schemas/), whose
// inline policy documents are described by POLICY_SCHEMA below (the bundle schema leaves them open:
// `kms-cedar check` is what judges a policy). Action names, condition operators and condition keys
// are offered from the KMS catalog and the grammar's operator list, as `examples`.
// The operator list alone: the grammar's entry point would pull its parser into the page's bundle.
import { BASE_OPERATORS } from "@kms-cedar/compiler/render";
import bundleSchema from "@kms-cedar/compiler/schemas/bundle.schema.json" with { type: "json" };
import { CONDITION_KEYS, KMS_ACTIONS } from "@kms-cedar/compiler/render";

/** The subset of JSON Schema the completion reads. */
export interface Schema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | boolean;
  readonly propertyNames?: Schema;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly enum?: readonly unknown[];
  readonly examples?: readonly unknown[];
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, Schema>>;
}

const ACTIONS = ["kms:*", ...KMS_ACTIONS.map((a) => `kms:${a.name}`)];
const OPERATORS = BASE_OPERATORS.flatMap((b) => [b, `${b}IfExists`, `ForAnyValue:${b}`, `ForAllValues:${b}`]).filter((n) => !n.startsWith("Null") || n === "Null");
const KEYS = CONDITION_KEYS.map((k) => k.name);

const stringOrList = (description: string, examples: readonly string[]): Schema => ({
  description,
  anyOf: [{ type: "string", examples }, { type: "array", items: { type: "string", examples } }],
});

const principal: Schema = {
  description: "who the statement is about (key policies only): \"*\", or {\"AWS\": ARNs or account ids} / {\"Service\": service principals}",
  anyOf: [
    { type: "string", enum: ["*"] },
    {
      type: "object",
      properties: {
        AWS: stringOrList("IAM ARNs (arn:aws:iam::ACCOUNT:root, …:role/NAME, …) or 12-digit account ids", ["*", "arn:aws:iam::111122223333:root"]),
        Service: stringOrList("service principals such as logs.amazonaws.com", []),
      },
    },
  ],
};

const statement: Schema = {
  type: "object",
  description: "one permission: Effect, Action, Resource, optional Principal (key policies) and Condition",
  properties: {
    Sid: { type: "string", description: "a statement id, for people and for the decision's reasons" },
    Effect: { type: "string", enum: ["Allow", "Deny"], description: "Allow or Deny (exact case)" },
    Principal: principal,
    NotPrincipal: { ...principal, description: "every principal but these (key policies only; AWS discourages it)" },
    Action: stringOrList("KMS actions (`kms:Decrypt`, wildcards allowed: `kms:Generate*`)", ACTIONS),
    NotAction: stringOrList("every action but these", ACTIONS),
    Resource: stringOrList("`*` in a key policy (this key); key ARNs or patterns in an identity policy", ["*", "arn:aws:kms:*:111122223333:key/*"]),
    NotResource: stringOrList("every resource but these", ["arn:aws:kms:*:111122223333:key/*"]),
    Condition: {
      type: "object",
      description: "operator → condition key → value(s); every test must hold",
      propertyNames: { examples: OPERATORS },
      additionalProperties: {
        type: "object",
        description: "condition key → value or list of values (any of them may match)",
        propertyNames: { examples: KEYS },
        additionalProperties: stringOrList("a value or a list of values", []),
      },
    },
  },
};

/** A policy document (key policy or identity policy). */
export const POLICY_SCHEMA: Schema = {
  type: "object",
  description: "an IAM policy document: a KMS key policy or an IAM identity policy",
  properties: {
    Version: { type: "string", enum: ["2012-10-17", "2008-10-17"], description: "the policy language version: 2012-10-17 (variables) or 2008-10-17" },
    Id: { type: "string", description: "an optional id for the policy" },
    Statement: { description: "one statement or a list of statements", anyOf: [statement, { type: "array", items: statement }] },
  },
};

/** The bundle schema, with its inline policy documents described by POLICY_SCHEMA. */
export const BUNDLE_SCHEMA: Schema = {
  ...(bundleSchema as unknown as Schema),
  // The bundle's own definitions (layers: accounts, grants, …) stay; only `policy` is described further.
  $defs: { ...(bundleSchema as unknown as Schema).$defs, policy: { oneOf: [{ type: "string", description: "path of a policy file (the playground reads no files: paste it inline)" }, POLICY_SCHEMA] } },
};

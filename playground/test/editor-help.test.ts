// The editor's help, without a browser: completion from the bundle and policy schemas at a JSON path,
// and hover descriptions from the KMS catalog (facts authored from the AWS KMS documentation).
import { describe, expect, it } from "vitest";
import { catalogHelp } from "../src/catalog-help.js";
import { BUNDLE_SCHEMA, POLICY_SCHEMA } from "../src/policy-schema.js";
import { nameSuggestions, schemasAt, valueSuggestions } from "../src/schema-completion.js";

const names = (path: Parameters<typeof schemasAt>[1], root = POLICY_SCHEMA, present: string[] = []) =>
  nameSuggestions(schemasAt(root, path), new Set(present)).map((s) => s.label);
const values = (path: Parameters<typeof schemasAt>[1], root = POLICY_SCHEMA) => valueSuggestions(schemasAt(root, path)).map((s) => s.label);
const STATEMENT = ["Statement", { item: true }] as const;

describe("completion from the schemas", () => {
  it("offers a policy's members, then a statement's, leaving out those present", () => {
    expect(names([])).toEqual(["Version", "Id", "Statement"]);
    expect(names([...STATEMENT], POLICY_SCHEMA, ["Effect"])).toEqual(["Sid", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
    // `Statement` may be one object too.
    expect(names(["Statement"])).toContain("Effect");
  });

  it("offers the values an enum allows, and action names from the catalog", () => {
    expect(values([...STATEMENT, "Effect"])).toEqual(["Allow", "Deny"]);
    expect(values(["Version"])).toEqual(["2012-10-17", "2008-10-17"]);
    const actions = values([...STATEMENT, "Action"]);
    expect(actions).toEqual(expect.arrayContaining(["kms:*", "kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom"]));
    expect(values([...STATEMENT, "Action", { item: true }])).toContain("kms:Encrypt");
  });

  it("offers condition operators, then condition keys", () => {
    const operators = names([...STATEMENT, "Condition"]);
    expect(operators).toEqual(expect.arrayContaining(["StringEquals", "StringLikeIfExists", "ForAnyValue:StringEquals", "Bool", "Null"]));
    expect(operators).not.toContain("NullIfExists");
    expect(names([...STATEMENT, "Condition", "StringEquals"])).toEqual(expect.arrayContaining(["kms:EncryptionContext:${EncryptionContextKey}", "aws:PrincipalArn", "kms:ViaService"]));
  });

  it("follows the bundle schema's keys and principals into inline policy documents", () => {
    expect(names([], BUNDLE_SCHEMA)).toEqual(["$schema", "keys", "principals", "organization", "endpoints"]);
    const key = "arn:aws:kms:us-west-2:111122223333:key/k";
    expect(names(["keys", key], BUNDLE_SCHEMA)).toEqual(["policy", "grants", "awsManaged"]);
    expect(names(["keys", key, "policy"], BUNDLE_SCHEMA)).toEqual(["Version", "Id", "Statement"]);
    expect(values(["principals", "arn:aws:iam::111122223333:role/R", "policies", { item: true }, "Statement", { item: true }, "Effect"], BUNDLE_SCHEMA)).toEqual(["Allow", "Deny"]);
  });

  it("offers nothing where the schema says nothing", () => {
    expect(schemasAt(POLICY_SCHEMA, ["Nonsense"])).toEqual([]);
    expect(names(["Version"])).toEqual([]);
  });
});

describe("hover help from the catalog", () => {
  it("describes a KMS action: its resource and whether another account can be allowed", () => {
    expect(catalogHelp("kms:Decrypt")).toMatch(/^action kms:Decrypt: on a KMS key; .*callers of another account can be allowed$/);
    expect(catalogHelp("kms:CreateKey")).toMatch(/on no specific resource .*IAM identity policies only.*never allowed$/);
    expect(catalogHelp("kms:decrypt")).toContain("kms:Decrypt"); // action names ignore case
    expect(catalogHelp("kms:Frobnicate")).toBe("kms:Frobnicate is not a KMS action");
  });

  it("counts the actions a pattern matches", () => {
    expect(catalogHelp("kms:ReEncrypt*")).toMatch(/^action pattern kms:ReEncrypt\*: matches 2 KMS actions \(ReEncryptFrom, ReEncryptTo\)$/);
  });

  it("describes a condition key and a key of a family", () => {
    expect(catalogHelp("kms:ViaService")).toMatch(/^condition key kms:ViaService: type String/);
    expect(catalogHelp("aws:ResourceTag/Project")).toMatch(/^condition key aws:ResourceTag\/\$\{TagKey\}: type String, a global key/);
    expect(catalogHelp("kms:EncryptionContextKeys")).toContain("multivalued");
  });

  it("describes a condition operator with its qualifiers", () => {
    expect(catalogHelp("StringNotEqualsIfExists")).toBe("condition operator StringNotEquals; IfExists: also holds when the request does not carry the key; negated: also holds when the request does not carry the key");
    expect(catalogHelp("ForAllValues:StringLike")).toContain("every value of the request's set matches");
    expect(catalogHelp("Allow")).toBeUndefined();
    expect(catalogHelp("StringEqualz")).toBeUndefined();
  });
});

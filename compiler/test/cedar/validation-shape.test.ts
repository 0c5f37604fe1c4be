// Validation shapes (compiler/src/emit/cedar/validation-shape.ts) and the self-check's validation by
// shape (check-output.ts): policies that differ only in entity ids, annotations and comments share a
// shape; anything else — action ids, attribute names, literals, types — makes another shape; and
// validating by shape reports exactly the errors that validating every policy reports.
import { describe, expect, it } from "vitest";
import { loadCedar } from "@kms-cedar/runtime";
import { validateByShape } from "../../src/emit/cedar/check-output.js";
import { mayEnumerateEntities, validationShape } from "../../src/emit/cedar/validation-shape.js";

const schema = `
namespace Iam { entity Account; entity Policy; entity Role in [Account, Policy] { account: String }; }
namespace Kms {
  type Context = { "aws:sourceip"?: ipaddr, "n"?: Long };
  entity Key { account: String, arn: String };
  action "Decrypt", "Encrypt" appliesTo { principal: [Iam::Role], resource: [Key], context: Context };
}`;

describe("validationShape", () => {
  it("is the same for policies that differ in entity ids, @id values, comments and spacing", () => {
    const a = `// Allow "A" (statement 0)\n@id("allow-p0-s0")\npermit (principal in Iam::Policy::"principals[arn:aws:iam::1:role/A][0]", action == Kms::Action::"Decrypt", resource == Kms::Key::"arn:aws:kms:us-east-1:1:key/a")\nwhen { principal.account == resource.account };`;
    const b = `@id("allow-p7-s3")\npermit (principal in Iam::Policy::"principals[arn:aws:iam::2:role/B][1]",\n  action == Kms::Action::"Decrypt",\n  resource == Kms::Key::"arn:aws:kms:eu-west-1:2:key/b")\nwhen { principal.account == resource.account };`;
    expect(validationShape(a)).toBe(validationShape(b));
  });

  it("keeps action ids, attribute names, other string literals and types apart", () => {
    const base = `permit (principal, action == Kms::Action::"Decrypt", resource) when { context["n"] == 1 };`;
    for (const other of [
      `permit (principal, action == Kms::Action::"Encrypt", resource) when { context["n"] == 1 };`,
      `permit (principal, action == Kms::Action::"Decrypt", resource) when { context["m"] == 1 };`,
      `permit (principal, action == Kms::Action::"Decrypt", resource) when { context["n"] == 2 };`,
      `permit (principal, action == Kms::Action::"Decrypt", resource) when { context["n"] == "1" };`,
      `permit (principal in Iam::Role::"r", action == Kms::Action::"Decrypt", resource) when { context["n"] == 1 };`,
      `forbid (principal, action == Kms::Action::"Decrypt", resource) when { context["n"] == 1 };`,
    ]) expect(validationShape(other), other).not.toBe(validationShape(base));
    expect(validationShape(`permit (principal in Iam::Role::"r", action, resource);`)).not.toBe(validationShape(`permit (principal in Iam::Account::"r", action, resource);`));
  });

  it("never reads text inside a string literal as an entity literal", () => {
    const a = `permit (principal, action, resource) when { resource.arn == "x Iam::Role::" && resource.arn like "a::\\"b\\"*" };`;
    const b = `permit (principal, action, resource) when { resource.arn == "y Iam::Role::" && resource.arn like "a::\\"b\\"*" };`;
    expect(validationShape(a)).toContain('"x Iam::Role::"');
    expect(validationShape(a)).not.toBe(validationShape(b));
  });

  it("sees enumerated entity types in a schema text (those cedar-wasm reads as enumerated)", () => {
    const cedar = loadCedar();
    const plain = "namespace N { entity A { n: Long }; action \"a\" appliesTo { principal: [A], resource: [A] }; }";
    const enumerated = "namespace N { entity A enum [\"x\"]; action \"a\" appliesTo { principal: [A], resource: [A] }; }";
    const json = (text: string) => {
      const answer = cedar.schemaToJson(text);
      if (answer.type !== "success") throw new Error(answer.errors.map((e) => e.message).join("; "));
      return JSON.stringify(answer.json);
    };
    expect(json(plain)).not.toContain('"enum"');
    expect(json(enumerated)).toContain('"enum"');
    expect(mayEnumerateEntities(plain)).toBe(false);
    expect(mayEnumerateEntities(enumerated)).toBe(true);
    // The word anywhere counts (a comment too): a false "no" would be unsound, a false "yes" is only slower.
    expect(mayEnumerateEntities("// enum\nnamespace N {}")).toBe(true);
  });
});

describe("validation by shape", () => {
  it("reports exactly the errors of validating every policy", () => {
    const cedar = loadCedar();
    const good = (id: string, key: string) => `@id("${id}")\npermit (principal, action == Kms::Action::"Decrypt", resource == Kms::Key::"${key}") when { context has "n" && context["n"] > 1 };`;
    // Ill-typed (a Long compared with a String), in two policies of one shape and one of another.
    const bad = (id: string, key: string) => `@id("${id}")\nforbid (principal, action == Kms::Action::"Encrypt", resource == Kms::Key::"${key}") when { context has "n" && context["n"] == "x" };`;
    const policies: Record<string, string> = {
      g1: good("g1", "k1"), g2: good("g2", "k2"), b1: bad("b1", "k1"), g3: good("g3", "k3"), b2: bad("b2", "k2"),
      c1: `@id("c1")\npermit (principal in Iam::Policy::"p", action, resource) when { resource.nope == 1 };`,
    };
    const all = validateByShape(cedar, schema, policies, false);
    const shaped = validateByShape(cedar, schema, policies, true);
    if ("failure" in all || "failure" in shaped) throw new Error("validation failed");
    const ids = (o: { errors: readonly { policyId: string; message: string }[] }) => o.errors.map((e) => e.message).sort();
    expect(new Set(all.errors.map((e) => e.policyId))).toEqual(new Set(["b1", "b2", "c1"]));
    expect(ids(shaped)).toEqual(ids(all));
  });
});

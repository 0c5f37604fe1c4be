// The Cedar emitter: the KMS algebra (DESIGN §3) as permits, gates and forbids; native Cedar for each
// operator family with the absent / undecidable answers of spec §2.2 and §0.2; determinism; the
// schema; and the output strictly validates. Expected texts are written from the design, by hand.
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { emitCedar } from "../../src/emit/cedar/emit-cedar.js";
import { A, DKP, identityBundle, KEY, keyBundle, policyById, ROLE, toCedar } from "./cedar-helpers.js";

const POLICY = `Iam::Policy::"principals[${ROLE}][0]"`;

/** The `when` body of the identity statement's policy (`allow-p1-s0` or `deny-p1-s0`). */
function body(statement: object): string {
  const effect = (statement as { Effect: string }).Effect;
  const out = toCedar(identityBundle({ Action: "kms:Decrypt", Resource: "*", ...statement }));
  expect(out.diagnostics).toEqual([]);
  const text = policyById(out.files!.policies, `${effect === "Deny" ? "deny" : "allow"}-p1-s0`);
  const when = text.indexOf(" when { ");
  return when < 0 ? "" : text.slice(when + " when { ".length, -" };".length);
}

describe("the KMS algebra in Cedar", () => {
  it("emits an identity Allow as a permit for the policy's principals", () => {
    const out = toCedar(identityBundle({ Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt"], Resource: `arn:aws:kms:*:${A}:key/*` }));
    expect(policyById(out.files!.policies, "allow-p1-s0")).toBe(
      `@id("allow-p1-s0") permit (principal in ${POLICY}, action in [Kms::Action::"Decrypt", Kms::Action::"Encrypt"], resource) ` +
      `when { resource.arn like "arn:aws:kms:*:${A}:key/*" };`,
    );
  });

  it("emits one gate per key: the key policy must name the caller or its account", () => {
    const out = toCedar(keyBundle(DKP, { Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*" }));
    expect(policyById(out.files!.policies, "gate-p0")).toBe(
      `@id("gate-p0") forbid (principal, action in Kms::Action::"key-policy-actions", resource == Kms::Key::"${KEY}") ` +
      `unless { principal in Iam::Account::"arn:aws:iam::${A}:root" || ` +
      `(principal in Iam::Role::"${ROLE}" && action == Kms::Action::"Decrypt") };`,
    );
    // AWS: §5.3 fact 5 — the direct grant also permits on its own, in the key's account only.
    expect(policyById(out.files!.policies, "allow-p0-s1")).toBe(
      `@id("allow-p0-s1") permit (principal in Iam::Role::"${ROLE}", action == Kms::Action::"Decrypt", resource == Kms::Key::"${KEY}") ` +
      "when { principal.account == resource.account };",
    );
    // The account statement delegates to IAM: it is in the gate, never a permit by itself.
    expect(out.files!.policies).not.toContain('@id("allow-p0-s0")');
  });

  it("matches a role with a path by exact ARN, and its sessions by name", () => {
    const withPath = `arn:aws:iam::${A}:role/team/App`;
    const out = toCedar(keyBundle({ Effect: "Allow", Principal: { AWS: withPath }, Action: "kms:Decrypt", Resource: "*" }));
    expect(policyById(out.files!.policies, "allow-p0-s0")).toBe(
      `@id("allow-p0-s0") permit (principal, action == Kms::Action::"Decrypt", resource == Kms::Key::"${KEY}") ` +
      `when { (principal == Iam::Role::"${withPath}" || principal is Sts::AssumedRole in Iam::Role::"${ROLE}") && ` +
      "principal.account == resource.account };",
    );
  });

  it("emits a key-policy Deny for the named caller or any caller of a named account (A22)", () => {
    const out = toCedar(keyBundle(DKP, { Effect: "Deny", Principal: { AWS: A }, Action: "kms:Decrypt", Resource: "*" }));
    expect(policyById(out.files!.policies, "deny-p0-s1")).toBe(
      `@id("deny-p0-s1") forbid (principal in Iam::Account::"${A}", action == Kms::Action::"Decrypt", resource == Kms::Key::"${KEY}");`,
    );
  });

  it("ends with the cross-account rule and the root user's implicit identity allow", () => {
    const out = toCedar(identityBundle({ Effect: "Allow", Action: "kms:*", Resource: "*" }));
    expect(policyById(out.files!.policies, "cross-account")).toBe(
      '@id("cross-account") forbid (principal, action in Kms::Action::"single-account-actions", resource) when { principal.account != resource.account };',
    );
    expect(policyById(out.files!.policies, "root")).toBe('@id("root") permit (principal is Iam::Root, action, resource);');
    // `kms:*` in an identity policy constrains no action.
    expect(policyById(out.files!.policies, "allow-p1-s0")).toBe(`@id("allow-p1-s0") permit (principal in ${POLICY}, action, resource);`);
  });

  it("lists in the manifest what each policy id stands for", () => {
    const out = toCedar(identityBundle({ Sid: "NoSecrets", Effect: "Deny", Action: "kms:Decrypt", Resource: "*" }));
    const deny = out.manifest!.policies.find((p) => p.id === "deny-p1-s0");
    expect(deny).toMatchObject({ role: "deny", reason: { policy: `principals[${ROLE}][0]`, statement: 0, sid: "NoSecrets", effect: "Deny" } });
    expect(out.manifest!.policies.find((p) => p.id === "gate-p0")?.role).toBe("gate");
  });
});

describe("conditions in native Cedar (spec §2.2: absent key, fail-closed §0.2, unparseable values)", () => {
  const ctx = (k: string): string => `context["${k}"]`;
  const has = (k: string): string => `context has "${k}"`;
  const marker = (set: string, k: string): string => `context["${set}"].contains("${k}")`;
  const dept = "kms:encryptioncontext:dept";

  it("StringEquals in an Allow: absent and undecidable are both false", () => {
    expect(body({ Effect: "Allow", Condition: { StringEquals: { "kms:EncryptionContext:Dept": ["IT", "HR"] } } }))
      .toBe(`${has(dept)} && ["IT", "HR"].contains(${ctx(dept)})`);
  });

  it("StringEquals in a Deny: an undecidable key (ambiguous, several values) counts as satisfied", () => {
    expect(body({ Effect: "Deny", Condition: { StringEquals: { "kms:EncryptionContext:Dept": "IT" } } }))
      .toBe(`(${has(dept)} && ${ctx(dept)} == "IT") || ${marker("#unsure", dept)}`);
  });

  it("StringNotEquals in a Deny: absent and undecidable are both true", () => {
    expect(body({ Effect: "Deny", Condition: { StringNotEquals: { "kms:ViaService": "ec2.us-west-2.amazonaws.com" } } }))
      .toBe(`if ${has("kms:viaservice")} then ${ctx("kms:viaservice")} != "ec2.us-west-2.amazonaws.com" else true`);
  });

  it("StringLike with `*` and a literal star from `${*}`", () => {
    expect(body({ Effect: "Allow", Condition: { StringLike: { "kms:EncryptionContext:Dept": "a${*}b*" } } }))
      .toBe(`${has(dept)} && ${ctx(dept)} like "a\\*b*"`);
  });

  it("Null in an Allow and in a Deny (a key with several values is present; an ambiguous one undecidable)", () => {
    const v = "kms:viaservice";
    expect(body({ Effect: "Allow", Condition: { Null: { "kms:ViaService": "true" } } }))
      .toBe(`!(${has(v)}) && !${marker("#unsure", v)}`);
    expect(body({ Effect: "Deny", Condition: { Null: { "kms:ViaService": "true" } } }))
      .toBe(`!(${has(v)}) && !${marker("#several", v)}`);
    expect(body({ Effect: "Allow", Condition: { Null: { "kms:ViaService": "false" } } }))
      .toBe(`${has(v)} || ${marker("#several", v)}`);
  });

  it("BoolIfExists in a Deny: absent holds, and so does an unparseable value (undecided, deviation 46)", () => {
    const k = "aws:multifactorauthpresent";
    expect(body({ Effect: "Deny", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))
      .toBe(`if ${has(k)} then ${ctx(k)} == false else true`);
    // In an Allow an unparseable value is undecided too: not satisfied (it was "no pair matches").
    expect(body({ Effect: "Allow", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))
      .toBe(`if ${has(k)} then ${ctx(k)} == false else !${marker("#unsure", k)} && !${marker("#invalid", k)}`);
  });

  it("numbers as Long, dates as datetime, IP ranges with ip()", () => {
    const days = "kms:schedulekeydeletionpendingwindowindays";
    expect(body({ Effect: "Allow", Condition: { NumericLessThanEquals: { "kms:ScheduleKeyDeletionPendingWindowInDays": "21" } } }))
      .toBe(`${has(days)} && ${ctx(days)} <= 21`);
    expect(body({ Effect: "Allow", Condition: { DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } } }))
      .toBe(`${has("aws:currenttime")} && ${ctx("aws:currenttime")} > datetime("2020-01-01")`);
    expect(body({ Effect: "Allow", Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.77/24", "2001:DB8::/32"] } } }))
      .toBe(`${has("aws:sourceip")} && (${ctx("aws:sourceip")}.isInRange(ip("203.0.113.0/24")) || ` +
        `${ctx("aws:sourceip")}.isInRange(ip("2001:db8:0:0:0:0:0:0/32")))`);
  });

  it("decimals that Long cannot carry use Cedar's decimal", () => {
    expect(body({ Effect: "Allow", Condition: { NumericLessThanEquals: { "kms:ValidTo": "1546257599.5" } } }))
      .toBe(`${has("number(kms:validto)")} && ${ctx("number(kms:validto)")}.lessThanOrEqual(decimal("1546257599.5"))`);
  });

  it("ForAnyValue / ForAllValues with StringEquals and StringNotEquals over a set", () => {
    const keys = "kms:encryptioncontextkeys";
    expect(body({ Effect: "Allow", Condition: { "ForAnyValue:StringEquals": { "kms:EncryptionContextKeys": "Dept" } } }))
      .toBe(`${has(keys)} && ${ctx(keys)}.contains("Dept")`);
    expect(body({ Effect: "Allow", Condition: { "ForAllValues:StringEquals": { "kms:EncryptionContextKeys": ["Dept", "App"] } } }))
      .toBe(`if ${has(keys)} then ["Dept", "App"].containsAll(${ctx(keys)}) else !${marker("#unsure", keys)}`);
    expect(body({ Effect: "Deny", Condition: { "ForAllValues:StringNotEquals": { "kms:EncryptionContextKeys": "Secret" } } }))
      .toBe(`if ${has(keys)} then !${ctx(keys)}.contains("Secret") else true`);
  });

  it("resource tags as entity tags, a whole-value variable compared with another attribute", () => {
    expect(body({ Effect: "Allow", Condition: { StringEquals: { "aws:ResourceTag/Project": "${aws:PrincipalTag/project}" } } }))
      .toBe(`!${marker("#unsure", "aws:principaltag/project")} && resource.hasTag("project") && principal.hasTag("project") && ` +
        'resource.getTag("project") == principal.getTag("project")');
  });
});

describe("resources", () => {
  it("matches `…:key/${var}` natively: the prefix by like, the key id by the resource's name (§4.4)", () => {
    const out = toCedar(identityBundle({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:*:*:key/${aws:PrincipalTag/KeyId}" }));
    expect(policyById(out.files!.policies, "allow-p1-s0")).toBe(
      `@id("allow-p1-s0") permit (principal in ${POLICY}, action == Kms::Action::"Decrypt", resource) ` +
      'when { !context["#unsure"].contains("aws:principaltag/keyid") && resource.arn like "arn:aws:kms:*:*:key/*" && ' +
      'principal.hasTag("keyid") && resource.name == principal.getTag("keyid") };',
    );
    expect(out.manifest!.resourceName).toBe(true);
    expect(out.files!.schema).toContain("entity Key, Alias, NoResource { account: String, arn: String, name: String }");
  });

  it("derives a pattern with a variable followed by more text", () => {
    const out = toCedar(identityBundle({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:*:*:key/${aws:PrincipalTag/KeyId}*" }));
    expect(out.manifest!.attributes.map((a) => [a.kind, a.derived])).toEqual([["resource-test", true]]);
    expect(out.share.resources).toEqual({ native: 0, derived: 1, byKind: { concatenation: 1 } });
  });
});

describe("determinism and the schema", () => {
  it("compiles the same bundle to byte-identical files", () => {
    const first = emitCedar(compileBundle("examples/abac/bundle.json").graph!);
    const second = emitCedar(compileBundle("examples/abac/bundle.json").graph!);
    expect(first.files).toBeDefined();
    expect(second.files).toEqual(first.files);
  });

  it("declares exactly the context attributes the policies read, all optional, and the markers they test", () => {
    const out = toCedar(identityBundle({ Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:Dept": "IT" } } }));
    const schema = out.files!.schema;
    const start = schema.indexOf("type Context");
    const context = schema.slice(start, schema.indexOf("};", start) + 2);
    expect(context.replace(/\s+/g, " ")).toBe('type Context = { "#unsure": Set<String>, "kms:encryptioncontext:dept"?: String };');
    expect(out.manifest!.markers).toEqual(["#unsure"]);
    expect(out.manifest!.attributes).toEqual([{ name: "kms:encryptioncontext:dept", kind: "string", key: "kms:encryptioncontext:dept", derived: false }]);
  });
});

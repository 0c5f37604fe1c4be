import type { Diagnostic } from "@kms-cedar/grammar";
import { parseJson } from "@kms-cedar/grammar";
import { describe, expect, it } from "vitest";
import { readPolicy } from "../../src/syntax/read-policy.js";
import { summarize } from "../helpers/diagnose.js";

function read(text: string) {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseJson(text);
  if (parsed.diagnostics.length > 0) throw new Error(`test policy is not clean JSON: ${parsed.diagnostics[0]?.message}`);
  const document = readPolicy(parsed.root, (d) => diagnostics.push(d));
  return { document, problems: summarize(text, diagnostics) };
}

describe("readPolicy (spec §1.1, §1.3, §1.4, §1.8)", () => {
  it("reads a single statement object and the string forms of list elements", () => {
    const { document, problems } = read(`{"Version":"2012-10-17","Id":"k","Statement":{"Sid":"S","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}}`);
    expect(problems).toEqual([]);
    expect(document?.version?.value).toBe("2012-10-17");
    expect(document?.id?.value).toBe("k");
    expect(document?.statementForm).toBe("object");
    const s = document!.statements[0]!;
    expect(s.index).toBe(0);
    expect(s.sid?.value).toBe("S");
    expect(s.principal?.wildcard?.value).toBe("*");
    expect(s.action?.form).toBe("string");
    expect(s.action?.items.map((i) => i.value)).toEqual(["kms:Decrypt"]);
  });

  it("reads principal maps and normalises condition numbers and booleans to their text (§1.4)", () => {
    const { document, problems } = read(`{"Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:role/App"],"Service":"logs.amazonaws.com"},
      "NotAction":["kms:Encrypt"],"Resource":["*"],"Condition":{"NumericLessThan":{"kms:RotationPeriodInDays":365.0},"Bool":{"aws:SecureTransport":[true]},"Nonsense":{"k":"v"}}}]}`);
    expect(problems).toEqual([]);
    const s = document!.statements[0]!;
    expect(s.principal?.entries.map((e) => [e.type.value, e.values.items.map((i) => i.value)])).toEqual([
      ["AWS", ["111122223333", "arn:aws:iam::111122223333:role/App"]], ["Service", ["logs.amazonaws.com"]],
    ]);
    expect(s.notAction?.form).toBe("array");
    const ops = s.condition!.operators;
    expect(ops.map((o) => o.name.value)).toEqual(["NumericLessThan", "Bool", "Nonsense"]);
    expect(ops[0]!.operator).toEqual({ qualifier: undefined, base: "NumericLessThan", ifExists: false });
    expect(ops[2]!.operator).toBeUndefined();
    expect(ops[0]!.keys[0]).toMatchObject({ form: "scalar", values: [{ text: "365.0" }] });
    expect(ops[1]!.keys[0]).toMatchObject({ form: "array", values: [{ text: "true" }] });
  });

  it("reports every shape error and leaves the malformed parts out", () => {
    const text = `{"Version":2012,"Statement":[{"Effect":"Allow","Action":["kms:Decrypt",7,["kms:Encrypt"]],"Resource":null,"Principal":{"AWS":{}},
      "Condition":{"StringEquals":{"a:b":{"x":1},"c:d":["ok",null]},"Bool":"x"}},3]}`;
    const { document, problems } = read(text);
    expect(problems).toEqual([
      "KC2007: 2012",
      "KC2007: 7",
      `KC2007: ["kms:Encrypt"]`,
      "KC2008: null",
      "KC2008: {}",
      `KC2012: {"x":1}`,
      "KC2012: null",
      `KC2011: "x"`,
      "KC2005: 3",
    ]);
    expect(document?.version).toBeUndefined();
    const s = document!.statements[0]!;
    expect(document!.statements).toHaveLength(1);
    expect(s.action?.items.map((i) => i.value)).toEqual(["kms:Decrypt"]);
    expect(s.resource).toBeUndefined();
    expect(s.principal?.entries).toEqual([]);
    expect(s.condition!.operators.map((o) => o.name.value)).toEqual(["StringEquals"]);
    expect(s.condition!.operators[0]!.keys.map((k) => [k.key.value, k.values.map((v) => v.text)])).toEqual([["c:d", ["ok"]]]);
  });

  it("keeps the last of repeated members, as JSON.parse does (the parser reports the repeat)", () => {
    const text = `{"Statement":{"Effect":"Deny","Effect":"Allow","Action":"a:b","Resource":"*"}}`;
    const document = readPolicy(parseJson(text).root, () => {});
    expect(document!.statements[0]!.effect?.value).toBe("Allow");
  });

  it("returns nothing for a missing tree or a root that is not an object", () => {
    expect(readPolicy(undefined, () => { throw new Error("no report expected"); })).toBeUndefined();
    expect(read(`"policy"`)).toMatchObject({ document: undefined, problems: [`KC2001: "policy"`] });
  });
});

// Bundle shape (DESIGN §2): which policies a bundle names, their locations, and the diagnostic
// (code and underlined text) for each shape mistake.
import type { Diagnostic } from "@kms-cedar/grammar";
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/bundle/json-front-end.js";
import { looksLikeBundle, readBundle } from "../../src/bundle/read-bundle.js";

const K1 = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";

function read(text: string) {
  const { root } = parseJsonText(text);
  if (!root) throw new Error("test bundle does not parse");
  const diagnostics: Diagnostic[] = [];
  const shape = readBundle(root, (d) => diagnostics.push(d));
  const found = diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)]);
  return { shape, found, diagnostics };
}

describe("readBundle", () => {
  it("names each policy by its bundle location, in source order", () => {
    const text = JSON.stringify({
      keys: { [K1]: { policy: "key.json" } },
      principals: { [ROLE]: { policies: ["a.json", { Version: "2012-10-17", Statement: [] }] } },
    });
    const { shape, found } = read(text);
    expect(found).toEqual([]);
    expect(shape.references.map((r) => [r.location, r.kind, r.value.kind])).toEqual([
      [`keys[${K1}]`, "key", "string"],
      [`principals[${ROLE}][0]`, "identity", "string"],
      [`principals[${ROLE}][1]`, "identity", "object"],
    ]);
    expect(shape.keys).toEqual([K1]);
    expect(shape.principals).toEqual([ROLE]);
  });

  it("accepts user, role with path, role session and federated user ARNs as principals", () => {
    const arns = [
      "arn:aws:iam::111122223333:user/alice",
      "arn:aws:iam::111122223333:role/team/App",
      "arn:aws:sts::111122223333:assumed-role/App/session-1",
      "arn:aws:sts::111122223333:federated-user/bob",
    ];
    const principals = Object.fromEntries(arns.map((arn) => [arn, { policies: [] }]));
    const { shape, found } = read(JSON.stringify({ principals }));
    expect(found).toEqual([]);
    expect(shape.principals).toEqual(arns);
  });

  it("reports every shape mistake with the right code under the right text", () => {
    const text = `{
  "keys": {
    "arn:aws:kms:us-west-2:111122223333:alias/app": { "policy": "k.json" },
    "${K1}": { "policy": 42, "note": "x" },
    "arn:aws:kms:us-west-2:111122223333:key/2222": "k.json"
  },
  "principals": {
    "arn:aws:iam::111122223333:group/Admins": { "policies": [] },
    "${ROLE}": { "policies": "a.json" },
    "arn:aws:iam::111122223333:role/Other": { "policies": ["", true] },
    "arn:aws:iam::111122223333:role/None": {}
  },
  "version": 1
}`;
    const { found } = read(text);
    expect(found).toEqual([
      ["KC2909", '"arn:aws:kms:us-west-2:111122223333:alias/app"'],
      ["KC2906", '"note"'],
      ["KC2907", "42"],
      ["KC2904", '"k.json"'],
      ["KC2910", '"arn:aws:iam::111122223333:group/Admins"'],
      ["KC2908", '"a.json"'],
      ["KC2912", '""'],
      ["KC2907", "true"],
      ["KC2905", '"arn:aws:iam::111122223333:role/None"'],
      ["KC2902", '"version"'],
    ]);
  });

  it("rejects a bundle that is not an object, and sections that are not objects", () => {
    expect(read("[]").found).toEqual([["KC2901", "[]"]]);
    expect(read('{"keys": []}').found).toEqual([["KC2903", "[]"]]);
  });

  it("warns about identity policies listed for an account root, and about an empty bundle", () => {
    const root = read('{"principals": {"arn:aws:iam::111122223333:root": {"policies": []}}}');
    expect(root.found).toEqual([["KC2913", '"arn:aws:iam::111122223333:root"']]);
    expect(root.diagnostics[0]?.severity).toBe("warning");
    expect(read('{"keys": {}, "principals": {}}').found).toEqual([["KC2914", '{"keys": {}, "principals": {}}']]);
  });
});

describe("looksLikeBundle", () => {
  it("is true for an object with keys or principals and no Statement", () => {
    expect(looksLikeBundle(parseJsonText('{"keys": {}}').root)).toBe(true);
    expect(looksLikeBundle(parseJsonText('{"principals": {}}').root)).toBe(true);
    expect(looksLikeBundle(parseJsonText('{"Statement": [], "keys": {}}').root)).toBe(false);
    expect(looksLikeBundle(parseJsonText('{"Version": "2012-10-17", "Statement": []}').root)).toBe(false);
    expect(looksLikeBundle(parseJsonText("[1]").root)).toBe(false);
    expect(looksLikeBundle(undefined)).toBe(false);
  });
});

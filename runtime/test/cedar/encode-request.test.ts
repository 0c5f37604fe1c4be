// The request encoder (runtime/src/cedar/encode-request.ts): the same request errors as the other
// engines, in the same order (docs/request-model.md "Errors"); the entity hierarchy (session → role →
// account, attached policies, service in the key's account); context views and the marker sets.
import { describe, expect, it } from "vitest";
import type { CedarManifest } from "@kms-cedar/runtime";
import { MANIFEST_FORMAT, MANIFEST_VERSION } from "@kms-cedar/runtime/cedar-names";
import { createEncoder } from "../../src/cedar/encode-request.js";
import type { EncodedRequest } from "../../src/cedar/encode-request.js";

/** The id of an entity of the encoded request. */
const idOf = (e: EncodedRequest["entities"][number]): string => (e.uid as { id: string }).id;

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;

const manifest: CedarManifest = {
  format: MANIFEST_FORMAT,
  version: MANIFEST_VERSION,
  actions: [
    { name: "kms:Decrypt", target: "key", keyPolicy: true, crossAccount: true },
    { name: "kms:CreateKey", target: "none", keyPolicy: false, crossAccount: false },
    { name: "kms:CreateAlias", target: "alias", keyPolicy: true, crossAccount: false },
  ],
  keys: [KEY],
  identity: [
    { principal: `arn:aws:iam::${A}:role/team/App`, policies: ["principals[role/team/App][0]"] },
    { principal: SESSION, policies: ["principals[session][0]"] },
  ],
  policies: [],
  attributes: [
    { name: "kms:encryptioncontext:dept", kind: "string", key: "kms:encryptioncontext:dept", derived: false },
    { name: "kms:encryptioncontextkeys", kind: "set", key: "kms:encryptioncontextkeys", derived: false },
    { name: "aws:multifactorauthage", kind: "long", key: "aws:multifactorauthage", derived: false, constants: ["3600"] },
    { name: "aws:sourceip", kind: "ip", key: "aws:sourceip", derived: false },
    { name: "project", kind: "resource-tag", key: "aws:resourcetag/project", derived: false },
  ],
  markers: ["#unsure", "#several", "#invalid"],
};
const encode = createEncoder(manifest);

function encoded(request: object): EncodedRequest {
  const result = encode(request as never);
  if ("error" in result) throw new Error(result.error.message);
  return result;
}

describe("request errors (docs/request-model.md), in the reference evaluator's order", () => {
  const ok = { principal: SESSION, action: "kms:Decrypt", resource: KEY, context: {} };
  const code = (request: object): string | undefined => {
    const result = encode(request as never);
    return "error" in result ? result.error.code : undefined;
  };

  it("gives each kind of undecidable request its code", () => {
    expect(code({ ...ok, principal: 7 })).toBe("KR0007");
    expect(code({ ...ok, context: [] })).toBe("KR0007");
    expect(code({ ...ok, context: { "aws:SourceIp": 7 } })).toBe("KR0006");
    expect(code({ ...ok, principal: "arn:aws:iam::1:user/x" })).toBe("KR0001");
    expect(code({ ...ok, action: "kms:Frobnicate" })).toBe("KR0002");
    expect(code({ ...ok, action: "s3:Decrypt" })).toBe("KR0002");
    expect(code({ ...ok, resource: "arn:aws:s3:::bucket" })).toBe("KR0003");
    expect(code({ ...ok, resource: "*" })).toBe("KR0005");
    expect(code({ ...ok, resource: `arn:aws:kms:us-west-2:${A}:key/other` })).toBe("KR0004");
    expect(code({ ...ok, action: "KMS:decrypt" })).toBeUndefined();
  });

  it("reports the first problem when there are several", () => {
    expect(code({ ...ok, principal: "nobody", action: "kms:Frobnicate", context: { k: 1 } })).toBe("KR0006");
    expect(code({ ...ok, principal: "nobody", action: "kms:Frobnicate" })).toBe("KR0001");
  });
});

describe("a role ARN as caller (KR0012, docs/request-model.md \"The caller\")", () => {
  const ROLE = `arn:aws:iam::${A}:role/team/App`;
  const decrypt = (principal: string) => ({ principal, action: "kms:Decrypt", resource: KEY, context: {} });
  const codeWith = (m: CedarManifest, request: object): string | undefined => {
    const result = createEncoder(m)(request as never);
    return "error" in result ? result.error.code : undefined;
  };

  it("is refused by the encoder, before cedar-wasm, when `namedRoles` names a session of the role or another path", () => {
    expect(codeWith({ ...manifest, namedRoles: [ROLE, SESSION] }, decrypt(ROLE))).toBe("KR0012");
    expect(codeWith({ ...manifest, namedRoles: [ROLE, `arn:aws:iam::${A}:role/App`] }, decrypt(ROLE))).toBe("KR0012");
    expect(codeWith({ ...manifest, namedRoles: [ROLE] }, decrypt(ROLE))).toBeUndefined();
    expect(codeWith({ ...manifest, namedRoles: [] }, decrypt(ROLE))).toBeUndefined();
    // After KR0004, before KR0009.
    expect(codeWith({ ...manifest, namedRoles: [SESSION] }, { ...decrypt(ROLE), resource: `arn:aws:kms:us-west-2:${A}:key/other` })).toBe("KR0004");
    expect(codeWith({ ...manifest, namedRoles: [SESSION] }, { ...decrypt(ROLE), context: { "aws:PrincipalAccount": "444455556666" } })).toBe("KR0012");
  });

  it("a manifest without `namedRoles` (an older compiler) refuses every role ARN as caller, and only those", () => {
    expect(manifest.namedRoles).toBeUndefined();
    expect(codeWith(manifest, decrypt(ROLE))).toBe("KR0012");
    expect(codeWith(manifest, decrypt(`arn:aws:iam::${A}:role/Other`))).toBe("KR0012");
    expect(codeWith(manifest, decrypt(SESSION))).toBeUndefined();
    expect(codeWith(manifest, decrypt(`arn:aws:iam::${A}:user/Bob`))).toBeUndefined();
  });
});

describe("entities", () => {
  it("puts a session in its role (by name, path-less), the role in its account, and attaches the role's policies", () => {
    const e = encoded({ principal: SESSION, action: "kms:Decrypt", resource: KEY });
    expect(e.principal).toEqual({ type: "Sts::AssumedRole", id: SESSION });
    const session = e.entities.find((x) => idOf(x) === SESSION)!;
    expect(session.attrs).toEqual({ account: A });
    expect(session.parents).toEqual([
      { type: "Iam::Role", id: `arn:aws:iam::${A}:role/App` },
      { type: "Iam::Policy", id: "principals[role/team/App][0]" },
      { type: "Iam::Policy", id: "principals[session][0]" },
    ]);
    const role = e.entities.find((x) => idOf(x) === `arn:aws:iam::${A}:role/App`)!;
    expect(role.parents).toEqual([{ type: "Iam::Account", id: `arn:aws:iam::${A}:root` }]);
    const account = e.entities.find((x) => idOf(x) === `arn:aws:iam::${A}:root`)!;
    expect(account.parents).toEqual([{ type: "Iam::Account", id: A }]);
    expect(e.resource).toEqual({ type: "Kms::Key", id: KEY });
    expect(e.entities.find((x) => idOf(x) === KEY)!.attrs).toEqual({ account: A, arn: KEY });
  });

  it("names attribute-less, parent-less ancestors (the bare account, attached policies) as parents only, not as entities", () => {
    const e = encoded({ principal: SESSION, action: "kms:Decrypt", resource: KEY });
    const ids = e.entities.map(idOf).sort();
    expect(ids).toEqual([SESSION, KEY, `arn:aws:iam::${A}:role/App`, `arn:aws:iam::${A}:root`].sort());
    // Every entity sent carries something Cedar reads (attributes, tags or parents), or is the principal or the resource.
    for (const x of e.entities) expect(Object.keys(x.attrs).length + x.parents.length + Object.keys(x.tags ?? {}).length, idOf(x)).toBeGreaterThan(0);
    // With `leafAncestors` (the AVP encoder) they are sent too, with no attributes and no parents.
    const all = createEncoder(manifest, { leafAncestors: true })({ principal: SESSION, action: "kms:Decrypt", resource: KEY });
    if ("error" in all) throw new Error(all.error.message);
    expect(all.entities.map(idOf).sort()).toEqual([...ids, A, "principals[role/team/App][0]", "principals[session][0]"].sort());
    for (const x of all.entities.filter((y) => !ids.includes(idOf(y)))) expect(x).toMatchObject({ attrs: {}, parents: [] });
  });

  it("gives a service the key's account and no parents; `*` takes the caller's account", () => {
    const service = encoded({ principal: "logs.amazonaws.com", action: "kms:Decrypt", resource: KEY });
    expect(service.entities.find((x) => idOf(x) === "logs.amazonaws.com")).toEqual({ uid: { type: "Aws::Service", id: "logs.amazonaws.com" }, attrs: { account: A }, parents: [] });
    const none = encoded({ principal: `arn:aws:iam::444455556666:root`, action: "kms:CreateKey", resource: "*" });
    expect(none.entities.find((x) => idOf(x) === "*")!.attrs).toEqual({ account: "444455556666", arn: "*" });
    const alias = encoded({ principal: SESSION, action: "kms:CreateAlias", resource: `arn:aws:kms:us-west-2:${A}:alias/x` });
    expect(alias.resource).toEqual({ type: "Kms::Alias", id: `arn:aws:kms:us-west-2:${A}:alias/x` });
  });
});

describe("context views and markers", () => {
  const context = (c: object): EncodedRequest["context"] => encoded({ principal: SESSION, action: "kms:Decrypt", resource: KEY, context: c }).context;

  it("reads keys case-insensitively and converts typed values", () => {
    expect(context({ "KMS:EncryptionContext:Dept": "IT", "aws:SourceIp": "::ffff:10.1.2.3", "aws:MultiFactorAuthAge": "99999999999999999999" })).toEqual({
      "kms:encryptioncontext:dept": "IT",
      // Deviation 47: left out, kms:EncryptionContextKeys is the pairs' keys, as written.
      "kms:encryptioncontextkeys": ["Dept"],
      "aws:sourceip": { __extn: { fn: "ip", arg: "0:0:0:0:0:ffff:a01:203" } },
      "aws:multifactorauthage": 3601,
      "#unsure": [], "#several": [], "#invalid": [],
    });
  });

  it("marks ambiguous keys unsure, several values of a single-value view unsure and several, bad typed values invalid", () => {
    expect(context({
      "kms:EncryptionContext:Dept": ["IT", "HR"],
      "kms:EncryptionContextKeys": ["Dept", "Dept"],
      "aws:SourceIp": "bad",
      "aws:ResourceTag/Project": "A", "aws:resourcetag/project": "B",
    })).toEqual({
      "kms:encryptioncontextkeys": ["Dept"],
      "#unsure": ["kms:encryptioncontext:dept", "aws:resourcetag/project"],
      "#several": ["kms:encryptioncontext:dept"],
      "#invalid": ["aws:sourceip"],
    });
  });

  it("treats an empty array as an absent key and a repeated value as one value", () => {
    expect(context({ "kms:EncryptionContextKeys": [], "kms:EncryptionContext:Dept": ["IT", "IT"] })).toEqual({
      "kms:encryptioncontext:dept": "IT", "#unsure": [], "#several": [], "#invalid": [],
    });
  });

  it("puts resource tags on the resource entity", () => {
    const e = encoded({ principal: SESSION, action: "kms:Decrypt", resource: KEY, context: { "aws:ResourceTag/PROJECT": "Alpha" } });
    expect(e.entities.find((x) => idOf(x) === KEY)!.tags).toEqual({ project: "Alpha" });
  });
});

describe("context arrays with holes", () => {
  it("are KR0006, like the graph and the reference (a hole is no string)", async () => {
    const { compileBundle } = await import("@kms-cedar/compiler");
    const { createCedarAuthorizer } = await import("@kms-cedar/runtime");
    const compiled = compileBundle("examples/abac/bundle.json");
    const cedar = createCedarAuthorizer(compiled.cedar!);
    const sparse: string[] = [];
    sparse[1] = "Dept";
    const result = cedar.decide({
      principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action: "kms:Decrypt",
      resource: "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111",
      context: { "kms:EncryptionContextKeys": sparse },
    });
    expect(result).toMatchObject({ error: { code: "KR0006" } });
  });
});

describe("prototype-named keys (issue 10: a tag `__proto__` was dropped, a wrong Allow)", () => {
  const names = ["__proto__", "constructor", "toString", "hasOwnProperty"];
  const protoManifest: CedarManifest = {
    ...manifest,
    attributes: names.flatMap((n) => [
      { name: n, kind: "resource-tag" as const, key: `aws:resourcetag/${n.toLowerCase()}`, derived: false },
      { name: n, kind: "principal-tag" as const, key: `aws:principaltag/${n.toLowerCase()}`, derived: false },
      { name: `kms:encryptioncontext:${n.toLowerCase()}`, kind: "string" as const, key: `kms:encryptioncontext:${n.toLowerCase()}`, derived: false },
    ]),
  };
  const encodeProto = createEncoder(protoManifest);
  const context = JSON.parse(`{${names.flatMap((n) => [`"aws:ResourceTag/${n}": "r-${n}"`, `"aws:PrincipalTag/${n}": "p-${n}"`, `"kms:EncryptionContext:${n}": "c-${n}"`]).join(",")}}`) as object;

  it("keeps them as own entries of entity tags and context, and cedar-wasm's JSON sees them", () => {
    const e = encodeProto({ principal: SESSION, action: "kms:Decrypt", resource: KEY, context });
    if ("error" in e) throw new Error(e.error.message);
    const tagsOf = (id: string): Record<string, string> => (e.entities.find((x) => idOf(x) === id) as { tags?: Record<string, string> }).tags ?? {};
    for (const n of names) {
      expect(Object.prototype.hasOwnProperty.call(tagsOf(KEY), n)).toBe(true);
      expect(tagsOf(KEY)[n]).toBe(`r-${n}`);
      expect(tagsOf(SESSION)[n]).toBe(`p-${n}`);
      expect(e.context[`kms:encryptioncontext:${n.toLowerCase()}`]).toBe(`c-${n}`);
    }
    expect(Object.keys(tagsOf(KEY))).toEqual(names);
    expect(JSON.parse(JSON.stringify(tagsOf(KEY)))).toEqual(Object.fromEntries(names.map((n) => [n, `r-${n}`])));
  });
});

describe("keys derived from the caller (docs/request-model.md)", () => {
  const derivedManifest: CedarManifest = {
    ...manifest,
    attributes: [
      { name: "aws:principalarn", kind: "string", key: "aws:principalarn", derived: false },
      { name: "aws:username", kind: "string", key: "aws:username", derived: false },
      { name: "kms:calleraccount", kind: "string", key: "kms:calleraccount", derived: false },
    ],
  };
  const encodeDerived = createEncoder(derivedManifest);
  const ctx = (principal: string, context: object = {}, action = "kms:Decrypt", resource = KEY): unknown => {
    const e = encodeDerived({ principal, action, resource, context });
    return "error" in e ? e.error.code : e.context;
  };
  it("fills them from the principal when the context leaves them out", () => {
    expect(ctx(`arn:aws:iam::${A}:user/Bob`)).toMatchObject({ "aws:principalarn": `arn:aws:iam::${A}:user/Bob`, "aws:username": "Bob", "kms:calleraccount": A });
  });
  it("a session's role: the bundle's one role of that name (here `role/team/App`)", () => {
    expect(ctx(SESSION)).toMatchObject({ "aws:principalarn": `arn:aws:iam::${A}:role/team/App`, "#unsure": [] });
    expect(ctx(`arn:aws:sts::${A}:assumed-role/Ghost/s1`)).toMatchObject({ "#unsure": ["aws:principalarn"] });
  });
  it("kms:CallerAccount is filled on CreateKey (no specific resource)", () => {
    expect(ctx(`arn:aws:iam::${A}:user/Bob`, {}, "kms:CreateKey", "*")).toHaveProperty(["kms:calleraccount"], A);
  });
  it("a contradicting context is KR0009", () => {
    expect(ctx(`arn:aws:iam::${A}:user/Bob`, { "aws:username": "bob" })).toBe("KR0009");
    expect(ctx(SESSION, { "aws:PrincipalArn": SESSION })).toBe("KR0009");
  });
});

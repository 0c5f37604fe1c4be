// The layers of the authorization chain in the bundle (docs/request-model.md "Layers"): every code of
// layer-diagnostic-codes.ts fires at the position of what it is about, all at once; a layered bundle
// checks clean, is carried to the reference evaluator, compiles to a graph with its layers, and is refused
// for Cedar (KC2960) through both front doors (a bundle file and a bundle object), never compiled with a
// layer ignored.
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { loadBundle, parseInput } from "../../src/bundle/load-bundle.js";
import { LAYER_DIAGNOSTICS } from "../../src/bundle/layer-diagnostic-codes.js";
import { toPlainBundle } from "../../src/bundle/to-plain-bundle.js";
import { checkSources } from "../../src/normalize/check-sources.js";
import { compileBundle, compileLoadedBundle } from "../../src/pipeline.js";

const K = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const FED = "arn:aws:sts::111122223333:federated-user/F";
const KEY_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] };
const ID_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] };
const FULL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const RCP = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } } }] };
const ENDPOINT = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: K }] };

/** Every layer, well formed. */
const GOOD = {
  keys: { [K]: { policy: KEY_POLICY, grants: [{ name: "g", granteePrincipal: ROLE, operations: ["Decrypt"] }] } },
  principals: { [ROLE]: { policies: [ID_POLICY], boundary: ID_POLICY }, [SESSION]: { sessionPolicies: [ID_POLICY] } },
  organization: { managementAccount: "999999999999", root: { id: "r-1", scps: [FULL], rcps: [RCP], children: [{ ou: "ou-1", children: [{ account: "111122223333" }] }] } },
  endpoints: { "vpce-0a1b": { policy: ENDPOINT } },
};

function load(bundle: unknown) {
  const text = JSON.stringify(bundle, null, 2);
  return { text, loaded: loadBundle(parseInput("/nowhere/bundle.json", "bundle.json", text), "/nowhere") };
}

/** Every diagnostic of a bundle as `CODE text-at-its-span`. */
function found(bundle: unknown): string[] {
  const { text, loaded } = load(bundle);
  return checkSources(loaded).diagnostics.map((d) => `${d.code} ${(d.file === "bundle.json" ? text : "").slice(d.span.start, d.span.end).slice(0, 40)}`);
}

const withOrg = (root: unknown, extra: object = {}) => ({ ...GOOD, organization: { root, ...extra } });
const withGrant = (grant: object) => ({ ...GOOD, keys: { [K]: { policy: KEY_POLICY, grants: [grant] } } });
const deep = (levels: number): unknown => (levels === 0 ? { account: "111122223333" } : { ou: `ou-${levels}`, children: [deep(levels - 1)] });
const rcp = (statement: object) => withOrg({ rcps: [{ Version: "2012-10-17", Statement: [statement] }], children: [{ account: "111122223333" }] });
const scp = (document: object) => withOrg({ scps: [document], children: [{ account: "111122223333" }] });
const bigText = "x".repeat(5_200);

/** One bundle per code, and a text the diagnostic's span must start with. */
const CASES: Record<string, [unknown, string]> = {
  KC2930: [{ ...GOOD, organization: { root: {}, extra: 1 } }, "\"extra\""],
  KC2931: [withOrg({ children: [{ account: "1111" }] }), "\"1111\""],
  KC2932: [withOrg({ children: [{ ou: "ou-a" }, { ou: "ou-a" }] }), "\"ou-a\""],
  KC2933: [withOrg({ children: [deep(6)] }), "{"],
  KC2934: [{ ...GOOD, principals: { [SESSION]: { boundary: ID_POLICY } } }, "\"boundary\""],
  KC2935: [{ ...GOOD, principals: { [ROLE]: { sessionPolicies: [ID_POLICY] } } }, "\"sessionPolicies\""],
  KC2936: [{ ...GOOD, principals: { [SESSION]: { sessionPolicies: Array.from({ length: 12 }, () => ID_POLICY) } } }, "["],
  KC2937: [{ ...GOOD, principals: { [FED]: { federatedBy: ROLE } } }, `"${ROLE}"`],
  KC2938: [{ ...GOOD, principals: { [SESSION]: { policies: [ID_POLICY], sessionPolicies: [ID_POLICY] } } }, "\"sessionPolicies\""],
  KC2939: [{ ...GOOD, endpoints: { "vpc-1": { policy: ENDPOINT } } }, "\"vpc-1\""],
  KC2940: [withGrant({ granteePrincipal: ROLE, operations: ["Decrypt"] }), "{"],
  KC2941: [{ ...GOOD, keys: { [K]: { policy: KEY_POLICY, grants: [{ name: "g", granteePrincipal: ROLE, operations: ["Decrypt"] }, { name: "g", granteePrincipal: ROLE, operations: ["Encrypt"] }] } } }, "\"g\""],
  KC2942: [withGrant({ name: "g", granteePrincipal: ROLE, operations: ["kms:Decrypt"] }), "\"kms:Decrypt\""],
  KC2943: [withGrant({ name: "g", granteePrincipal: "arn:aws:iam::111122223333:group/G", operations: ["Decrypt"] }), "\"arn:aws:iam::111122223333:group/G\""],
  KC2944: [withGrant({ name: "g", granteePrincipal: ROLE, operations: ["Decrypt"], constraints: { encryptionContextSubset: {} } }), "{}"],
  KC2945: [withGrant({ name: "g", granteeServicePrincipal: "logs.amazonaws.com", operations: ["Encrypt"] }), "\"granteeServicePrincipal\""],
  KC2946: [{ ...GOOD, keys: { [K]: { policy: KEY_POLICY, awsManaged: "yes" } } }, "\"yes\""],
  KC2950: [scp({ Version: "2008-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }), "\"2008-10-17\""],
  KC2951: [scp({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/x": bigText } } }] }), "{"],
  KC2952: [scp({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: K }] }), `"${K}"`],
  KC2953: [rcp({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }), "\"Allow\""],
  KC2954: [rcp({ Effect: "Deny", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }), "{"],
  KC2955: [rcp({ Effect: "Deny", Principal: "*", NotAction: "kms:Decrypt", Resource: "*" }), "\"NotAction\""],
  KC2956: [rcp({ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }), "\"*\""],
  KC2957: [rcp({ Effect: "Deny", Principal: "*", Action: "kms:RetireGrant", Resource: "*" }), "\"kms:RetireGrant\""],
  KC2958: [{ ...GOOD, principals: { [SESSION]: { sessionPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/x": "y".repeat(2_100) } } }] }] } } }, "{"],
  KC2959: [{ ...GOOD, endpoints: { "vpce-0a1b": { policy: { ...ENDPOINT, Statement: [{ ...ENDPOINT.Statement[0], Sid: "z".repeat(20_500) }] } } } }, "{"],
};

describe("the layer codes", () => {
  it("every registered layer code but KC2960 (compile) has a case here", () => {
    expect(LAYER_DIAGNOSTICS.map((i) => i.code).filter((c) => c !== "KC2960" && !(c in CASES))).toEqual([]);
  });

  it("a bundle with every layer checks clean", () => {
    expect(found(GOOD)).toEqual([]);
  });

  it.each(Object.entries(CASES))("%s fires at what it is about", (code, [bundle, at]) => {
    const hits = found(bundle).filter((d) => d.startsWith(`${code} `));
    expect(hits.length, found(bundle).join("\n")).toBeGreaterThan(0);
    expect(hits.some((d) => d.slice(code.length + 1).startsWith(at.slice(0, 40))), hits.join("\n")).toBe(true);
  });

  it("reports every error at once", () => {
    const both = { ...withGrant({ name: "g", granteePrincipal: ROLE, operations: ["Nope"] }), endpoints: { "vpc-1": { policy: ENDPOINT } } };
    const codes = found(both).map((d) => d.slice(0, 6));
    expect(codes).toEqual(expect.arrayContaining(["KC2939", "KC2942"]));
  });

  it("checks an SCP as an identity policy (no Principal) and an endpoint policy as a resource policy (Principal required)", () => {
    expect(found(scp({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }] })).map((d) => d.slice(0, 6))).toContain("KC2036");
    expect(found({ ...GOOD, endpoints: { "vpce-0a1b": { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: K }] } } } }).map((d) => d.slice(0, 6))).toContain("KC2037");
  });
});

describe("the graph and Cedar targets compile the layers; what a backend does not decide is refused (fail closed)", () => {
  it("a bundle file: a graph with `layers`, and Cedar from the same check (no KC2960)", () => {
    const { loaded } = load(GOOD);
    const graphOnly = compileLoadedBundle(loaded, { cedar: false });
    expect(graphOnly.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(graphOnly.graph?.layers).toBeDefined();
    const withCedar = compileLoadedBundle(loaded);
    expect(withCedar.graph?.layers).toBeDefined();
    expect(withCedar.cedar).toBeDefined();
    expect(withCedar.diagnostics.filter((d) => d.code === "KC2960")).toEqual([]);
  });

  it("the AVP profile refuses every layer member (KC2960 naming it, at the member); the graph and Cedar are still emitted", () => {
    const { text, loaded } = load(GOOD);
    const result = compileLoadedBundle(loaded, { avp: true });
    expect(result.graph).toBeDefined();
    expect(result.cedar).toBeDefined();
    expect(result.avp).toBeUndefined();
    const refused = result.diagnostics.filter((d) => d.code === "KC2960");
    expect(refused.map((d) => text.slice(d.span.start, d.span.end))).toEqual(["\"grants\"", "\"boundary\"", "\"sessionPolicies\"", "\"organization\"", "\"endpoints\""]);
    for (const d of refused) expect(d.message).toMatch(/^the AVP profile does not decide /);
  });

  it.each([
    ["organization", { organization: { root: {} } }],
    ["endpoints", { endpoints: { "vpce-0a1b": { policy: ENDPOINT } } }],
    ["grants", { keys: { [K]: { policy: KEY_POLICY, grants: [] } } }],
    ["boundary", { principals: { [ROLE]: { policies: [ID_POLICY], boundary: ID_POLICY } } }],
    // A bundle object with layers is checked as its bundle file is: a session lists `policies` or `sessionPolicies` (KC2938).
    ["sessionPolicies", { principals: { [SESSION]: { sessionPolicies: [] } } }],
  ])("a bundle object with %s: a graph with its layers, and Cedar", (_name, extra) => {
    const bundle = { keys: { [K]: { policy: KEY_POLICY } }, ...extra } as never;
    const graphOnly = compileBundle(bundle, { cedar: false });
    expect(graphOnly.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(graphOnly.graph?.layers).toBeDefined();
    const result = compileBundle(bundle);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.cedar).toBeDefined();
  });

  it("per backend: `federatedBy` compiles to a graph, and Cedar refuses it (KC2960, an error)", () => {
    const federated = compileBundle({ keys: { [K]: { policy: KEY_POLICY } }, principals: { "arn:aws:sts::111122223333:federated-user/Fed": { federatedBy: "arn:aws:iam::111122223333:user/Bob" } } } as never);
    expect(federated.graph?.layers).toBeDefined();
    expect(federated.cedar).toBeUndefined();
    expect(federated.diagnostics.filter((d) => d.code === "KC2960" && d.severity === "error").map((d) => d.message)).toEqual([
      "the Cedar backend does not decide a federated user's federating user (`federatedBy`) yet",
    ]);
  });

  it("a bundle without layer members compiles as before: no `layers` in its graph, Cedar emitted", () => {
    const result = compileBundle({ keys: { [K]: { policy: KEY_POLICY } }, principals: { [ROLE]: { policies: [ID_POLICY] } } });
    expect(result.graph).toBeDefined();
    expect(result.graph!.layers).toBeUndefined();
    expect(result.cedar).toBeDefined();
  });
});

describe("the plain bundle the reference evaluator reads", () => {
  it("carries every layer, so the reference decides it", () => {
    const plain = toPlainBundle(load(GOOD).loaded);
    if ("failed" in plain) throw new Error(plain.failed);
    const bundle = plain.bundle as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual(["endpoints", "keys", "organization", "principals"]);
    // The RCP denies a caller outside o-1; inside, the session's policy and the role's boundary allow.
    const request = { principal: SESSION, action: "kms:Decrypt", resource: K };
    expect(evaluateReference(plain.bundle, request)).toMatchObject({ decision: "ExplicitDeny", reasons: [{ layer: "rcp", policy: "organization[r-1].rcps[0]" }] });
    expect(evaluateReference(plain.bundle, { ...request, context: { "aws:PrincipalOrgID": "o-1" } })).toMatchObject({ decision: "Allow" });
    expect(evaluateReference(plain.bundle, { ...request, context: { "aws:PrincipalOrgID": "o-1", "aws:SourceVpce": "vpce-0a1b" } })).toMatchObject({ decision: "Allow" });
    expect(evaluateReference(plain.bundle, { ...request, action: "kms:Encrypt", context: { "aws:PrincipalOrgID": "o-1", "aws:SourceVpce": "vpce-0a1b" } }))
      .toMatchObject({ decision: "ImplicitDeny", reasons: [{ layer: "endpoint" }] });
  });
});

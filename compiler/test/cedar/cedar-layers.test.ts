// Cedar decides the layers (docs/cedar-mapping.md "Layers"): small bundles, each decision authored from
// docs/semantics/ (not read from any engine's output), and checked against the reference too.
import { compileBundle, emitCedarProbes } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference, explainReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";

const A = "111122223333";
const B = "444455556666";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const KEY_B = `arn:aws:kms:us-west-2:${B}:key/2222bbbb-2222-2222-2222-222222222222`;
const APP = `arn:aws:iam::${A}:role/App`;
const S1 = `arn:aws:sts::${A}:assumed-role/App/s1`;
const S2 = `arn:aws:sts::${A}:assumed-role/App/s2`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const FED = `arn:aws:sts::${A}:federated-user/Fed`;
const SLR = `arn:aws:iam::${A}:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps`;
const PARTNER = `arn:aws:iam::${B}:role/Partner`;
const WORKER = `arn:aws:iam::${A}:role/Worker`;

type Doc = Record<string, unknown>;
const doc = (...statements: Doc[]): Doc => ({ Version: "2012-10-17", Statement: statements });
const allowAll = doc({ Effect: "Allow", Action: "kms:*", Resource: "*" });
const enableIam = (account: string): Doc => doc({ Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" });
const only = (...actions: string[]): Doc => doc({ Effect: "Allow", Action: actions, Resource: "*" });

/** Decides each request on Cedar and on the reference; returns Cedar's outcomes (the reference must agree). */
function decideAll(bundle: Doc, requests: readonly Doc[]): string[] {
  const compiled = compileBundle(bundle as never);
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const cedar = createCedarAuthorizer(compiled.cedar!);
  return requests.map((request) => {
    const got = outcome(cedar.decide(request));
    expect(got, `reference on ${JSON.stringify(request)}`).toBe(outcome(evaluateReference(bundle as never, request)));
    return got;
  });
}

function outcome(r: DecisionResult): string {
  if ("error" in r) return r.error.code;
  const layers = [...new Set(r.reasons.map((reason) => reason.layer).filter((l) => l !== undefined))];
  return r.decision === "Allow" || layers.length === 0 ? r.decision : `${r.decision}:${layers.join(",")}`;
}

const req = (principal: string, action: string, resource = KEY, context: Record<string, string | string[]> = {}): Doc =>
  ({ principal, action: `kms:${action}`, resource, context });

describe("Cedar: SCPs", () => {
  it("every level must allow; the management account and service-linked roles are exempt; a Deny is explicit", () => {
    const bundle = {
      keys: { [KEY]: { policy: enableIam(A) }, [KEY_B]: { policy: enableIam(B) } },
      principals: { [APP]: { policies: [allowAll] }, [SLR]: { policies: [allowAll] }, [`arn:aws:iam::${B}:role/Admin`]: { policies: [allowAll] } },
      organization: {
        managementAccount: B,
        root: {
          id: "r-t", scps: [allowAll],
          children: [
            { ou: "ou-t", scps: [only("kms:Decrypt", "kms:Encrypt"), doc({ Effect: "Deny", Action: "kms:Encrypt", Resource: "*" })], children: [{ account: A }] },
            { account: B, scps: [doc({ Effect: "Deny", Action: "kms:*", Resource: "*" })] },
          ],
        },
      },
    };
    expect(decideAll(bundle, [
      req(APP, "Decrypt"), // every level allows
      req(APP, "DescribeKey"), // ou-t has no Allow for it (scp.md §3): implicit, the scp layer
      req(APP, "Encrypt"), // a Deny at ou-t: explicit
      req(SLR, "Encrypt"), // service-linked role: no SCP applies (scp.md §2)
      req(`arn:aws:iam::${B}:role/Admin`, "Encrypt", KEY_B), // the management account: no SCP applies, even its own Deny
    ])).toEqual(["Allow", "ImplicitDeny:scp", "ExplicitDeny:scp", "Allow", "Allow"]);
  });
});

describe("Cedar: explanations name the layer that decided", () => {
  it("an SCP level without an Allow, a boundary Deny", () => {
    const bundle = {
      keys: { [KEY]: { policy: enableIam(A) } },
      principals: { [APP]: { policies: [allowAll], boundary: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }, { Effect: "Deny", Action: "kms:Encrypt", Resource: "*" }) } },
      organization: { root: { scps: [only("kms:Decrypt", "kms:Encrypt")], children: [{ account: A }] } },
    };
    const cedar = createCedarAuthorizer(compileBundle(bundle as never).cedar!);
    const layersOf = (request: Doc): string[] => {
      const explained = cedar.explain(request);
      if ("error" in explained) return [explained.error.code];
      if (!("reasons" in explained)) return ["an operation"];
      return explained.reasons.map((r) => `${explained.decision} ${r.layer ?? "-"} ${r.policy}`);
    };
    expect(layersOf(req(APP, "DescribeKey"))).toEqual(["ImplicitDeny scp organization[root].scps"]);
    expect(layersOf(req(APP, "Encrypt"))).toEqual([`ExplicitDeny boundary principals[${APP}].boundary`]);
  });
});

describe("explanations of an Allow by a grant", () => {
  it("name the grant in every engine, after the statements that hold (Cedar's probes test no grant)", () => {
    // Worker has no identity policy; the key policy names only the account: the grant alone allows Worker,
    // and for Bob (an identity Allow) the key policy's account statement and the grant both hold.
    const bundle = {
      keys: { [KEY]: { policy: enableIam(A), grants: [{ name: "g1", granteePrincipal: WORKER, operations: ["Decrypt"] }, { name: "g2", granteePrincipal: BOB, operations: ["Decrypt"] }] } },
      principals: { [BOB]: { policies: [allowAll] } },
    };
    const compiled = compileBundle(bundle as never);
    const engines = { graph: createAuthorizer(compiled.graph!), cedar: createCedarAuthorizer({ ...compiled.cedar!, explain: emitCedarProbes(compiled.graph!) }) };
    const explained = (explain: (r: Doc) => unknown, request: Doc): string[] => {
      const e = explain(request) as { decision: string; reasons: { policy: string; path?: string }[] };
      return e.reasons.map((r) => `${e.decision} ${r.path} ${r.policy}`);
    };
    const grant = (name: string): string => `Allow grant keys[${KEY}].grants[${name}]`;
    const expected: [Doc, string[]][] = [
      [req(`arn:aws:sts::${A}:assumed-role/Worker/w1`, "Decrypt"), [grant("g1")]],
      [req(BOB, "Decrypt"), [`Allow key-account keys[${KEY}]`, `Allow identity principals[${BOB}][0]`, grant("g2")]],
    ];
    for (const [request, reasons] of expected) {
      expect(explained((r) => explainReference(bundle as never, r), request), "reference").toEqual(reasons);
      expect(explained((r) => engines.graph.explain(r), request), "graph").toEqual(reasons);
      expect(explained((r) => engines.cedar.explain(r), request), "cedar").toEqual(reasons);
    }
  });
});

describe("Cedar: an encoder that ignores the layers", () => {
  it("gets nothing allowed (the layers-placed forbid), never the layers' forbids skipped", () => {
    const bundle = { keys: { [KEY]: { policy: enableIam(A) } }, principals: { [APP]: { policies: [allowAll] } }, organization: { root: { scps: [allowAll], children: [{ account: A }] } } };
    const files = compileBundle(bundle as never).cedar!;
    const { layers: _layers, ...unaware } = JSON.parse(files.manifest) as Record<string, unknown>;
    expect(outcome(createCedarAuthorizer(files).decide(req(APP, "Decrypt")))).toBe("Allow");
    expect(outcome(createCedarAuthorizer({ ...files, manifest: JSON.stringify(unaware) }).decide(req(APP, "Decrypt")))).toBe("ImplicitDeny");
  });
});

describe("Cedar: permissions boundaries and session policies", () => {
  const keyPolicy = doc(
    { Sid: "Bob", Effect: "Allow", Principal: { AWS: BOB }, Action: "kms:*", Resource: "*" },
    { Sid: "App", Effect: "Allow", Principal: { AWS: APP }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" },
    { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
  );
  it("a boundary caps a key policy naming the role (KDcap) and identity, not one naming the user (KDfree) in the same account", () => {
    const bundle = {
      keys: { [KEY]: { policy: keyPolicy } },
      principals: {
        [BOB]: { policies: [allowAll], boundary: only("kms:DescribeKey") },
        [APP]: { policies: [allowAll], boundary: doc({ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" }, { Effect: "Deny", Action: "kms:ListKeys", Resource: "*" }) },
      },
    };
    expect(decideAll(bundle, [
      req(BOB, "Decrypt"), // KDfree: the boundary does not cap it (permission-boundary.md §3)
      req(APP, "Decrypt"), // KDcap: the boundary does not allow Decrypt
      req(S1, "Decrypt"), // a session of App: its role's boundary caps it
      req(APP, "DescribeKey"),
      req(APP, "Encrypt"), // KA ∧ I, capped
      req(APP, "ListKeys", "*"), // a boundary Deny: explicit, on every path
    ])).toEqual(["Allow", "ImplicitDeny:boundary", "ImplicitDeny:boundary", "Allow", "ImplicitDeny:boundary", "ExplicitDeny:boundary"]);
  });

  it("session policies narrow a role session; a federated user with none is denied on capped paths only", () => {
    const bundle = {
      keys: { [KEY]: { policy: doc(
        { Sid: "Fed", Effect: "Allow", Principal: { AWS: FED }, Action: "kms:Decrypt", Resource: "*" },
        { Sid: "Any", Effect: "Allow", Principal: "*", Action: "kms:DescribeKey", Resource: "*" },
        { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
      ) } },
      principals: {
        [APP]: { policies: [allowAll] },
        [S1]: { sessionPolicies: [only("kms:Decrypt")] },
        [FED]: { sessionPolicies: [] },
      },
    };
    expect(decideAll(bundle, [
      req(S1, "Decrypt"), // identity ∧ session policy
      req(S1, "Encrypt"), // the session policy does not allow it
      req(S2, "Encrypt"), // no session policy for s2: not capped
      req(FED, "Decrypt"), // named by its own ARN (KDfree): no cap
      req(FED, "DescribeKey"), // named by `*` (KDcap), no session policy allows it (session-policy.md §2)
    ])).toEqual(["Allow", "ImplicitDeny:session", "Allow", "Allow", "ImplicitDeny:session"]);
  });
});

describe("Cedar: VPC endpoint policies and RCPs", () => {
  it("an endpoint is a second required Allow for requests through it; its Deny is explicit; an unknown endpoint is KR0010", () => {
    const bundle = {
      keys: { [KEY]: { policy: enableIam(A) } },
      principals: { [APP]: { policies: [allowAll] } },
      endpoints: { "vpce-11aa": { policy: doc(
        { Effect: "Allow", Principal: "*", Action: ["kms:Decrypt", "kms:Encrypt"], Resource: "*" },
        { Effect: "Deny", Principal: "*", Action: "kms:Encrypt", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": B } } },
      ) } },
    };
    const through = { "aws:SourceVpce": "vpce-11aa" };
    expect(decideAll(bundle, [
      req(APP, "Decrypt", KEY, through),
      req(APP, "DescribeKey", KEY, through), // no endpoint Allow
      req(APP, "DescribeKey"), // not through the endpoint: it does not apply
      req(APP, "Encrypt", KEY, through), // the endpoint's Deny
      req(APP, "Decrypt", KEY, { "aws:SourceVpce": "vpce-99zz" }),
      req(APP, "Decrypt", KEY, { ...through, "aws:SourceIp": "10.0.0.1" }), // no SourceIp on the endpoint path: KR0011
    ])).toEqual(["Allow", "ImplicitDeny:endpoint", "Allow", "ExplicitDeny:endpoint", "KR0010", "KR0011"]);
  });

  it("an endpoint Allow without Resource never applies (KC2035): the request through it is not allowed", () => {
    // Regression: Cedar once lowered endpoint policies a second time as identity policies, where a
    // statement without Resource applies to every resource (a wrong Allow the graph did not make).
    const bundle = {
      keys: { [KEY]: { policy: enableIam(A) } },
      principals: { [APP]: { policies: [allowAll] } },
      endpoints: { "vpce-11aa": { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt" }) } },
    };
    expect(compileBundle(bundle as never).diagnostics.map((d) => d.code)).toEqual(["KC2035"]);
    expect(decideAll(bundle, [req(APP, "Decrypt", KEY, { "aws:SourceVpce": "vpce-11aa" }), req(APP, "Decrypt")]))
      .toEqual(["ImplicitDeny:endpoint", "Allow"]);
  });

  it("an RCP Deny applies to every caller of the key's account chain, not to AWS managed keys", () => {
    const rcp = doc({ Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalAccount": A } } });
    const keyPolicy = doc(
      { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
      { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "kms:Decrypt", Resource: "*" },
    );
    const managed = `arn:aws:kms:us-west-2:${A}:key/3333cccc-3333-3333-3333-333333333333`;
    const bundle = {
      keys: { [KEY]: { policy: keyPolicy }, [managed]: { policy: keyPolicy, awsManaged: true } },
      principals: { [APP]: { policies: [allowAll] }, [PARTNER]: { policies: [allowAll] } },
      organization: { root: { rcps: [rcp], children: [{ account: A }] } },
    };
    expect(decideAll(bundle, [
      req(APP, "Decrypt"),
      req(PARTNER, "Decrypt"), // outside the perimeter: the RCP Deny (the caller's account is outside the organization)
      req(PARTNER, "Decrypt", managed), // RCPs do not apply to AWS managed keys (rcp.md §2)
    ])).toEqual(["Allow", "ExplicitDeny:rcp", "Allow"]);
  });
});

describe("Cedar: grants", () => {
  const bundle = {
    keys: { [KEY]: {
      policy: enableIam(A),
      grants: [{
        name: "worker", granteePrincipal: WORKER, retiringPrincipal: APP, operations: ["Decrypt", "DescribeKey", "RetireGrant"],
        constraints: { encryptionContextSubset: { Dept: "IT" } },
      }],
    } },
    principals: { [APP]: { policies: [allowAll] }, [WORKER]: { policies: [] } },
  };
  it("allow the grantee its operations when the constraints hold (keys and values exactly); never deny", () => {
    expect(decideAll(bundle, [
      req(WORKER, "Decrypt", KEY, { "kms:EncryptionContext:Dept": "IT" }),
      req(`arn:aws:sts::${A}:assumed-role/Worker/w1`, "Decrypt", KEY, { "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContext:Team": "x" }), // a session of the grantee role; a subset
      req(WORKER, "Decrypt", KEY, { "kms:EncryptionContext:Dept": "HR" }), // the value differs
      req(WORKER, "Decrypt", KEY, { "kms:EncryptionContext:dept": "IT" }), // grants.md §2 Our rule: the key compared exactly
      req(WORKER, "Decrypt"), // no encryption context
      req(WORKER, "DescribeKey"), // the constraint is ignored for DescribeKey
      req(WORKER, "Encrypt", KEY, { "kms:EncryptionContext:Dept": "IT" }), // not one of its operations
    ])).toEqual(["Allow", "Allow", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "Allow", "ImplicitDeny"]);
  });
  it("--pure-cedar refuses a grant's constraints (KC3012, a derived attribute); a grant without constraints is pure Cedar", () => {
    const pure = compileBundle(bundle as never, { pureCedar: true });
    expect(pure.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, (d as { location?: string }).location])).toEqual([["KC3012", `keys[${KEY}].grants[worker]`]]);
    expect(pure.cedar).toBeUndefined();
    const plainGrant = { ...bundle, keys: { [KEY]: { policy: enableIam(A), grants: [{ name: "w", granteePrincipal: WORKER, operations: ["Decrypt"] }] } } };
    expect(compileBundle(plainGrant as never, { pureCedar: true }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
  it("RetireGrant stays denied, even for the retiring principal (no request names a grant yet, grants.md §4)", () => {
    expect(decideAll(bundle, [req(APP, "RetireGrant"), req(WORKER, "RetireGrant")])).toEqual(["ImplicitDeny", "ImplicitDeny"]);
  });
  it("number their constraint attributes per key: the schema declares as many as one key has, each key's grants decide on that key only", () => {
    const KEY2 = `arn:aws:kms:us-west-2:${A}:key/3333cccc-3333-3333-3333-333333333333`;
    const KEY3 = `arn:aws:kms:us-west-2:${A}:key/4444dddd-4444-4444-4444-444444444444`;
    const grant = (name: string, dept: string, operations = ["Decrypt"]) => ({ name, granteePrincipal: WORKER, operations, constraints: { encryptionContextSubset: { Dept: dept } } });
    const perKey = {
      keys: {
        [KEY]: { policy: enableIam(A), grants: [grant("it", "IT"), { name: "plain", granteePrincipal: APP, operations: ["Encrypt"] }, grant("hr", "HR", ["Encrypt"])] },
        [KEY2]: { policy: enableIam(A), grants: [grant("ops", "Ops", ["Encrypt"])] },
        [KEY3]: { policy: enableIam(A), grants: [grant("fin", "Fin"), grant("it3", "IT", ["Encrypt"])] },
      },
      principals: { [APP]: { policies: [] }, [WORKER]: { policies: [] } },
    };
    const compiled = compileBundle(perKey as never);
    const schema = compiled.cedar!.schema as string;
    // Five constrained grants on three keys, at most two on one key: two attributes, not five.
    expect([...schema.matchAll(/"(grant#\d+)"\?: Bool/g)].map((m) => m[1])).toEqual(["grant#0", "grant#1"]);
    const manifest = JSON.parse(compiled.cedar!.manifest as string) as { layers: { grants: { attribute: string; key: string }[] } };
    expect(manifest.layers.grants.map((g) => [g.key, g.attribute])).toEqual([[KEY, "grant#0"], [KEY, "grant#1"], [KEY2, "grant#0"], [KEY3, "grant#0"], [KEY3, "grant#1"]]);
    const ec = (dept: string) => ({ "kms:EncryptionContext:Dept": dept });
    expect(decideAll(perKey, [
      req(WORKER, "Decrypt", KEY, ec("IT")), // KEY's grant#0
      req(WORKER, "Encrypt", KEY, ec("HR")), // KEY's grant#1 (after a grant without constraints)
      req(WORKER, "Encrypt", KEY, ec("Ops")), // KEY2's grant#0 holds, not KEY's
      req(WORKER, "Encrypt", KEY2, ec("Ops")),
      req(WORKER, "Encrypt", KEY2, ec("HR")), // KEY's grant#1 holds, KEY2 has none of that number
      req(WORKER, "Decrypt", KEY3, ec("IT")), // KEY's grant#0 holds, not KEY3's
      req(WORKER, "Decrypt", KEY3, ec("Fin")),
      req(WORKER, "Encrypt", KEY3, ec("IT")), // KEY3's grant#1
      req(APP, "Encrypt", KEY), // the grant without constraints
    ])).toEqual(["Allow", "Allow", "ImplicitDeny", "Allow", "ImplicitDeny", "ImplicitDeny", "Allow", "Allow", "Allow"]);
  });
});

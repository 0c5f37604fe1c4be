// The analysis over bundles with layers the graph decides: permissions boundaries, session policies,
// federating users, the organization's SCPs and RCPs (and AWS managed keys). Each diff goes through
// `kms-cedar diff`, so every witness is decided as reported by the reference evaluator, the graph and
// Cedar; a sampled check holds the classes to the graph on requests the space did not choose.
// Endpoint policies and grants stay refused (KA0008).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffGraphs, prepareInput, runAnalysisCli } from "@kms-cedar/analysis";
import { compileBundle } from "@kms-cedar/compiler";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Request } from "@kms-cedar/runtime";
import { sampledDifferencesAreReported } from "./property-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "kms-cedar-layers-"));
let files = 0;
const write = (value: unknown): string => {
  const file = join(dir, `b${files++}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
async function diffJson(a: unknown, b: unknown): Promise<{ code: number; json: { equivalent: boolean; changes: { from: string; to: string; witness: Request; class: { principals: string[]; actions: string[]; resources: string[]; condition: string[] } }[] }; err: string }> {
  let out = "";
  let err = "";
  const code = await runAnalysisCli(["diff", write(a), write(b), "--format", "json"], { cwd: dir, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, json: code === 2 ? { equivalent: false, changes: [] } : JSON.parse(out), err };
}

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1111aaaa-1111-1111-1111-111111111111`;
const MANAGED = `arn:aws:kms:us-west-2:${ACCOUNT}:key/2222bbbb-2222-2222-2222-222222222222`;
const APP = `arn:aws:iam::${ACCOUNT}:role/App`;
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const rootKeyPolicy = doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" });
const base = (app: object = {}) => ({
  keys: { [KEY]: { policy: rootKeyPolicy } },
  principals: { [APP]: { policies: [doc({ Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt"], Resource: "*" })], ...app } },
});
const boundary = (...Statement: object[]) => ({ boundary: doc(...Statement) });
const onlyTaggedDecrypt = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } };

describe("diff with a permissions boundary", () => {
  it("finds what the boundary takes away, for the role and its sessions, with witnesses the three engines confirm", async () => {
    const { code, json, err } = await diffJson(base(), base(boundary(onlyTaggedDecrypt)));
    expect(err).toBe("");
    expect(code).toBe(1);
    const lost = json.changes.filter((c) => c.from === "Allow" && c.to === "ImplicitDeny");
    expect(lost.flatMap((c) => c.class.actions).sort()).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:Encrypt"]));
    expect(new Set(lost.flatMap((c) => c.class.principals))).toEqual(new Set([APP, `arn:aws:sts::${ACCOUNT}:assumed-role/App/fresh-session`]));
    // Decrypt is lost only where the key is not tagged Project=Alpha.
    const decrypt = lost.find((c) => c.class.actions.includes("kms:Decrypt"))!;
    expect(decrypt.class.condition.join(" ")).toContain('aws:resourcetag/project not = "Alpha"');
    expect(json.changes.every((c) => c.from === "Allow" && c.to === "ImplicitDeny")).toBe(true);
  });

  it("a boundary said in other words is equivalent", async () => {
    const split = boundary(
      { Effect: "Allow", Action: "kms:decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": ["Alpha"] } } },
      { Effect: "Allow", Action: "kms:Decrypt", Resource: KEY, Condition: { StringLike: { "aws:ResourceTag/Project": "Alpha" } } },
    );
    const { code, json } = await diffJson(base(boundary(onlyTaggedDecrypt)), base(split));
    expect([code, json.equivalent]).toEqual([0, true]);
  });
});

describe("diff with session policies and a federating user", () => {
  const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/App/batch`;
  const USER = `arn:aws:iam::${ACCOUNT}:user/Broker`;
  const FED = `arn:aws:sts::${ACCOUNT}:federated-user/Visitor`;
  const withSession = (sessionPolicies: object[]) => ({ ...base(), principals: { ...base().principals, [SESSION]: { sessionPolicies } } });

  it("a session policy narrows that session only", async () => {
    const { code, json, err } = await diffJson(withSession([doc({ Effect: "Allow", Action: "kms:*", Resource: "*" })]), withSession([doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" })]));
    expect(err).toBe("");
    expect(code).toBe(1);
    expect(json.changes.map((c) => [c.from, c.to, c.class.principals, c.class.actions])).toEqual([["Allow", "ImplicitDeny", [SESSION], ["kms:Encrypt"]]]);
  });

  it("a federated user has its federating user's identity policies, capped by its session policy (graph and reference; Cedar refuses federatedBy, KC2960)", () => {
    const bundle = (fedSession: string) => ({
      ...base(),
      principals: {
        ...base().principals,
        [USER]: { policies: [doc(onlyTaggedDecrypt)] },
        [FED]: { federatedBy: USER, sessionPolicies: [doc({ Effect: "Allow", Action: fedSession, Resource: "*" })] },
      },
    });
    const graph = (b: object) => {
      const compiled = compileBundle(b as never, { cedar: false });
      expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      return compiled.graph!;
    };
    const diff = diffGraphs(graph(bundle("kms:*")), graph(bundle("kms:Encrypt")));
    expect(diff.classes.map((c) => [c.from, c.to, c.principals, c.actions, c.condition])).toEqual([["Allow", "ImplicitDeny", [FED], ["kms:Decrypt"], ['aws:resourcetag/project = "Alpha"']]]);
    const witness = diff.classes[0]!.witness;
    expect([evaluateReference(bundle("kms:*") as never, witness), evaluateReference(bundle("kms:Encrypt") as never, witness)].map((d) => ("decision" in d ? d.decision : d.error.code))).toEqual(["Allow", "ImplicitDeny"]);
  });
});

describe("diff with the organization's SCPs and RCPs", () => {
  const org = (root: object, managementAccount?: string) => ({
    ...base(),
    keys: { [KEY]: { policy: rootKeyPolicy }, [MANAGED]: { policy: rootKeyPolicy, awsManaged: true } },
    organization: { ...(managementAccount !== undefined ? { managementAccount } : {}), root: { id: "r-root", ...root, children: [{ account: ACCOUNT }] } },
  });
  const denyDeletion = { Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalTag/admin": "true" } } };
  const fullAccess = { Effect: "Allow", Action: "*", Resource: "*" };

  it("an SCP Deny on ScheduleKeyDeletion without the admin tag: the account's callers, not a service-linked role", async () => {
    const before = org({});
    const after = org({ scps: [doc(fullAccess, denyDeletion)] });
    const { code, json } = await diffJson(before, after);
    expect(code).toBe(1);
    expect(json.changes.every((c) => c.to === "ExplicitDeny" && c.class.actions.join() === "kms:ScheduleKeyDeletion")).toBe(true);
    const principals = json.changes.flatMap((c) => c.class.principals);
    expect(principals).toContain(`arn:aws:iam::${ACCOUNT}:root`);
    expect(principals.some((p) => p.includes("aws-service-role"))).toBe(false);
    expect(principals.every((p) => p.includes(`::${ACCOUNT}:`))).toBe(true);
    expect(json.changes.flatMap((c) => c.class.condition).join(" ")).toContain("aws:principaltag/admin");
    // Said in two SCPs instead of one: the same ceiling.
    const split = await diffJson(after, org({ scps: [doc(fullAccess), doc(denyDeletion)] }));
    expect([split.code, split.json.equivalent]).toEqual([0, true]);
    // The management account is exempt: nothing changes.
    const exempt = await diffJson(org({}, ACCOUNT), org({ scps: [doc(fullAccess, denyDeletion)] }, ACCOUNT));
    expect([exempt.code, exempt.json.equivalent]).toEqual([0, true]);
  });

  it("an RCP Deny for callers outside the organization: not on the AWS managed key", async () => {
    const rcp = doc({ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } } });
    const { code, json } = await diffJson(org({}), org({ rcps: [rcp] }));
    expect(code).toBe(1);
    const resources = new Set(json.changes.flatMap((c) => c.class.resources));
    expect(resources.has(KEY)).toBe(true);
    expect(resources.has(MANAGED)).toBe(false);
    // Only callers outside the organization's id (absent or another) lose access.
    expect(json.changes.flatMap((c) => c.class.condition).join(" ")).toContain("aws:principalorgid");
    expect(json.changes.every((c) => c.to === "ExplicitDeny")).toBe(true);
  });

  it("a service-linked role is a caller class of its own: SCPs do not cap it", async () => {
    // Every SCP denies everything; NEW opens the key to any principal: only callers the SCPs skip gain.
    const open = (extra: object[]) => ({ ...org({ scps: [doc({ Effect: "Deny", Action: "*", Resource: "*" })] }), keys: { [KEY]: { policy: doc(...(rootKeyPolicy.Statement as object[]), ...extra) } } });
    const { code, json } = await diffJson(open([]), open([{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }]));
    expect(code).toBe(1);
    const gained = json.changes.filter((c) => c.to === "Allow").flatMap((c) => c.class.principals);
    expect(gained.some((p) => p.startsWith(`arn:aws:iam::${ACCOUNT}:role/aws-service-role/`))).toBe(true);
    expect(gained.filter((p) => p.includes(`::${ACCOUNT}:`)).every((p) => p.includes("aws-service-role"))).toBe(true);
  });

  it("every sampled difference of an SCP change is in a reported class", () => {
    const a = prepareInput("a", org({})).graph;
    const b = prepareInput("b", org({ scps: [doc(fullAccess, denyDeletion)] })).graph;
    const diff = diffGraphs(a, b);
    const callers = [APP, `arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ops.amazonaws.com/Linked`, `arn:aws:sts::${ACCOUNT}:assumed-role/Other/s`, `arn:aws:iam::${OTHER}:user/u`, `arn:aws:iam::${ACCOUNT}:user/path/u2`];
    const tags = [undefined, "true", "false", "TRUE"];
    const samples: Request[] = [];
    for (const principal of callers) {
      for (const admin of tags) {
        for (const action of ["kms:ScheduleKeyDeletion", "kms:Decrypt", "kms:CreateKey"]) {
          const resource = action === "kms:CreateKey" ? "*" : KEY;
          samples.push({ principal, action, resource, ...(admin !== undefined ? { context: { "aws:PrincipalTag/admin": admin } } : {}) });
        }
      }
    }
    expect(sampledDifferencesAreReported(diff, a, b, samples)).toBeUndefined();
    expect(diff.equivalent).toBe(false);
  });
});

describe("layers the analysis refuses (KA0008)", () => {
  it("endpoint policies and grants, with the reason", async () => {
    const endpoints = { ...base(), endpoints: { "vpce-1a2b": { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }) } } };
    const e = await diffJson(base(), endpoints);
    expect(e.code).toBe(2);
    expect(e.err).toContain("KA0008");
    expect(e.err).toContain("aws:SourceVpce");
    const grants = { ...base(), keys: { [KEY]: { policy: rootKeyPolicy, grants: [{ name: "g1", operations: ["Decrypt"], granteePrincipal: APP }] } } };
    const g = await diffJson(base(), grants);
    expect(g.code).toBe(2);
    expect(g.err).toContain("KA0008");
    expect(g.err).toContain("EncryptionContextEquals");
  });
});

// `kms-cedar eval`: decisions in input order matching the hand-derived expectations of the ABAC
// example, the JSON and text shapes, error entries, single policy files, paths relative to the
// bundle, and the exit statuses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runKmsCedar, tempFiles } from "./run-cli-process.js";

interface Reason { policy: string; statement: number; effect: string; sid?: string }
interface Entry { decision?: string; reasons?: Reason[]; error?: { code: string; message: string } }

const K1 = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const expected = JSON.parse(readFileSync(join(REPO, "examples/abac/expected.json"), "utf8")) as Entry[];

function statements(entry: Entry | undefined): string[] {
  return (entry?.reasons ?? []).map((r) => `${r.policy}#${r.statement}`).sort();
}

function evalJson(args: string[], cwd?: string): { status: number | null; entries: Entry[]; stderr: string } {
  const run = runKmsCedar(["eval", ...args, "--format", "json"], cwd);
  return { status: run.status, entries: run.status === 0 ? (JSON.parse(run.stdout) as Entry[]) : [], stderr: run.stderr };
}

describe("kms-cedar eval", () => {
  it("a bundle with layers: --engine all compares the three engines on examples/organization", () => {
    const dir = tempFiles({ "requests.json": readFileSync(join(REPO, "examples/organization/tests.json"), "utf8") });
    const run = runKmsCedar(["eval", join(REPO, "examples/organization/bundle.json"), "--requests", join(dir, "requests.json"), "--engine", "all", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, Entry>[];
    const wanted = JSON.parse(readFileSync(join(REPO, "examples/organization/tests.json"), "utf8")) as { expect: string }[];
    rows.forEach((row, i) => {
      for (const engine of ["reference", "graph", "cedar"]) expect({ i, engine, got: row[engine]?.decision ?? row[engine]?.error?.code }).toEqual({ i, engine, got: wanted[i]!.expect });
    });
  });

  it("a bundle with `federatedBy`: --engine all compares the reference and the graph, Cedar skipped with KC2960 on stderr", () => {
    const user = "arn:aws:iam::111122223333:user/Bob";
    const fed = "arn:aws:sts::111122223333:federated-user/Fed";
    const key = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
    const allow = (principal?: unknown) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...(principal ? { Principal: principal } : {}), Action: "kms:Decrypt", Resource: "*" }] });
    const dir = tempFiles({
      "bundle.json": JSON.stringify({ keys: { [key]: { policy: allow({ AWS: "arn:aws:iam::111122223333:root" }) } }, principals: { [user]: { policies: [allow()] }, [fed]: { federatedBy: user, sessionPolicies: [allow()] } } }),
      "requests.json": JSON.stringify([{ principal: fed, action: "kms:Decrypt", resource: key }]),
    });
    const run = runKmsCedar(["eval", join(dir, "bundle.json"), "--requests", join(dir, "requests.json"), "--engine", "all", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("kms-cedar: cedar skipped: KC2960 the Cedar backend does not decide");
    const rows = JSON.parse(run.stdout) as Record<string, Entry>[];
    expect(Object.keys(rows[0]!)).not.toContain("cedar");
    // The federating user's identity Allow and the session policy allow it (session-policy.md §2).
    expect(rows[0]!["graph"]?.decision).toBe("Allow");
  });

  it("decides the ABAC example as derived by hand (examples/abac/expected.json), in input order", () => {
    const { status, entries } = evalJson(["examples/abac/bundle.json", "--requests", "examples/abac/requests.json"]);
    expect(status).toBe(0);
    expect(entries).toHaveLength(expected.length);
    entries.forEach((entry, i) => {
      expect({ i, decision: entry.decision }).toEqual({ i, decision: expected[i]?.decision });
      expect({ i, statements: statements(entry) }).toEqual({ i, statements: statements(expected[i]) });
    });
  });

  it("prints one line per request in text: index, decision, summary, deciding statements numbered from 1", () => {
    const run = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(expected.length);
    expect(lines[0]).toMatch(/^\[0\] +Allow +kms:Decrypt by arn:aws:sts::111122223333:assumed-role\/App\/s1 on arn:aws:kms:us-west-2:111122223333:key\/1111aaaa-1111-1111-1111-111111111111 — /);
    expect(lines[0]).toContain(`keys[${K1}] statement 1 (Sid "Enable IAM User Permissions")`);
    expect(lines[4]).toMatch(/^\[4\] +ExplicitDeny .* — principals\[arn:aws:iam::111122223333:role\/App\]\[0\] statement 2 \(Sid "DenyReservedKeys"\)$/);
    expect(lines[10]).toMatch(/^\[10\] ImplicitDeny /);
  });

  it("answers a malformed entry or an undecidable request with an error entry in its place", () => {
    const requests = JSON.stringify([
      { principal: SESSION, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } },
      { principal: SESSION, action: "kms:Decrypt" },
      { principal: SESSION, action: "kms:Decrypt", resource: "arn:aws:kms:us-west-2:111122223333:key/9999" },
      { operation: "kms:ReEncrypt", checks: [
        { principal: SESSION, action: "kms:ReEncryptFrom", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } },
        { principal: SESSION, action: "kms:ReEncryptTo", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } },
      ] },
    ]);
    const dir = tempFiles({ "r.json": requests });
    const { status, entries } = evalJson([join(REPO, "examples/abac/bundle.json"), "--requests", join(dir, "r.json")]);
    expect(status).toBe(0);
    expect(entries.map((e) => e.decision ?? e.error?.code)).toEqual(["Allow", "KR0007", "KR0004", "ImplicitDeny"]);
    expect(entries[1]?.error?.message).toContain("request 1: malformed request: request field `resource` must be a string");
  });

  it("a lone surrogate escaped in the file (`\\ud800`) is KR0008 for its entry, as decide() says, not a file error", () => {
    const ok = { principal: SESSION, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } };
    // JSON.stringify writes a lone surrogate as the escape `\ud800`.
    const requests = JSON.stringify([ok, { ...ok, context: { "aws:ResourceTag/Project": "Alpha\ud800" } }, { ...ok, principal: `${SESSION}\udc00` }]);
    expect(requests).toContain("\\ud800");
    const dir = tempFiles({ "r.json": requests });
    const { status, entries } = evalJson([join(REPO, "examples/abac/bundle.json"), "--requests", join(dir, "r.json")]);
    expect(status).toBe(0);
    expect(entries.map((e) => e.decision ?? e.error?.code)).toEqual(["Allow", "KR0008", "KR0008"]);
  });

  it("resolves the bundle's policy paths relative to the bundle file, from any working directory", () => {
    const dir = tempFiles({ "r.json": JSON.stringify([{ principal: SESSION, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } }]) });
    const { status, entries } = evalJson([join(REPO, "examples/abac/bundle.json"), "--requests", "r.json"], dir);
    expect(status).toBe(0);
    expect(entries.map((e) => e.decision)).toEqual(["Allow"]);
  });

  it("attaches a single key policy to --key, and an identity policy to the placeholder role by default", () => {
    const root = "arn:aws:iam::111122223333:root";
    const dir = tempFiles({
      "k.json": JSON.stringify([{ principal: root, action: "kms:Decrypt", resource: K1 }]),
      "i.json": JSON.stringify([
        { principal: "arn:aws:iam::111122223333:role/Policy", action: "kms:ListKeys", resource: "arn:aws:kms:us-west-2:111122223333:*" },
        { principal: "arn:aws:iam::111122223333:role/Other", action: "kms:ListKeys", resource: "arn:aws:kms:us-west-2:111122223333:*" },
      ]),
    });
    const key = evalJson(["examples/abac/key-policy.json", "--kind", "key", "--key", K1, "--requests", join(dir, "k.json")]);
    expect(key.status).toBe(0);
    // the root user of the key's account: the key policy delegates to the account, the identity side passes (spec §5.3)
    expect(key.entries.map((e) => e.decision)).toEqual(["Allow"]);
    expect(statements(key.entries[0])).toEqual([`keys[${K1}]#0`]);
    const identity = evalJson(["examples/abac/app-role.json", "--requests", join(dir, "i.json")]);
    expect(identity.status).toBe(0);
    expect(identity.entries.map((e) => e.decision)).toEqual(["Allow", "ImplicitDeny"]);
    expect(statements(identity.entries[0])).toEqual(["principals[arn:aws:iam::111122223333:role/Policy][0]#2"]);
  });

  it("checks the bundle first: policy errors stop before evaluation, exit 1", () => {
    const run = runKmsCedar(["eval", "examples/broken/bundle.json", "--requests", "examples/abac/requests.json"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("error[KC2909]");
    expect(run.stdout).not.toMatch(/^\[0\]/m);
    const json = runKmsCedar(["eval", "examples/broken/bundle.json", "--requests", "examples/abac/requests.json", "--format", "json"]);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { summary: { errors: number } }).summary.errors).toBeGreaterThan(0);
  });

  it("exits 2 on a requests file that cannot be read, is not JSON, or is not an array", () => {
    const dir = tempFiles({ "bad.json": '[{"principal": "x",]', "obj.json": '{"principal": "x"}' });
    const missing = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", join(dir, "none.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read");
    const bad = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", join(dir, "bad.json")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("is not valid JSON");
    expect(bad.stderr).toMatch(/error\[KC1\d{3}\]/);
    const object = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", join(dir, "obj.json")]);
    expect(object.status).toBe(2);
    expect(object.stderr).toContain("must hold a JSON array of requests");
  });

  it("decides the ABAC example the same with the decision graph engine", () => {
    const { status, entries } = evalJson(["examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--engine", "graph"]);
    expect(status).toBe(0);
    expect(entries.map((e) => e.decision)).toEqual(expected.map((e) => e.decision));
    entries.forEach((entry, i) => {
      if (entry.decision === "ExplicitDeny") expect({ i, statements: statements(entry) }).toEqual({ i, statements: statements(expected[i]) });
    });
  });

  it("runs the three engines with --engine all: one entry per request with each decision and `agree`", () => {
    const run = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--engine", "all", "--format", "json"]);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { reference: Entry; graph: Entry; cedar: Entry; agree: boolean }[];
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(["reference", "graph", "cedar", "agree"]);
      expect({ i, decisions: [row.reference.decision, row.graph.decision, row.cedar.decision], agree: row.agree })
        .toEqual({ i, decisions: Array(3).fill(expected[i]?.decision), agree: true });
    });
    const text = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--engine", "all"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^the engines agree on every request$/m);
  });
});

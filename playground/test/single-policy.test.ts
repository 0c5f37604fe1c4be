// The single-policy path in Node: a key policy attached to the key ARN given (as `--key`), an identity
// policy to the principal ARN given (as `--principal`), the same refusals as the CLI, sample requests
// made from the policy that decide both ways, the same answers as `kms-cedar eval` for the same input,
// and the graph highlight of what decided.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../src/analyze-input.js";
import { prepareCedarEngine } from "../src/cedar-engine.js";
import { decideAll, prepareEngines } from "../src/decide-engines.js";
import { sampleRequests } from "../src/sample-requests.js";
import { PlaygroundSession, highlightOf } from "../src/session.js";
import { bundleWithDefaultKeyPolicy } from "../src/wrap-in-bundle.js";
import { SAMPLE_BUNDLE, SAMPLE_IDENTITY_POLICY, SAMPLE_KEY_POLICY } from "../src/samples.js";

/** The `kms-cedar` launcher, as users run it. */
const LAUNCHER = fileURLToPath(new URL("../../compiler/bin/kms-cedar.js", import.meta.url));

const MY_KEY = "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef";
const MY_ROLE = "arn:aws:iam::111122223333:role/Developers";

const decisionOf = (r: { decision: string } | { error: { code: string } } | undefined): string =>
  r === undefined ? "-" : "error" in r ? r.error.code : r.decision;

/** `kms-cedar eval - <attach…> --requests <file> --engine all --format json`, the real launcher in a child process, the policy on standard input. */
function cliDecisions(policy: string, attach: readonly string[], requests: readonly unknown[]): string[][] {
  let out = "";
  const dir = mkdtempSync(join(tmpdir(), "play-cli-"));
  try {
    writeFileSync(join(dir, "requests.json"), JSON.stringify(requests));
    const run = spawnSync(process.execPath, [LAUNCHER, "eval", "-", ...attach, "--requests", join(dir, "requests.json"), "--engine", "all", "--format", "json"], {
      cwd: dir, input: policy, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    out = run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const parsed = JSON.parse(out) as Record<string, { decision: string } | { error: { code: string } }>[];
  return parsed.map((entry) => ["reference", "graph", "cedar"].map((e) => decisionOf(entry[e])));
}

describe("a single key policy with a key ARN", () => {
  it("attaches the policy to the key given, and the samples use that key", () => {
    const a = analyzeInput(SAMPLE_KEY_POLICY, { key: MY_KEY });
    expect(a.shape).toBe("key");
    expect(a.attachedTo).toBe(MY_KEY);
    expect(a.errors).toBe(0);
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text: a.text });
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const s of samples) expect(JSON.parse(s.text).resource).toBe(MY_KEY);
  });

  it("makes samples that decide both ways, and no sample answers KR0004", () => {
    const a = analyzeInput(SAMPLE_KEY_POLICY, { key: MY_KEY });
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text: a.text });
    const outcomes = samples.map((s) => s.outcome);
    expect(outcomes).toContain("Allow");
    expect(outcomes).toContain("ImplicitDeny");
    expect(outcomes.some((o) => o.startsWith("error"))).toBe(false);
    // The App role with the encryption context the condition asks for is allowed; the key's administrator too.
    const allowed = samples.filter((s) => s.outcome === "Allow").map((s) => JSON.parse(s.text));
    expect(allowed).toContainEqual({
      principal: "arn:aws:iam::111122223333:role/App", action: "kms:Decrypt", resource: MY_KEY,
      context: { "kms:EncryptionContext:Project": "Alpha" },
    });
    expect(allowed.map((r) => r.principal)).toContain("arn:aws:iam::111122223333:role/KeyAdmin");
    // Labels say what the reference decided.
    for (const s of samples) expect(s.label.startsWith(`${s.outcome}:`)).toBe(true);
  });

  it("gives the same answers as `kms-cedar eval --key` for every sample, with the three engines agreeing", async () => {
    const a = analyzeInput(SAMPLE_KEY_POLICY, { key: MY_KEY });
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text: a.text });
    const engines = prepareEngines(a, prepareCedarEngine());
    const page = samples.map((s) => decideAll(engines, JSON.parse(s.text)).map((x) => decisionOf(x.result)));
    const cli = cliDecisions(SAMPLE_KEY_POLICY, ["--key", MY_KEY], samples.map((s) => JSON.parse(s.text)));
    expect(page).toEqual(cli);
    for (const row of page) expect(new Set(row).size).toBe(1);
  }, 60_000);

  it("refuses what `--key` refuses, with the CLI's words, and compiles nothing", () => {
    const a = analyzeInput(SAMPLE_KEY_POLICY, { key: "arn:aws:kms:eu-west-1:111122223333:alias/app" });
    expect(a.attachError).toMatch(/^`--key` needs a key ARN such as/);
    expect(a.graph).toBeUndefined();
    expect(prepareEngines(a).graph).toHaveProperty("unavailable");
  });

  it("without a key ARN, uses the CLI's placeholder key (and says so)", () => {
    const a = analyzeInput(SAMPLE_KEY_POLICY);
    expect(a.attachedTo).toBe("arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000");
    expect(a.note).toContain("a statement has `Principal`");
  });
});

describe("a single identity policy with a principal ARN", () => {
  it("attaches the policy to the principal given; the samples are that principal's and decide both ways", () => {
    const a = analyzeInput(SAMPLE_IDENTITY_POLICY, { principal: MY_ROLE });
    expect(a.shape).toBe("identity");
    expect(a.attachedTo).toBe(MY_ROLE);
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text: a.text });
    for (const s of samples) expect(JSON.parse(s.text).principal).toBe(MY_ROLE);
    const outcomes = samples.map((s) => s.outcome);
    expect(outcomes).toContain("Allow");
    expect(outcomes).toContain("ExplicitDeny");
    const denied = samples.find((s) => s.outcome === "ExplicitDeny");
    expect(JSON.parse(denied!.text)).toMatchObject({ action: "kms:CreateKey", resource: "*", context: {} });
  });

  it("gives the same answers as `kms-cedar eval --principal` for every sample", async () => {
    const a = analyzeInput(SAMPLE_IDENTITY_POLICY, { principal: MY_ROLE });
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text: a.text });
    const engines = prepareEngines(a, prepareCedarEngine());
    const page = samples.map((s) => decideAll(engines, JSON.parse(s.text)).map((x) => decisionOf(x.result)));
    expect(page).toEqual(cliDecisions(SAMPLE_IDENTITY_POLICY, ["--principal", MY_ROLE], samples.map((s) => JSON.parse(s.text))));
  }, 60_000);

  it("refuses a principal `--principal` refuses", () => {
    expect(analyzeInput(SAMPLE_IDENTITY_POLICY, { principal: "arn:aws:iam::111122223333:root" }).attachError)
      .toMatch(/^`--principal` needs the ARN of a user, role, role session or federated user/);
  });

  it("says a key action needs the key's policy rather than leaving a bare KR0004", () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:*:111122223333:key/*"}]}';
    const a = analyzeInput(text, { principal: MY_ROLE });
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text });
    expect(samples[0]?.outcome).toBe("error KR0004");
    expect(samples[0]?.label).toContain("paste a bundle with the key policy");
  });

  it("says what to give when a sample's role ARN as caller is ambiguous rather than leaving a bare KR0012", () => {
    const key = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
    const text = JSON.stringify({ keys: { [key]: { policy: { Version: "2012-10-17", Statement: [
      { Sid: "AllowApp", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/team/App" }, Action: "kms:Decrypt", Resource: "*" },
      { Sid: "DenyS1", Effect: "Deny", Principal: { AWS: "arn:aws:sts::111122223333:assumed-role/App/s1" }, Action: "kms:Decrypt", Resource: "*" },
    ] } } } });
    const a = analyzeInput(text, {});
    const refused = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text }).filter((s) => s.outcome === "error KR0012");
    expect(refused.length).toBeGreaterThan(0);
    for (const sample of refused) expect(sample.label).toContain("give a session ARN as principal");
  });
});

describe("an identity policy made into a bundle with the key's default key policy", () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Sid":"UseKeys","Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:*:111122223333:key/*"}]}';

  it("decides the key action the identity policy alone could not (KA ∧ I: the default policy delegates to the account)", () => {
    const alone = analyzeInput(text, { principal: MY_ROLE });
    const key = JSON.parse(sampleRequests({ graph: alone.graph!, bundle: alone.bundle!, text }).find((s) => s.outcome === "error KR0004")!.text).resource as string;
    const bundle = bundleWithDefaultKeyPolicy(text, MY_ROLE, key)!;
    const a = analyzeInput(bundle);
    expect([a.shape, a.errors]).toEqual(["bundle", 0]);
    const engines = prepareEngines(a, prepareCedarEngine());
    const request = { principal: MY_ROLE, action: "kms:Decrypt", resource: key };
    expect(decideAll(engines, request).map((x) => decisionOf(x.result))).toEqual(["Allow", "Allow", "Allow"]);
    // Another role of the account has no identity policy: the key policy alone does not allow it.
    expect(decideAll(engines, { ...request, principal: "arn:aws:iam::111122223333:role/Other" }).map((x) => decisionOf(x.result)))
      .toEqual(["ImplicitDeny", "ImplicitDeny", "ImplicitDeny"]);
    // The pasted policy is in the bundle as it was written.
    expect(bundle).toContain(text);
  });

  it("refuses what is not a key ARN", () => {
    expect(bundleWithDefaultKeyPolicy(text, MY_ROLE, "*")).toBeUndefined();
  });
});

describe("samples for a bundle", () => {
  it("follow its principals, keys and condition keys, spelled as the bundle spells them", () => {
    const a = analyzeInput(SAMPLE_BUNDLE);
    const samples = sampleRequests({ graph: a.graph!, bundle: a.bundle!, text: a.text });
    expect(samples.map((s) => s.outcome)).toEqual(expect.arrayContaining(["Allow", "ExplicitDeny", "ImplicitDeny"]));
    const deny = JSON.parse(samples.find((s) => s.outcome === "ExplicitDeny")!.text);
    expect(deny).toMatchObject({ principal: "arn:aws:iam::111122223333:role/App", context: { "aws:ResourceTag/Type": "Reserved" } });
  });
});

describe("the session the worker runs", () => {
  it("highlights the statements that decided and the tests they use", () => {
    const session = new PlaygroundSession();
    const view = session.analyze({ text: SAMPLE_BUNDLE });
    expect(view.svg).toContain("<svg");
    const deny = view.samples.find((s) => s.outcome === "ExplicitDeny")!;
    const decided = session.decide(deny.text);
    if ("requestError" in decided) throw new Error(decided.requestError);
    // Statement 2 of the graph is DenyReservedKeys; it tests the shared Resource (node 1) and Type=Reserved (node 3).
    expect(decided.highlight).toEqual({ statements: [2], nodes: [1, 3] });
    const allow = session.decide(view.samples.find((s) => s.outcome === "Allow")!.text);
    if ("requestError" in allow) throw new Error(allow.requestError);
    expect(allow.highlight.statements.length).toBeGreaterThan(0);
  });

  it("highlights nothing for an implicit deny or an error", () => {
    const a = analyzeInput(SAMPLE_BUNDLE);
    const engines = prepareEngines(a);
    const none = decideAll(engines, { principal: "arn:aws:iam::444455556666:role/X", action: "kms:Decrypt", resource: "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111" });
    expect(none.map((x) => decisionOf(x.result)).slice(0, 2)).toEqual(["ImplicitDeny", "ImplicitDeny"]);
    expect(highlightOf(a, none)).toEqual({ statements: [], nodes: [] });
  });

  it("answers with the reference and the graph first, and with Cedar after its own step", () => {
    const session = new PlaygroundSession(prepareCedarEngine());
    const view = session.analyze({ text: SAMPLE_KEY_POLICY, key: MY_KEY });
    expect(view.cedarPending).toBe(true);
    const request = view.samples.find((s) => s.outcome === "Allow")!.text;
    const before = session.decide(request);
    if ("requestError" in before) throw new Error(before.requestError);
    expect(before.answers.map((a) => decisionOf(a.result))).toEqual(["Allow", "Allow", "-"]);
    expect(before.answers[2]?.unavailable).toBe("Cedar: being emitted…");
    const cedar = session.addCedar();
    expect(cedar?.cedarText).toContain("permit (");
    const after = session.decide(request);
    if ("requestError" in after) throw new Error(after.requestError);
    expect(after.answers.map((a) => decisionOf(a.result))).toEqual(["Allow", "Allow", "Allow"]);
    expect(after.answers[2]?.agrees).toBe(true);
  });

  it("adds the Cedar emitter's refusals to the diagnostics in its step (pure Cedar)", () => {
    const text = SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha"', '"StringLike": { "aws:ResourceTag/Project": "Alph?"');
    const session = new PlaygroundSession(prepareCedarEngine());
    expect(session.analyze({ text, pureCedar: true }).errors).toBe(0);
    const cedar = session.addCedar()!;
    expect(cedar.errors).toBe(1);
    expect(cedar.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([["KC3001", '"Alph?"']]);
  });

  it("has no Cedar step when nothing compiled", () => {
    const session = new PlaygroundSession(prepareCedarEngine());
    expect(session.analyze({ text: "{" }).cedarPending).toBe(false);
    expect(session.addCedar()).toBeUndefined();
  });

  it("refuses a request with a member written twice in every engine (KR0007), as the CLI does", () => {
    const session = new PlaygroundSession(prepareCedarEngine());
    const view = session.analyze({ text: SAMPLE_BUNDLE });
    session.addCedar();
    const allowed = view.samples.find((s) => s.outcome === "Allow")!.text;
    const twice = allowed.replace('"action":', '"action": "kms:ScheduleKeyDeletion", "action":');
    expect(twice).not.toBe(allowed);
    const decided = session.decide(twice);
    if ("requestError" in decided) throw new Error(decided.requestError);
    expect(decided.answers.map((a) => (a.result !== undefined && "error" in a.result ? a.result.error.code : decisionOf(a.result)))).toEqual(["KR0007", "KR0007", "KR0007"]);
    expect(decided.highlight).toEqual({ statements: [], nodes: [] });
  });

  it("answers a request that is not JSON with a message, and never throws", () => {
    const session = new PlaygroundSession();
    session.analyze({ text: SAMPLE_BUNDLE });
    expect(session.decide("{")).toHaveProperty("requestError");
    expect(session.decide("null")).toHaveProperty("answers");
  });
});

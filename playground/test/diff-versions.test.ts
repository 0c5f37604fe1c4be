// The diff view's work in Node (the worker runs the same): two versions diffed by the analysis
// package, each witness decided again by the page's engines in OLD and NEW, refusals as KA codes.
import { describe, expect, it } from "vitest";
import { prepareCedarEngine } from "../src/cedar-engine.js";
import { diffVersions, type DiffView } from "../src/diff-versions.js";
import { diffSummary, renderDiff } from "../src/diff-view.js";
import type { FromWorker, ToWorker } from "../src/protocol.js";
import { PlaygroundSession } from "../src/session.js";
import { SAMPLE_BUNDLE } from "../src/samples.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
/** The sample bundle with `Project = Alpha` widened to `Project like Alpha*`: new access for Alpha-something keys. */
const WIDENED = SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha" }', '"StringLike": { "aws:ResourceTag/Project": "Alpha*" }');
const diffed = (view: DiffView) => {
  if (view.status !== "diffed") throw new Error(`expected a diff, got ${view.status}: ${JSON.stringify(view)}`);
  return view;
};

describe("diffVersions", () => {
  it("finds a text equivalent to itself, and to the same policy in other words", () => {
    expect(diffed(diffVersions({ oldText: SAMPLE_BUNDLE, newText: SAMPLE_BUNDLE })).equivalent).toBe(true);
    // Actions reordered and one written in other case: the same requests allowed.
    const reworded = SAMPLE_BUNDLE.replace('["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]', '["kms:describekey", "kms:GenerateDataKey*", "kms:Encrypt", "kms:Decrypt"]');
    expect(reworded).not.toBe(SAMPLE_BUNDLE);
    const view = diffed(diffVersions({ oldText: SAMPLE_BUNDLE, newText: reworded }));
    expect(view.equivalent).toBe(true);
    expect(view.classes).toEqual([]);
    // The compiled statements are the same, so the diff (localized to changed statements) has nothing to decide.
    expect(view.regions).toBe(0);
  });

  it("reports the widened tag condition as new access, with a witness the three engines decide as reported", () => {
    const view = diffed(diffVersions({ oldText: SAMPLE_BUNDLE, newText: WIDENED }, prepareCedarEngine()));
    expect(view.equivalent).toBe(false);
    expect(view.unverified).toBeUndefined();
    const gained = view.classes.filter((c) => c.newAccess);
    expect(gained.length).toBeGreaterThan(0);
    for (const c of view.classes) {
      expect(c.checks.map((k) => k.engine)).toEqual(["reference", "graph", "cedar"]);
      for (const k of c.checks) expect([k.old, k.new]).toEqual([c.from, c.to]);
    }
    const witness = JSON.parse(gained[0]!.witness) as { principal: string; resource: string; context: Record<string, unknown> };
    expect(gained[0]).toMatchObject({ from: "ImplicitDeny", to: "Allow" });
    expect(witness.principal).toMatch(/^arn:aws:(iam::111122223333:role\/App|sts::111122223333:assumed-role\/App\/.+)$/);
    expect(witness.resource).toBe(KEY);
    // Like Alpha* but not Alpha, and not the reserved keys the Deny still covers.
    // Condition key names are case-insensitive; the analysis writes them in lower case.
    const project = witness.context["aws:resourcetag/project"];
    expect(typeof project === "string" && project.startsWith("Alpha") && project !== "Alpha").toBe(true);
    expect(witness.context["aws:resourcetag/type"]).not.toBe("Reserved");
    expect(gained.flatMap((c) => c.actions)).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"]));
    expect(gained.flatMap((c) => c.condition).join(" ")).toContain('aws:resourcetag/project like "Alpha*" but not = "Alpha"');
  });

  it("says so when Cedar cannot confirm the witnesses, and still confirms them with the other two", () => {
    const view = diffed(diffVersions({ oldText: SAMPLE_BUNDLE, newText: WIDENED }));
    expect(view.unverified).toContain("cedar: Cedar: not available");
    const checks = view.classes[0]!.checks;
    expect(checks.find((k) => k.engine === "cedar")).toMatchObject({ unavailable: expect.stringContaining("not available") });
    expect(checks.filter((k) => k.unavailable === undefined).map((k) => k.engine)).toEqual(["reference", "graph"]);
  });

  it("refuses (KA0012) a witness an engine decides otherwise, never shows it as a change", () => {
    // A Cedar column that allows everything: the witness of an Allow → deny change would be wrong there.
    const lying = () => ({ decide: () => ({ decision: "Allow" as const, reasons: [] }) });
    const narrowed = SAMPLE_BUNDLE.replace('"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"', '"kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"');
    const view = diffVersions({ oldText: SAMPLE_BUNDLE, newText: narrowed }, lying);
    expect(view.status).toBe("refused");
    if (view.status !== "refused") return;
    expect(view.refusal.code).toBe("KA0012");
    expect(view.refusal.message).toMatch(/^cedar decides Allow in OLD and Allow in NEW where the analysis says Allow → ImplicitDeny/);
  });

  it("shows the analysis's refusals with their KA code and meaning", () => {
    const folded = WIDENED.replace('"StringLike": { "aws:ResourceTag/Project": "Alpha*" }', '"StringEqualsIgnoreCase": { "aws:ResourceTag/Project": "alpha" }');
    const view = diffVersions({ oldText: SAMPLE_BUNDLE, newText: folded });
    expect(view.status).toBe("refused");
    if (view.status !== "refused") return;
    expect(view.refusal.code).toBe("KA0002");
    expect(view.refusal.meaning).toContain("case folding");
  });

  it("refuses (KA0008) a bundle with a member the analysis does not model", () => {
    const withGrants = SAMPLE_BUNDLE.replace(`"${KEY}": {\n      "policy"`, `"${KEY}": {\n      "grants": [],\n      "policy"`);
    expect(withGrants).not.toBe(SAMPLE_BUNDLE);
    const view = diffVersions({ oldText: SAMPLE_BUNDLE, newText: withGrants });
    // The compiler decides grants; the analysis's space does not hold them: refused, never a diff that ignores them.
    expect(view).toMatchObject({ status: "refused", refusal: { code: "KA0008", message: expect.stringContaining("has `grants`") } });
  });

  it("does not diff a version with errors, and hands its diagnostics to its editor", () => {
    const view = diffVersions({ oldText: SAMPLE_BUNDLE, newText: SAMPLE_BUNDLE.replace('"Effect": "Deny"', '"Effect": "deny"') });
    expect(view).toMatchObject({ status: "not-compiled", reason: "fix the errors in NEW first: nothing is compiled" });
    expect(view.old.errors).toBe(0);
    expect(view.new.diagnostics.map((d) => d.code)).toContain("KC2031");
  });

  it("attaches single policies as the page does (key ARN), and diffs them", () => {
    const policy = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/App" }, Action: action, Resource: "*" }] });
    const view = diffed(diffVersions({ oldText: policy("kms:Decrypt"), newText: policy("kms:Decrypt*"), key: KEY }, prepareCedarEngine()));
    // kms:Decrypt* matches only kms:Decrypt in the catalog: equivalent.
    expect(view.equivalent).toBe(true);
    const wider = diffed(diffVersions({ oldText: policy("kms:Decrypt"), newText: policy("kms:De*"), key: KEY }, prepareCedarEngine()));
    expect(wider.classes.map((c) => [c.from, c.to])).toContainEqual(["ImplicitDeny", "Allow"]);
    expect(wider.classes.flatMap((c) => c.actions)).toEqual(expect.arrayContaining(["kms:DeleteAlias", "kms:DescribeKey"]));
    expect(wider.classes.every((c) => JSON.parse(c.witness).resource !== undefined)).toBe(true);
  });
});

describe("the worker protocol for the diff view", () => {
  it("answers a diff message through the session with plain, cloneable data", () => {
    const session = new PlaygroundSession(prepareCedarEngine());
    const message: ToWorker = { type: "diff", id: 7, input: { oldText: SAMPLE_BUNDLE, newText: WIDENED } };
    if (message.type !== "diff") throw new Error("unreachable");
    const answer: FromWorker = { type: "diff", id: message.id, view: session.diff(message.input) };
    // What postMessage sends: a structured clone; JSON round trip is a stricter stand-in (no functions, no class instances).
    const sent = JSON.parse(JSON.stringify(answer)) as FromWorker;
    expect(sent).toEqual(structuredClone(answer));
    expect(sent.type === "diff" && sent.view.status === "diffed" && sent.view.classes.some((c) => c.newAccess)).toBe(true);
  });
});

describe("the diff panel", () => {
  it("says equivalent in green, new access in red with each engine's answer, and escapes what the policies say", () => {
    expect(diffSummary(diffVersions({ oldText: SAMPLE_BUNDLE, newText: SAMPLE_BUNDLE }))).toMatchObject({ tone: "ok", text: expect.stringMatching(/^equivalent: no request changes decision \(/) });
    const hostile = SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha" }', '"StringLike": { "aws:ResourceTag/Project": "<b>x*" }');
    const view = diffVersions({ oldText: SAMPLE_BUNDLE, newText: hostile }, prepareCedarEngine());
    expect(diffSummary(view)).toMatchObject({ tone: "error", text: expect.stringMatching(/^\d+ changes, \d+ granting new access/) });
    const html = renderDiff(view);
    expect(html).not.toContain("<b>x");
    expect(html).toContain("&lt;b&gt;x");
    expect(html.match(/<article class="change new-access"/g)?.length).toBeGreaterThan(0);
    expect(html).toContain('<tr data-engine="cedar"><td>Cedar</td>');
  });

  it("shows a refusal with its code, and an unverified witness as such", () => {
    const folded = SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha" }', '"StringEqualsIgnoreCase": { "aws:ResourceTag/Project": "alpha" }');
    const refused = diffVersions({ oldText: SAMPLE_BUNDLE, newText: folded });
    expect(renderDiff(refused)).toContain('<div class="refusal" data-code="KA0002">');
    expect(diffSummary(refused).text).toBe("refused (KA0002): the analysis cannot decide this pair exactly");
    expect(renderDiff(diffVersions({ oldText: SAMPLE_BUNDLE, newText: WIDENED }))).toContain('<p class="unverified">Witnesses confirmed without every engine: cedar: Cedar: not available in this build.</p>');
  });
});

// Benchmark of `diffGraphs` (issue 13 targets: two 50-statement bundles < 2 s, the org-scale bundle
// < 60 s). Run: node scripts/run-ts.js analysis/bench/diff-bench.ts. Prints one line per scenario:
// wall and CPU time, request classes decided, change classes, peak resident memory.
import fc from "fast-check";
import { AnalysisRefusal, diffGraphs, prepareInput } from "@kms-cedar/analysis";
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle, DecisionGraph } from "@kms-cedar/runtime";
import { orgScenario } from "../../bench/org-bundle.js";
import { bundleOf } from "../test/policy-generators.js";
import { statements } from "../test/policy-generators.js";
import type { Statement } from "../test/policy-generators.js";

/** 50 statements from the generators' vocabulary; `conditions`: at most that many condition keys per statement. */
function fifty(seed: number, conditions: number): Statement[] {
  const out: Statement[] = [];
  for (const batch of fc.sample(statements, { numRuns: 60, seed })) {
    for (const s of batch) {
      const block = s["Condition"] as Record<string, Record<string, unknown>> | undefined;
      const keys = block === undefined ? 0 : Object.values(block).reduce((n, m) => n + Object.keys(m).length, 0);
      if (out.length < 50 && keys <= conditions) out.push(s);
    }
  }
  return out;
}

function measure(name: string, run: () => { regions: number; changes: number; triples?: number | undefined }): void {
  const t = performance.now();
  const cpu = process.cpuUsage();
  try {
    const r = run();
    const used = process.cpuUsage(cpu);
    const local = r.triples === undefined ? "" : ` in ${r.triples.toLocaleString("en-US")} changed (action, resource, caller) triples`;
    process.stdout.write(`${name}: ${(performance.now() - t).toFixed(0)} ms (${((used.user + used.system) / 1000).toFixed(0)} ms CPU), ${r.regions.toLocaleString("en-US")} request classes${local}, ${r.changes} change classes, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  } catch (e) {
    if (!(e instanceof AnalysisRefusal)) throw e;
    process.stdout.write(`${name}: refused after ${(performance.now() - t).toFixed(0)} ms: ${e.message}\n`);
  }
}

for (const conditions of [1, 2]) {
  const a = fifty(1, conditions);
  // One statement replaced: an Allow of kms:Decrypt to another account's root.
  const b = [...a.slice(0, 49), { Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "kms:Decrypt", Resource: "*" }];
  const ga = prepareInput("a", bundleOf(a)).graph;
  const gb = prepareInput("b", bundleOf(b)).graph;
  measure(`diff, two 50-statement key policies, ≤ ${conditions} condition key(s) per statement, the last statement replaced`, () => {
    const d = diffGraphs(ga, gb);
    return { regions: d.regions, changes: d.classes.length, triples: d.triples };
  });
  measure(`  the same, every triple enumerated (not localized)`, () => {
    const d = diffGraphs(ga, gb, { localize: false });
    return { regions: d.regions, changes: d.classes.length };
  });
}
// The organisation-scale bundle (bench/org-bundle.ts, seed 14: 1,000 keys, 2,000 roles; ORG_KEYS / ORG_ROLES scale it down;
// ORG=0 skips it): against itself, and against copies with one statement changed, in an identity policy (a
// policy variable replaced by the literal team name) and in a key policy (the tag-based grant moved to another team).
if (process.env["ORG"] !== "0") {
  const org = orgScenario({ keys: Number(process.env["ORG_KEYS"] ?? 1000), roles: Number(process.env["ORG_ROLES"] ?? 2000) });
  // The graph only (no Cedar): the diff reads the graph; the CLI's witness check is not timed here.
  const compiled = (name: string, bundle: Bundle): DecisionGraph => {
    const t = performance.now();
    const r = compileBundle(bundle);
    if (r.graph === undefined) throw new Error(`${name} does not compile`);
    process.stdout.write(`compile ${name} (graph only, not in the diff's time): ${(performance.now() - t).toFixed(0)} ms\n`);
    return r.graph;
  };
  const g = compiled("org", org.bundle);
  const scenario = `org-scale bundle (${Object.keys(org.bundle.keys ?? {}).length.toLocaleString("en-US")} keys, ${Object.keys(org.bundle.principals ?? {}).length.toLocaleString("en-US")} roles, ${org.statements.toLocaleString("en-US")} statements)`;
  measure(`diff, ${scenario} with itself`, () => {
    const d = diffGraphs(g, g);
    return { regions: d.regions, changes: d.classes.length, triples: d.triples };
  });
  const identity = structuredClone(org.bundle) as { principals: Record<string, { policies: { Statement: { Sid?: string; Condition?: Record<string, Record<string, string>> }[] }[] }> };
  const [role, entry] = Object.entries(identity.principals).find(([, e]) => e.policies[0]!.Statement[0]!.Condition!["StringEquals"]!["aws:ResourceTag/team"] === "${aws:PrincipalTag/team}")!;
  entry.policies[0]!.Statement[0]!.Condition!["StringEquals"]!["aws:ResourceTag/team"] = /team\d\d/.exec(role)![0];
  const gi = compiled("org, one identity statement changed", identity as unknown as Bundle);
  measure(`diff, ${scenario} against a copy with \`\${aws:PrincipalTag/team}\` replaced by the literal team in ${role}'s UseTeamKeys`, () => {
    const d = diffGraphs(g, gi);
    return { regions: d.regions, changes: d.classes.length, triples: d.triples };
  });
  const keyed = structuredClone(org.bundle) as { keys: Record<string, { policy: { Statement: { Sid?: string; Principal?: { AWS: string[] } }[] } }> };
  const [key, k] = Object.entries(keyed.keys).find(([, e]) => e.policy.Statement.some((s) => s.Sid === "AllowUseOfTheKey"))!;
  const users = k.policy.Statement.find((s) => s.Sid === "AllowUseOfTheKey")!.Principal!;
  const outsider = Object.keys(org.bundle.principals ?? {}).find((arn) => arn.includes("/team49-"))!;
  users.AWS = [...users.AWS, outsider];
  const gk = compiled("org, one key statement changed", keyed as unknown as Bundle);
  measure(`diff, ${scenario} against a copy with ${outsider} added to ${key}'s AllowUseOfTheKey`, () => {
    const d = diffGraphs(g, gk);
    return { regions: d.regions, changes: d.classes.length, triples: d.triples };
  });
}

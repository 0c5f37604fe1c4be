// Before/after equivalence: decide and explain (graph), decide (Cedar, on a subset) of an old runtime tree
// (argv[2], e.g. /work/main) and this tree, byte-compared as JSON, on seed, org (plain, layered) and hostile inputs.
// Run: nice node scripts/run-ts.js bench/ab/eqv.ts /work/main (CASES generated conformance cases, CEDAR=0 to skip Cedar)
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import * as mine from "@kms-cedar/runtime";
import { seedAbac } from "../decide-bundles.js";
import { seedRequests } from "../seed-abac.js";
import { orgLayeredScenario, orgScenario, seedShaped } from "../org-bundle.js";
import { conformanceCaseArb } from "../../conformance/src/arbitraries/case-arbitrary.js";
import { hostileValues, MALFORMED_MUTATIONS, mutateRequest } from "../../conformance/src/arbitraries/hostile-requests.js";

const theirs = await import(`${process.argv[2]}/runtime/src/index.ts`);
const CEDAR = process.env.CEDAR !== "0";
type Auth = { decide: (r: unknown) => unknown; explain: (r: unknown) => unknown };
const show = (f: () => unknown): string => { try { return JSON.stringify(f()) ?? "undefined"; } catch (e) { return `threw ${String(e)}`; } };
let compared = 0, differences = 0;
const diffBy: Record<string, number> = {};
const outcomes: Record<string, number> = {};
const totals: Record<string, number> = {};
/** `make()` builds a fresh input (stateful inputs must be fresh for each engine). */
function compare(set: string, pairs: [string, Auth, Auth][], inputs: (() => unknown)[]): void {
  for (const [what, a, b] of pairs) {
    for (const make of inputs) {
      for (const op of ["decide", "explain"] as const) {
        if (what === "cedar" && op === "explain") continue;
        const x = show(() => a[op](make())), y = show(() => b[op](make()));
        if (set === "hostile-stateful" && op === "decide") { const code = /"code":"(KR\d+)"/.exec(y)?.[1] ?? /"decision":"(\w+)"/.exec(y)?.[1] ?? y.slice(0, 20); outcomes[code] = (outcomes[code] ?? 0) + 1; }
        compared++; totals[`${set} ${what} ${op}`] = (totals[`${set} ${what} ${op}`] ?? 0) + 1;
        if (x !== y) diffBy[`${set} ${what} ${op}`] = (diffBy[`${set} ${what} ${op}`] ?? 0) + 1; if (x !== y && differences++ < 3) console.log("DIFF", set, what, op, x.slice(0, 200), "|", y.slice(0, 200));
      }
    }
  }
}
function engines(bundle: unknown, cedar: boolean): [string, Auth, Auth][] {
  const c = compileBundle(bundle as never, { cedar });
  if (c.graph === undefined) throw new Error("no graph");
  const out: [string, Auth, Auth][] = [["graph", theirs.createAuthorizer(c.graph), mine.createAuthorizer(c.graph)]];
  if (cedar && c.cedar !== undefined) out.push(["cedar", theirs.createCedarAuthorizer(c.cedar), mine.createCedarAuthorizer(c.cedar)]);
  return out;
}
const fresh = (rs: readonly unknown[]): (() => unknown)[] => rs.map((r) => () => r);

// 1. Seed: 4,096 requests (Cedar on the first 256).
const seed = seedAbac().bundle;
const seedReqs = seedRequests(4096);
compare("seed", engines(seed, false), fresh(seedReqs));
if (CEDAR) compare("seed", engines(seed, true).filter(([w]) => w === "cedar"), fresh(seedReqs.slice(0, 256)));
// 2. Org, plain and layered (quarter scale), 4,096 requests each, and seed-shaped.
const org = orgScenario({ keys: 250, roles: 500, requests: 4096 });
compare("org", engines(org.bundle, false), fresh([...org.requests, ...seedShaped(org.requests)]));
const lay = orgLayeredScenario({ keys: 250, roles: 500, requests: 4096 });
compare("org-layered", engines(lay.bundle, false), fresh(lay.requests));
// 3. Hostile: generated conformance cases (1 in 20 malformed), every malformation of each request, hostile values.
const cases = fc.sample(conformanceCaseArb(), { numRuns: Number(process.env.CASES ?? 24), seed: 20261204 });
const stateful: (() => unknown)[] = [];
for (const [k, cs] of cases.entries()) {
  const all = cs.requests as never[];
  const reqs = all.filter((r) => typeof mine.readInputShape(r) === "string");
  const inputs: unknown[] = [...all];
  reqs.forEach((r, i) => { for (let m = 0; m < MALFORMED_MUTATIONS.length; m++) inputs.push(mutateRequest(r, reqs[(i + 1) % reqs.length]!, m, i * 7 + k).request); });
  inputs.push(...hostileValues(reqs[0]!));
  compare("hostile", engines(cs.bundle, CEDAR && k < 6), fresh(inputs));
  // Stateful and re-entrant inputs (the read-twice gap): fresh objects per engine, answers that change per read.
  const base = reqs.find((r) => typeof r === "object" && r !== null && "principal" in (r as object)) as Record<string, unknown> | undefined;
  if (base === undefined) continue;
  const values = [base["principal"], "\ud800", 7, base["action"], "arn:aws:iam::111122223333:root", undefined];
  for (let n = 0; n < 12; n++) {
    stateful.push(() => { let reads = 0; const r = { ...base }; Object.defineProperty(r, ["principal", "action", "resource"][n % 3]!, { enumerable: true, get: () => (reads++ < n % 4 ? base[["principal", "action", "resource"][n % 3]!] : values[(n + reads) % values.length]) }); return r; });
    stateful.push(() => { let reads = 0; const ctx = { ...(base["context"] as object) }; return { ...base, get context() { return reads++ === n % 3 ? { "aws:SourceIp": 5 } : ctx; } }; });
    stateful.push(() => { const r: Record<string, unknown> = { ...base }; Object.defineProperty(r, "principal", { enumerable: true, configurable: true, get() { delete r["action"]; return base["principal"]; } }); return r; });
    stateful.push(() => { let calls = 0; return new Proxy({ ...base }, { getOwnPropertyDescriptor(t, k) { calls++; return calls === n + 1 ? undefined : Reflect.getOwnPropertyDescriptor(t, k); }, get(t, k, rc) { calls++; return calls % 5 === n % 5 ? "\udc00" : Reflect.get(t, k, rc); } }); });
    stateful.push(() => ({ operation: "kms:ReEncrypt", get checks() { return n % 2 === 0 ? [base, base] : [base, { ...base, context: { k: [1] } }]; } }));
  }
  const reentrant = (auth: Auth) => () => ({ ...base, get context() { auth.decide(reqs[(k + 3) % reqs.length]); return base["context"]; } });
  for (const [what, a, b] of engines(cs.bundle, false)) {
    for (const op of ["decide", "explain"] as const) {
      const x = show(() => a[op](reentrant(a)())), y = show(() => b[op](reentrant(b)()));
      compared++; totals["hostile re-entrant " + what] = (totals["hostile re-entrant " + what] ?? 0) + 1;
      if (x !== y) diffBy["re-entrant " + what] = (diffBy["re-entrant " + what] ?? 0) + 1; if (x !== y && differences++ < 3) console.log("DIFF re-entrant", what, op, x.slice(0, 200), "|", y.slice(0, 200));
    }
  }
  compare("hostile-stateful", engines(cs.bundle, false), stateful.splice(0));
}
console.log(JSON.stringify(totals));
console.log("stateful inputs, outcomes (graph decide, this tree):", JSON.stringify(outcomes));
console.log("differences by set", JSON.stringify(diffBy));
console.log(`compared ${compared} answers, differences ${differences}`);

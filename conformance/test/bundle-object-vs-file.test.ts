// Every entry point is an engine: `compileBundle(object)` and `compileBundle(path of its JSON file)`
// give the same diagnostics and the same graph, for generated bundles with and without layers and for
// the same bundles mutated where a hand-written bundle goes wrong (a misspelled or stray member at each
// level, a member of the wrong type, a member left out). The object was once read on a path of its
// own that ignored what the file loader refuses: a misspelled `organization` compiled without its SCPs.
// And the oracle, which decides any bundle, only takes access away on one the compiler refuses: it
// read past a misspelled `organization`, an organization node's `scp`, a grant's `constraint`. Each
// of those three rules, taken out (a mutant), fails the second property; the endpoint rule
// (`vpcc` for `vpc`) is shown by runtime/test/reference/stray-members.test.ts only, since generated
// endpoints give no `vpc`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { afterAll, describe, expect, it } from "vitest";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { layeredCaseArb } from "../src/arbitraries/layered-case.js";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Where a mutation lands: the bundle, a key entry, a principal entry, the organization, or (misspelled) any member that carries a layer. */
const LEVELS = ["bundle", "key entry", "principal entry", "organization", "layer member"] as const;
const MUTATIONS = ["stray member", "misspelled member", "wrong type", "left out"] as const;
type Mutation = { readonly level: (typeof LEVELS)[number]; readonly kind: (typeof MUTATIONS)[number]; readonly pick: number };

/** The object `mutation` lands on in `bundle` (a copy is mutated), or undefined when it has none. */
function target(bundle: Json, level: Mutation["level"], pick: number): Json | undefined {
  const entries = (section: unknown): Json[] => (isRecord(section) ? Object.values(section).filter(isRecord) : []);
  switch (level) {
    case "bundle": return bundle;
    case "key entry": return entries(bundle["keys"])[pick % Math.max(1, entries(bundle["keys"]).length)];
    case "principal entry": return entries(bundle["principals"])[pick % Math.max(1, entries(bundle["principals"]).length)];
    case "organization": return isRecord(bundle["organization"]) ? bundle["organization"] : undefined;
    case "layer member": return undefined;
  }
}

/** Members that carry layers and their limits: misspelled, a layer or a constraint is lost. */
const LAYER_MEMBERS = new Set(["organization", "endpoints", "grants", "constraints", "scps", "rcps", "boundary", "sessionPolicies", "vpc"]);

/** Every (object, member) of `value` whose member name is in LAYER_MEMBERS, in document order. */
function layerMembers(value: unknown, out: [Json, string][] = []): [Json, string][] {
  if (Array.isArray(value)) for (const item of value) layerMembers(item, out);
  else if (isRecord(value)) {
    for (const [name, child] of Object.entries(value)) {
      if (LAYER_MEMBERS.has(name)) out.push([value, name]);
      layerMembers(child, out);
    }
  }
  return out;
}

function mutate(original: Json, m: Mutation): Json {
  const bundle = structuredClone(original);
  if (m.level === "layer member") {
    const found = layerMembers(bundle);
    // A name first (each present name alike, so a rare one such as a grant's `constraints` is drawn as
    // often as `organization`), then one of its places.
    const names = [...new Set(found.map(([, n]) => n))];
    const wanted = names[m.pick % Math.max(1, names.length)];
    const places = found.filter(([, n]) => n === wanted);
    const [at, name] = places[Math.floor(m.pick / Math.max(1, names.length)) % Math.max(1, places.length)] ?? [undefined, undefined];
    if (at !== undefined && name !== undefined) {
      at[name.slice(0, -1)] = at[name];
      delete at[name];
    }
    return bundle;
  }
  const at = target(bundle, m.level, m.pick);
  if (at === undefined) return bundle;
  const names = Object.keys(at);
  const name = names[m.pick % Math.max(1, names.length)];
  switch (m.kind) {
    case "stray member": at["note"] = "x"; break;
    case "misspelled member": if (name !== undefined) { at[`${name.slice(0, -1)}`] = at[name]; delete at[name]; } break;
    case "wrong type": if (name !== undefined) at[name] = 5; break;
    case "left out": if (name !== undefined) delete at[name]; break;
  }
  return bundle;
}

/**
 * Requests aimed at each grant of `bundle`: its grantee, its first operation, its key, with an
 * encryption context that meets a `Dept` constraint and one that does not. The generated requests
 * seldom reach a grant's constraints (one grant-allowed request in ~300), so a grant read without them
 * would go unseen.
 */
function grantRequests(bundle: Json): unknown[] {
  const out: unknown[] = [];
  const keys = isRecord(bundle["keys"]) ? bundle["keys"] : {};
  for (const [key, entry] of Object.entries(keys)) {
    const grants = isRecord(entry) && Array.isArray(entry["grants"]) ? entry["grants"] : [];
    for (const grant of grants) {
      if (!isRecord(grant) || typeof grant["granteePrincipal"] !== "string" || !Array.isArray(grant["operations"])) continue;
      for (const dept of ["IT", "Other"]) {
        out.push({ principal: grant["granteePrincipal"], action: `kms:${String(grant["operations"][0])}`, resource: key, context: { "kms:EncryptionContext:Dept": dept } });
      }
    }
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "kms-cedar-object-vs-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Error codes (in order) and the graph's shape, of the object and of its file. */
function both(bundle: Json): { object: string; file: string } {
  const file = join(dir, `b${files++}.json`);
  writeFileSync(file, JSON.stringify(bundle, null, 2));
  const summary = (r: ReturnType<typeof compileBundle>): string =>
    `${r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location ?? ""} ${d.span.start}-${d.span.end}`).join("; ")} | graph ${r.graph === undefined ? "none" : `${r.graph.nodes.length} nodes, ${r.graph.statements.length} statements`}`;
  return { object: summary(compileBundle(bundle as never, { cedar: false, baseDir: dir })), file: summary(compileBundle(file, { cedar: false })) };
}

describe("a bundle object compiles as the bundle file it stands for", () => {
  const mutation = fc.record({ level: fc.constantFrom(...LEVELS), kind: fc.constantFrom(...MUTATIONS), pick: fc.nat(50) });
  const bundles = fc.oneof(conformanceCaseArb({ requestsPerBundle: 1 }), layeredCaseArb({ requestsPerBundle: 1 })).map((c) => c.bundle as unknown as Json);

  it("generated bundles, as they are and mutated: the same diagnostics at the same places, the same graph", () => {
    const mix: Record<string, number> = {};
    fc.assert(fc.property(bundles, fc.option(mutation, { nil: undefined }), (bundle, m) => {
      const input = m === undefined ? bundle : mutate(bundle, m);
      const { object, file } = both(input);
      expect(object, m === undefined ? "as generated" : `${m.kind} at ${m.level}`).toBe(file);
      const kind = object.includes("graph none") ? "refused" : "compiled";
      mix[kind] = (mix[kind] ?? 0) + 1;
    }), { seed: 20261206, numRuns: 150 });
    // Both outcomes were reached: refused bundles (the mutations) and compiled ones.
    expect(mix["refused"]).toBeGreaterThan(20);
    expect(mix["compiled"]).toBeGreaterThan(20);
  });

  it("the oracle fails closed on what the compiler refuses: a refused mutation allows nothing the bundle as generated does not", () => {
    // The oracle decides any bundle; on one the compiler refuses (a stray or misspelled member, a member
    // of the wrong type or left out) it may only take access away. It once read past such members: a
    // misspelled `organization` lost its SCPs, a grant's misspelled `constraints` its constraints.
    const cases = fc.oneof(conformanceCaseArb({ requestsPerBundle: 16 }), layeredCaseArb({ requestsPerBundle: 16 }), layeredCaseArb({ requestsPerBundle: 16 }));
    const mutations = fc.oneof(mutation, fc.record({ level: fc.constant("layer member" as const), kind: fc.constant("misspelled member" as const), pick: fc.nat(50) }));
    const mix: Record<string, number> = {};
    fc.assert(fc.property(cases, mutations, (c, m) => {
      const original = c.bundle as unknown as Json;
      const mutated = mutate(original, m);
      if (compileBundle(mutated as never, { cedar: false }).graph !== undefined) return;
      for (const request of [...c.requests, ...grantRequests(original)]) {
        const before = evaluateReference(original as never, request as never);
        const after = evaluateReference(mutated as never, request as never);
        const allowed = (r: typeof before): boolean => !("error" in r) && r.decision === "Allow";
        expect(allowed(after) && !allowed(before), `${m.kind} at ${m.level}: ${JSON.stringify(request)}`).toBe(false);
        const kind = `${allowed(before) ? "Allow" : "not Allow"} → ${"error" in after ? "error" : after.decision}`;
        mix[kind] = (mix[kind] ?? 0) + 1;
      }
    }), { seed: 20261207, numRuns: 300 });
    // Allows the mutation took away were reached, and denials it kept.
    expect(mix["Allow → ExplicitDeny"]).toBeGreaterThan(20);
    expect(mix["not Allow → ExplicitDeny"]).toBeGreaterThan(20);
  });
});

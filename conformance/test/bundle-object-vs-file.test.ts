// Every entry point is an engine: `compileBundle(object)` and `compileBundle(path of its JSON file)`
// give the same diagnostics and the same graph, for generated bundles with and without layers and for
// the same bundles mutated where a hand-written bundle goes wrong (a misspelled or stray member at each
// level, a member of the wrong type, a member left out). The object was once read on a path of its
// own that ignored what the file loader refuses: a misspelled `organization` compiled without its SCPs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import { afterAll, describe, expect, it } from "vitest";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { layeredCaseArb } from "../src/arbitraries/layered-case.js";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Where a mutation lands: the bundle, a key entry, a principal entry, or a layer member. */
const LEVELS = ["bundle", "key entry", "principal entry", "organization"] as const;
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
  }
}

function mutate(original: Json, m: Mutation): Json {
  const bundle = structuredClone(original);
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
});

// What the in-process A/B programs of bench/ab/ share: the runtime trees named on the command line, and
// the organisation scenarios the environment selects (SCALE of the full size, ONLY one of them, JSON=1
// for JSON-parsed copies of the requests, as a service receives them).
import { orgLayeredScenario, orgScenario } from "../org-bundle.js";
import type { OrgScenario } from "../org-bundle.js";

/** The part of a runtime tree an A/B drives. */
export interface RuntimeTree {
  readonly createAuthorizer: (graph: unknown) => { decide: (request: unknown) => unknown };
}

/** Each root's runtime (`<root>/runtime/src/index.ts`, or an esbuild bundle `*.mjs`), in order. */
export async function importTrees(roots: readonly string[]): Promise<RuntimeTree[]> {
  const trees: RuntimeTree[] = [];
  for (const root of roots) trees.push(await import(root.endsWith(".mjs") ? root : `${root}/runtime/src/index.ts`) as RuntimeTree);
  return trees;
}

/**
 * The plain and the layered organisation (or the one ONLY names), at SCALE (default `scale`) of 1,000
 * keys and 2,000 roles, each made when the loop reaches it (one in memory at a time).
 */
export function* orgScenarios(scale = 0.5): Generator<[string, OrgScenario]> {
  const s = Number(process.env.SCALE ?? scale);
  const which = process.env.ONLY;
  for (const [name, make] of [["org", orgScenario], ["org with layers", orgLayeredScenario]] as const) {
    if (which !== undefined && name !== which) continue;
    const made = make({ keys: Math.round(1000 * s), roles: Math.round(2000 * s), requests: 4096 });
    // JSON=1: the scenarios' contexts, some made with `delete`, are dictionary-mode objects (their
    // for-in makes a key array per pass); a parsed copy is what a service decides.
    yield [name, process.env.JSON === "1" ? { ...made, requests: JSON.parse(JSON.stringify(made.requests)) as typeof made.requests } : made];
  }
}

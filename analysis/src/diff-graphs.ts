// The core: for two compiled graphs, every region of the request space whose decision differs,
// decided by the graph evaluator on the region's representative (exact: see space/), grouped into
// readable classes.
import { createAuthorizer } from "@kms-cedar/runtime";
import type { DecisionGraph } from "@kms-cedar/runtime";
import { describeClasses } from "./describe-classes.js";
import type { ChangeClass, RawChange } from "./describe-classes.js";
import { outcomeOf } from "./outcome.js";
import { RequestSpace } from "./space/request-space.js";
import type { Region, SpaceOptions } from "./space/request-space.js";
import { changedTriples } from "./space/changed-triples.js";

export interface DiffOptions extends SpaceOptions {
  /** Enumerate only the triples a changed statement may apply to (default; exact, see changed-triples.ts); false: every triple. */
  readonly localize?: boolean;
}

export interface GraphDiff {
  readonly equivalent: boolean;
  readonly classes: ChangeClass[];
  /** Regions decided, and how many changed. */
  readonly regions: number;
  readonly changedRegions: number;
  /** The decision mix over the regions (OLD → NEW), for reports and tests. */
  readonly mix: Readonly<Record<string, number>>;
  /** (action, resource, caller) triples enumerated when localized (undefined: all of them). */
  readonly triples?: number;
}

export function diffGraphs(oldGraph: DecisionGraph, newGraph: DecisionGraph, options: DiffOptions = {}): GraphDiff {
  const space = new RequestSpace([oldGraph, newGraph], options);
  const before = createAuthorizer(oldGraph);
  const after = createAuthorizer(newGraph);
  const raw: RawChange[] = [];
  const mix: Record<string, number> = Object.create(null);
  const triples = options.localize === false ? undefined : changedTriples(oldGraph, newGraph, space);
  const decide = (region: Region, action: { name: string }): void => {
    const from = outcomeOf(before.decide(region.request));
    const to = outcomeOf(after.decide(region.request));
    const k = `${from}→${to}`;
    mix[k] = (mix[k] ?? 0) + 1;
    if (from !== to) raw.push({ from, to, action: action.name, request: region.request, context: region.context });
  };
  const regions = triples === undefined ? space.forEach(decide) : space.forTriples(triples, decide);
  const classes = describeClasses(raw, (c) => space.dimensions(c.action, c.request.resource, c.request.principal).map((d) => d.values.map((v) => (v.label === "" ? `${d.key} absent` : v.label))));
  return { equivalent: raw.length === 0, classes, regions, changedRegions: raw.length, mix, ...(triples === undefined ? {} : { triples: triples.length }) };
}

// The resources worth asking about, per action target (docs/request-model.md "The resource"):
// every key either graph knows (any other key is an unknown-key error in both); for requests with
// no key, `*` and the synthetic `arn:P:kms:R:A:*` in every partition, Region and account class; for
// aliases, alias ARNs with one name per region of the alias-name patterns. Exact because the
// Resource patterns of those statements are refused (KA0005) unless their partition, service,
// Region and account parts are literal or a whole `*`, so those parts are told apart only by
// equality with the literals the graphs mention.
import type { DecisionGraph, ResourceNode } from "@kms-cedar/runtime";
import { arnComponents, domainNfa, globNfa, type PatternNfa } from "../atoms/pattern-nfa.js";
import { stringRegions } from "../atoms/string-regions.js";
import { AnalysisCode, refuse } from "../diagnostics.js";
import { plainValues, resourceNodesFor } from "./graph-tests.js";
import type { Mentions } from "./principal-space.js";

const WILD = /[*?]/;

/** Checks the patterns (KA0005), notes their literal partitions, Regions and accounts, returns the alias-name globs. */
export function readResourcePatterns(nodes: readonly ResourceNode[], m: Mentions): string[] {
  const aliasGlobs: string[] = [];
  for (const n of nodes) {
    for (const p of plainValues(n.patterns, "a Resource pattern")) {
      if (p === "*") continue;
      const c = arnComponents(p);
      const head = c.length === 6 ? c.slice(0, 5) : c.slice(0, -1);
      const last = c[c.length - 1]!;
      if (head.some((part) => WILD.test(part) && part !== "*") || (c.length < 6 && WILD.test(last) && last !== "*")) {
        refuse(AnalysisCode.resourcePattern, `the Resource pattern \`${p}\` has a partial wildcard before its resource part`);
      }
      if (c.length >= 2 && !WILD.test(c[1]!)) m.partitions.add(c[1]!);
      if (c.length >= 4 && !WILD.test(c[3]!)) m.regions.add(c[3]!);
      if (c.length >= 5 && /^\d{12}$/.test(c[4]!)) m.accounts.add(c[4]!);
      if (c.length === 6) aliasGlobs.push(c[5]!);
    }
  }
  return aliasGlobs;
}

export interface ResourceSpace {
  readonly keys: readonly string[];
  readonly none: readonly string[];
  readonly aliases: readonly string[];
}

export function buildResourceSpace(graphs: readonly DecisionGraph[], m: Mentions, accounts: readonly string[], aliasGlobs: readonly string[]): ResourceSpace {
  const keys = [...new Set(graphs.flatMap((g) => Object.keys(g.keys)))].sort();
  const partitions = [...m.partitions, "aws-fresh"].filter((p, i, a) => a.indexOf(p) === i);
  const regions = [...m.regions, "xx-fresh-1"];
  const none = ["*"];
  for (const p of partitions) for (const r of regions) for (const a of accounts) none.push(`arn:${p}:kms:${r}:${a}:*`);
  // Alias names: the regions of the resource-part globs (a `*` there spans any run, `?` one character: names have no colon).
  const globs: PatternNfa[] = [...new Set(aliasGlobs)].map(globNfa);
  const names = stringRegions(globs, domainNfa(["alias/", { cls: "noColon", count: "+" }])).map((r) => r.witness);
  const aliases: string[] = [];
  for (const p of partitions) for (const r of regions) for (const a of accounts) for (const n of names) aliases.push(`arn:${p}:kms:${r}:${a}:${n}`);
  return { keys, none, aliases };
}

export { resourceNodesFor };

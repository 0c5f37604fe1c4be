// The graph's integrity digest (docs/graph-format.md): SHA-256 over a canonical serialization of
// every member but `digest` (objects with their members sorted by name, no whitespace). The compiler
// writes it, `readGraph` refuses a graph whose digest does not match: a hand-edited or damaged
// graph.json is not evaluated. An integrity check, not a signature: anyone can recompute it.
import type { DecisionGraph } from "./graph-types.js";
import { sha256Hex } from "./sha256.js";

/** `sha256:` and the hex digest of `graph` (its own `digest` member is not part of it). */
export function graphDigest(graph: Omit<DecisionGraph, "digest"> | DecisionGraph): string {
  const { digest: _ignored, ...rest } = graph as DecisionGraph;
  return `sha256:${sha256Hex(canonicalJson(rest))}`;
}

/** `graph` with its digest set (the compiler's last step). */
export function sealGraph(graph: Omit<DecisionGraph, "digest"> | DecisionGraph): DecisionGraph {
  return { ...(graph as DecisionGraph), digest: graphDigest(graph) };
}

/**
 * JSON with object members sorted by name (UTF-16 order) and no whitespace; a member whose value is
 * `undefined` is left out, an `undefined` array element is `null` (a hole: nothing, as `map`+`join`
 * gave before; neither occurs in a graph). Recursive:
 * only ever called on a graph whose shape was checked (at most six levels deep) or that the compiler
 * built. PERF (issue 14): one string built by appending (no intermediate arrays), twice per bundle.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + (i in value ? canonicalJson(value[i]) : "");
    return `${out}]`;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const names = Object.keys(record).sort();
    let out = "{";
    for (const k of names) {
      const member = record[k];
      if (member === undefined) continue;
      out += `${out.length === 1 ? "" : ","}${JSON.stringify(k)}:${canonicalJson(member)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? "null";
}

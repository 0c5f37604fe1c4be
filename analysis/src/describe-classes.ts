// Groups the regions whose decision changes into readable classes: one class per (from, to,
// caller, resource, condition region), actions merged, and the condition region compressed by
// merging regions that differ in one key only (a key whose every value is in the class is dropped).
// The class is exactly the union of its regions: nothing is widened.
import type { Request } from "@kms-cedar/runtime";
import type { Outcome } from "./outcome.js";

export interface RawChange {
  readonly from: Outcome;
  readonly to: Outcome;
  readonly action: string;
  readonly request: Request;
  readonly context: readonly string[];
}

export interface ChangeClass {
  readonly from: Outcome;
  readonly to: Outcome;
  readonly principals: string[];
  readonly actions: string[];
  readonly resources: string[];
  /** Alternatives (OR), each a conjunction of key conditions; `["any context"]` when unconstrained. */
  readonly condition: string[];
  readonly witness: Request;
  /** How many enumerated regions the class holds. */
  readonly regions: number;
}

/** `allLabels(change)` lists, per context position, every label its dimension has. */
export function describeClasses(changes: readonly RawChange[], allLabels: (c: RawChange) => readonly (readonly string[])[]): ChangeClass[] {
  const groups = new Map<string, RawChange[]>();
  for (const c of changes) {
    const k = `${c.from}\u0000${c.to}\u0000${c.request.principal}\u0000${c.request.resource}\u0000${c.action}`;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [c]);
    else list.push(c);
  }
  let classes: ChangeClass[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const condition = compress(list.map((c) => c.context), allLabels(first));
    classes.push({
      from: first.from, to: first.to, principals: [first.request.principal], actions: [first.action], resources: [first.request.resource],
      condition, witness: first.request, regions: list.length,
    });
  }
  // Merge along one field at a time: classes equal in everything else share it.
  for (const field of ["actions", "principals", "resources"] as const) classes = mergeAlong(classes, field);
  return classes;
}

function mergeAlong(classes: readonly ChangeClass[], field: "actions" | "principals" | "resources"): ChangeClass[] {
  const out = new Map<string, ChangeClass>();
  for (const c of classes) {
    const rest = (["actions", "principals", "resources"] as const).filter((f) => f !== field).map((f) => c[f].join(","));
    const k = [c.from, c.to, ...rest, c.condition.join("\u0001")].join("\u0000");
    const hit = out.get(k);
    if (hit === undefined) out.set(k, { ...c, [field]: [...c[field]] });
    else out.set(k, { ...hit, [field]: [...hit[field], ...c[field]], regions: hit.regions + c.regions });
  }
  return [...out.values()];
}

/** Merges label vectors that differ in one position, until none do; renders the alternatives. */
export function compress(rows: readonly (readonly string[])[], full: readonly (readonly string[])[]): string[] {
  let sets = dedupe(rows.map((r) => r.map((l) => new Set([l]))));
  const width = full.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 0; k < width; k++) {
      const byRest = new Map<string, Set<string>[]>();
      const order: string[] = [];
      for (const row of sets) {
        const rest = row.map((s, i) => (i === k ? "" : [...s].sort().join("\u0002"))).join("\u0001");
        const hit = byRest.get(rest);
        if (hit === undefined) {
          byRest.set(rest, row.map((s) => new Set(s)));
          order.push(rest);
        } else {
          for (const l of row[k]!) hit[k]!.add(l);
        }
      }
      const merged = order.map((r) => byRest.get(r)!);
      if (merged.length !== sets.length) changed = true;
      sets = merged;
    }
  }
  return sets.map((row) => {
    const parts: string[] = [];
    row.forEach((s, i) => {
      if (s.size === full[i]!.length) return; // every value of this key: no constraint
      const labels = [...s].sort();
      parts.push(labels.length === 1 ? labels[0]! : `(${labels.join(" or ")})`);
    });
    return parts.length === 0 ? "any context" : parts.join(" and ");
  }).sort();
}

function dedupe(rows: Set<string>[][]): Set<string>[][] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = r.map((s) => [...s].sort().join("\u0002")).join("\u0001");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

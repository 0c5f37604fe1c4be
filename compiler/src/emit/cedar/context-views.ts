// The attributes the emitted policies read about a condition key ("views"): the key's natural view
// is named after the key (`context["aws:sourceip"]`, an ipaddr), other views are named `kind(key)`,
// tag keys are entity tags, derived tests get descriptive names. Phase: emit (plan, then print).
import type { AttributeKind, ManifestAttribute, ManifestCondition, MarkerName } from "@kms-cedar/runtime/cedar-names";
import type { GraphValue } from "@kms-cedar/runtime";
import { findConditionKey } from "../../catalog/index.js";
import { primary, relation } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { contextAttr, contextHas, str } from "./cedar-literal.js";

/** The value views (derived tests aside). `number` is resolved to long or decimal when planned. */
export type ValueKind = "string" | "set" | "lower" | "bool" | "ip" | "long" | "decimal" | "datetime";

/** A registered attribute, with how the policies read it. */
export interface View {
  readonly name: string;
  readonly kind: AttributeKind;
  /** The name the marker sets use (the key for tag views, else `name`). */
  readonly marker: string;
  readonly has: Expr;
  /** The printed value access. */
  readonly value: string;
  /** Single-value view: two or more request values leave it absent and marked (§3.6). */
  readonly single: boolean;
  /** Typed view: an unparseable request value leaves it absent and marked (§2.2). */
  readonly typed: boolean;
}

const RESOURCE_TAG = "aws:resourcetag/";
const PRINCIPAL_TAG = "aws:principaltag/";
const LABEL: Readonly<Record<ValueKind, string>> = {
  string: "string", set: "set", lower: "lower", bool: "bool", ip: "ip", long: "number", decimal: "number", datetime: "datetime",
};

/** The view a key's values naturally have, from the catalog type (unknown keys are strings). */
export function naturalKind(key: string): "string" | "set" | "bool" | "ip" | "number" | "datetime" {
  const info = findConditionKey(key);
  if (info === undefined) return "string";
  if (info.multiValued) return "set";
  switch (info.type) {
    case "Bool": return "bool";
    case "IPAddress": return "ip";
    case "Numeric": return "number";
    case "Date": return "datetime";
    default: return "string";
  }
}

interface Pending {
  readonly id: string;
  readonly kind: AttributeKind;
  readonly key?: string;
  readonly hint: string;
  readonly main: boolean;
  readonly extra: Partial<ManifestAttribute>;
}

/** Collects views while planning, then names them (`finish`) so printing can refer to them. */
export class ContextViews {
  private readonly pending = new Map<string, Pending>();
  private readonly named = new Map<string, View>();
  private readonly attributes: ManifestAttribute[] = [];
  private readonly usedMarkers = new Set<MarkerName>();
  private resourceName = false;

  /** Records that a policy reads `resource.name` (the schema and the encoder then provide it). */
  useResourceName(): void {
    this.resourceName = true;
  }

  /** Whether some policy reads `resource.name`. */
  usesResourceName(): boolean {
    return this.resourceName;
  }

  private resourcePartition = false;

  /** Records that a policy reads `resource.partition` (the request resource `*`, plan-star.ts). */
  useResourcePartition(): void {
    this.resourcePartition = true;
  }

  /** Whether some policy reads `resource.partition`. */
  usesResourcePartition(): boolean {
    return this.resourcePartition;
  }

  /** Registers the value view `kind` of `key`; returns its id. */
  value(key: string, kind: ValueKind, extra: Partial<ManifestAttribute> = {}): string {
    const id = `${kind}|${key}`;
    if (this.pending.has(id)) return id;
    const natural = naturalKind(key);
    const isTag = kind === "string" && (key.startsWith(RESOURCE_TAG) || key.startsWith(PRINCIPAL_TAG));
    const main = natural === kind || (natural === "number" && (kind === "long" || kind === "decimal"));
    const attrKind: AttributeKind = isTag ? (key.startsWith(RESOURCE_TAG) ? "resource-tag" : "principal-tag") : kind;
    const tag = key.startsWith(RESOURCE_TAG) ? key.slice(RESOURCE_TAG.length) : key.slice(PRINCIPAL_TAG.length);
    this.pending.set(id, { id, kind: attrKind, key, hint: isTag ? tag : main ? key : `${LABEL[kind]}(${key})`, main: main || isTag, extra });
    return id;
  }

  /** Registers a derived condition test (one per graph node); returns its id. */
  conditionTest(node: number, condition: ManifestCondition, why: string): string {
    const id = `test|${node}`;
    const op = `${condition.qualifier === undefined ? "" : `${condition.qualifier}:`}${condition.base}${condition.ifExists ? "IfExists" : ""}`;
    this.pending.set(id, { id, kind: "condition-test", key: condition.key, hint: `${op}(${condition.key})`, main: false, extra: { condition, why } });
    return id;
  }

  /** Registers a derived Resource / NotResource test (one per graph node); returns its id. */
  resourceTest(node: number, negated: boolean, patterns: readonly GraphValue[], why: string): string {
    const id = `resource|${node}`;
    const shown = patterns.map((p) => (typeof p === "string" ? p : p.template.map((t) => ("text" in t ? t.text : "literal" in t ? t.literal : `\${${t.variable}}`)).join(""))).join(", ");
    const hint = `${negated ? "NotResource" : "Resource"}(${shown.length > 80 ? `${shown.slice(0, 79)}…` : shown})`;
    this.pending.set(id, { id, kind: "resource-test", hint, main: false, extra: { resource: { negated, patterns }, why } });
    return id;
  }

  /** Names every registered view: natural views take the key's name, the rest get unique names. */
  finish(): void {
    const taken = new Set<string>(["#unsure", "#several", "#invalid"]);
    const all = [...this.pending.values()];
    const order = (p: Pending): string => `${p.main ? 0 : 1}${p.hint}\u0000${p.id}`;
    all.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    for (const p of all) {
      let name = p.hint;
      // Tag names live in the entity's tags, not in context: they cannot clash with context names.
      const isTag = p.kind === "resource-tag" || p.kind === "principal-tag";
      if (!isTag) {
        for (let n = 2; taken.has(name); n++) name = `${p.hint}#${n}`;
        taken.add(name);
      }
      this.named.set(p.id, this.makeView(p, name));
      const derived = p.kind === "lower" || p.kind === "condition-test" || p.kind === "resource-test";
      this.attributes.push({
        name,
        kind: p.kind,
        ...(p.key !== undefined ? { key: p.key } : {}),
        derived,
        ...p.extra,
      });
    }
  }

  private makeView(p: Pending, name: string): View {
    const single = p.kind !== "set" && p.kind !== "condition-test" && p.kind !== "resource-test";
    const typed = p.kind === "bool" || p.kind === "ip" || p.kind === "long" || p.kind === "decimal" || p.kind === "datetime";
    if (p.kind === "resource-tag" || p.kind === "principal-tag") {
      const target = p.kind === "resource-tag" ? "resource" : "principal";
      return {
        name, kind: p.kind, marker: p.key!, single: true, typed: false,
        has: primary(`${target}.hasTag(${str(name)})`), value: `${target}.getTag(${str(name)})`,
      };
    }
    return { name, kind: p.kind, marker: name, single, typed, has: relation(contextHas(name)), value: contextAttr(name) };
  }

  /** A named view (after `finish`). */
  get(id: string): View {
    const v = this.named.get(id);
    if (v === undefined) throw new Error(`INVARIANT: view \`${id}\` was not planned`);
    return v;
  }

  /** Records that a marker set is read, so the schema and the encoder provide it. */
  useMarker(marker: MarkerName): void {
    this.usedMarkers.add(marker);
  }

  /** The markers read, in a fixed order. */
  markers(): MarkerName[] {
    return (["#unsure", "#several", "#invalid"] as const).filter((m) => this.usedMarkers.has(m));
  }

  /** Every attribute, sorted by name (tag views, which live on entities, last). */
  list(): readonly ManifestAttribute[] {
    const rank = (a: ManifestAttribute): string => `${a.kind.endsWith("-tag") ? 1 : 0}${a.name}`;
    return [...this.attributes].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  }
}

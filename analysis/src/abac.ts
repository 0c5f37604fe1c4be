// ABAC escalation paths (issue 13): who may tag, untag or move aliases on which key, and whose
// access that changes. For every caller class that may run kms:TagResource (or UntagResource) on a
// key with a tag value (one per class of values the aws:RequestTag / aws:ResourceTag tests tell
// apart), every other caller class and action is decided on that key with aws:ResourceTag/<tag> set
// to the value and absent: where the first allows and the second does not, tagging grants access
// (untagging revokes it). Aliases the same way through kms:ResourceAliases: CreateAlias adds an alias
// to a key, DeleteAlias removes it, UpdateAlias moves it from one key of the bundle to another; each
// is an operation whose checks on the alias ARN and on every key it touches must all allow, in one
// shared context (alias-operations.ts, docs/request-model.md §5.5). All over the exact request space:
// the other condition keys range over their classes too.
import { createAuthorizer } from "@kms-cedar/runtime";
import type { DecisionGraph, Request } from "@kms-cedar/runtime";
import { outcomeOf } from "./outcome.js";
import { conditionsByKey } from "./space/graph-tests.js";
import { valueClasses } from "./space/key-dimension.js";
import { aliasArnBeside, aliasNameClasses, allowedAliasOperation, sameAccountAndRegion } from "./alias-operations.js";
import { DEFAULT_REGION_BOUND, RequestSpace } from "./space/request-space.js";
import type { SpaceOptions } from "./space/request-space.js";

export interface AccessChange {
  readonly principal: string;
  readonly actions: string[];
}

export interface AbacPath {
  readonly actor: string;
  /** `kms:TagResource Project=Alpha`, `kms:UntagResource Project`, `kms:CreateAlias alias/x`, … */
  readonly change: string;
  readonly key: string;
  readonly grants?: AccessChange[];
  readonly revokes?: AccessChange[];
}

const TAG_PREFIX = "aws:resourcetag/";

/** Regions of the space for one action, caller and key, with their requests. */
function regionsOf(space: RequestSpace, action: string, principal: string, key: string): Request[] {
  return space.requestsOf(action, key, principal);
}

function withContext(r: Request, set: Readonly<Record<string, string | string[] | undefined>>): Request {
  const context: Record<string, string | string[]> = { ...(r.context ?? {}) } as Record<string, string | string[]>;
  for (const [k, v] of Object.entries(set)) {
    for (const existing of Object.keys(context)) if (existing.toLowerCase() === k) delete context[existing];
    if (v !== undefined) context[k] = v;
  }
  return Object.keys(context).length === 0 ? { principal: r.principal, action: r.action, resource: r.resource } : { ...r, context };
}

export function abacPaths(graph: DecisionGraph, options: SpaceOptions = {}): AbacPath[] {
  const space = new RequestSpace([graph], options);
  space.count(); // refuses (KA0006) beyond the bound before any work
  const authorizer = createAuthorizer(graph);
  const allows = (r: Request): boolean => outcomeOf(authorizer.decide(r)) === "Allow";
  const conditions = conditionsByKey([graph]);
  const keyActions = space.actions.filter((a) => a.target === "key").map((a) => a.name);
  const paths: AbacPath[] = [];

  // For every caller class: the actions it gains (present, not absent) and loses when a key attribute is `value` rather than absent. Memoized per (key, attribute, value).
  const memo = new Map<string, { gains: AccessChange[]; losses: AccessChange[] }>();
  const compare = (key: string, attribute: string, value: string | string[]): { gains: AccessChange[]; losses: AccessChange[] } => {
    const k = JSON.stringify([key, attribute, value]);
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const gains: AccessChange[] = [];
    const losses: AccessChange[] = [];
    for (const principal of space.principals) {
      const gained = new Set<string>();
      const lost = new Set<string>();
      for (const action of keyActions) {
        for (const r of regionsOf(space, action, principal, key)) {
          const on = allows(withContext(r, { [attribute]: value }));
          const off = allows(withContext(r, { [attribute]: undefined }));
          if (on && !off) gained.add(action);
          if (off && !on) lost.add(action);
          if (gained.has(action) && lost.has(action)) break;
        }
      }
      if (gained.size > 0) gains.push({ principal, actions: [...gained] });
      if (lost.size > 0) losses.push({ principal, actions: [...lost] });
    }
    const result = { gains, losses };
    memo.set(k, result);
    return result;
  };
  /** A path when the change moves someone else's access; `adds`: the attribute is set (else removed). */
  const record = (actor: string, change: string, key: string, attribute: string, values: readonly (string | string[])[], adds: boolean): void => {
    const others = (list: AccessChange[]): AccessChange[] => list.filter((c) => c.principal !== actor);
    const gains = merge(values.flatMap((v) => others(compare(key, attribute, v).gains)));
    const losses = merge(values.flatMap((v) => others(compare(key, attribute, v).losses)));
    const grants = adds ? gains : losses;
    const revokes = adds ? losses : gains;
    if (grants.length === 0 && revokes.length === 0) return;
    paths.push({ actor, change, key, ...(grants.length > 0 ? { grants } : {}), ...(revokes.length > 0 ? { revokes } : {}) });
  };

  const tags = [...conditions.keys()].filter((k) => k.startsWith(TAG_PREFIX)).map((k) => k.slice(TAG_PREFIX.length));
  for (const tag of tags) {
    const nodes = [...(conditions.get(`${TAG_PREFIX}${tag}`) ?? []), ...(conditions.get(`aws:requesttag/${tag}`) ?? [])];
    const values = valueClasses(`${TAG_PREFIX}${tag}`, nodes).classes.map((c) => c.witness);
    for (const key of space.resources.keys) {
      for (const actor of space.principals) {
        for (const value of values) {
          const tagging = regionsOf(space, "kms:TagResource", actor, key).some((r) => allows(withContext(r, { [`aws:requesttag/${tag}`]: value, "aws:tagkeys": [tag] })));
          if (tagging) record(actor, `kms:TagResource ${tag}=${value}`, key, `${TAG_PREFIX}${tag}`, [value], true);
        }
        const untagging = regionsOf(space, "kms:UntagResource", actor, key).some((r) => allows(withContext(r, { "aws:tagkeys": [tag] })));
        // Untagging removes whatever value the tag had: every value class counts.
        if (untagging) record(actor, `kms:UntagResource ${tag}`, key, `${TAG_PREFIX}${tag}`, values, false);
      }
    }
  }

  // Aliases: an operation of two or three checks (alias-operations.ts), each of which must allow.
  if ((conditions.get("kms:resourcealiases") ?? []).length > 0) {
    const names = aliasNameClasses(graph, conditions);
    const bound = options.bound ?? DEFAULT_REGION_BOUND;
    const may = (action: string, actor: string, resources: readonly string[]): boolean =>
      allowedAliasOperation(space, (r) => authorizer.decide(r), action, actor, resources, bound) !== undefined;
    const keys = space.resources.keys;
    for (const key of keys) {
      // UpdateAlias moves an alias between two keys of one account and Region, both in the bundle (any other key is unknown: KR0004).
      const others = keys.filter((k) => k !== key && sameAccountAndRegion(k, key));
      for (const actor of space.principals) {
        for (const name of names) {
          const alias = aliasArnBeside(key, name);
          if (may("kms:CreateAlias", actor, [alias, key])) record(actor, `kms:CreateAlias ${name}`, key, "kms:resourcealiases", [[name]], true);
          if (may("kms:DeleteAlias", actor, [alias, key])) record(actor, `kms:DeleteAlias ${name}`, key, "kms:resourcealiases", [[name]], false);
          const from = others.find((old) => may("kms:UpdateAlias", actor, [alias, old, key]));
          if (from !== undefined) record(actor, `kms:UpdateAlias ${name} from ${from}`, key, "kms:resourcealiases", [[name]], true);
          const to = others.find((next) => may("kms:UpdateAlias", actor, [alias, key, next]));
          if (to !== undefined) record(actor, `kms:UpdateAlias ${name} to ${to}`, key, "kms:resourcealiases", [[name]], false);
        }
      }
    }
  }
  return paths;
}

function merge(list: readonly AccessChange[]): AccessChange[] {
  const m = new Map<string, Set<string>>();
  for (const c of list) {
    const s = m.get(c.principal) ?? new Set<string>();
    for (const a of c.actions) s.add(a);
    m.set(c.principal, s);
  }
  return [...m].map(([principal, actions]) => ({ principal, actions: [...actions] }));
}

/** Graphviz DOT: actor → key edges labelled with the change, key → principal edges with the actions. */
export function abacDot(paths: readonly AbacPath[]): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = ["digraph abac {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"];
  for (const p of paths) {
    lines.push(`  ${q(p.actor)} -> ${q(p.key)} [label=${q(p.change)}];`);
    for (const g of p.grants ?? []) lines.push(`  ${q(p.key)} -> ${q(g.principal)} [label=${q(`grants ${g.actions.join(", ")}`)}, color="darkgreen"];`);
    for (const r of p.revokes ?? []) lines.push(`  ${q(p.key)} -> ${q(r.principal)} [label=${q(`revokes ${r.actions.join(", ")}`)}, color="red", style=dashed];`);
  }
  lines.push("}");
  return [...new Set(lines)].join("\n") + "\n";
}

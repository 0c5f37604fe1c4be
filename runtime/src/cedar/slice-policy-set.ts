// Slices a Cedar policy set so a request is decided by the policies that can apply to it, not by
// every policy of the organisation (issue 14). A policy is put in a slice by its head (scope) only:
//   - `resource == Kms::Key::"K"`            → the slice of key K (a key policy's statements and gate);
//   - `principal in Iam::Policy::"P"`        → the slice of identity policy P (its statements);
//   - anything else                          → the common slice, consulted for every request.
// EXACT: Cedar evaluates a policy as `scope && when && !unless` with `&&` short-circuiting, so a policy
// whose head is false for a request is neither satisfied nor errors: leaving it out changes neither
// the decision nor the determining policies nor the errors. `resource == K` is false unless the
// request resource is K; `principal in P` is false unless P is the principal or one of its ancestors,
// and every ancestor is named in the request's entities (uid or parent), see `policyEntitiesOf`.
// Heads of any other form (wildcards, `is`, a key named in the `when`, several keys sharing one key
// policy) stay in the common slice: a slower decision, never a dropped policy.
import type { EntityJson, EntityUidJson, PolicyJson } from "@cedar-policy/cedar-wasm/nodejs";
import { CedarType } from "./cedar-names.js";

export interface PolicySlices {
  /** Policies consulted for every request (id → text, in policy-set order). */
  readonly common: Readonly<Record<string, string>>;
  /** Key ARN → the policies whose head is `resource == Kms::Key::"ARN"`. */
  readonly byKey: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Iam::Policy entity id → the policies whose head is `principal in Iam::Policy::"id"`. */
  readonly byPolicy: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** Which slice a policy head puts it in. */
export type SliceOf = { readonly kind: "common" } | { readonly kind: "key" | "policy"; readonly id: string };

const COMMON: SliceOf = { kind: "common" };

/** The slice of one policy from its JSON form (`policyToJson`). */
export function sliceOf(json: PolicyJson): SliceOf {
  const resource = json.resource;
  if (resource.op === "==" && "entity" in resource) {
    const uid = plainUid(resource.entity);
    if (uid.type === CedarType.key) return { kind: "key", id: uid.id };
  }
  const principal = json.principal;
  if (principal.op === "in" && "entity" in principal) {
    const uid = plainUid(principal.entity);
    if (uid.type === CedarType.policy) return { kind: "policy", id: uid.id };
  }
  return COMMON;
}

/**
 * The slice of one policy from its text (one policy, as `policySetTextToParts` gives it): the head is
 * read with a small tokenizer (comments, string literals, `::`); only the forms above with an id free
 * of escapes are recognised, anything else is common. PERF: no cedar-wasm call per policy at load.
 * A test checks it against `sliceOf` of Cedar's own JSON form.
 */
export function sliceOfText(text: string): SliceOf {
  const tokens = headTokens(text);
  if (tokens === undefined) return COMMON;
  // `permit|forbid ( principal-clause , action-clause , resource-clause )`
  const open = tokens.findIndex((t) => t === "permit" || t === "forbid");
  if (open < 0 || tokens[open + 1] !== "(") return COMMON;
  const head = tokens.slice(open + 2);
  const close = head.lastIndexOf(")");
  // The commas between the clauses: those outside brackets (an action list `[…, …]` has its own).
  const commas: number[] = [];
  let brackets = 0;
  head.forEach((t, i) => {
    if (t === "[") brackets++;
    else if (t === "]") brackets--;
    else if (t === "," && brackets === 0) commas.push(i);
  });
  if (close !== head.length - 1 || commas.length !== 2) return COMMON;
  const principal = head.slice(0, commas[0]);
  const resource = head.slice(commas[1]! + 1, close);
  const pinned = (clause: readonly string[], variable: string, op: string, type: readonly string[]): string | undefined => {
    if (clause.length !== 3 + type.length * 2 || clause[0] !== variable || clause[1] !== op) return undefined;
    for (let i = 0; i < type.length; i++) if (clause[2 + i * 2] !== type[i] || clause[3 + i * 2] !== "::") return undefined;
    const literal = clause[clause.length - 1]!;
    if (!literal.startsWith('"') || literal.includes("\\")) return undefined;
    return literal.slice(1, -1);
  };
  const key = pinned(resource, "resource", "==", CedarType.key.split("::"));
  if (key !== undefined) return { kind: "key", id: key };
  const policy = pinned(principal, "principal", "in", CedarType.policy.split("::"));
  if (policy !== undefined) return { kind: "policy", id: policy };
  return COMMON;
}

/** The tokens of a policy up to the end of its head (`)` before `when`/`unless`/`;`), or undefined. */
function headTokens(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let started = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) return undefined;
      out.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      out.push(word);
      if ((word === "permit" || word === "forbid") && out[out.length - 2] !== "@") started = true;
      i = j;
    } else if (c === ":" && text[i + 1] === ":") {
      out.push("::");
      i += 2;
    } else if (c === "=" && text[i + 1] === "=") {
      out.push("==");
      i += 2;
    } else {
      out.push(c);
      i++;
      if (!started) continue;
      if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return out;
    }
  }
  return undefined;
}

/** Slices `policies` (id → text, in order). */
export function slicePolicySet(policies: Readonly<Record<string, string>>): PolicySlices {
  const common = Object.create(null) as Record<string, string>;
  const byKey = new Map<string, Record<string, string>>();
  const byPolicy = new Map<string, Record<string, string>>();
  for (const id of Object.keys(policies)) {
    const text = policies[id]!;
    const slice = sliceOfText(text);
    if (slice.kind === "common") {
      common[id] = text;
      continue;
    }
    const map = slice.kind === "key" ? byKey : byPolicy;
    let group = map.get(slice.id);
    if (group === undefined) map.set(slice.id, (group = Object.create(null) as Record<string, string>));
    group[id] = text;
  }
  return { common, byKey, byPolicy };
}

/**
 * Every Iam::Policy id the request's entities name, as an entity or as a parent, sorted: a superset
 * of the principal's ancestors of that type (Cedar's `in` follows parents, named or not).
 */
export function policyEntitiesOf(principal: EntityUidJson, entities: readonly EntityJson[]): string[] {
  const ids = new Set<string>();
  const look = (e: EntityUidJson): void => {
    const uid = plainUid(e);
    if (uid.type === CedarType.policy) ids.add(uid.id);
  };
  look(principal);
  for (const entity of entities) {
    look(entity.uid);
    for (const parent of entity.parents) look(parent);
  }
  return [...ids].sort();
}

/** The ids of the `byPolicy` slices a request can reach: its principal's `Iam::Policy` ancestors that head one (sorted). */
export function reachedSlices(principal: EntityUidJson, entities: readonly EntityJson[], byPolicy: ReadonlyMap<string, unknown>): string[] {
  return policyEntitiesOf(principal, entities).filter((p) => byPolicy.has(p));
}

/** An entity uid's type and id, in either JSON form. */
export function plainUid(e: EntityUidJson): { readonly type: string; readonly id: string } {
  return "__entity" in e ? e.__entity : e;
}

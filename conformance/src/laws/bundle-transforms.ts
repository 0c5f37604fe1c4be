// Pure rewrites of a plain JSON bundle that the metamorphic laws compare against: permute
// statements, add a statement, drop statements by a predicate. Inputs are never mutated.
// Phase: conformance laws. Assumes the bundle shape of DESIGN §2 with inline documents.

export type Json = Record<string, unknown>;
export interface PlainBundleShape {
  readonly keys?: Readonly<Record<string, { readonly policy: unknown }>>;
  readonly principals?: Readonly<Record<string, { readonly policies: readonly unknown[] }>>;
}
// Every rewrite keeps the bundle's other members (the layers: organization, endpoints, boundaries,
// session policies, grants; docs/request-model.md) as they are: the laws compare statements only.

export type PolicyKind = "key" | "identity";

/** Where a policy sits: `keys[ARN]` or `principals[ARN][i]` (the engines' reason locations). */
export interface PolicyPlace {
  readonly kind: PolicyKind;
  readonly owner: string;
  readonly index: number;
  readonly location: string;
}

/** The statements of a policy document as a list (a single statement object becomes one element). */
export function statementsOf(policy: unknown): Json[] {
  if (typeof policy !== "object" || policy === null) return [];
  const s = (policy as Json)["Statement"];
  if (Array.isArray(s)) return s as Json[];
  return typeof s === "object" && s !== null ? [s as Json] : [];
}

/** A policy document with its statements replaced (`undefined` when none remain: drop the policy). */
function withStatements(policy: unknown, statements: Json[]): Json | undefined {
  if (statements.length === 0) return undefined;
  return { ...(policy as Json), Statement: statements };
}

/** A key-policy statement that never applies to generated callers, for key policies left empty. */
export const INERT_KEY_STATEMENT: Json = {
  Sid: "Inert", Effect: "Deny", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "kms:Decrypt", Resource: "*",
};

/**
 * Rewrites every policy's statement list with `f` (which sees where the policy is). A key policy
 * left empty gets the inert statement; an identity policy left empty is dropped (its principal stays,
 * with fewer or no policies).
 */
export function mapStatements(bundle: PlainBundleShape, f: (statements: Json[], place: PolicyPlace) => Json[]): PlainBundleShape {
  // Prototype-free: the ARNs are generated data, and hostile families name keys `__proto__`.
  const keys: Record<string, { policy: unknown }> = Object.create(null) as Record<string, { policy: unknown }>;
  for (const [arn, entry] of Object.entries(bundle.keys ?? {})) {
    const place: PolicyPlace = { kind: "key", owner: arn, index: 0, location: `keys[${arn}]` };
    // The entry's other members (a key's grants) stay as they are.
    keys[arn] = { ...entry, policy: withStatements(entry.policy, f(statementsOf(entry.policy), place)) ?? { ...(entry.policy as Json), Statement: [INERT_KEY_STATEMENT] } };
  }
  const principals: Record<string, { policies: readonly unknown[] }> = Object.create(null) as Record<string, { policies: readonly unknown[] }>;
  for (const [arn, entry] of Object.entries(bundle.principals ?? {})) {
    const policies: unknown[] = [];
    // A session's entry may hold only its session policies (docs/request-model.md "Layers").
    if (!Array.isArray(entry.policies)) {
      principals[arn] = { ...entry };
      continue;
    }
    entry.policies.forEach((policy, index) => {
      const place: PolicyPlace = { kind: "identity", owner: arn, index, location: `principals[${arn}][${index}]` };
      const next = withStatements(policy, f(statementsOf(policy), place));
      if (next !== undefined) policies.push(next);
    });
    // Kept even with no policy left: the principals a bundle names decide a role session's
    // aws:PrincipalArn (docs/request-model.md: the bundle's one role of that name), so dropping the
    // entry would change a derived key, not just remove statements.
    principals[arn] = { ...entry, policies };
  }
  return { ...bundle, keys, principals };
}

/** A small deterministic generator (mulberry32), so a law's rewrite is reproducible from the case. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates with `random`). */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every statement list permuted, and every principal's list of policies too. */
export function permuteBundle(bundle: PlainBundleShape, seed: number): PlainBundleShape {
  const random = seededRandom(seed);
  const permuted = mapStatements(bundle, (statements) => shuffled(statements, random));
  const principals: Record<string, { policies: readonly unknown[] }> = Object.create(null) as Record<string, { policies: readonly unknown[] }>;
  for (const [arn, entry] of Object.entries(permuted.principals ?? {})) principals[arn] = Array.isArray(entry.policies) ? { ...entry, policies: shuffled(entry.policies, random) } : { ...entry };
  return { ...permuted, keys: permuted.keys ?? {}, principals };
}

/** Adds `statement` at the end of the policy at `location` (an identity location may name a new policy). */
export function addStatement(bundle: PlainBundleShape, location: string, statement: Json): PlainBundleShape {
  let added = false;
  const out = mapStatements(bundle, (statements, place) => {
    if (place.location !== location) return statements;
    added = true;
    return [...statements, statement];
  });
  if (added) return out;
  // A principal without that policy yet: give it a new one.
  const m = /^principals\[(.+)\]\[\d+\]$/.exec(location);
  if (m === null) return out;
  const owner = m[1]!;
  const principals: Record<string, { policies: readonly unknown[] }> = Object.assign(Object.create(null) as Record<string, { policies: readonly unknown[] }>, out.principals ?? {});
  const prior = principals[owner];
  principals[owner] = { ...prior, policies: [...(prior?.policies ?? []), { Version: "2012-10-17", Statement: [statement] }] };
  return { ...out, keys: out.keys ?? {}, principals };
}

/** The statement at `location`/`index` of the bundle, or `undefined`. */
export function findStatement(bundle: PlainBundleShape, location: string, index: number): Json | undefined {
  let found: Json | undefined;
  mapStatements(bundle, (statements, place) => {
    if (place.location === location) found = statements[index];
    return statements;
  });
  return found;
}

/** Whether a key-policy Principal names an account (root ARN or bare account id) anywhere. */
export function namesAnAccount(principal: unknown): boolean {
  if (typeof principal !== "object" || principal === null) return false;
  const aws = (principal as Json)["AWS"];
  const list = Array.isArray(aws) ? aws : [aws];
  return list.some((p) => typeof p === "string" && (/^\d{12}$/.test(p) || /^arn:[^:]+:iam::\d{12}:root$/.test(p)));
}

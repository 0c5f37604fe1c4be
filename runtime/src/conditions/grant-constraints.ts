// What a grant's constraints mean over a request's context (docs/semantics/grants.md §1–§2): the one
// definition, used by the graph's grant term (evaluate/grant-allows.ts) and by the Cedar encoder, which
// hands Cedar one Boolean per grant (cedar/encode-layers.ts). Reads the context entries a grant's
// constraints test (`kms:EncryptionContext:<key>` and `aws:SourceArn`), as the engine read them once
// (request/snapshot-input.ts says why never twice). Pure.
import type { Request } from "../contracts.js";
import type { GraphGrantConstraints } from "../graph/graph-types.js";
import { lowerEquals, lowerStartsWith, sameLowerFrom } from "./lower-case.js";

/**
 * The context entries a grant's constraints test, in context order: `names[i]` gave `values[i]`, for
 * `i < count`. The graph's context reader keeps them in its one pass over the context (no allocation
 * per request); `grantEntriesOf` reads them from a context already read once.
 */
export interface GrantEntries {
  readonly count: number;
  readonly names: readonly string[];
  readonly values: readonly (string | readonly string[])[];
}

/**
 * grants.md §2: the grant operations whose encryption-context constraint is tested (they take an
 * encryption context); CreateGrant is decided on its own; the others ignore the constraint.
 */
const WITH_ENCRYPTION_CONTEXT: ReadonlySet<string> = new Set([
  "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
  "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo",
]);

const ENCRYPTION_CONTEXT_PREFIX = "kms:encryptioncontext:";
const SOURCE_ARN = "aws:sourcearn";
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Whether a context entry of this name is one a grant's constraints test (GrantEntries). */
export function isGrantEntryName(name: string): boolean {
  return lowerStartsWith(name, ENCRYPTION_CONTEXT_PREFIX) || (name.length === SOURCE_ARN.length && lowerEquals(name, SOURCE_ARN));
}

/** The GrantEntries of a context that was read once already (a snapshot: reading it again reads the same). */
export function grantEntriesOf(context: Request["context"]): GrantEntries {
  const names: string[] = [];
  const values: (string | readonly string[])[] = [];
  if (context !== undefined) {
    for (const name in context) {
      if (!hasOwn(context, name) || !isGrantEntryName(name)) continue;
      names.push(name);
      values.push(context[name]!);
    }
  }
  return { count: names.length, names, values };
}

/** Whether `constraints` hold for `operation` (the action name without `kms:`) on a request whose grant entries are `entries`. */
export function grantConstraintsHold(constraints: GraphGrantConstraints, operation: string, entries: GrantEntries): boolean {
  if (constraints.sourceArn !== undefined && !sourceArnHolds(constraints.sourceArn, entries)) return false;
  const wanted = constraints.encryptionContextEquals ?? constraints.encryptionContextSubset;
  if (wanted === undefined) return true;
  // grants.md §2 (Our rule, AWS silent): a grant with an encryption-context constraint never allows CreateGrant.
  if (operation === "CreateGrant") return false;
  // AWS: grants.md §2 — "The encryption context constraint is ignored for DescribeKey and RetireGrant operations."
  if (!WITH_ENCRYPTION_CONTEXT.has(operation)) return true;
  return pairsHold(wanted, constraints.encryptionContextEquals !== undefined, entries);
}

/** `aws:SourceArn` of the request: one entry (any letter case), one distinct value, equal to `wanted`. */
function sourceArnHolds(wanted: string, entries: GrantEntries): boolean {
  let found: string | readonly string[] | undefined;
  let count = 0;
  for (let i = 0; i < entries.count; i++) {
    const name = entries.names[i]!;
    // PERF: only a name of the same length can be it (request/request-endpoint.ts `contextEntry` says why).
    if (name.length !== SOURCE_ARN.length || !lowerEquals(name, SOURCE_ARN)) continue;
    count++;
    found = entries.values[i];
  }
  if (count !== 1 || found === undefined) return false;
  return soleValue(found) === wanted;
}

/**
 * Whether the request's encryption-context pairs hold the `wanted` pairs (all of them, and no other
 * when `equals`). The pairs are the request's `kms:EncryptionContext:<key>` entries, the pair key as
 * written after the prefix; none hold when they cannot be read exactly (grants.md §2 Our rule, A18):
 * a key given twice in different letter case, or an entry with several values. An empty array is
 * absent. PERF: nothing is made per call but a list of names for a third pair and more (a Map, a Set
 * and arrays were, per grant matched).
 */
function pairsHold(wanted: readonly (readonly [string, string])[], equals: boolean, entries: GrantEntries): boolean {
  // The pairs read, the wanted pairs whose key they give, and whether those have the wanted value.
  let pairs = 0, matched = 0, values = true;
  // The names of the pairs read so far (to find a key given twice in different letter case).
  let first: string | undefined, more: string[] | undefined;
  for (let i = 0; i < entries.count; i++) {
    const name = entries.names[i]!;
    if (!lowerStartsWith(name, ENCRYPTION_CONTEXT_PREFIX)) continue;
    if (first === undefined) first = name;
    else if (sameKeyIgnoringCase(first, more, name)) return false;
    else (more ??= []).push(name);
    const raw = entries.values[i]!;
    if (typeof raw !== "string" && raw.length === 0) continue;
    const value = soleValue(raw);
    if (value === undefined) return false;
    pairs++;
    // grants.md §2 (Our rule, AWS pages disagree): keys and values are both compared exactly, the fail-closed
    // reading of the two pages (one says keys ignore case): an exact match is a match under either.
    for (let w = 0; w < wanted.length; w++) {
      const key = wanted[w]![0];
      if (name.length !== ENCRYPTION_CONTEXT_PREFIX.length + key.length || !name.startsWith(key, ENCRYPTION_CONTEXT_PREFIX.length)) continue;
      matched++;
      if (wanted[w]![1] !== value) values = false;
    }
  }
  return values && matched === wanted.length && (!equals || pairs === wanted.length);
}

/** Whether the pair key of `name` is that of `first` or one of `more`, ignoring letter case. */
function sameKeyIgnoringCase(first: string, more: readonly string[] | undefined, name: string): boolean {
  if (sameLowerFrom(first, name, ENCRYPTION_CONTEXT_PREFIX.length)) return true;
  if (more !== undefined) for (let i = 0; i < more.length; i++) if (sameLowerFrom(more[i]!, name, ENCRYPTION_CONTEXT_PREFIX.length)) return true;
  return false;
}

/** The one distinct value of an entry, undefined when it has none or several. */
function soleValue(raw: string | readonly string[]): string | undefined {
  if (typeof raw === "string") return raw;
  for (let i = 1; i < raw.length; i++) if (raw[i] !== raw[0]) return undefined;
  return raw[0];
}

// What a grant's constraints mean over a request's context (docs/semantics/grants.md §1–§2): the one
// definition, used by the graph's grant term (evaluate/grant-allows.ts) and by the Cedar encoder, which
// hands Cedar one Boolean per grant (cedar/encode-layers.ts); and what a grant that lists CreateGrant lets
// its grantee create (`childGrantWithin`). Reads the context entries a grant tests
// (`kms:EncryptionContext:<key>`, `kms:EncryptionContextKeys`, `aws:SourceArn`, `kms:GrantOperations`), as
// the engine read them once (request/snapshot-input.ts says why never twice). Pure.
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
const ENCRYPTION_CONTEXT_KEYS = "kms:encryptioncontextkeys";
const SOURCE_ARN = "aws:sourcearn";
const GRANT_OPERATIONS = "kms:grantoperations";
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Whether a context entry of this name is one a grant's constraints test (GrantEntries). */
export function isGrantEntryName(name: string): boolean {
  return lowerStartsWith(name, ENCRYPTION_CONTEXT_PREFIX) || (name.length === SOURCE_ARN.length && lowerEquals(name, SOURCE_ARN))
    || (name.length === GRANT_OPERATIONS.length && lowerEquals(name, GRANT_OPERATIONS))
    || (name.length === ENCRYPTION_CONTEXT_KEYS.length && lowerEquals(name, ENCRYPTION_CONTEXT_KEYS));
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
  const wanted = constraints.encryptionContextEquals ?? constraints.encryptionContextSubset;
  // grants.md §2 (Our rule, AWS silent on deciding it from a request): a grant with a constraint never allows
  // CreateGrant — the created grant's must be "at least as strict", and the request does not show them.
  if (operation === "CreateGrant" && (wanted !== undefined || constraints.sourceArn !== undefined)) return false;
  if (constraints.sourceArn !== undefined && !sourceArnHolds(constraints.sourceArn, entries)) return false;
  if (wanted === undefined) return true;
  // AWS: grants.md §2 — "The encryption context constraint is ignored for DescribeKey and RetireGrant operations."
  if (!WITH_ENCRYPTION_CONTEXT.has(operation)) return true;
  return pairsHold(wanted, constraints.encryptionContextEquals !== undefined, entries);
}

/**
 * grants.md §2: a grantee that may call CreateGrant by a grant "can only create grants that allow some or
 * all of the operations in the parent grant". Whether the request's `kms:GrantOperations` (the operations of
 * the grant it creates) are all among `operations`, the parent grant's: one entry (any letter case), at
 * least one value, each one of them exactly. Our rule (fail closed): absent, empty, or given twice in
 * different letter case, it does not hold (the request does not show what it creates).
 */
export function childGrantWithin(operations: ReadonlySet<string>, entries: GrantEntries): boolean {
  const found = soleEntry(entries, GRANT_OPERATIONS);
  if (found === undefined) return false;
  if (typeof found === "string") return operations.has(found);
  if (found.length === 0) return false;
  for (let i = 0; i < found.length; i++) if (!operations.has(found[i]!)) return false;
  return true;
}

/** `aws:SourceArn` of the request: one entry (any letter case), one distinct value, equal to `wanted`. */
function sourceArnHolds(wanted: string, entries: GrantEntries): boolean {
  const found = soleEntry(entries, SOURCE_ARN);
  return found !== undefined && soleValue(found) === wanted;
}

/** The value of the one entry whose name is `lowerName` in any letter case; undefined when none or several. */
function soleEntry(entries: GrantEntries, lowerName: string): string | readonly string[] | undefined {
  let found: string | readonly string[] | undefined;
  let count = 0;
  for (let i = 0; i < entries.count; i++) {
    const name = entries.names[i]!;
    // PERF: only a name of the same length can be it (request/request-endpoint.ts `contextEntry` says why).
    if (name.length !== lowerName.length || !lowerEquals(name, lowerName)) continue;
    count++;
    found = entries.values[i];
  }
  return count === 1 ? found : undefined;
}

/**
 * Whether the request's encryption context holds the `wanted` pairs (all of them, and no other key when
 * `equals`). The request's encryption context is known from its `kms:EncryptionContext:<key>` entries (the
 * pair key as written after the prefix) and from the keys its `kms:EncryptionContextKeys` lists, when
 * given (deviation 47: read as given; the request builder may know pairs it does not list). grants.md §2
 * (Our rule, fail closed): each wanted pair must be given with its value (a listed key whose value is not
 * given leaves it undecided: no hold); under `equals` every key the request has, given or listed, must be
 * a wanted key. None hold when the context cannot be read exactly (A18): a key given twice in different
 * letter case (two pairs, a pair and a listed key, two listed keys), `kms:EncryptionContextKeys` given
 * twice in different letter case, or a pair entry with several values. An empty array is absent. PERF:
 * nothing is made per call but a list of names for a third pair and more (a Map, a Set and arrays were,
 * per grant matched).
 */
function pairsHold(wanted: readonly (readonly [string, string])[], equals: boolean, entries: GrantEntries): boolean {
  // The pairs read, the wanted pairs whose key they give, and whether those have the wanted value.
  let pairs = 0, matched = 0, values = true;
  // The names of the pairs read so far (to find a key given twice in different letter case).
  let first: string | undefined, more: string[] | undefined;
  // The kms:EncryptionContextKeys entry, and how many entries name it.
  let listed: string | readonly string[] | undefined, lists = 0;
  for (let i = 0; i < entries.count; i++) {
    const name = entries.names[i]!;
    if (name.length === ENCRYPTION_CONTEXT_KEYS.length && lowerEquals(name, ENCRYPTION_CONTEXT_KEYS)) {
      lists++;
      listed = entries.values[i]!;
      continue;
    }
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
  if (!values || matched !== wanted.length || (equals && pairs !== wanted.length)) return false;
  if (lists === 0) return true;
  // A18: kms:EncryptionContextKeys given twice in different letter case lists no keys one can read.
  if (lists > 1) return false;
  return listedKeysHold(typeof listed === "string" ? [listed] : listed!, wanted, equals, first, more);
}

/**
 * The keys `kms:EncryptionContextKeys` lists, against the wanted pairs (all given, with their values) and
 * the pair entries read (`first`, `more`): none is a letter-case twin of a pair's key or of another listed
 * key, and under `equals` each is a wanted key (an extra key: not the same encryption context).
 */
function listedKeysHold(listed: readonly string[], wanted: readonly (readonly [string, string])[], equals: boolean, first: string | undefined, more: readonly string[] | undefined): boolean {
  for (let l = 0; l < listed.length; l++) {
    const key = listed[l]!;
    if (equals && !isWantedKey(wanted, key)) return false;
    if (first !== undefined && (twinOfPair(first, key) || (more !== undefined && more.some((name) => twinOfPair(name, key))))) return false;
    for (let o = 0; o < l; o++) if (listed[o] !== key && listed[o]!.toLowerCase() === key.toLowerCase()) return false;
  }
  return true;
}

function isWantedKey(wanted: readonly (readonly [string, string])[], key: string): boolean {
  for (let w = 0; w < wanted.length; w++) if (wanted[w]![0] === key) return true;
  return false;
}

/** Whether `key` names the pair of entry `name` in another letter case (not exactly). */
function twinOfPair(name: string, key: string): boolean {
  const own = name.slice(ENCRYPTION_CONTEXT_PREFIX.length);
  return own !== key && own.toLowerCase() === key.toLowerCase();
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

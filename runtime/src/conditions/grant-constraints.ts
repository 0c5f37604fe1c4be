// What a grant's constraints mean over a request's context (docs/semantics/grants.md §1–§2): the one
// definition, used by the graph's grant term (evaluate/grant-allows.ts) and by the Cedar encoder, which
// hands Cedar one Boolean per grant (cedar/encode-layers.ts). Reads the request's own context: the
// `kms:EncryptionContext:<key>` entries and `aws:SourceArn` as given. Pure.
import type { Request } from "../contracts.js";
import type { GraphGrantConstraints } from "../graph/graph-types.js";
import { lowerEquals, lowerStartsWith, sameLowerFrom } from "./lower-case.js";

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

/** Whether `constraints` hold for `operation` (the action name without `kms:`) on a request with `context`. */
export function grantConstraintsHold(constraints: GraphGrantConstraints, operation: string, context: Request["context"]): boolean {
  if (constraints.sourceArn !== undefined && !sourceArnHolds(constraints.sourceArn, context)) return false;
  const wanted = constraints.encryptionContextEquals ?? constraints.encryptionContextSubset;
  if (wanted === undefined) return true;
  // grants.md §2 (Our rule, AWS silent): a grant with an encryption-context constraint never allows CreateGrant.
  if (operation === "CreateGrant") return false;
  // AWS: grants.md §2 — "The encryption context constraint is ignored for DescribeKey and RetireGrant operations."
  if (!WITH_ENCRYPTION_CONTEXT.has(operation)) return true;
  return pairsHold(wanted, constraints.encryptionContextEquals !== undefined, context);
}

/** `aws:SourceArn` of the request: one entry (any letter case), one distinct value, equal to `wanted`. */
function sourceArnHolds(wanted: string, context: Request["context"]): boolean {
  if (context === undefined) return false;
  let found: string | readonly string[] | undefined;
  let count = 0;
  // PERF: for-in over own names (no array made per call; the same names, in the same order, as Object.keys).
  for (const name in context) {
    // PERF: only a name of the same length can be it (request/request-endpoint.ts `contextEntry` says why).
    if (name.length !== SOURCE_ARN.length || !hasOwn(context, name) || !lowerEquals(name, SOURCE_ARN)) continue;
    count++;
    found = context[name];
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
function pairsHold(wanted: readonly (readonly [string, string])[], equals: boolean, context: Request["context"]): boolean {
  if (context === undefined) return wanted.length === 0;
  // The pairs read, the wanted pairs whose key they give, and whether those have the wanted value.
  let pairs = 0, matched = 0, values = true;
  // The names of the pairs read so far (to find a key given twice in different letter case).
  let first: string | undefined, more: string[] | undefined;
  for (const name in context) {
    if (!hasOwn(context, name) || !lowerStartsWith(name, ENCRYPTION_CONTEXT_PREFIX)) continue;
    if (first === undefined) first = name;
    else if (sameKeyIgnoringCase(first, more, name)) return false;
    else (more ??= []).push(name);
    const raw = context[name]!;
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

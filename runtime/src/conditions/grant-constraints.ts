// What a grant's constraints mean over a request's context (docs/semantics/grants.md §1–§2): the one
// definition, used by the graph's grant term (evaluate/grant-allows.ts) and by the Cedar encoder, which
// hands Cedar one Boolean per grant (cedar/encode-layers.ts). Reads the request's own context: the
// `kms:EncryptionContext:<key>` entries and `aws:SourceArn` as given. Pure.
import type { Request } from "../contracts.js";
import type { GraphGrantConstraints } from "../graph/graph-types.js";

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

/** Whether `constraints` hold for `operation` (the action name without `kms:`) on a request with `context`. */
export function grantConstraintsHold(constraints: GraphGrantConstraints, operation: string, context: Request["context"]): boolean {
  if (constraints.sourceArn !== undefined && !sourceArnHolds(constraints.sourceArn, context)) return false;
  const wanted = constraints.encryptionContextEquals ?? constraints.encryptionContextSubset;
  if (wanted === undefined) return true;
  // grants.md §2 (Our rule, AWS silent): a grant with an encryption-context constraint never allows CreateGrant.
  if (operation === "CreateGrant") return false;
  // AWS: grants.md §2 — "The encryption context constraint is ignored for DescribeKey and RetireGrant operations."
  if (!WITH_ENCRYPTION_CONTEXT.has(operation)) return true;
  const given = requestPairs(context);
  if (given === undefined) return false;
  // grants.md §2 (Our rule, AWS pages disagree): keys and values are both compared exactly, the fail-closed
  // reading of the two pages (one says keys ignore case): an exact match is a match under either.
  for (const [key, value] of wanted) if (given.get(key) !== value) return false;
  return constraints.encryptionContextEquals === undefined || given.size === wanted.length;
}

/** `aws:SourceArn` of the request: one entry (any letter case), one distinct value, equal to `wanted`. */
function sourceArnHolds(wanted: string, context: Request["context"]): boolean {
  if (context === undefined) return false;
  let found: string | readonly string[] | undefined;
  let count = 0;
  for (const name of Object.keys(context)) {
    // PERF: only a name of the same length can be it (request/request-endpoint.ts `contextEntry` says why).
    if (name.length !== SOURCE_ARN.length || name.toLowerCase() !== SOURCE_ARN) continue;
    count++;
    found = context[name];
  }
  if (count !== 1 || found === undefined) return false;
  const values = typeof found === "string" ? [found] : [...new Set(found)];
  return values.length === 1 && values[0] === wanted;
}

/**
 * The request's encryption-context pairs from its `kms:EncryptionContext:<key>` entries, the pair key as
 * written after the prefix. Undefined when they cannot be read exactly (grants.md §2 Our rule, A18): a
 * key given twice in different letter case, or an entry with several values. An empty array is absent.
 */
function requestPairs(context: Request["context"]): Map<string, string> | undefined {
  const pairs = new Map<string, string>();
  if (context === undefined) return pairs;
  const lowerSeen = new Set<string>();
  for (const name of Object.keys(context)) {
    // PERF: a name whose lower case starts with the (ASCII) prefix is at least as long as it.
    if (name.length < ENCRYPTION_CONTEXT_PREFIX.length || !name.toLowerCase().startsWith(ENCRYPTION_CONTEXT_PREFIX)) continue;
    const key = name.slice(ENCRYPTION_CONTEXT_PREFIX.length);
    const lower = key.toLowerCase();
    if (lowerSeen.has(lower)) return undefined;
    lowerSeen.add(lower);
    const raw = context[name]!;
    const values = typeof raw === "string" ? [raw] : [...new Set(raw)];
    if (values.length === 0) continue;
    if (values.length !== 1) return undefined;
    pairs.set(key, values[0]!);
  }
  return pairs;
}

// The grant constraints' one definition (conditions/grant-constraints.ts, used by the graph and the
// Cedar encoder) against the reference's own reading of grants.md §2 (reference/grants.ts), on
// contexts built to hit its corners: the prefix in any letter case (Unicode included), a pair key given
// twice in different case, multi-valued, repeated and empty entries, the keys `kms:EncryptionContextKeys`
// lists (beyond the pairs, short of them, in another case, the list given twice), `aws:SourceArn` in any case; and
// what a grant listing CreateGrant lets its grantee create (`childGrantWithin`, `kms:GrantOperations`).
// And the case-insensitive name tests it uses (request/lower-case.ts) against `toLowerCase` itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childGrantWithin, grantConstraintsHold, grantEntriesOf } from "../../src/conditions/grant-constraints.js";
import type { GraphGrantConstraints } from "../../src/graph/graph-types.js";
import { allowingGrants } from "../../src/reference/grants.js";
import { parseCaller } from "../../src/reference/caller.js";
import { lowerEquals, lowerStartsWith, sameLowerFrom } from "../../src/conditions/lower-case.js";

const USER = "arn:aws:iam::111122223333:user/Alice";
const KEYS = ["Dept", "dept", "Team", "D\u0130pt", "d\u0131pt", "\u212Aey", "key"];
// Prefixes whose lower case is the condition key's prefix, and two that are not (a dotless ı, one letter short).
const PREFIXES = ["kms:EncryptionContext:", "KMS:ENCRYPTIONCONTEXT:", "kms:encryptioncontext:", "\u212Ams:EncryptionContext:", "kms:EncryptionContext\u0131", "kms:EncryptionContex:"];
const SOURCE_ARNS = ["aws:SourceArn", "AWS:SOURCEARN", "aws:sourcearn", "aws:SourceArnX", "aws:Source\u0130rn"];
const KEYS_NAMES = ["kms:EncryptionContextKeys", "KMS:ENCRYPTIONCONTEXTKEYS", "kms:encryptioncontextkeys", "kms:EncryptionContextKey"];
const GRANT_OPERATION_NAMES = ["kms:GrantOperations", "KMS:GRANTOPERATIONS", "kms:grantoperations", "kms:GrantOperation"];
const VALUES = ["IT", "it", "HR", "arn:aws:s3:::b"];
const OPERATIONS = ["Decrypt", "Encrypt", "CreateGrant", "decrypt", "Sign"];
const value = fc.oneof(fc.constantFrom(...VALUES), fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }));
const entry = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...KEYS)).map(([p, k]) => p + k), value) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SOURCE_ARNS, "aws:SourceIp"), value) },
  // The keys of the request's encryption context, as it lists them (deviation 47: read as given).
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYS_NAMES), fc.oneof(fc.constantFrom(...KEYS, ""), fc.array(fc.constantFrom(...KEYS), { maxLength: 3 }))) },
  // The operations of the grant a CreateGrant request creates: one, several, none, in any letter case.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...GRANT_OPERATION_NAMES), fc.oneof(fc.constantFrom(...OPERATIONS), fc.array(fc.constantFrom(...OPERATIONS), { maxLength: 3 }))) },
);
const others = fc.array(entry, { maxLength: 4 });
const pairs = fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { minLength: 1, maxLength: 2, selector: ([k]) => k });
const constraints = fc.record({
  pairs: fc.option(fc.tuple(fc.boolean(), pairs), { nil: undefined }),
  sourceArn: fc.option(fc.constantFrom("arn:aws:s3:::b", "IT"), { nil: undefined }),
});
const operation = fc.constantFrom("Decrypt", "Encrypt", "Decrypt", "Encrypt", "DescribeKey", "CreateGrant", "CreateGrant");
/** The grant's other operations, beside the request's. */
const moreOperations = fc.subarray(["Decrypt", "Encrypt", "CreateGrant"]);

describe("grantConstraintsHold and childGrantWithin", () => {
  it("agree with the reference's reading of grants.md §2 (seed 20261204)", () => {
    const caller = parseCaller(USER)!;
    let holds = 0, runs = 0, createGrantHolds = 0, createGrantRuns = 0;
    // Biased so that about half hold: the wanted pairs and SourceArn are usually given, before or after others.
    let listedRuns = 0, listedHolds = 0;
    fc.assert(fc.property(constraints, operation, moreOperations, others, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (drawn, op, more, rest, give, first, plain, list) => {
      // Half the CreateGrant grants have no constraints: only those can allow it.
      const { pairs, sourceArn } = op === "CreateGrant" && plain ? { pairs: undefined, sourceArn: undefined } : drawn;
      const wanted: [string, string][] = give ? [...(pairs?.[1] ?? []).map(([k, v]): [string, string] => [`kms:EncryptionContext:${k}`, v]), ...(sourceArn === undefined ? [] : [["aws:SourceArn", sourceArn] as [string, string]])] : [];
      const operations = [...new Set([op, ...more])];
      // A CreateGrant request usually says what it creates: some of the grant's operations.
      if (give && op === "CreateGrant") wanted.push(["kms:GrantOperations", operations.slice(more.length % 2) as never]);
      // Often the request lists its keys: the wanted ones (an Equals can still hold), sometimes one more.
      if (give && list && pairs !== undefined) wanted.push(["kms:EncryptionContextKeys", [...pairs[1].map(([k]) => k), ...(more.length === 1 ? ["Other"] : [])] as never]);
      const ctx = Object.fromEntries(first ? [...wanted, ...rest] : [...rest, ...wanted]) as Record<string, string | string[]>;
      const graph: GraphGrantConstraints = {
        ...(pairs === undefined ? {} : pairs[0] ? { encryptionContextEquals: pairs[1] } : { encryptionContextSubset: pairs[1] }),
        ...(sourceArn === undefined ? {} : { sourceArn }),
      };
      const bundle = {
        ...(pairs === undefined ? {} : { [pairs[0] ? "encryptionContextEquals" : "encryptionContextSubset"]: Object.fromEntries(pairs[1]) }),
        ...(sourceArn === undefined ? {} : { sourceArn }),
      };
      const unconstrained = pairs === undefined && sourceArn === undefined;
      const key = { grants: [{ name: "g", granteePrincipal: USER, operations, ...(unconstrained && give ? {} : { constraints: bundle }) }] };
      const expected = allowingGrants(key, "k", caller, op, ctx).length > 0;
      const entries = grantEntriesOf(ctx);
      // What the graph and the encoder decide of a grant beyond its grantee (grant-allows.ts, encode-layers.ts).
      const got = (op !== "CreateGrant" || childGrantWithin(new Set(operations), entries)) && grantConstraintsHold(graph, op, entries);
      runs++;
      if (got) holds++;
      if (Object.keys(ctx).some((n) => n.toLowerCase() === "kms:encryptioncontextkeys") && pairs !== undefined && op !== "CreateGrant") {
        listedRuns++;
        if (got) listedHolds++;
      }
      if (op === "CreateGrant") {
        createGrantRuns++;
        if (got) createGrantHolds++;
      }
      expect(got).toBe(expected);
    }), { seed: 20261204, numRuns: 3000 });
    // A property that only ever sees one answer proves little.
    expect(holds / runs).toBeGreaterThan(0.25);
    expect(holds / runs).toBeLessThan(0.75);
    expect(listedHolds, `with listed keys, holds in ${listedHolds} of ${listedRuns}`).toBeGreaterThan(listedRuns / 10);
    expect(listedHolds).toBeLessThan(listedRuns * 0.9);
    expect(createGrantHolds, `CreateGrant holds in ${createGrantHolds} of ${createGrantRuns}`).toBeGreaterThan(createGrantRuns / 20);
    expect(createGrantHolds).toBeLessThan(createGrantRuns / 2);
  });
  it("reads each grant entry once, in the context's order, and decides on what it read", () => {
    const reads: string[] = [];
    const context = {};
    for (const [name, v] of [["kms:EncryptionContext:Dept", "IT"], ["aws:SourceIp", "10.0.0.1"], ["kms:EncryptionContext:Team", ["a", "b"]], ["AWS:SourceArn", "x"]] as const) {
      Object.defineProperty(context, name, { enumerable: true, get: () => (reads.push(name), v) });
    }
    const entries = grantEntriesOf(context as never);
    expect(reads).toEqual(["kms:EncryptionContext:Dept", "kms:EncryptionContext:Team", "AWS:SourceArn"]);
    expect(entries.names).toEqual(["kms:EncryptionContext:Dept", "kms:EncryptionContext:Team", "AWS:SourceArn"]);
    // A multi-valued pair cannot be read exactly: no grant with a pair constraint holds.
    expect(grantConstraintsHold({ encryptionContextSubset: [["Dept", "IT"]] }, "Decrypt", entries)).toBe(false);
    expect(grantConstraintsHold({ sourceArn: "x" }, "Decrypt", entries)).toBe(true);
    expect(reads).toHaveLength(3);
  });
});

describe("lower-case name tests agree with toLowerCase", () => {
  const TEXTS = ["aws:SourceArn", "AWS:SOURCEARN", "aws:sourcearn", "aws:Source\u0130rn", "\u212Ams:x", "kms:x", "KMS:X", "kms:\u0131", "kms:I", "", "k", "kms:encryptioncontext:", "\u0130", "i\u0307"];
  const LOWER = ["aws:sourcearn", "kms:x", "kms:", "k", "", "i", "kms:i"];
  it("lowerStartsWith and lowerEquals", () => {
    for (const t of TEXTS) {
      for (const l of LOWER) {
        expect([t, l, lowerStartsWith(t, l)]).toEqual([t, l, t.toLowerCase().startsWith(l)]);
        if (t.length === l.length) expect([t, l, lowerEquals(t, l)]).toEqual([t, l, t.toLowerCase() === l]);
      }
    }
  });
  it("sameLowerFrom", () => {
    for (const a of TEXTS) for (const b of TEXTS) for (const from of [0, 2, 4]) {
      expect([a, b, from, sameLowerFrom(a, b, from)]).toEqual([a, b, from, a.slice(from).toLowerCase() === b.slice(from).toLowerCase()]);
    }
  });
});

// Computes the derived Boolean attributes of the manifest: one condition test (spec §2.2 evalKey,
// §2.10–§2.12, §3.2, §4.4) or one Resource element (§1.7) for the current request; `undefined` when
// the answer is undecidable (the policy then applies the fail-closed rule by its effect, §0.2).
import type { GraphTemplatePart, GraphValue } from "../graph/graph-types.js";
import { compileArnPattern, matchArnPattern } from "../operators/arn-pattern.js";
import { decodeBase64 } from "../operators/binary.js";
import { parseBool } from "../operators/bool.js";
import { parseInstant } from "../operators/date.js";
import { compareDecimals, compareDecimalText, parseDecimal } from "../operators/decimal.js";
import { compileGlob, matchGlob } from "../operators/glob.js";
import type { GlobChunk } from "../operators/glob.js";
import { matchIp, parseCidr } from "../operators/ip.js";
import { compileResourcePattern, matchResourcePattern } from "../operators/resource-pattern.js";
import { starReach } from "../operators/resource-star.js";
import type { ManifestCondition } from "./cedar-manifest.js";
import type { ContextIndex } from "./context-index.js";
import { variableValue } from "./context-index.js";

/** What the request resource `*` stands for: the caller's partition and account (DESIGN §2). */
export interface StarOwner {
  readonly partition: string;
  readonly account: string;
}

/** A derived test: true, false, or undefined (undecidable). `owner` is set for the request resource `*`. */
export type DerivedTest = (index: ContextIndex, resource: string, owner?: StarOwner) => boolean | undefined;

const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: "StringEquals", StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase", StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals", DateNotEquals: "DateEquals", NotIpAddress: "IpAddress",
  ArnNotEquals: "ArnLike", ArnNotLike: "ArnLike",
};

/** Compiles a condition test of the manifest. */
export function compileConditionTest(c: ManifestCondition): DerivedTest {
  if (c.base === "Null") {
    const isTrue = (v: GraphValue): boolean => typeof v === "string" && v.toLowerCase() === "true";
    const whenAbsent = c.values.some(isTrue);
    const whenPresent = c.values.some((v) => !isTrue(v));
    return (index) => {
      if (c.qualifier === "ForAllValues") return true;
      if (c.qualifier === "ForAnyValue") return false;
      const entry = index.get(c.key);
      if (entry.kind === "ambiguous") return undefined;
      return entry.kind === "present" ? whenPresent : whenAbsent;
    };
  }
  const negated = c.base in NEGATED;
  const base = NEGATED[c.base] ?? (c.base === "ArnEquals" ? "ArnLike" : c.base);
  return (index) => {
    const pairs: ((r: string) => boolean)[] = [];
    for (const value of c.values) {
      const chunks = resolve(value, index);
      if (chunks === undefined) return undefined; // a variable on an ambiguous or multi-valued key
      if (chunks !== null) pairs.push(pairTest(base, chunks)); // NULL matches nothing
    }
    const entry = index.get(c.key);
    if (entry.kind === "ambiguous") return undefined;
    if (entry.kind === "absent") {
      if (c.ifExists || c.qualifier === "ForAllValues") return true;
      if (c.qualifier === "ForAnyValue") return false;
      return negated;
    }
    const test = (r: string): boolean => pairs.some((m) => m(r)) !== negated;
    if (c.qualifier === "ForAllValues") return entry.values.every(test);
    if (c.qualifier === "ForAnyValue") return entry.values.some(test);
    if (entry.values.length > 1) return undefined; // §3.6, A5
    return test(entry.values[0]!);
  };
}

/** Compiles a Resource / NotResource element of the manifest. */
export function compileResourceTest(negated: boolean, patterns: readonly GraphValue[]): DerivedTest {
  return (index, resource, owner) => {
    let hit = false;
    let undecided = false;
    for (const p of patterns) {
      const chunks = resolve(p, index);
      if (chunks === undefined) return undefined;
      if (chunks === null) continue; // a pattern with an unresolvable variable matches nothing
      const compiled = compileResourcePattern(typeof p === "string" ? p : chunks);
      if (resource === "*" && !compiled.everything) {
        // DEVIATION: §1.7, A20, DESIGN §2 — `*` is the caller's `arn:P:kms:R:A:*` in an unnamed Region.
        const reach = owner === undefined || owner.account === "" ? "none" : starReach(compiled, owner.partition, owner.account);
        if (reach === "every") hit = true;
        else if (reach === "some") undecided = true;
      } else if (matchResourcePattern(compiled, resource)) hit = true;
    }
    if (patterns.includes("*")) return !negated;
    // One undecided pattern leaves the element undecided (as an ambiguous variable does).
    return undecided ? undefined : hit !== negated;
  };
}

/** Resolves a value's variables (spec §4.4): chunks, `null` (NULL) or `undefined` (undecidable). */
function resolve(value: GraphValue, index: ContextIndex): GlobChunk[] | null | undefined {
  if (typeof value === "string") return [{ text: value, wild: true }];
  const out: GlobChunk[] = [];
  let isNull = false;
  for (const part of value.template as readonly GraphTemplatePart[]) {
    if ("variable" in part) {
      const v = variableValue(index, part.variable);
      if (v === undefined) return undefined;
      if (v === null) {
        if (part.default === undefined) isNull = true;
        else out.push({ text: part.default, wild: false });
      } else out.push({ text: v, wild: false });
    } else if ("text" in part) out.push({ text: part.text, wild: true });
    else out.push({ text: part.literal, wild: false });
  }
  return isNull ? null : out;
}

function text(chunks: readonly GlobChunk[]): string {
  return chunks.map((c) => c.text).join("");
}

/** The pair test `m(r, p)` of a positive operator (spec §2.3–§2.9); unparseable pairs do not match. */
function pairTest(base: string, chunks: readonly GlobChunk[]): (r: string) => boolean {
  switch (base) {
    case "StringEquals": {
      const p = text(chunks);
      return (r) => r === p;
    }
    case "StringEqualsIgnoreCase": {
      const p = text(chunks).toLowerCase();
      return (r) => r.toLowerCase() === p;
    }
    case "StringLike": {
      const g = compileGlob(chunks);
      return (r) => matchGlob(g, r);
    }
    case "ArnLike": {
      const a = compileArnPattern(chunks);
      return (r) => matchArnPattern(a, r);
    }
    case "Bool": {
      const b = parseBool(text(chunks));
      return (r) => b !== undefined && parseBool(r) === b;
    }
    case "BinaryEquals": {
      const bytes = decodeBase64(text(chunks));
      return (r) => bytes !== undefined && decodeBase64(r) === bytes;
    }
    case "IpAddress": {
      const range = parseCidr(text(chunks));
      return (r) => range !== undefined && matchIp(range, r);
    }
  }
  const suffix = base.replace(/^(Numeric|Date)/, "");
  const accept = (c: number): boolean =>
    suffix === "Equals" ? c === 0 : suffix === "LessThan" ? c < 0 : suffix === "LessThanEquals" ? c <= 0 : suffix === "GreaterThan" ? c > 0 : c >= 0;
  if (base.startsWith("Numeric")) {
    const d = parseDecimal(text(chunks));
    return (r) => d !== undefined && accept(compareDecimalText(r, d));
  }
  if (base.startsWith("Date")) {
    const d = parseInstant(text(chunks));
    return (r) => {
      const t = parseInstant(r);
      return d !== undefined && t !== undefined && accept(compareDecimals(t, d));
    };
  }
  throw new Error(`INVARIANT: no positive operator \`${base}\``);
}

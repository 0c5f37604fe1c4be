// Plans how one Resource pattern meets the request resource `*` (DESIGN §2, docs/request-model.md):
// `*` stands for `arn:P:kms:R:A:*` (last `*` literal) of the caller's partition P and account A, in
// a Region R the request does not name (non-empty, [a-z0-9-]). The pattern matches it in every
// Region (matches), some (undecided) or none. Phase: emit.
//
// Native where the answer splits into a static part and a test on the caller: the resource entity of
// a `*` request carries the caller's account (`resource.account`) and partition (`resource.partition`).
//  - a pattern with exactly five colons: the value has five too, so no wildcard can cross a colon and
//    the pattern matches segment by segment: `arn`, `kms` and the literal `*` statically, the Region
//    segment statically against every non-empty [a-z0-9-] string, partition and account at run time;
//  - fewer colons, every segment but the last free of wildcards and the last made of `*` only (it
//    ends the pattern, so it crosses colons and matches the whole rest): the fixed segments as above.
// Anything else (a `?` in the partition or account, other cross-colon shapes, variables) is derived:
// the encoder computes the answer with the runtime's exact matcher.
import { and, equals, relation, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { likePattern, str } from "./cedar-literal.js";
import type { PatternPiece } from "./cedar-literal.js";

export type StarPlan =
  /** The pattern never matches `*`. */
  | { readonly kind: "none" }
  /** Matches in every Region (`every`) or some (`some`: undecided) when `caller` holds, else none. */
  | { readonly kind: "native"; readonly reach: "every" | "some"; readonly caller: Expr; readonly partition: boolean }
  | { readonly kind: "derived" };

type Symbol = { readonly kind: "char"; readonly char: string } | { readonly kind: "star" } | { readonly kind: "one" };

const REGION_CHAR = /^[a-z0-9-]$/;

/** Plans a pattern given as pieces (no variables). */
export function planStar(pieces: readonly PatternPiece[]): StarPlan {
  const segments: Symbol[][] = [[]];
  for (const piece of pieces) {
    for (const char of piece.text) {
      if (char === ":") segments.push([]);
      else segments[segments.length - 1]!.push(piece.wild && char === "*" ? { kind: "star" } : piece.wild && char === "?" ? { kind: "one" } : { kind: "char", char });
    }
  }
  // Each literal colon of the pattern needs its own colon of the value, which has five.
  if (segments.length > 6) return { kind: "none" };
  if (segments.length === 6) return planSegments(segments);
  const last = segments[segments.length - 1]!;
  const fixed = segments.slice(0, -1);
  if (last.length === 0 || last.some((s) => s.kind !== "star") || fixed.some((seg) => seg.some((s) => s.kind !== "char"))) {
    return { kind: "derived" };
  }
  // The trailing stars match the rest of the value whatever it is: only the fixed segments count.
  const star: Symbol[] = [{ kind: "star" }];
  return planSegments([0, 1, 2, 3, 4, 5].map((i) => fixed[i] ?? star));
}

/**
 * A variable-bearing pattern: its text before the first variable rules `*` out when its sixth
 * segment starts with a literal character other than `*`; anything else is derived.
 */
export function planStarTemplate(prefix: readonly PatternPiece[]): StarPlan {
  let colons = 0;
  for (const piece of prefix) {
    for (const char of piece.text) {
      if (colons === 5) return char === "*" || (piece.wild && char === "?") ? { kind: "derived" } : { kind: "none" };
      if (char === ":") colons++;
    }
  }
  return { kind: "derived" };
}

/** Six aligned segments against `arn`, the partition, `kms`, the Region, the account and the literal `*`. */
function planSegments(segments: readonly Symbol[][]): StarPlan {
  if (!matchesText(segments[0]!, "arn") || !matchesText(segments[2]!, "kms") || !matchesText(segments[5]!, "*")) return { kind: "none" };
  const reach = regionReach(segments[3]!);
  if (reach === "none") return { kind: "none" };
  const partition = callerTest(segments[1]!, "partition");
  const account = callerTest(segments[4]!, "account");
  if (partition === undefined || account === undefined) return { kind: "derived" };
  if (partition === false || account === false) return { kind: "none" };
  return { kind: "native", reach, caller: and(partition, account), partition: partition !== TRUE };
}

/**
 * The test on the caller's partition or account: TRUE for a segment of stars, equality for a literal,
 * `like` for `*` wildcards (neither value contains a colon, so Cedar's `*` reads as IAM's here);
 * false when no partition or account can match; undefined (derived) for `?`.
 */
function callerTest(segment: readonly Symbol[], attr: "partition" | "account"): Expr | false | undefined {
  if (segment.length > 0 && segment.every((s) => s.kind === "star")) return TRUE;
  if (segment.some((s) => s.kind === "one")) return undefined;
  const pieces: PatternPiece[] = segment.map((s) => (s.kind === "star" ? { text: "*", wild: true } : { text: (s as { char: string }).char, wild: false }));
  if (segment.every((s) => s.kind === "char")) {
    const text = pieces.map((p) => p.text).join("");
    const valid = attr === "partition" ? /^[a-z][a-z0-9-]*$/.test(text) : /^\d{12}$/.test(text);
    return valid ? equals(`resource.${attr}`, str(text)) : false;
  }
  return relation(`resource.${attr} like ${likePattern(pieces)}`);
}

/**
 * AWS: §1.7 — a segment glob against every non-empty Region of [a-z0-9-]: every Region when it has no
 * literal, at most one `?` and a `*`; none when it is empty or names a character no Region has.
 */
function regionReach(segment: readonly Symbol[]): "every" | "some" | "none" {
  const chars = segment.filter((s): s is { kind: "char"; char: string } => s.kind === "char");
  if (segment.length === 0 || chars.some((c) => !REGION_CHAR.test(c.char))) return "none";
  const ones = segment.filter((s) => s.kind === "one").length;
  const stars = segment.length - chars.length - ones;
  if (chars.length === 0 && ones <= 1 && stars > 0) return "every";
  return "some";
}

/** A segment glob (no colons) against a text, `*` any run, `?` one code point. */
function matchesText(segment: readonly Symbol[], text: string): boolean {
  const chars = [...text];
  let states = new Set<number>([0]);
  const close = (set: Set<number>): Set<number> => {
    for (let s = 0; s < segment.length; s++) if (set.has(s) && segment[s]!.kind === "star") set.add(s + 1);
    return set;
  };
  states = close(states);
  for (const char of chars) {
    const next = new Set<number>();
    for (const s of states) {
      const sym = segment[s];
      if (sym === undefined) continue;
      if (sym.kind === "star") next.add(s);
      else if (sym.kind === "one" || sym.char === char) next.add(s + 1);
    }
    states = close(next);
  }
  return states.has(segment.length);
}

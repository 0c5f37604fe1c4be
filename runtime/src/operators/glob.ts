// Glob matching for StringLike and ARN components (spec §2.3, §2.9): `*` any run of characters,
// `?` exactly one code point, case-sensitive. No regex, no backtracking blow-up: the pattern is cut
// at its stars and each piece is placed leftmost (optimal for `*`-separated pieces).

/** One piece between stars: literal runs and `null` for a `?` wildcard. */
type Piece = readonly (string | null)[];

/** A compiled glob. Build with `compileGlob`. */
export interface Glob {
  /** Set when the pattern has no wildcard at all: plain string equality. */
  readonly exact: string | undefined;
  readonly startsWithStar: boolean;
  readonly endsWithStar: boolean;
  /** Non-empty pieces between stars, in order. */
  readonly pieces: readonly Piece[];
}

/** A run of pattern text; `wild: false` for characters that are never wildcards (`${*}`, variable values). */
export interface GlobChunk {
  readonly text: string;
  readonly wild: boolean;
}

/** Compiles pattern text (all wildcards active) or a list of chunks. */
export function compileGlob(pattern: string | readonly GlobChunk[]): Glob {
  const chunks: readonly GlobChunk[] = typeof pattern === "string" ? [{ text: pattern, wild: true }] : pattern;
  const pieces: (string | null)[][] = [[]];
  let stars = 0;
  let questions = 0;
  let startsWithStar = false;
  let endsWithStar = false;
  const current = (): (string | null)[] => pieces[pieces.length - 1]!;
  const pushText = (text: string): void => {
    if (text.length === 0) return;
    const piece = current();
    const last = piece.length - 1;
    if (last >= 0 && typeof piece[last] === "string") piece[last] += text;
    else piece.push(text);
    endsWithStar = false;
  };
  for (const chunk of chunks) {
    if (!chunk.wild) {
      pushText(chunk.text);
      continue;
    }
    let run = "";
    for (const ch of chunk.text) {
      if (ch !== "*" && ch !== "?") {
        run += ch;
        continue;
      }
      pushText(run);
      run = "";
      if (ch === "?") {
        current().push(null);
        questions++;
        endsWithStar = false;
      } else {
        if (pieces.length === 1 && current().length === 0) startsWithStar = true;
        if (current().length > 0) pieces.push([]);
        stars++;
        endsWithStar = true;
      }
    }
    pushText(run);
  }
  const nonEmpty = pieces.filter((p) => p.length > 0);
  const exact = stars === 0 && questions === 0 ? ((nonEmpty[0]?.[0] as string | undefined) ?? "") : undefined;
  return { exact, startsWithStar, endsWithStar, pieces: nonEmpty };
}

/** Whether `s[start, end)` matches the glob as a whole. */
export function matchGlob(g: Glob, s: string, start = 0, end = s.length): boolean {
  if (g.exact !== undefined) {
    return end - start === g.exact.length && (g.exact.length === 0 || s.startsWith(g.exact, start));
  }
  const pieces = g.pieces;
  const n = pieces.length;
  if (n === 0) return true; // only stars
  let first = 0;
  let last = n - 1;
  let pos = start;
  let limit = end;
  if (!g.startsWithStar) {
    const e = matchPieceAt(pieces[0]!, s, start, end);
    if (e < 0) return false;
    if (n === 1) return g.endsWithStar || e === end;
    pos = e;
    first = 1;
  }
  if (!g.endsWithStar) {
    const q = suffixStart(pieces[last]!, s, pos, end);
    if (q < 0) return false;
    limit = q;
    last--;
  }
  for (let i = first; i <= last; i++) {
    const e = findPiece(pieces[i]!, s, pos, limit);
    if (e < 0) return false;
    pos = e;
  }
  return true;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// DEVIATION: §2.3, A26 — `?` matches one code point, not one UTF-16 unit (AWS does not say).
/** Width in UTF-16 units of the code point at `i`. */
function widthAt(s: string, i: number, end: number): number {
  return isHigh(s.charCodeAt(i)) && i + 1 < end && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}

/** Matches a piece starting at `pos`; returns where it ends, or -1. */
function matchPieceAt(piece: Piece, s: string, pos: number, end: number): number {
  for (let k = 0; k < piece.length; k++) {
    const item = piece[k]!;
    if (item === null) {
      if (pos >= end) return -1;
      pos += widthAt(s, pos, end);
    } else {
      if (pos + item.length > end || !s.startsWith(item, pos)) return -1;
      pos += item.length;
    }
  }
  return pos;
}

/** Leftmost placement of a piece in `[from, limit)`; returns its end, or -1. */
function findPiece(piece: Piece, s: string, from: number, limit: number): number {
  const head = piece[0];
  let p = from;
  while (p < limit) {
    if (typeof head === "string") {
      p = s.indexOf(head, p);
      if (p < 0 || p + head.length > limit) return -1;
      if (p > from && isLow(s.charCodeAt(p)) && isHigh(s.charCodeAt(p - 1))) {
        p++;
        continue;
      }
    }
    const e = matchPieceAt(piece, s, p, limit);
    if (e >= 0) return e;
    p += widthAt(s, p, limit);
  }
  return -1;
}

/** The rightmost start (≥ `from`) at which a piece ends exactly at `end`, or -1. */
function suffixStart(piece: Piece, s: string, from: number, end: number): number {
  let min = 0;
  let wild = 0;
  for (const item of piece) item === null ? wild++ : (min += item.length);
  for (let p = end - min - wild; p >= from && p >= end - min - 2 * wild; p--) {
    if (p > from && isLow(s.charCodeAt(p)) && isHigh(s.charCodeAt(p - 1))) continue;
    if (matchPieceAt(piece, s, p, end) === end) return p;
  }
  return -1;
}

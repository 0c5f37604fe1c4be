// Exact decimal numbers for the Numeric operators (spec §2.4, A15): `[+-]?(\d+(\.\d*)?|\.\d+)`,
// compared digit by digit, never through floats, so "10" = "10.0" and huge values do not round.

/** A parsed decimal: sign (0 for zero), integer digits without leading zeros, fraction without trailing zeros. */
export interface Decimal {
  readonly sign: -1 | 0 | 1;
  readonly int: string;
  readonly frac: string;
}

// PERF: the scanner writes here instead of allocating; decide() is not re-entrant.
let sSign: -1 | 0 | 1 = 0;
let sIntStart = 0;
let sIntEnd = 0;
let sFracStart = 0;
let sFracEnd = 0;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Scans `s` into the module scratch; false when `s` is not a decimal of the accepted form. */
function scan(s: string): boolean {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) negative = s.charCodeAt(i++) === 45;
  const digitsStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigitsEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < n && s.charCodeAt(i) === 46) {
    fracStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracEnd = i;
  }
  if (i !== n) return false;
  if (intDigitsEnd === digitsStart && fracEnd === fracStart) return false; // no digit at all ("", ".", "+")
  let a = digitsStart;
  while (a < intDigitsEnd && s.charCodeAt(a) === 48) a++;
  let b = fracEnd;
  while (b > fracStart && s.charCodeAt(b - 1) === 48) b--;
  sIntStart = a;
  sIntEnd = intDigitsEnd;
  sFracStart = fracStart;
  sFracEnd = b;
  sSign = a === intDigitsEnd && b === fracStart ? 0 : negative ? -1 : 1;
  return true;
}

/** Parses a decimal, or `undefined` when the text is not one (exponents, NaN, blanks, hex …). */
export function parseDecimal(s: string): Decimal | undefined {
  // DEVIATION: §2.4, A15 — AWS gives no number syntax: no exponent, NaN, Infinity or hex; compared exactly, never rounded.
  if (!scan(s)) return undefined;
  return { sign: sSign, int: s.slice(sIntStart, sIntEnd), frac: s.slice(sFracStart, sFracEnd) };
}

/** Compares two parsed decimals: negative, 0 or positive. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign - b.sign;
  const m = compareMagnitude(a.int, 0, a.int.length, a.frac, 0, a.frac.length, b);
  return a.sign < 0 ? -m : m;
}

/**
 * Compares the decimal text `s` with `d` without allocating: negative, 0, positive, or NaN when
 * `s` is not a decimal (the pair then does not match, spec §2.2).
 */
export function compareDecimalText(s: string, d: Decimal): number {
  if (!scan(s)) return NaN;
  if (sSign !== d.sign) return sSign - d.sign;
  const m = compareMagnitude(s, sIntStart, sIntEnd, s, sFracStart, sFracEnd, d);
  return sSign < 0 ? -m : m;
}

function compareMagnitude(
  is: string, i0: number, i1: number, fs: string, f0: number, f1: number, d: Decimal,
): number {
  const intLength = i1 - i0;
  if (intLength !== d.int.length) return intLength - d.int.length;
  for (let k = 0; k < intLength; k++) {
    const c = is.charCodeAt(i0 + k) - d.int.charCodeAt(k);
    if (c !== 0) return c;
  }
  const fracLength = Math.max(f1 - f0, d.frac.length);
  for (let k = 0; k < fracLength; k++) {
    const x = f0 + k < f1 ? fs.charCodeAt(f0 + k) : 48;
    const y = k < d.frac.length ? d.frac.charCodeAt(k) : 48;
    if (x !== y) return x - y;
  }
  return 0;
}

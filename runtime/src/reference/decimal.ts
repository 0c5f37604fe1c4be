// Exact decimal numbers for the Numeric operators (spec §2.4, A15): parsed from text and compared
// digit by digit, with no floating point and no size limit.

/** A decimal in canonical form: no leading zeros in `integer`, no trailing zeros in `fraction`, 0 is positive. */
export interface Decimal {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

// AWS: §2.4 — optional sign, digits, optional fraction; no exponent, NaN, Infinity, hex or blanks.
// DEVIATION: §2.4, A15 — AWS gives no number syntax: no exponent, NaN, Infinity or hex; compared exactly, never rounded.
const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))$/;

/** Parses decimal text such as `10`, `-3.50`, `+.5`, `7.`; undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const integer = (match[2] ?? "").replace(/^0+/, "");
  const fraction = (match[3] ?? match[4] ?? "").replace(/0+$/, "");
  const isZero = integer === "" && fraction === "";
  return { negative: match[1] === "-" && !isZero, integer, fraction };
}

/** Compares two decimals exactly: negative when a < b, 0 when equal, positive when a > b. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const magnitude = compareMagnitude(a, b);
  return a.negative ? -magnitude : magnitude;
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  // Without leading zeros, a longer integer part is a larger number.
  if (a.integer.length !== b.integer.length) return a.integer.length < b.integer.length ? -1 : 1;
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1;
  // Fractions: pad to the same length with zeros, then compare digit strings.
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, "0");
  const fb = b.fraction.padEnd(width, "0");
  if (fa === fb) return 0;
  return fa < fb ? -1 : 1;
}

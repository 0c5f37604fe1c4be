// Numeric condition values (spec §2.4, A15): optional sign, digits, optional fraction; no exponent, hex,
// NaN, Infinity or blanks. Kept as exact decimal digits: values are compared exactly, never as floats.
// The compiler's own parser; the reference evaluator has its own (DESIGN §1).

/** An exact decimal: `integer` has no leading zeros (`"0"` for zero), `fraction` no trailing zeros. */
export interface DecimalValue {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))$/u;

/** Parses a numeric policy value; `undefined` when it is not a plain decimal. `-0` is zero. */
export function parseDecimal(text: string): DecimalValue | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) return undefined;
  const integer = (m[2] ?? "").replace(/^0+/u, "") || "0";
  const fraction = (m[3] ?? m[4] ?? "").replace(/0+$/u, "");
  const zero = integer === "0" && fraction === "";
  return { negative: m[1] === "-" && !zero, integer, fraction };
}

/** Orders two decimals exactly: -1, 0 or 1. */
export function compareDecimal(a: DecimalValue, b: DecimalValue): -1 | 0 | 1 {
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const sign = a.negative ? -1 : 1;
  const magnitude = compareMagnitude(a, b);
  return (magnitude * sign) as -1 | 0 | 1;
}

function compareMagnitude(a: DecimalValue, b: DecimalValue): -1 | 0 | 1 {
  if (a.integer.length !== b.integer.length) return a.integer.length < b.integer.length ? -1 : 1;
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, "0");
  const fb = b.fraction.padEnd(width, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

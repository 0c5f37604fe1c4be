// Typed values for Cedar, shared by the emitter (policy constants) and the encoder (request values):
// numbers, instants and IP addresses parsed with IAM's rules (spec §2.4, §2.5, §2.8), put on Cedar's
// grid (Long, decimal with 4 digits, datetime in ms), and written in a form Cedar's functions accept.
import { parseInstant } from "../operators/date.js";
import { parseDecimal } from "../operators/decimal.js";
import type { Decimal } from "../operators/decimal.js";
import { parseCidr } from "../operators/ip.js";

/** A grid Cedar can carry exactly: integers scaled by 10^digits, within [min, max]. */
export interface Grid {
  readonly digits: number;
  readonly min: bigint;
  readonly max: bigint;
}

/** Long across the JS→wasm bridge: JSON numbers are exact only up to 2^53 − 1 (DESIGN §4). */
export const LONG_GRID: Grid = { digits: 0, min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n };
/** Cedar decimal: four fraction digits, 64-bit. */
export const DECIMAL_GRID: Grid = { digits: 4, min: -(2n ** 63n), max: 2n ** 63n - 1n };
/** Cedar datetime literals: 0000-01-01T00:00:00.000Z … 9999-12-31T23:59:59.999Z, in ms. */
export const DATETIME_GRID: Grid = { digits: 3, min: -62167219200000n, max: 253402300799999n };

/** A value on a grid: its floor, and whether it lies exactly on the grid. */
export interface GridValue {
  readonly floor: bigint;
  readonly exact: boolean;
}

/** `d × 10^digits`, floored. */
export function toGrid(d: Decimal, digits: number): GridValue {
  const frac = d.frac.padEnd(digits, "0");
  const whole = BigInt((d.int === "" ? "0" : d.int) + frac.slice(0, digits));
  const exact = frac.slice(digits).replace(/0+$/, "") === "";
  if (d.sign >= 0) return { floor: whole, exact };
  return { floor: exact ? -whole : -whole - 1n, exact };
}

/** Parses a number with IAM's rules (spec §2.4) onto a grid, or `undefined` when it is not one. */
export function numberOnGrid(text: string, digits: number): GridValue | undefined {
  const d = parseDecimal(text);
  return d === undefined ? undefined : toGrid(d, digits);
}

/** Parses a date (W3C profile or epoch seconds, spec §2.5) to milliseconds, or `undefined`. */
export function instantOnGrid(text: string): GridValue | undefined {
  const d = parseInstant(text);
  return d === undefined ? undefined : toGrid(d, 3);
}

/**
 * A grid value that compares with every constant exactly as `x` does (`constants` ascending, on the
 * grid, strictly inside [min, max], no two adjacent). `x` itself when it is on the grid and in range.
 */
export function represent(x: GridValue, constants: readonly bigint[], grid: Grid): bigint {
  if (x.exact && x.floor >= grid.min && x.floor <= grid.max) return x.floor;
  // x > c  ⟺  floor > c (exact) or floor ≥ c (x lies strictly between floor and floor + 1).
  let lo: bigint | undefined;
  let hi: bigint | undefined;
  for (const c of constants) {
    const above = x.exact ? x.floor > c : x.floor >= c;
    if (above) lo = c;
    else if (x.exact && c === x.floor) return c;
    else if (hi === undefined) hi = c;
  }
  const fits = (v: bigint): boolean =>
    (lo === undefined || v > lo) && (hi === undefined || v < hi) && v >= grid.min && v <= grid.max;
  for (const v of [x.floor, x.floor + 1n]) if (fits(v)) return v;
  if (lo !== undefined && fits(lo + 1n)) return lo + 1n;
  if (hi !== undefined && fits(hi - 1n)) return hi - 1n;
  if (lo === undefined && hi === undefined) return x.floor < grid.min ? grid.min : grid.max;
  throw new Error("INVARIANT: constants on a grid leave room for every value (checked by the emitter)");
}

/** Whether `constants` (ascending) leave room for `represent`: inside the range, none adjacent. */
export function gridFits(constants: readonly bigint[], grid: Grid): boolean {
  for (let i = 0; i < constants.length; i++) {
    const c = constants[i]!;
    if (c <= grid.min || c >= grid.max) return false;
    if (i > 0 && c - constants[i - 1]! < 2n) return false;
  }
  return true;
}

/** Decimal text (`-12.5`, `3.0`) of a grid value, as `decimal("…")` accepts it (1–4 fraction digits). */
export function decimalText(v: bigint): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(5, "0");
  const int = digits.slice(0, -4);
  const frac = digits.slice(-4).replace(/0+$/, "") || "0";
  return `${negative ? "-" : ""}${int}.${frac}`;
}

/** Datetime text Cedar accepts for milliseconds since the epoch (within DATETIME_GRID). */
export function datetimeText(ms: bigint): string {
  const iso = new Date(Number(ms)).toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? `${iso.slice(0, 19)}Z` : iso;
}

/** A request IP address (no prefix) in a form Cedar's `ip()` accepts, or `undefined` (spec §2.8). */
export function ipAddressText(text: string): string | undefined {
  if (text.includes("/")) return undefined;
  return cidrText(text, false);
}

/**
 * A policy range in a form Cedar's `ip()` accepts: host bits cleared, IPv6 as eight hex groups (so an
 * IPv4-mapped address is never written with a dotted tail, which `ip()` rejects), or `undefined`.
 */
export function ipRangeText(text: string): string | undefined {
  return cidrText(text, true);
}

function cidrText(text: string, withPrefix: boolean): string | undefined {
  const range = parseCidr(text);
  if (range === undefined) return undefined;
  const words = Array.from(range.words);
  let bits = range.prefix;
  for (let w = 0; w < 4; w++, bits -= 32) {
    const mask = bits >= 32 ? 0xffffffff : bits <= 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (withPrefix) words[w] = (words[w]! & mask) >>> 0;
  }
  let address: string;
  if (!range.v6) {
    const v = words[0]!;
    address = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");
  } else {
    address = words.flatMap((w) => [(w >>> 16).toString(16), (w & 0xffff).toString(16)]).join(":");
  }
  const max = range.v6 ? 128 : 32;
  return withPrefix && range.prefix !== max ? `${address}/${range.prefix}` : address;
}

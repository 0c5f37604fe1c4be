// Value classes of ordered domains (spec §2.4 numbers, §2.5 dates, §2.8 IP addresses): the points
// and open intervals between the bounds the policies mention, each with a witness strictly inside,
// as exact scaled integers (never floats), so a bound moved by less than one unit still has a
// witness between the old and the new bound.
import { parseCidr, parseDecimal, parseInstant } from "@kms-cedar/runtime/conditions";
import type { Decimal } from "@kms-cedar/runtime/conditions";
import { AnalysisCode, refuse } from "../diagnostics.js";

export interface ValueClass {
  readonly witness: string;
  readonly label: string;
}

function fracDigits(d: Decimal): number {
  return d.frac.length;
}

/** A decimal as an integer scaled by 10^scale. */
function scaled(d: Decimal, scale: number): bigint {
  const digits = (d.int === "" ? "0" : d.int) + d.frac.padEnd(scale, "0");
  const v = BigInt(digits);
  return d.sign < 0 ? -v : v;
}

function formatScaled(v: bigint, scale: number): string {
  const negative = v < 0n;
  const abs = (negative ? -v : v).toString().padStart(scale + 1, "0");
  const int = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac === "" ? "" : "." + frac}`;
}

/** Classes of a line (numbers or instants) cut at `bounds`; `format` turns a scaled point into text. */
function lineClasses(bounds: readonly Decimal[], format: (v: bigint, scale: number) => string, unit: string): ValueClass[] {
  const scale = Math.max(0, ...bounds.map(fracDigits)) + 1;
  const points = [...new Set(bounds.map((b) => scaled(b, scale)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const one = 10n ** BigInt(scale);
  const text = (v: bigint): string => format(v, scale);
  if (points.length === 0) return [{ witness: format(one, scale), label: `any ${unit}` }];
  const out: ValueClass[] = [{ witness: text(points[0]! - one), label: `< ${text(points[0]!)}` }];
  points.forEach((p, i) => {
    out.push({ witness: text(p), label: `= ${text(p)}` });
    const next = points[i + 1];
    // Consecutive scaled points differ by at least 10 (one more digit than any bound), so the midpoint is strictly inside.
    if (next !== undefined) out.push({ witness: text((p + next) / 2n), label: `> ${text(p)} and < ${text(next)}` });
  });
  out.push({ witness: text(points[points.length - 1]! + one), label: `> ${text(points[points.length - 1]!)}` });
  return out;
}

export function numericClasses(values: readonly string[]): ValueClass[] {
  const bounds = values.map(parseDecimal).filter((d): d is Decimal => d !== undefined);
  return [...lineClasses(bounds, formatScaled, "number"), { witness: "not-a-number", label: "not a number" }];
}

export function dateClasses(values: readonly string[]): ValueClass[] {
  const bounds = values.map(parseInstant).filter((d): d is Decimal => d !== undefined);
  return [...lineClasses(bounds, formatInstant, "instant"), { witness: "not-a-date", label: "not a date" }];
}

/** Seconds since the epoch (scaled) as `YYYY-MM-DDThh:mm:ss[.f]Z`, which parseInstant reads back exactly. */
function formatInstant(v: bigint, scale: number): string {
  const unit = 10n ** BigInt(scale);
  let seconds = v / unit;
  let frac = v % unit;
  if (frac < 0n) {
    frac += unit;
    seconds -= 1n;
  }
  const days = seconds >= 0n ? seconds / 86400n : -((-seconds + 86399n) / 86400n);
  const rem = Number(seconds - days * 86400n);
  const { y, m, d } = civilFromDays(Number(days));
  if (y < 0 || y > 9999) refuse(AnalysisCode.bound, `a date bound lies outside the years 0000–9999`);
  const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
  const f = frac.toString().padStart(scale, "0").replace(/0+$/, "");
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(rem / 3600))}:${pad(Math.floor((rem % 3600) / 60))}:${pad(rem % 60)}${f === "" ? "" : "." + f}Z`;
}

/** Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm, re-derived). */
function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function wordsValue(words: Uint32Array, v6: boolean): bigint {
  let v = 0n;
  for (let i = 0; i < (v6 ? 4 : 1); i++) v = (v << 32n) | BigInt(words[i]!);
  return v;
}

function ipText(v: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join(".");
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((v >> s) & 0xffffn).toString(16));
  return groups.join(":");
}

/** Elementary intervals of each address family cut at every range's ends; witness: the interval's first address. */
export function ipClasses(values: readonly string[]): ValueClass[] {
  const out: ValueClass[] = [];
  for (const v6 of [false, true]) {
    const bits = v6 ? 128n : 32n;
    const cuts = new Set<bigint>([0n]);
    for (const text of values) {
      const c = parseCidr(text);
      if (c === undefined || c.v6 !== v6) continue;
      const size = 1n << (bits - BigInt(c.prefix));
      const lo = (wordsValue(c.words, v6) / size) * size;
      cuts.add(lo);
      if (lo + size < 1n << bits) cuts.add(lo + size);
    }
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((lo, i) => {
      const hi = (sorted[i + 1] ?? 1n << bits) - 1n;
      out.push({ witness: ipText(lo, v6), label: lo === hi ? ipText(lo, v6) : `${ipText(lo, v6)}–${ipText(hi, v6)}` });
    });
  }
  out.push({ witness: "not-an-address", label: "not an IP address" });
  return out;
}

export function boolClasses(): ValueClass[] {
  return [
    { witness: "true", label: "true" },
    { witness: "false", label: "false" },
    { witness: "not-a-bool", label: "neither true nor false" },
  ];
}

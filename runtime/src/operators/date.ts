// Date values for the Date operators (spec §2.5, A16): the W3C profile of ISO 8601 (`YYYY` …
// `YYYY-MM-DDThh:mm:ss.sTZD`, zone optional = UTC, `T`/`Z` in either case) or epoch seconds with an
// optional fraction. An instant becomes an exact decimal number of seconds, compared without floats.
import { parseDecimal } from "./decimal.js";
import type { Decimal } from "./decimal.js";

const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?)?)?)?$/;
const EPOCH = /^\d+(?:\.\d+)?$/;

/** Parses a date value to seconds since 1970-01-01T00:00:00Z, or `undefined` when it is not one. */
export function parseInstant(text: string): Decimal | undefined {
  // DEVIATION: §2.5, A16 — W3C forms (zone optional, T/Z any case), else epoch seconds; four digits are a year.
  const m = W3C.exec(text);
  if (m !== null) return fromParts(m);
  if (EPOCH.test(text)) return parseDecimal(text);
  return undefined;
}

function fromParts(m: RegExpExecArray): Decimal | undefined {
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return undefined;
    offset = (zone[0] === "-" ? -1 : 1) * (zh * 3600 + zm * 60);
  }
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return fromSecondsAndFraction(seconds, (m[7] ?? "").replace(/0+$/, ""));
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `seconds + 0.fraction` as a decimal; `seconds` is an integer (exact: |seconds| < 2^53). */
function fromSecondsAndFraction(seconds: number, fraction: string): Decimal {
  if (seconds >= 0) {
    const int = seconds === 0 ? "" : String(seconds);
    return { sign: int === "" && fraction === "" ? 0 : 1, int, frac: fraction };
  }
  if (fraction === "") return { sign: -1, int: String(-seconds), frac: "" };
  // INVARIANT: -s + 0.f = -((|s| - 1) + (1 - 0.f)), and 1 - 0.f has as many digits as f.
  const whole = -seconds - 1;
  // The last digit of `fraction` is not 0 (trailing zeros were trimmed), so no borrow is needed.
  let frac = "";
  for (let k = 0; k < fraction.length; k++) {
    frac += String((k === fraction.length - 1 ? 10 : 9) - (fraction.charCodeAt(k) - 48));
  }
  frac = frac.replace(/0+$/, "");
  return { sign: -1, int: whole === 0 ? "" : String(whole), frac };
}

// Instants for the Date operators (spec §2.5, A16): the W3C profile of ISO 8601 and epoch seconds,
// read into exact instants (whole seconds as a bigint plus every sub-second digit) and compared.

/** An instant: whole seconds since 1970-01-01T00:00:00Z plus a fraction in [0, 1) as decimal digits. */
export interface Instant {
  readonly seconds: bigint;
  /** Fraction digits without trailing zeros ("" = whole second). */
  readonly fraction: string;
}

// AWS: §2.5 — YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s+]]TZD; TZD = Z | ±hh:mm, optional
// (missing = UTC), either case of T and Z.
// DEVIATION: §2.5, A16 — only these forms (IAM's own parser accepts more); four digits are a year; exact instants.
const W3C =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?)?)?)?$/;
// AWS: §2.5 — an integer epoch, optionally with a decimal fraction (no '-', no 'T').
const EPOCH = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a date value. Exactly four digits read as the W3C year form (`2020` = 2020-01-01T00:00:00Z,
 * spec §2.5); any other run of digits (with an optional fraction) is epoch seconds.
 */
export function parseInstant(text: string): Instant | undefined {
  const w3c = W3C.exec(text);
  if (w3c !== null) return fromW3c(w3c);
  const epoch = EPOCH.exec(text);
  if (epoch === null) return undefined;
  return { seconds: BigInt(epoch[1]!), fraction: (epoch[2] ?? "").replace(/0+$/, "") };
}

/** Compares two instants exactly: negative when a is earlier, 0 when equal, positive when later. */
export function compareInstant(a: Instant, b: Instant): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, "0");
  const fb = b.fraction.padEnd(width, "0");
  if (fa === fb) return 0;
  return fa < fb ? -1 : 1;
}

function fromW3c(m: RegExpExecArray): Instant | undefined {
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = offsetSeconds(m[8]);
  if (offset === undefined) return undefined;
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return { seconds: BigInt(local) - BigInt(offset), fraction: (m[7] ?? "").replace(/0+$/, "") };
}

/** Seconds east of UTC for a TZD (`Z`, `+hh:mm`, `-hh:mm`, or none = UTC); undefined if out of range. */
function offsetSeconds(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === "Z" || zone === "z") return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  const size = hours * 3600 + minutes * 60;
  return zone.startsWith("-") ? -size : size;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to the given proleptic Gregorian date, counted day by day per year and month. */
function daysFromCivil(year: number, month: number, day: number): number {
  let days = 0;
  // Whole 400-year cycles have exactly 146097 days; the remainder is summed year by year.
  const cycles = Math.floor((year - 1970) / 400);
  days += cycles * 146097;
  for (let y = 1970 + cycles * 400; y < year; y++) days += isLeapYear(y) ? 366 : 365;
  for (let mo = 1; mo < month; mo++) days += daysInMonth(year, mo);
  return days + day - 1;
}

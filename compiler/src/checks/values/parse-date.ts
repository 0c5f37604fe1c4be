// Date condition values (spec §2.5, A16): the W3C profile of ISO 8601 (`YYYY` … `YYYY-MM-DDThh:mm:ss.sTZD`),
// a missing zone read as UTC, either case of `T`/`Z`; or epoch seconds (digits, optional fraction, no `-`/`T`).
// The compiler's own parser; the reference evaluator has its own (DESIGN §1).

/** An instant: whole seconds since 1970-01-01T00:00:00Z plus the exact sub-second digits. */
export interface DateValue {
  readonly epochSeconds: bigint;
  /** Fractional-second digits as written, trailing zeros removed (`""` for a whole second). */
  readonly fraction: string;
}

const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?)?)?)?$/u;
const EPOCH = /^(\d+)(?:\.(\d+))?$/u;
const EPOCH_LIMIT = 2n ** 63n;

/** Parses a date policy value; `undefined` when it is neither a W3C date-time nor epoch seconds. */
export function parseDate(text: string): DateValue | undefined {
  // AWS: §2.5 — a four-digit value reads as the year (W3C `YYYY`), not as epoch seconds; AWS does not say.
  const w3c = W3C.exec(text);
  if (w3c !== null) return fromCivil(w3c);
  const epoch = EPOCH.exec(text);
  if (epoch === null) return undefined;
  const seconds = BigInt(epoch[1] ?? "0");
  if (seconds >= EPOCH_LIMIT) return undefined;
  return { epochSeconds: seconds, fraction: (epoch[2] ?? "").replace(/0+$/u, "") };
}

function fromCivil(m: RegExpExecArray): DateValue | undefined {
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = Number(m[4] ?? "0");
  const minute = Number(m[5] ?? "0");
  const second = Number(m[6] ?? "0");
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneOffsetSeconds(m[8]);
  if (offset === undefined) return undefined;
  const days = daysFromCivil(year, month, day);
  const seconds = BigInt(days) * 86_400n + BigInt(hour * 3600 + minute * 60 + second) - BigInt(offset);
  return { epochSeconds: seconds, fraction: (m[7] ?? "").replace(/0+$/u, "") };
}

function zoneOffsetSeconds(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === "Z" || zone === "z") return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === "-" ? -1 : 1) * (hours * 3600 + minutes * 60);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

// IP condition values (spec §2.8, A34): an IPv4 or IPv6 address or CIDR; a bare address is /32 (IPv4)
// or /128 (IPv6). Host bits after the prefix are kept as written (they are ignored when matching).
// The compiler's own parser; the reference evaluator has its own (DESIGN §1).

export interface IpRange {
  readonly version: 4 | 6;
  /** 4 or 16 bytes. */
  readonly bytes: readonly number[];
  readonly prefix: number;
}

/** Parses an IP address or CIDR range; `undefined` when it is neither. */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/u.test(prefixText)) return undefined;
  const v4 = parseIpv4(address);
  if (v4 !== undefined) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    return prefix <= 32 ? { version: 4, bytes: v4, prefix } : undefined;
  }
  const v6 = parseIpv6(address);
  if (v6 === undefined) return undefined;
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  return prefix <= 128 ? { version: 6, bytes: v6, prefix } : undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u.exec(text);
  if (m === null) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = groups(halves[0] ?? "", halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1] ?? "", true) : [];
  if (head === undefined || tail === undefined) return undefined;
  const words = head.length + tail.length;
  if (halves.length === 1 ? words !== 8 : words > 7) return undefined;
  const all = [...head, ...new Array<number>(8 - words).fill(0), ...tail];
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

/** Hex groups separated by `:`; the last may be dotted IPv4 (two groups) when `last` is set. */
function groups(text: string, last: boolean): number[] | undefined {
  if (text === "") return [];
  const parts = text.split(":");
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (last && i === parts.length - 1 && part.includes(".")) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      continue;
    }
    if (!/^[0-9A-Fa-f]{1,4}$/u.test(part)) return undefined;
    out.push(parseInt(part, 16));
  }
  return out;
}

// IP addresses and CIDR ranges for IpAddress / NotIpAddress (spec §2.8, A34), parsed by hand into
// bit strings so that "in range" is literally "starts with the range's prefix bits".

/** An address as its bits: 32 characters '0'/'1' for IPv4, 128 for IPv6. */
export interface IpAddressBits {
  readonly version: 4 | 6;
  readonly bits: string;
}

/** A CIDR range: the first `prefixLength` bits of `network` (host bits are ignored, §2.8). */
export interface IpRange {
  readonly network: IpAddressBits;
  readonly prefixLength: number;
}

/** Parses a bare IPv4 or IPv6 address (a context value). undefined if it is not one. */
export function parseIpAddress(text: string): IpAddressBits | undefined {
  if (text.includes(":")) {
    const bits = parseIpv6(text);
    return bits === undefined ? undefined : { version: 6, bits };
  }
  const bits = parseIpv4(text);
  return bits === undefined ? undefined : { version: 4, bits };
}

/** Parses a policy value: `address/prefix`, or a bare address (= /32 for IPv4, /128 for IPv6). */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf("/");
  const network = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (network === undefined) return undefined;
  // DEVIATION: §2.8, A34 — a bare IPv6 address is /128 (AWS documents /32 for IPv4 only).
  if (slash < 0) return { network, prefixLength: network.bits.length };
  const prefix = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return undefined;
  const prefixLength = Number(prefix);
  if (prefixLength > network.bits.length) return undefined;
  return { network, prefixLength };
}

/** AWS: §2.8 — an address is in a range of the same IP version whose prefix bits it shares. */
export function ipInRange(address: IpAddressBits, range: IpRange): boolean {
  // DEVIATION: §2.8 — IPv4-mapped IPv6 addresses are not unified with IPv4 (AWS does not say).
  if (address.version !== range.network.version) return false;
  const prefix = range.prefixLength;
  return address.bits.slice(0, prefix) === range.network.bits.slice(0, prefix);
}

/** Four decimal octets 0–255, no leading zeros (they would be ambiguous with octal). */
// DEVIATION: §2.8 — IPv4 octets with leading zeros are not addresses (AWS does not say).
function parseIpv4(text: string): string | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let bits = "";
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    bits += Number(part).toString(2).padStart(8, "0");
  }
  return bits;
}

/** Eight groups of 1–4 hex digits, one optional `::`, an optional dotted IPv4 tail; no zone id. */
function parseIpv6(text: string): string | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : halves[0]!.split(":");
  const tail = halves.length === 1 || halves[1] === "" ? [] : halves[1]!.split(":");
  const groups: string[] = [];
  const all = [...head, ...tail];
  for (let i = 0; i < all.length; i++) {
    const group = all[i]!;
    // A dotted IPv4 tail may only end the address.
    const endsAddress = i === all.length - 1 && (halves.length === 1 || tail.length > 0);
    if (endsAddress && group.includes(".")) {
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      groups.push(v4.slice(0, 16), v4.slice(16));
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
      groups.push(parseInt(group, 16).toString(2).padStart(16, "0"));
    } else {
      return undefined;
    }
  }
  const headGroups = groups.length - groupsIn(tail);
  if (halves.length === 1) return groups.length === 8 ? groups.join("") : undefined;
  // "::" stands for one or more zero groups.
  const missing = 8 - groups.length;
  if (missing < 1) return undefined;
  const zeros = Array.from({ length: missing }, () => "0".repeat(16));
  return [...groups.slice(0, headGroups), ...zeros, ...groups.slice(headGroups)].join("");
}

/** How many 16-bit groups a list of textual groups yields (a dotted IPv4 tail counts for two). */
function groupsIn(parts: readonly string[]): number {
  return parts.reduce((sum, part) => sum + (part.includes(".") ? 2 : 1), 0);
}

// IP addresses for IpAddress / NotIpAddress (spec §2.8, A34): IPv4 and IPv6 (with `::` and an
// optional dotted IPv4 tail), CIDR with host bits ignored, bare address = /32 or /128. An IPv4
// value never matches an IPv6 range and vice versa (no IPv4-mapped unification).

/** A parsed range: four 32-bit words (IPv4 uses only the first), the family and the prefix length. */
export interface Cidr {
  readonly v6: boolean;
  readonly words: Uint32Array;
  readonly prefix: number;
}

// PERF: request addresses are parsed into this scratch buffer; decide() is not re-entrant.
const scratch = new Uint32Array(4);

/** Parses `address[/prefix]`, or `undefined` when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  // DEVIATION: §2.8, A34 — no leading zeros; a bare IPv6 address is /128; IPv4-mapped IPv6 is not IPv4.
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const words = new Uint32Array(4);
  const family = parseAddress(address, words);
  if (family === 0) return undefined;
  const v6 = family === 6;
  const max = v6 ? 128 : 32;
  let prefix = max;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === "0") || Number(p) > max) return undefined;
    prefix = Number(p);
  }
  return { v6, words, prefix };
}

/** Whether the request value (an address without prefix) lies in the range. */
export function matchIp(range: Cidr, text: string): boolean {
  const family = parseAddress(text, scratch);
  if (family === 0 || (family === 6) !== range.v6) return false;
  let bits = range.prefix;
  for (let w = 0; bits > 0; w++, bits -= 32) {
    const mask = bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
    if (((scratch[w]! ^ range.words[w]!) & mask) >>> 0 !== 0) return false;
  }
  return true;
}

/** Whether `text` is an IP address (no prefix), as `matchIp` reads a request value. */
export function isIpAddress(text: string): boolean {
  return parseAddress(text, scratch) !== 0;
}

/** Parses an address into `out`; returns 4, 6, or 0 when it is not an address. */
function parseAddress(text: string, out: Uint32Array): 0 | 4 | 6 {
  out.fill(0);
  if (text.indexOf(":") < 0) {
    const v4 = parseV4(text, 0, text.length);
    if (v4 < 0) return 0;
    out[0] = v4;
    return 4;
  }
  return parseV6(text, out) ? 6 : 0;
}

/** IPv4 dotted quad in `text[start, end)` as an unsigned 32-bit number, or -1. */
function parseV4(text: string, start: number, end: number): number {
  let value = 0;
  let parts = 0;
  let i = start;
  while (parts < 4) {
    const from = i;
    let octet = 0;
    while (i < end && i - from < 4) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      octet = octet * 10 + (c - 48);
      i++;
    }
    const length = i - from;
    if (length === 0 || length > 3 || octet > 255 || (length > 1 && text.charCodeAt(from) === 48)) return -1;
    value = value * 256 + octet;
    parts++;
    if (parts < 4) {
      if (i >= end || text.charCodeAt(i) !== 46) return -1;
      i++;
    }
  }
  return i === end ? value : -1;
}

/** IPv6 text into eight 16-bit groups packed in `out`; false when malformed. */
function parseV6(text: string, out: Uint32Array): boolean {
  const groups: number[] = [];
  let gap = -1;
  let i = 0;
  const n = text.length;
  if (text.startsWith("::")) {
    gap = 0;
    i = 2;
  } else if (text.startsWith(":")) return false;
  while (i < n) {
    const dot = text.indexOf(".", i);
    const colon = text.indexOf(":", i);
    if (dot >= 0 && (colon < 0 || dot < colon)) {
      const v4 = parseV4(text, i, n);
      if (v4 < 0) return false;
      groups.push(v4 >>> 16, v4 & 0xffff);
      i = n;
      break;
    }
    const stop = colon < 0 ? n : colon;
    if (stop === i || stop - i > 4) return false;
    let g = 0;
    for (let k = i; k < stop; k++) {
      const h = hex(text.charCodeAt(k));
      if (h < 0) return false;
      g = g * 16 + h;
    }
    groups.push(g);
    if (colon < 0) {
      i = n;
      break;
    }
    i = colon + 1;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = groups.length;
      i++;
    } else if (i === n) return false;
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return false;
  const full = gap < 0 ? groups : [...groups.slice(0, gap), ...new Array<number>(8 - groups.length).fill(0), ...groups.slice(gap)];
  for (let w = 0; w < 4; w++) out[w] = ((full[2 * w]! << 16) | full[2 * w + 1]!) >>> 0;
  return true;
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// Request values for a condition key of a user's bundle: each constant its conditions mention, and
// near misses around it — other letter case, one character more or less, wildcards filled in,
// numbers ±1 and ±0.5, instants ±1 second, the neighbouring IP address, another account in an ARN —
// plus values that do not parse. Phase: conformance verify.

const VARIABLE = /\$\{[^}]*\}/g;

function dateVariants(c: string): string[] {
  if (/^\d+(\.\d+)?$/.test(c) && c.length !== 4) {
    const n = Number(c);
    return [String(Math.floor(n) - 1), String(Math.floor(n) + 1), c];
  }
  const t = Date.parse(c);
  if (Number.isNaN(t)) return [];
  const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");
  return [iso(t), iso(t - 1000), iso(t + 1000)];
}

function numberVariants(c: string): string[] {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(c)) return [];
  const n = Number(c);
  return [String(n), String(n + 1), String(n - 1), String(n + 0.5)];
}

function ipVariants(c: string): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(c);
  if (m !== null) {
    const [a, b, cc, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    return [`${a}.${b}.${cc}.${d}`, `${a}.${b}.${cc}.${(d + 1) % 256}`, `${(a + 1) % 256}.${b}.${cc}.${d}`, `::ffff:${a}.${b}.${cc}.${d}`];
  }
  if (c.includes(":")) {
    const addr = c.split("/")[0]!;
    const base = addr.endsWith("::") ? `${addr}1` : addr;
    return [base, base.replace(/[0-9a-f]$/i, (x) => ((parseInt(x, 16) + 1) % 16).toString(16)), base.toUpperCase()];
  }
  return [];
}

function arnVariants(c: string): string[] {
  const filled = c.replace(VARIABLE, "value1").replace(/\*/g, "abc").replace(/\?/g, "Z");
  return [filled, filled.replace(/:\d{12}:/, ":999988887777:"), filled.toUpperCase()];
}

function stringVariants(c: string): string[] {
  const filled = c.replace(VARIABLE, "value1").replace(/\*/g, "abc").replace(/\?/g, "Z");
  return [filled, filled.toUpperCase(), filled.toLowerCase(), `${filled}x`, filled.slice(1)];
}

/** Candidate request values for a key whose conditions mention `constants` under operators of `families`. */
export function nearMisses(constants: ReadonlySet<string>, families: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const has = (prefix: string): boolean => [...families].some((f) => f.startsWith(prefix));
  for (const c of constants) {
    out.add(c);
    if (has("Numeric")) numberVariants(c).forEach((v) => out.add(v));
    if (has("Date")) dateVariants(c).forEach((v) => out.add(v));
    if (has("Ip") || has("NotIp")) ipVariants(c).forEach((v) => out.add(v));
    if (has("Arn")) arnVariants(c).forEach((v) => out.add(v));
    if (has("String") || has("Binary")) stringVariants(c).forEach((v) => out.add(v));
    if (has("Bool")) ["true", "false"].forEach((v) => out.add(v));
  }
  // Values that do not parse for typed operators, and plain strings for variables.
  if (has("Numeric") || has("Date") || has("Ip") || has("NotIp")) out.add("not-a-value");
  if (families.has("variable") || out.size === 0) ["value1", "other", ""].forEach((v) => out.add(v));
  out.delete("true");
  if (has("Bool") || families.has("Null")) out.add("true");
  return [...out];
}

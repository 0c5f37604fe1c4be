// The generator families of issue 10 a request belongs to, for the report's family table: each row
// shows that the family was reached, and with which decisions. Read from the request and the
// bundle, independently of the engines. Phase: conformance report.
import { CALLER_DERIVED_KEYS, PROTOTYPE_NAMES } from "../arbitraries/condition-keys.js";
import { mentionedKeys } from "../arbitraries/bundle-keys.js";
import { SESSION_APP_B, SESSION_EXT_A } from "../arbitraries/fixtures.js";
import { malformation } from "../compare/strict-shape.js";
import { layersIn } from "../laws/layer-transforms.js";
import type { LayerName } from "../laws/layer-transforms.js";

/** The family rows, in report order. */
export const FAMILIES = [
  "prototype names (policy or request)", "request shapes (malformed)", "Unicode: not well-formed", "Unicode: outside the BMP",
  "RetireGrant", "RetireGrant, Deny in the key policy", "resource *", "caller-derived keys left out", "caller-derived keys given",
  "role name of another account",
] as const;

const PROTOTYPE = new RegExp(`(^|[/:])(${PROTOTYPE_NAMES.join("|")})$`, "i");
const DERIVED = CALLER_DERIVED_KEYS.map((k) => k.toLowerCase());
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

type Json = Record<string, unknown>;

/** What the family table needs to know of a bundle, computed once per bundle. */
export interface BundleFacts {
  readonly prototypeNamed: boolean;
  readonly mentionsDerived: boolean;
  /** Keys whose policy has a Deny that could name RetireGrant. */
  readonly retireDenyKeys: ReadonlySet<string>;
  /** The layers of the authorization chain the bundle has (laws/layer-transforms.ts). */
  readonly layers: readonly LayerName[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

export function bundleFacts(bundle: unknown): BundleFacts {
  const keys = mentionedKeys(bundle);
  const b = (bundle ?? {}) as { keys?: Record<string, { policy?: unknown }> };
  const retireDenyKeys = new Set<string>();
  for (const [arn, entry] of Object.entries(b.keys ?? {})) {
    const st = (entry.policy as Json | undefined)?.["Statement"];
    const list = (Array.isArray(st) ? st : [st]) as (Json | undefined)[];
    if (list.some((s) => s?.["Effect"] === "Deny" && (s["NotAction"] !== undefined || strings(s["Action"]).some((a) => /^(\*|kms:\*|kms:re\*|kms:retire.*)$/i.test(a))))) retireDenyKeys.add(arn);
  }
  return {
    prototypeNamed: keys.some((k) => PROTOTYPE.test(k)) || JSON.stringify(bundle).match(/\$\{[^}]*(__proto__|constructor|toString)/i) !== null,
    mentionsDerived: keys.some((k) => DERIVED.includes(k)),
    retireDenyKeys,
    layers: layersIn(bundle as never),
  };
}

/**
 * The layers a request is counted under in the report's layer table: those of its bundle, except the
 * endpoint, which counts only the requests sent through it (`aws:SourceVpce` given): the others never
 * reach its policy.
 */
export function layersOf(request: unknown, facts: BundleFacts): LayerName[] {
  if (facts.layers.length === 0 || malformation(request) !== undefined) return [];
  const checks: Json[] = "checks" in (request as Json) ? ((request as Json)["checks"] as Json[]) : [request as Json];
  const through = checks.some((c) => Object.keys((c["context"] ?? {}) as Json).some((k) => k.toLowerCase() === "aws:sourcevpce"));
  return facts.layers.filter((l) => l !== "endpoint" || through);
}

function anyString(v: unknown, test: (s: string) => boolean): boolean {
  if (typeof v === "string") return test(v);
  if (Array.isArray(v)) return v.some((x) => anyString(x, test));
  if (typeof v === "object" && v !== null) return Object.keys(v).some((k) => test(k) || anyString((v as Json)[k], test));
  return false;
}

/** The families `request` (on a bundle with `facts`) belongs to. */
export function familiesOf(request: unknown, facts: BundleFacts): string[] {
  const out: string[] = [];
  const bad = malformation(request);
  const checks: Json[] = bad !== undefined ? [] : "checks" in (request as Json) ? ((request as Json)["checks"] as Json[]) : [request as Json];
  const contextKeys = checks.flatMap((c) => Object.keys((c["context"] ?? {}) as Json));
  if (facts.prototypeNamed || contextKeys.some((k) => PROTOTYPE.test(k))) out.push(FAMILIES[0]);
  if (bad === "shape") out.push(FAMILIES[1]);
  if (bad === "unicode") out.push(FAMILIES[2]);
  if (bad === undefined && anyString(request, (s) => ASTRAL.test(s))) out.push(FAMILIES[3]);
  const retire = checks.filter((c) => typeof c["action"] === "string" && c["action"].toLowerCase() === "kms:retiregrant");
  if (retire.length > 0) out.push(FAMILIES[4]);
  if (retire.some((c) => facts.retireDenyKeys.has(String(c["resource"])))) out.push(FAMILIES[5]);
  if (checks.some((c) => c["resource"] === "*")) out.push(FAMILIES[6]);
  const lower = contextKeys.map((k) => k.toLowerCase());
  if (checks.length > 0 && facts.mentionsDerived && !lower.some((k) => DERIVED.includes(k))) out.push(FAMILIES[7]);
  if (lower.some((k) => DERIVED.includes(k))) out.push(FAMILIES[8]);
  if (checks.some((c) => c["principal"] === SESSION_APP_B || c["principal"] === SESSION_EXT_A)) out.push(FAMILIES[9]);
  return out;
}

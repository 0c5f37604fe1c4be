// The diagnostic registry: every code of every phase with its slug, severity, summary and help, merged
// from the lists each phase owns. A phase that adds codes adds its list here. Codes are never reused.
import type { DiagnosticInfo } from "@kms-cedar/grammar";
import { JSON_DIAGNOSTICS } from "@kms-cedar/grammar";
import { BUNDLE_DIAGNOSTICS } from "../bundle/bundle-diagnostic-codes.js";
import { LAYER_DIAGNOSTICS } from "../bundle/layer-diagnostic-codes.js";
import { AVP_DIAGNOSTICS } from "../emit/avp/avp-codes.js";
import { CEDAR_DIAGNOSTICS } from "../emit/cedar/cedar-codes.js";
import { CHECK_CODES, INTERNAL_CODES } from "./check-codes.js";

/** Every registered code, sorted by code. */
export const DIAGNOSTIC_REGISTRY: readonly DiagnosticInfo[] = [
  ...JSON_DIAGNOSTICS,             // KC1001–KC1099 grammar, KC9001 (grammar/src/json/diagnostic-codes.ts)
  ...Object.values(CHECK_CODES),   // KC2001–KC2199 policy checks (check-codes.ts)
  ...BUNDLE_DIAGNOSTICS,           // KC2901–KC2929 bundle and input files (bundle/bundle-diagnostic-codes.ts)
  ...LAYER_DIAGNOSTICS,            // KC2930–KC2960 layers of the authorization chain (bundle/layer-diagnostic-codes.ts)
  ...CEDAR_DIAGNOSTICS,            // KC3001–KC3099 Cedar cannot express, KC93xx internal (emit/cedar/cedar-codes.ts)
  ...AVP_DIAGNOSTICS,              // KC3101–KC3199 AVP's quotas, KC9311 internal (emit/avp/avp-codes.ts)
  ...Object.values(INTERNAL_CODES), // KC9002 internal check failure
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const BY_CODE = new Map(DIAGNOSTIC_REGISTRY.map((info) => [info.code, info]));

/** The registry entry of a code, or `undefined` for an unknown code. */
export function findDiagnosticInfo(code: string): DiagnosticInfo | undefined {
  return BY_CODE.get(code);
}

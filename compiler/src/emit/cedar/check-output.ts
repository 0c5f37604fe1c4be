// Checks the emitter's own output with cedar-wasm (the contract: a failure is a KC93xx bug
// report, never silent output): the policies parse and are formatted, the schema parses, and every
// policy strictly validates against the schema. Phase: emit (self-check).
import type { DiagnosticInfo } from "@kms-cedar/grammar";
import type { CedarWasm } from "@kms-cedar/runtime";
import { splitPolicySet } from "@kms-cedar/runtime";
import { makeDiagnostic } from "../../diagnostics/make-diagnostic.js";
import { CEDAR_CODES } from "./cedar-codes.js";
import type { CedarCode } from "./cedar-codes.js";
import type { CedarDiagnostic } from "./emit-cedar.js";

/** The checked output: formatted policies and the schema's JSON form, or the internal errors found. */
export type CheckedOutput =
  | { readonly policies: string; readonly schemaJson: unknown; readonly diagnostics: readonly [] }
  | { readonly diagnostics: readonly CedarDiagnostic[] };

/** Formats `policyText`, parses `schema`, and strictly validates the one against the other. */
export function checkOutput(cedar: CedarWasm, policyText: string, schema: string): CheckedOutput {
  const formatted = cedar.formatPolicies({ policyText, lineWidth: 100, indentWidth: 2 });
  if (formatted.type !== "success") return { diagnostics: [internal("formatFailed", formatted.errors.map((e) => e.message))] };
  const json = cedar.schemaToJson(schema);
  if (json.type !== "success") return { diagnostics: [internal("schemaFailed", json.errors.map((e) => e.message))] };
  const split = splitPolicySet(cedar, formatted.formatted_policy);
  if ("error" in split) return { diagnostics: [internal("formatFailed", [split.error])] };
  const validation = cedar.validate({ schema, policies: { staticPolicies: split.policies }, validationSettings: { mode: "strict" } });
  if (validation.type !== "success") return { diagnostics: [internal("validationFailed", validation.errors.map((e) => e.message))] };
  if (validation.validationErrors.length > 0) {
    return { diagnostics: validation.validationErrors.map((e) => internal("validationFailed", [`policy \`${e.policyId}\`: ${e.error.message}`])) };
  }
  return { policies: formatted.formatted_policy, schemaJson: json.json, diagnostics: [] };
}

function internal(code: CedarCode, details: readonly string[]): CedarDiagnostic {
  const info: DiagnosticInfo = CEDAR_CODES[code];
  return makeDiagnostic(info, { start: 0, end: 0 }, info.summary, { help: `${info.help ?? ""}: ${details.join("; ")}` });
}

// Checks the emitter's own output with cedar-wasm (the contract: a failure is a KC93xx bug
// report, never silent output): the policies parse and are formatted, the schema parses, and every
// policy strictly validates against the schema. Phase: emit (self-check).
//
// Cost (issue 14): cedar-wasm parses the schema again on every call and strict validation of a policy
// walks every request environment of the schema, so compiling many bundles spent most of its time
// here. Each cedar-wasm answer used is a pure function of its input text, so it is memoized exactly
// (CheckMemo): `schemaToJson` per schema text, and the strict validation of each policy per (schema
// text, policy text) — Cedar validates static policies one by one, and the text includes the policy's
// `@id`, so a cached answer is the answer cedar-wasm would give. Only the policies not seen with this
// schema go to `validate`, in one call. Nothing is skipped: every policy is validated once per schema,
// by itself or by a policy of the same validation shape (validation-shape.ts says why that is exact).
// The schema's JSON form (cedar-wasm's `schemaToJson`, ~8 ms a call on a corpus schema — as much as
// validating it) is computed when first read, not during the check: `validate` already parses the
// schema text, so a schema that does not parse is still reported here, and a compile that never writes
// schema.cedarschema.json (the corpus, conformance, a service) never pays for it.
import type { DiagnosticInfo } from "@kms-cedar/grammar";
import type { CedarWasm } from "@kms-cedar/runtime";
import { splitPolicyTexts } from "@kms-cedar/runtime/cedar-names";
import { makeDiagnostic } from "../../diagnostics/make-diagnostic.js";
import { CEDAR_CODES } from "./cedar-codes.js";
import type { CedarCode } from "./cedar-codes.js";
import type { CedarDiagnostic } from "./emit-cedar.js";
import { CheckMemo } from "./check-memo.js";
import type { ValidationOutcome } from "./check-memo.js";
import { mayEnumerateEntities, validationShape } from "./validation-shape.js";

/**
 * The checked output: formatted policies and the schema's JSON form (computed on the first call, then
 * kept; it throws only if cedar-wasm cannot convert a schema its validator just parsed — an internal
 * error), or the internal errors found.
 */
export type CheckedOutput =
  | { readonly policies: string; readonly schemaJson: () => unknown; readonly diagnostics: readonly [] }
  | { readonly diagnostics: readonly CedarDiagnostic[] };

const memo = new CheckMemo();
/** Up to this many policies, the set is formatted in one call. */
const WHOLE_FORMAT_LIMIT = 32;
/**
 * A larger set is formatted this many policies a call. PERF (issue 14): a call's fixed cost makes one
 * policy a call 0.73 ms a policy, 16 a call 0.43 ms (the formatter's superlinear cost starts to show
 * beyond 32: 0.53 ms at 128).
 */
const FORMAT_CHUNK = 16;

/**
 * Formats the policies, parses `schema`, and strictly validates the one against the other. The
 * policies come as one text, or as the texts of the policies in order (the first with the file's
 * header comment): a large set is then formatted FORMAT_CHUNK policies at a time (memoized) and the
 * results joined by a blank line, which is what formatting the joined text gives (checked on every
 * corpus bundle and on the generated organisation) — cedar-wasm's formatter takes time superlinear in
 * the length of its input (2 s for 500 policies, 7 s for 1,200), linear a few policies at a time.
 */
export function checkOutput(cedar: CedarWasm, policyText: string | readonly string[], schema: string): CheckedOutput {
  const formatted = formatPolicies(cedar, policyText);
  if (formatted.type !== "success") return { diagnostics: [internal("formatFailed", formatted.errors.map((e) => e.message))] };
  // Split chunk by chunk: what splitting the whole text gives, in linear time (split-policy-set.ts).
  const split = splitPolicyTexts(cedar, formatted.chunks);
  if ("error" in split) return { diagnostics: [internal("formatFailed", [split.error])] };
  const byShape = !mayEnumerateEntities(schema);
  const convert = () => memo.schemaJson(schema, () => cedar.schemaToJson(schema));
  // No policy: nothing is validated, so the schema is parsed here (the memo remembers a schema only
  // after a validation that parsed it).
  if (Object.keys(split.policies).length === 0) {
    const answer = convert();
    if (answer.type !== "success") return { diagnostics: [internal("schemaFailed", answer.errors.map((e) => e.message))] };
  }
  const validation = memo.validate(schema, split.policies, (policies) => validateByShape(cedar, schema, policies, byShape));
  if ("failure" in validation) {
    // Tell a schema that does not parse (KC9303) from a validator that failed otherwise.
    const answer = convert();
    if (answer.type !== "success") return { diagnostics: [internal("schemaFailed", answer.errors.map((e) => e.message))] };
    return { diagnostics: [internal("validationFailed", validation.failure)] };
  }
  if (validation.messages.length > 0) {
    return { diagnostics: validation.messages.map((m) => internal("validationFailed", [m])) };
  }
  let json: { readonly value: unknown } | undefined;
  const schemaJson = (): unknown => {
    if (json !== undefined) return json.value;
    const answer = convert();
    if (answer.type !== "success") throw new Error(`${CEDAR_CODES.schemaFailed.code}: ${CEDAR_CODES.schemaFailed.summary}: ${answer.errors.map((e) => e.message).join("; ")}`);
    json = { value: answer.json };
    return answer.json;
  };
  return { policies: formatted.formatted_policy, schemaJson, diagnostics: [] };
}

type Formatted = { type: "success"; formatted_policy: string; chunks: readonly string[] } | { type: "failure"; errors: readonly { message: string }[] };

/** The formatted text, and the formatted texts it joins (each a whole number of policies). */
function formatPolicies(cedar: CedarWasm, policyText: string | readonly string[]): Formatted {
  const format = (text: string) => memo.formatted(text, () => cedar.formatPolicies({ policyText: text, lineWidth: 100, indentWidth: 2 }));
  // A small set is formatted whole (one call is cheaper than several); the output is the same.
  if (typeof policyText === "string" || policyText.length <= WHOLE_FORMAT_LIMIT) {
    const f = format(typeof policyText === "string" ? policyText : policyText.join("\n\n"));
    return f.type === "success" ? { ...f, chunks: [f.formatted_policy] } : f;
  }
  const parts: string[] = [];
  for (let i = 0; i < policyText.length; i += FORMAT_CHUNK) {
    const f = format(policyText.slice(i, i + FORMAT_CHUNK).join("\n\n"));
    if (f.type !== "success") return f;
    parts.push(f.formatted_policy.replace(/\n+$/, ""));
  }
  return { type: "success", formatted_policy: `${parts.join("\n\n")}\n`, chunks: parts };
}

/** Strict validation of `policies` against `schema`, one call. */
function validateAll(cedar: CedarWasm, schema: string, policies: Record<string, string>): ValidationOutcome {
  const answer = cedar.validate({ schema, policies: { staticPolicies: policies }, validationSettings: { mode: "strict" } });
  if (answer.type !== "success") return { failure: answer.errors.map((e) => e.message) };
  return { errors: answer.validationErrors.map((e) => ({ policyId: e.policyId, message: `policy \`${e.policyId}\`: ${e.error.message}` })) };
}

/**
 * PERF (issue 14): validates one policy per validation shape (validation-shape.ts) — policies of one
 * shape validate alike — then, for a shape whose policy has an error, every policy of that shape, so
 * the messages are exactly those of validating each policy. `byShape` false: every policy.
 */
export function validateByShape(cedar: CedarWasm, schema: string, policies: Record<string, string>, byShape: boolean): ValidationOutcome {
  if (!byShape) return validateAll(cedar, schema, policies);
  const groups = new Map<string, string[]>();
  for (const id of Object.keys(policies)) {
    const shape = validationShape(policies[id]!);
    const group = groups.get(shape);
    if (group === undefined) groups.set(shape, [id]);
    else group.push(id);
  }
  const representatives = Object.create(null) as Record<string, string>;
  const groupOf = new Map<string, readonly string[]>();
  for (const ids of groups.values()) {
    representatives[ids[0]!] = policies[ids[0]!]!;
    groupOf.set(ids[0]!, ids);
  }
  const first = validateAll(cedar, schema, representatives);
  if ("failure" in first || first.errors.length === 0) return first;
  const again = Object.create(null) as Record<string, string>;
  for (const e of first.errors) for (const id of groupOf.get(e.policyId) ?? [e.policyId]) again[id] = policies[id]!;
  const second = validateAll(cedar, schema, again);
  if ("failure" in second) return second;
  // A representative's errors about another id (none in practice) are kept as they came.
  const stray = first.errors.filter((e) => !groupOf.has(e.policyId));
  return { errors: [...second.errors, ...stray] };
}

function internal(code: CedarCode, details: readonly string[]): CedarDiagnostic {
  const info: DiagnosticInfo = CEDAR_CODES[code];
  return makeDiagnostic(info, { start: 0, end: 0 }, info.summary, { help: `${info.help ?? ""}: ${details.join("; ")}` });
}

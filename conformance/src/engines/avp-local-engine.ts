// The `avp-local` engine: the AVP profile decided locally. The compiler's AVP store (schema JSON and
// CreatePolicy statements) is loaded into cedar-wasm under AVP-style policy ids; each request goes
// through the runtime's AVP encoder (IsAuthorized input; an operation's checks as BatchIsAuthorized
// batches), is translated back to cedar-wasm by avp-to-cedar.ts, and cedar-wasm's answer is put in
// AVP's answer shape and read by the runtime's AVP decoder. Phase: conformance harness.
import type { DecisionResult, Operation, Request } from "@kms-cedar/runtime";
import type { AvpAnswer, AvpBatchItem, AvpEntityItem, AvpManifest } from "@kms-cedar/runtime/avp";
import { decideOperation, loadCedar, readInputShape } from "@kms-cedar/runtime";
import { batchAvpRequests, createAvpDecoder, createAvpEncoder } from "@kms-cedar/runtime/avp";
import { cedarCall, cedarEntities } from "./avp-to-cedar.js";
import type { EngineSetup } from "./engine-types.js";

/** The AVP files as `compileBundle(…, { avp: true }).avp` gives them. */
export interface AvpStore {
  readonly files: { readonly files: readonly { readonly name: string; readonly contents: string }[] };
  readonly manifest: AvpManifest;
}

const STORE_ID = "PSkmscedarlocal000000";
let nextStore = 0;

/** The avp-local engine on one compiled store. Throws when the store does not load (reported as unavailable by the caller). */
export function prepareAvpLocal(store: AvpStore): EngineSetup {
  const cedar = loadCedar();
  const file = (name: string): string => {
    const f = store.files.files.find((x) => x.name === name);
    if (f === undefined) throw new Error(`the AVP store has no \`${name}\``);
    return f.contents;
  };
  // AVP assigns its own policy ids at CreatePolicy; simulate that, and the id map the user records.
  const statements: Record<string, string> = {};
  const ids = new Map<string, string>();
  store.manifest.policies.forEach((p, i) => {
    const avpId = `SP${String(i).padStart(6, "0")}LOCAL`;
    statements[avpId] = (JSON.parse(file(p.file)) as { definition: { static: { statement: string } } }).definition.static.statement;
    ids.set(avpId, p.name);
  });
  const schema = JSON.parse((JSON.parse(file("put-schema.json")) as { definition: { cedarJson: string } }).definition.cedarJson) as object;
  const setId = `kms-cedar-avp-local-${++nextStore}`;
  const parsed = cedar.preparsePolicySet(setId, { staticPolicies: statements });
  if (parsed.type !== "success") throw new Error(`the AVP statements do not parse: ${parsed.errors.map((e) => e.message).join("; ")}`);
  const schemaParsed = cedar.preparseSchema(setId, schema as never);
  if (schemaParsed.type !== "success") throw new Error(`the AVP schema does not parse: ${schemaParsed.errors.map((e) => e.message).join("; ")}`);
  const encoder = createAvpEncoder(store.manifest, STORE_ID);
  const decode = createAvpDecoder(store.manifest, ids);

  /** What AVP would answer for one request given the entity list sent with it. */
  const answer = (item: AvpBatchItem, entities: readonly AvpEntityItem[]): AvpAnswer => {
    const out = cedar.statefulIsAuthorized({ ...cedarCall(item), entities: cedarEntities(entities) as never, preparsedPolicySetId: setId, preparsedSchemaName: setId, validateRequest: true } as never);
    if (out.type !== "success") return { decision: "DENY", determiningPolicies: [], errors: out.errors.map((e) => ({ errorDescription: e.message })) };
    const { decision, diagnostics } = out.response;
    return {
      decision: decision === "allow" ? "ALLOW" : "DENY",
      determiningPolicies: diagnostics.reason.map((policyId) => ({ policyId })),
      errors: diagnostics.errors.map((e) => ({ errorDescription: `${e.policyId}: ${e.error.message}` })),
    };
  };

  const decideOne = (request: Request): DecisionResult => {
    const input = encoder.encode(request);
    if ("error" in input) return input;
    return decode(answer(input, input.entities.entityList));
  };

  const decide = (input: unknown): DecisionResult => {
    // The one strict reader judges the shape first (DESIGN §2): a hybrid or a stray member is an error.
    const shape = readInputShape(input);
    if (typeof shape !== "string") return shape;
    if (shape === "request") return decideOne(input as Request);
    const op = input as Operation;
    // An operation's checks go to AVP as BatchIsAuthorized batches; each result is decoded alone.
    const checks = op.checks;
    const { batches, errors } = batchAvpRequests(encoder, STORE_ID, checks);
    const results = new Map<number, DecisionResult>(errors);
    for (const batch of batches) {
      batch.input.requests.forEach((item, k) => results.set(batch.indices[k]!, decode(answer(item, batch.input.entities.entityList))));
    }
    let next = 0;
    return decideOperation(op, () => results.get(next++)!);
  };
  return { decide };
}

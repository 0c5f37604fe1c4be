// Emits the AVP profile of the Cedar output (`compile --target avp`, docs/deployment.md): the schema
// in one namespace, one CreatePolicy input per policy (split where AVP's size quota demands and an
// exact split exists), and avp-manifest.json; then checks every documented store quota (KC31xx) and
// strictly validates the renamed policies against the renamed schema (KC9311). Phase: emit.
import type { CedarManifest, CedarWasm, DecisionGraph } from "@kms-cedar/runtime";
import type { AvpManifest, AvpManifestPolicy } from "@kms-cedar/runtime/avp";
import type { ManifestPolicy } from "@kms-cedar/runtime/cedar-names";
import { loadCedar } from "@kms-cedar/runtime";
import {
  AVP_MANIFEST_FORMAT, AVP_MANIFEST_VERSION, AVP_NAMESPACE, AVP_QUOTAS, AVP_TYPE, isAllowedAvpNamespace, utf8Bytes,
} from "@kms-cedar/runtime/avp";
import { splitPolicySet } from "@kms-cedar/runtime/cedar-names";
import { makeDiagnostic } from "../../diagnostics/make-diagnostic.js";
import type { CedarDiagnostic, CedarFiles } from "../cedar/emit-cedar.js";
import { AVP_CODES } from "./avp-codes.js";
import type { AvpCode } from "./avp-codes.js";
import { countMostParents } from "./count-parents.js";
import { describePolicy } from "./describe-policy.js";
import { printPolicy, readPolicy, renamePolicyText, scopedResource } from "./avp-policy.js";
import type { AvpPolicyParts } from "./avp-policy.js";
import { renameSchemaJson } from "./rename-schema.js";
import { splitPolicy } from "./split-policy.js";

/** The files `compile --target avp` writes under `avp/`, by path relative to it. */
export interface AvpFiles {
  /** `schema.json` (readable), `put-schema.json`, `policies/NNNN-name.json`, `avp-manifest.json`. */
  readonly files: readonly { readonly name: string; readonly contents: string }[];
}

export interface EmitAvpResult {
  /** Absent when an error was reported. */
  readonly files?: AvpFiles;
  readonly manifest?: AvpManifest;
  readonly diagnostics: readonly CedarDiagnostic[];
}

interface Part {
  readonly name: string;
  readonly source: ManifestPolicy;
  readonly statement: string;
  readonly bytes: number;
  readonly resource?: string;
}

/** The AVP profile of a compiled bundle's Cedar output. */
export function emitAvp(graph: DecisionGraph, cedarFiles: CedarFiles, manifest: CedarManifest): EmitAvpResult {
  const cedar = loadCedar();
  const diagnostics: CedarDiagnostic[] = [];
  if (!isAllowedAvpNamespace(AVP_NAMESPACE)) throw new Error("INVARIANT: the profile's namespace is one AVP forbids");

  const resolved = cedar.schemaToJsonWithResolvedTypes(cedarFiles.schema);
  if (resolved.type !== "success") return { diagnostics: [internal(`the Cedar schema does not resolve: ${resolved.errors.map((e) => e.message).join("; ")}`)] };
  const schema = renameSchemaJson(resolved.json as never);
  const schemaText = JSON.stringify(schema);

  const split = splitPolicySet(cedar, cedarFiles.policies);
  if ("error" in split) return { diagnostics: [internal(split.error)] };
  const parts: Part[] = [];
  const refused: { bytes: number; resource: string | undefined }[] = [];
  for (const source of manifest.policies) {
    const fitted = fit(cedar, readPolicy(renamePolicyText(split.policies[source.id]!)), schemaText);
    if (fitted === undefined) {
      // Counted whole in the totals below, so the store's other quotas are reported too.
      const whole = printPolicy(readPolicy(renamePolicyText(split.policies[source.id]!)));
      refused.push({ bytes: utf8Bytes(whole), resource: scopedResource(readPolicy(whole).resource) });
      diagnostics.push(refusal(graph, "policyTooLarge", source, `policy \`${source.id}\` is over AVP's policy size quota of ${AVP_QUOTAS.policyBytes} bytes and cannot be split exactly`));
      continue;
    }
    fitted.forEach((p, k) => parts.push({
      name: fitted.length === 1 ? source.id : `${source.id}#${k + 1}`, source, statement: p.text, bytes: utf8Bytes(p.text), ...(p.resource !== undefined ? { resource: p.resource } : {}),
    }));
  }

  const validation = cedar.validate({ schema: schema as never, policies: { staticPolicies: Object.fromEntries(parts.map((p) => [p.name, p.statement])) }, validationSettings: { mode: "strict" } });
  if (validation.type !== "success") return { diagnostics: [internal(validation.errors.map((e) => e.message).join("; "))] };
  if (validation.validationErrors.length > 0) {
    const first = validation.validationErrors.slice(0, 3).map((e) => `policy \`${e.policyId}\`: ${e.error.message}`);
    return { diagnostics: [internal(`${validation.validationErrors.length} validation error(s): ${first.join("; ")}`)] };
  }

  const schemaBytes = utf8Bytes(schemaText);
  if (schemaBytes > AVP_QUOTAS.schemaBytes) diagnostics.push(refusal(graph, "schemaTooLarge", undefined, `the AVP schema is ${schemaBytes} bytes, over AVP's schema size quota of ${AVP_QUOTAS.schemaBytes}`));
  const perResource = new Map<string, number>();
  let unspecified = 0;
  for (const p of [...parts, ...refused]) {
    if (p.resource === undefined) unspecified += p.bytes;
    else perResource.set(p.resource, (perResource.get(p.resource) ?? 0) + p.bytes);
  }
  for (const [resource, bytes] of perResource) {
    if (bytes > AVP_QUOTAS.bytesPerResource) diagnostics.push(refusal(graph, "resourceTotalTooLarge", undefined, `the policies naming ${resource} total ${bytes} bytes, over AVP's policy size per resource quota of ${AVP_QUOTAS.bytesPerResource}`));
  }
  if (unspecified > AVP_QUOTAS.bytesUnspecifiedResource) diagnostics.push(refusal(graph, "unspecifiedTotalTooLarge", undefined, `the policies naming no resource total ${unspecified} bytes, over AVP's quota of ${AVP_QUOTAS.bytesUnspecifiedResource} for the unspecified resource`));
  const parents = countMostParents(manifest);
  if (parents.count > AVP_QUOTAS.transitiveParents) diagnostics.push(refusal(graph, "tooManyParents", undefined, `a caller \`${parents.caller}\` would have ${parents.count} transitive parents, over AVP's limit of ${AVP_QUOTAS.transitiveParents}`));
  if (diagnostics.length > 0) return { diagnostics };

  const policies: AvpManifestPolicy[] = parts.map((p, i) => ({
    name: p.name, file: `policies/${String(i + 1).padStart(4, "0")}-${p.name.replace("#", "-part")}.json`, source: p.source.id, role: p.source.role,
    ...(p.source.reason !== undefined ? { reason: p.source.reason } : {}), bytes: p.bytes, ...(p.resource !== undefined ? { resource: p.resource } : {}),
  }));
  const avpManifest: AvpManifest = {
    format: AVP_MANIFEST_FORMAT, version: AVP_MANIFEST_VERSION, namespace: AVP_NAMESPACE, entityTypes: { ...AVP_TYPE }, cedar: manifest, policies,
    sizes: {
      schemaBytes, largestPolicyBytes: Math.max(0, ...parts.map((p) => p.bytes)),
      bytesPerResource: Object.fromEntries(perResource), bytesUnspecifiedResource: unspecified, mostTransitiveParents: parents.count,
    },
  };
  const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;
  const files = [
    { name: "schema.json", contents: json(schema) },
    { name: "put-schema.json", contents: json({ definition: { cedarJson: schemaText } }) },
    ...policies.map((p, i) => ({ name: p.file, contents: json({ definition: { static: { description: describePolicy(p, graph), statement: parts[i]!.statement } } }) })),
    { name: "avp-manifest.json", contents: json(avpManifest) },
  ];
  return { files: { files }, manifest: avpManifest, diagnostics: [] };
}

/** The policy as text parts within the size quota (itself when it fits), or undefined when it cannot be split exactly. */
function fit(cedar: CedarWasm, policy: AvpPolicyParts, schemaText: string): { text: string; resource?: string }[] | undefined {
  const text = printPolicy(policy);
  if (utf8Bytes(text) <= AVP_QUOTAS.policyBytes) {
    const resource = scopedResource(policy.resource);
    return [{ text, ...(resource !== undefined ? { resource } : {}) }];
  }
  const halves = splitPolicy(policy);
  if (halves === undefined) return undefined;
  // Exactness needs each part to be as error-free as the whole: strictly validate both before going on.
  const check = cedar.validate({ schema: JSON.parse(schemaText), policies: { staticPolicies: { a: printPolicy(halves[0]), b: printPolicy(halves[1]) } }, validationSettings: { mode: "strict" } });
  if (check.type !== "success" || check.validationErrors.length > 0) return undefined;
  const left = fit(cedar, halves[0], schemaText);
  const right = left === undefined ? undefined : fit(cedar, halves[1], schemaText);
  return left === undefined || right === undefined ? undefined : [...left, ...right];
}

function refusal(graph: DecisionGraph, code: AvpCode, source: ManifestPolicy | undefined, message: string): CedarDiagnostic {
  const reason = source?.reason;
  const gate = source === undefined ? null : /^gate-p(\d+)/.exec(source.id);
  const policy = reason !== undefined ? graph.policies.find((p) => p.location === reason.policy) : gate === null ? undefined : graph.policies[Number(gate[1])];
  const d = makeDiagnostic(AVP_CODES[code], reason?.span ?? { start: 0, end: 0 }, message);
  return { ...d, ...(policy !== undefined ? { location: policy.location } : {}), ...(policy?.file !== undefined ? { file: policy.file } : {}) };
}

function internal(detail: string): CedarDiagnostic {
  const info = AVP_CODES.profileInvalid;
  return makeDiagnostic(info, { start: 0, end: 0 }, info.summary, { help: `${info.help}: ${detail}` });
}

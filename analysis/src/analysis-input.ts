// Loads what the analysis compares: a bundle file (policy paths resolved and read) or a single
// policy file (attached to a placeholder key or role, DESIGN §2), as a plain bundle of inline
// documents; compiles it once; and holds the three engines that confirm every witness.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Bundle, DecisionGraph, DecisionResult, Request } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "./diagnostics.js";

export const PLACEHOLDER_KEY = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000";
export const PLACEHOLDER_PRINCIPAL = "arn:aws:iam::111122223333:role/Policy";

export interface Attach {
  readonly kind?: "key" | "identity";
  readonly key?: string;
  readonly principal?: string;
}

export interface AnalysisInput {
  readonly name: string;
  readonly bundle: Bundle;
  readonly graph: DecisionGraph;
  /** Decides with the reference evaluator, the graph and Cedar, in that order. */
  readonly engines: readonly ((r: Request) => DecisionResult)[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return refuse(AnalysisCode.compile, `cannot read \`${file}\`: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A bundle object or a single policy document as a plain bundle of inline documents. */
export function toInlineBundle(root: unknown, baseDir: string, attach: Attach = {}): Bundle {
  if (isRecord(root) && ("keys" in root || "principals" in root)) {
    // `$schema` is metadata; every other member is a policy layer (organization, endpoints, …) the
    // analysis does not model: refused, never dropped (a dropped ceiling or grant would change answers).
    const extra = Object.keys(root).filter((k) => k !== "keys" && k !== "principals" && k !== "$schema");
    if (extra.length > 0) refuse(AnalysisCode.unsupportedBundle, `the bundle has \`${extra.join("`, `")}\`; the analysis models keys and principals only`);
    for (const [member, allowed] of [["keys", "policy"], ["principals", "policies"]] as const) {
      const entries = isRecord(root[member]) ? root[member] : {};
      for (const [arn, e] of Object.entries(entries)) {
        const layered = isRecord(e) ? Object.keys(e).filter((k) => k !== allowed) : [];
        if (layered.length > 0) refuse(AnalysisCode.unsupportedBundle, `\`${member}[${arn}]\` has \`${layered.join("`, `")}\`; the analysis models key and identity policies only`);
      }
    }
    const load = (p: unknown): unknown => (typeof p === "string" ? readJson(resolve(baseDir, p)) : p);
    const keys: Record<string, { policy: unknown }> = Object.create(null);
    const principals: Record<string, { policies: unknown[] }> = Object.create(null);
    const k = isRecord(root["keys"]) ? root["keys"] : {};
    const p = isRecord(root["principals"]) ? root["principals"] : {};
    for (const [arn, e] of Object.entries(k)) keys[arn] = { policy: load(isRecord(e) ? e["policy"] : undefined) };
    for (const [arn, e] of Object.entries(p)) {
      const list = isRecord(e) && Array.isArray(e["policies"]) ? e["policies"] : [];
      principals[arn] = { policies: list.map(load) };
    }
    return { keys: { ...keys }, principals: { ...principals } };
  }
  const statements = isRecord(root) ? ([] as unknown[]).concat(root["Statement"] ?? []) : [];
  const inferred = statements.some((s) => isRecord(s) && ("Principal" in s || "NotPrincipal" in s)) ? "key" : "identity";
  const kind = attach.key !== undefined ? "key" : attach.principal !== undefined ? "identity" : (attach.kind ?? inferred);
  return kind === "key"
    ? { keys: { [attach.key ?? PLACEHOLDER_KEY]: { policy: root } } }
    : { principals: { [attach.principal ?? PLACEHOLDER_PRINCIPAL]: { policies: [root] } } };
}

/** Compiles a plain bundle and prepares the three engines; refuses (KA0013) a bundle with policy errors. */
export function prepareInput(name: string, bundle: Bundle): AnalysisInput {
  const compiled = compileBundle(bundle, { cedar: true });
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (compiled.graph === undefined || compiled.cedar === undefined || errors.length > 0) {
    refuse(AnalysisCode.compile, `\`${name}\` does not compile: ${errors.slice(0, 3).map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  const graph = compiled.graph;
  const cedarFiles = compiled.cedar;
  const authorizer = createAuthorizer(graph);
  let cedar: ReturnType<typeof createCedarAuthorizer> | undefined;
  return {
    name, bundle, graph,
    engines: [
      (r) => evaluateReference(bundle, r),
      (r) => authorizer.decide(r),
      (r) => (cedar ??= createCedarAuthorizer({ policies: cedarFiles.policies, schema: cedarFiles.schema, manifest: cedarFiles.manifest })).decide(r),
    ],
  };
}

export function loadInput(file: string, attach: Attach = {}, cwd = process.cwd()): AnalysisInput {
  const path = resolve(cwd, file);
  return prepareInput(file, toInlineBundle(readJson(path), dirname(path), attach));
}

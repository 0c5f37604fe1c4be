// The compiler's type-changing steps, one per line (STYLE "Passes"): input → loaded bundle →
// checked bundle → policy model → decision graph → optimized graph → Cedar. Stops after the checks if
// any reported an error; after that only the Cedar emitter can refuse (KC3xxx, or a KC93xx bug report).
import type { Bundle, DecisionGraph } from "@kms-cedar/runtime";
import { sealGraph } from "@kms-cedar/runtime";
import type { LoadedBundle } from "./bundle/load-bundle.js";
import { loadInput } from "./load-input.js";
import type { LoadOptions } from "./load-input.js";
import { lowerBundle, lowerCatalog } from "./lower/lower-bundle.js";
import { lowerLayers } from "./lower/lower-layers.js";
import { checkBundle } from "./api/check-bundle.js";
import type { BundleDiagnostic, CheckedBundle } from "./normalize/check-sources.js";
import type { CheckPolicyOptions } from "./checks/check-policy.js";
import { refuseLayers } from "./bundle/refuse-layers.js";
import { normalizeBundle } from "./normalize/normalize-bundle.js";
import { runGraphPasses } from "./passes/graph-passes.js";
import { emitCedar } from "./emit/cedar/emit-cedar.js";
import type { CedarFiles, NativeShare } from "./emit/cedar/emit-cedar.js";
import { emitAvp } from "./emit/avp/emit-avp.js";
import type { AvpFiles } from "./emit/avp/emit-avp.js";
import type { AvpManifest } from "@kms-cedar/runtime/avp";

export interface CompileOptions extends LoadOptions, CheckPolicyOptions {
  /** Emit Cedar too (default true); graph-only callers save the ~100 ms of strict validation. */
  readonly cedar?: boolean;
  /** Refuse derived attributes: each becomes a KC3xxx error (DESIGN §4). */
  readonly pureCedar?: boolean;
  /** Emit the Amazon Verified Permissions profile too (implies `cedar`; docs/deployment.md). */
  readonly avp?: boolean;
}

/** What compiling a bundle gives (DESIGN §2): the graph and the Cedar output (absent after errors), every diagnostic. */
export interface CompileResult {
  readonly graph: DecisionGraph | undefined;
  /** `policies.cedar`, the schema (text and JSON) and `manifest.json`: what `createCedarAuthorizer` takes. */
  readonly cedar: CedarFiles | undefined;
  /** How many conditions and resources compiled to native Cedar (absent when no Cedar was emitted). */
  readonly share?: NativeShare;
  /** The AVP profile (`avp` option): the files under `avp/` and avp-manifest.json; absent after errors. */
  readonly avp?: { readonly files: AvpFiles; readonly manifest: AvpManifest };
  readonly diagnostics: readonly BundleDiagnostic[];
}

/**
 * Compiles a bundle file path (or single policy file), or a bundle object (inline documents or paths).
 * Throws a TypeError only for options that are a caller's bug (see `checkOptions`); whatever is wrong
 * with the bundle is a diagnostic.
 */
export function compileBundle(input: string | Bundle, options: CompileOptions = {}): CompileResult {
  checkOptions(options);
  return compileLoadedBundle(loadInput(input, options), options);
}

/** The members `CompileOptions` has, with the type each must have. */
const OPTION_TYPES: Readonly<Record<string, "boolean" | "string" | "size">> = { cedar: "boolean", pureCedar: "boolean", avp: "boolean", baseDir: "string", maxBytes: "size" };

/**
 * Refuses options a caller from JavaScript can get wrong without a type checker: not an object (`null`
 * included), a member the compiler does not know (a misspelt `pureCedar` must not compile with
 * derived attributes silently), a member of the wrong type (`pureCedar: "false"` is not false).
 */
function checkOptions(options: unknown): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new TypeError("compileBundle: `options` must be an object or left out");
  for (const name of Object.keys(options)) {
    const type = Object.hasOwn(OPTION_TYPES, name) ? OPTION_TYPES[name] : undefined;
    if (type === undefined) throw new TypeError(`compileBundle: unknown option \`${name}\` (known: ${Object.keys(OPTION_TYPES).join(", ")})`);
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const fits = type === "size" ? Number.isSafeInteger(value) && (value as number) > 0 : typeof value === type;
    if (!fits) throw new TypeError(`compileBundle: option \`${name}\` must be ${type === "size" ? "a positive whole number of bytes" : `a ${type}`}`);
  }
}

/** Compiles a bundle already loaded by the bundle loader (spans point into its files). */
export function compileLoadedBundle(loaded: LoadedBundle, options: CompileOptions = {}): CompileResult {
  return compileChecked(checkBundle(loaded, options), options);
}

/** Compiles a checked bundle (`checkBundle`, with the same options): the checks do not run again. */
export function compileChecked(checked: CheckedBundle, options: CompileOptions = {}): CompileResult {
  const loaded = checked.loaded;
  if (checked.diagnostics.some((d) => d.severity === "error")) return { graph: undefined, cedar: undefined, diagnostics: checked.diagnostics };
  const model = normalizeBundle(checked);
  const lowered = lowerBundle(model, lowerCatalog(), lowerLayers(loaded, model));
  // Last step on the graph: its integrity digest (readGraph refuses a graph that does not match it).
  const graph = sealGraph(runGraphPasses(lowered));
  if (options.cedar === false) return { graph, cedar: undefined, diagnostics: checked.diagnostics };
  // Fail closed: Cedar that ignored a layer would Allow what AWS denies (docs/request-model.md "Layers").
  const refused = refuseLayers(loaded, "cedar");
  if (refused.length > 0) return { graph, cedar: undefined, diagnostics: [...checked.diagnostics, ...refused] };
  // The Cedar emitter reads the layers from the graph (its `layers`), as the graph evaluator does.
  const cedar = emitCedar(graph, { pureCedar: options.pureCedar ?? false });
  // The graph names files as compiled output does (load-bundle.ts `source`); diagnostics show them as the user named them.
  const shown = new Map(loaded.policies.map((p) => [p.source ?? p.file, p.file]));
  const display = (file: string | undefined): string => (file === undefined ? loaded.file : shown.get(file) ?? file);
  const diagnostics = [...checked.diagnostics, ...cedar.diagnostics.map((d) => ({ ...d, file: display(d.file) }))];
  if (options.avp !== true || cedar.files === undefined || cedar.manifest === undefined) return { graph, cedar: cedar.files, share: cedar.share, diagnostics };
  // The AVP profile does not carry the layers: refused for such a bundle (never a silent gap).
  if (cedar.manifest.layers !== undefined) return { graph, cedar: cedar.files, share: cedar.share, diagnostics: [...diagnostics, ...refuseLayers(loaded, "avp")] };
  const avp = emitAvp(graph, cedar.files, cedar.manifest);
  diagnostics.push(...avp.diagnostics.map((d) => ({ ...d, file: display(d.file) })));
  return { graph, cedar: cedar.files, share: cedar.share, diagnostics, ...(avp.files && avp.manifest ? { avp: { files: avp.files, manifest: avp.manifest } } : {}) };
}


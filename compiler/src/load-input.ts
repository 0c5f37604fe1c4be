// What `compileBundle` accepts, made into a loaded bundle: a bundle or single-policy file path
// (read through the bundle loader, spans point into the files), or a bundle object whose policies
// are inline documents (given their JSON text, pretty-printed) or paths relative to `baseDir`.
import type { Bundle } from "@kms-cedar/runtime";
import { resolve } from "node:path";
import { classifyPrincipalArn, isKeyArn, PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "./bundle/arn-shapes.js";
import { BundleCode } from "./bundle/bundle-diagnostic-codes.js";
import { loadBundle, loadBundleOrPolicy, parseInput, readInput } from "./bundle/load-bundle.js";
import type { LoadedBundle, PolicySource } from "./bundle/load-bundle.js";
import { inlineDocumentText } from "./bundle/inline-document.js";
import type { LayerUse } from "./bundle/read-layers.js";
import { readTextFile } from "./bundle/read-text-file.js";

export interface LoadOptions {
  /** Directory that relative paths are resolved against (default: the current directory). */
  readonly baseDir?: string;
}

/** Loads a path or a bundle object; unreadable files become diagnostics, never exceptions. */
export function loadInput(input: string | Bundle, options: LoadOptions = {}): LoadedBundle {
  const cwd = options.baseDir ?? process.cwd();
  if (typeof input === "string") {
    const parsed = readInput(resolve(cwd, input), input);
    if ("error" in parsed) return failed(input, `cannot read \`${input}\`: ${parsed.error}`);
    return loadBundleOrPolicy(parsed, cwd, {}, { key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN });
  }
  const policies: PolicySource[] = [];
  const problems: string[] = [];
  const refused: LoadedBundle["diagnostics"][number][] = [];
  const add = (location: string, kind: "key" | "identity", owner: string, value: unknown): void => {
    if (typeof value === "string") {
      const read = readTextFile(resolve(cwd, value));
      if ("error" in read) problems.push(`cannot read \`${value}\` (${location}): ${read.error}`);
      else policies.push({ location, kind, owner, file: value, text: read.text, start: 0, end: read.text.length, inline: false });
      return;
    }
    const inline = inlineDocumentText(value);
    if ("code" in inline) {
      refused.push(bundleError(inline.code, `${inline.message} (${location})`));
      return;
    }
    policies.push({ location, kind, owner, file: `<inline ${location}>`, text: inline.text, start: 0, end: inline.text.length, inline: true });
  };
  // The object is user data: read it defensively (a TypeScript type is no guarantee at run time).
  const keys = section(input, "keys", refused);
  const principals = section(input, "principals", refused);
  const layerUses = layerMembersOf(input, keys, principals);
  if (layerUses.length > 0 && refused.length === 0) {
    // A bundle object with layers is read as the bundle file it stands for (its layer members have
    // policies and shapes of their own: read-layers.ts), policy paths relative to `baseDir`.
    let text: string | undefined;
    try {
      text = JSON.stringify(input, null, 2);
    } catch {
      text = undefined; // a value JSON cannot hold (a cycle, a BigInt): read as below, which refuses the layers
    }
    if (text !== undefined) return loadBundle(parseInput(resolve(cwd, "bundle.json"), "<bundle>", text), cwd);
  }
  for (const [arn, entry] of keys) {
    if (!isKeyArn(arn) || LONE_SURROGATE.test(arn)) refused.push(bundleError(BundleCode.badKeyArn, `\`${arn}\` is not a key ARN`));
    else if (isRecord(entry)) add(`keys[${arn}]`, "key", arn, entry.policy);
    else refused.push(bundleError(BundleCode.entryNotObject, `the entry of \`${arn}\` in \`keys\` must be an object`));
  }
  for (const [arn, entry] of principals) {
    if (classifyPrincipalArn(arn) === "invalid" || LONE_SURROGATE.test(arn)) {
      refused.push(bundleError(BundleCode.badPrincipalArn, `\`${arn}\` is not the ARN of a user, role, role session or federated user`));
      continue;
    }
    const list = isRecord(entry) ? entry.policies : undefined;
    if (Array.isArray(list)) list.forEach((policy: unknown, i) => add(`principals[${arn}][${i}]`, "identity", arn, policy));
    else refused.push(bundleError(BundleCode.policiesNotArray, `\`policies\` of \`${arn}\` in \`principals\` must be an array`));
  }
  const loaded: LoadedBundle = {
    file: "<bundle>", text: "", diagnostics: [], unreadableFiles: problems.length > 0, policies,
    keys: keys.map(([arn]) => arn), principals: principals.map(([arn]) => arn),
    ...(layerUses.length === 0 ? {} : { layerUses }),
  };
  const diagnostics = [...problems.map((message) => ioError(message)), ...refused];
  return diagnostics.length === 0 ? loaded : { ...loaded, diagnostics };
}

/**
 * The layer members of a bundle object (docs/request-model.md "Layers"): the compiler refuses them
 * (KC2960) rather than ignore them. Only their presence is read here.
 */
function layerMembersOf(input: unknown, keys: [string, unknown][], principals: [string, unknown][]): LayerUse[] {
  const at = { start: 0, end: 0 };
  const uses: LayerUse[] = [];
  const has = (object: unknown, name: string): boolean => isRecord(object) && Object.prototype.hasOwnProperty.call(object, name);
  for (const name of ["organization", "endpoints"] as const) if (has(input, name)) uses.push({ layer: name, span: at });
  for (const [, entry] of keys) if (has(entry, "grants")) uses.push({ layer: "grants", span: at });
  for (const [, entry] of principals) {
    for (const name of ["boundary", "sessionPolicies", "federatedBy"] as const) if (has(entry, name)) uses.push({ layer: name, span: at });
  }
  return uses;
}

/** The members of `keys` or `principals` in order (own members only, `__proto__` included), or none. */
function section(input: unknown, name: "keys" | "principals", refused: LoadedBundle["diagnostics"][number][]): [string, unknown][] {
  if (!isRecord(input)) {
    if (name === "keys") refused.push(bundleError(BundleCode.notAnObject, "a bundle must be an object"));
    return [];
  }
  const value = Object.prototype.hasOwnProperty.call(input, name) ? input[name] : undefined;
  if (value === undefined) return [];
  if (!isRecord(value)) {
    refused.push(bundleError(BundleCode.sectionNotObject, `\`${name}\` must be an object keyed by ARN`));
    return [];
  }
  return Object.keys(value).map((arn) => [arn, value[arn]]);
}

/** A surrogate that is not half of a pair (no Unicode character; a bundle file would get KC1025). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bundleError(code: string, message: string): LoadedBundle["diagnostics"][number] {
  return { code, severity: "error", message, span: { start: 0, end: 0 } };
}

function ioError(message: string): LoadedBundle["diagnostics"][number] {
  return { code: BundleCode.unreadablePolicyFile, severity: "error", message, span: { start: 0, end: 0 } };
}

function failed(file: string, message: string): LoadedBundle {
  return { file, text: "", diagnostics: [ioError(message)], unreadableFiles: true, policies: [], keys: [], principals: [] };
}

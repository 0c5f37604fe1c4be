// Reads a user's bundle (DESIGN §2) or single policy file into a plain bundle with inline
// documents, the form every engine of the suite reads. Paths in a bundle are relative to its file.
// A single policy is attached as a key policy (it has a `Principal`) or an identity policy.
// Phase: conformance input. Problems are returned, never thrown.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";

export interface LoadOptions {
  readonly kind?: "key" | "identity";
  readonly key?: string;
  readonly principal?: string;
}

/** The placeholders of DESIGN §2 for a single policy file. */
export const PLACEHOLDER_KEY = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000";
export const PLACEHOLDER_PRINCIPAL = "arn:aws:iam::111122223333:role/Policy";

function readJson(path: string): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { error: `cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  return parseJsonValue(text, path);
}

function parseJsonValue(text: string, path: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `\`${path}\` is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Whether a policy document names a principal in some statement (then it is a key policy). */
function looksLikeKeyPolicy(doc: unknown): boolean {
  const s = (doc as Record<string, unknown> | null)?.["Statement"];
  const list = Array.isArray(s) ? s : [s];
  return list.some((x) => typeof x === "object" && x !== null && ("Principal" in x || "NotPrincipal" in x));
}

/** Loads `path` as a bundle or a single policy; `text`, when given, is its content (standard input). */
export function loadBundleFile(path: string, options: LoadOptions = {}, text?: string): { bundle: PlainBundleShape } | { error: string } {
  const read = text === undefined ? readJson(path) : parseJsonValue(text, path);
  if ("error" in read) return read;
  const value = read.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: `\`${path}\` is neither a bundle nor a policy (not a JSON object)` };
  const obj = value as Record<string, unknown>;
  if ("Statement" in obj) {
    const kind = options.kind ?? (looksLikeKeyPolicy(obj) ? "key" : "identity");
    return kind === "key"
      ? { bundle: { keys: { [options.key ?? PLACEHOLDER_KEY]: { policy: obj } } } }
      : { bundle: { principals: { [options.principal ?? PLACEHOLDER_PRINCIPAL]: { policies: [obj] } } } };
  }
  const base = dirname(path);
  const inline = (policy: unknown): { value: unknown } | { error: string } => (typeof policy === "string" ? readJson(resolve(base, policy)) : { value: policy });
  const keys: Record<string, { policy: unknown }> = {};
  const principals: Record<string, { policies: unknown[] }> = {};
  for (const [arn, entry] of Object.entries((obj["keys"] ?? {}) as Record<string, { policy?: unknown }>)) {
    const p = inline(entry?.policy);
    if ("error" in p) return p;
    keys[arn] = { policy: p.value };
  }
  for (const [arn, entry] of Object.entries((obj["principals"] ?? {}) as Record<string, { policies?: unknown[] }>)) {
    const list: unknown[] = [];
    for (const policy of Array.isArray(entry?.policies) ? entry.policies : []) {
      const p = inline(policy);
      if ("error" in p) return p;
      list.push(p.value);
    }
    principals[arn] = { policies: list };
  }
  return { bundle: { keys, principals } };
}

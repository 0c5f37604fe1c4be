// The front door for tools that read a user's bundle or single policy file into the plain JSON bundle
// the engines share (DESIGN §2): the same loader as `kms-cedar` (bundle or policy decided by one rule,
// kind inferred as the CLI infers it, the same placeholders), so every tool reads `{}` the same way.
import type { Bundle } from "@kms-cedar/runtime";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../bundle/arn-shapes.js";
import { loadBundleOrPolicy, parseInput, readInput } from "../bundle/load-bundle.js";
import type { AttachOptions, LoadedBundle } from "../bundle/load-bundle.js";
import { toPlainBundle } from "../bundle/to-plain-bundle.js";

/** How to attach a single policy file (`--kind`, `--key`, `--principal`). */
export interface PlainLoadOptions {
  readonly kind?: "key" | "identity";
  readonly key?: string;
  readonly principal?: string;
}

/**
 * Loads `path` (or `text`, its content when read from standard input) as a bundle or a single policy.
 * Problems are returned: the loader's first error, or a document that is not JSON. The policies are
 * not checked here; the compiler checks them when it compiles the bundle.
 */
export function loadPlainBundle(
  path: string, options: PlainLoadOptions = {}, text?: string,
): { readonly bundle: Bundle; readonly loaded: LoadedBundle } | { readonly error: string; readonly unreadable?: true } {
  const input = text === undefined ? readInput(path, path) : parseInput(path, path, text);
  if ("error" in input) return { error: `cannot read \`${path}\`: ${input.error}`, unreadable: true };
  // The attachment's ARN is the default of its kind: `--key` for a key policy, `--principal` for an identity policy.
  const attach: AttachOptions = options.kind !== undefined ? { kind: options.kind } : {};
  const loaded = loadBundleOrPolicy(input, process.cwd(), attach, {
    key: options.key ?? PLACEHOLDER_KEY_ARN, principal: options.principal ?? PLACEHOLDER_PRINCIPAL_ARN,
  });
  const error = loaded.diagnostics.find((d) => d.severity === "error");
  if (error !== undefined) return { error: `\`${path}\`: ${error.code} ${error.message}` };
  const plain = toPlainBundle(loaded);
  if ("failed" in plain) return { error: `\`${path}\`: the policy at \`${plain.failed}\` is not JSON; run \`npx kms-cedar check ${path}\`` };
  return { bundle: plain.bundle, loaded };
}

// Loads what `check`, `eval` and `compile` read: a bundle file and the policy files it names
// (paths relative to the bundle file), or a single policy file attached to one key or principal.
// Produces the text and location of every policy; the plain JSON bundle is built by to-plain-bundle.ts.
import type { Diagnostic, JsonValue, ParseResult } from "@kms-cedar/grammar";
import { JsonCode } from "@kms-cedar/grammar";
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { PolicyKind } from "../syntax/policy-syntax.js";
import { BundleCode } from "./bundle-diagnostic-codes.js";
import { inferPolicyKind } from "./infer-kind.js";
import { LARGE_FILE_BYTES, parseJsonText } from "./json-front-end.js";
import { looksLikeBundle, readBundle } from "./read-bundle.js";
import type { LayerUse, PolicyLayer } from "./read-layers.js";
import { displayPath, readTextFile } from "./read-text-file.js";

/** One policy of a loaded bundle: its bundle location, kind, and where its text is. */
export interface PolicySource {
  /** `keys[ARN]` or `principals[ARN][i]`. */
  readonly location: string;
  readonly kind: PolicyKind;
  /** The key or principal ARN it is attached to. */
  readonly owner: string;
  /** Display path of the file holding the text (the bundle itself for an inline document). */
  readonly file: string;
  /**
   * The same file as compiled output records it, whatever the working directory (the README promises
   * byte-identical output): relative to the bundle's folder with `/` separators, the bundle's own name for
   * an inline document, `<stdin>` or `<bundle>` as is. Absent: `file`.
   */
  readonly source?: string;
  /** The whole text of that file; spans of this policy's diagnostics are offsets into it. */
  readonly text: string;
  /** The document is `text[start, end)` (the whole file, or the inline object in the bundle). */
  readonly start: number;
  readonly end: number;
  readonly inline: boolean;
  /**
   * The loader's parse of the document when it already parsed it (a single policy file), and the size
   * limit it parsed under: the checks reuse it instead of parsing the same text again.
   */
  readonly parsed?: { readonly result: ParseResult; readonly maxBytes: number };
  /** Set for a policy of a layer (docs/request-model.md "Layers"); checked by its kind's rules too. */
  readonly layer?: PolicyLayer;
}

/** How a single policy file was attached, for messages. */
export interface SingleAttachment {
  readonly kind: PolicyKind;
  /** Set when the kind was inferred from the text rather than given. */
  readonly inferredBecause?: string;
  readonly arn: string;
}

/** A bundle with every policy's text, plus the bundle file's own diagnostics. */
export interface LoadedBundle {
  /** Display path of the bundle (or single policy) file. */
  readonly file: string;
  readonly text: string;
  /** Syntax and shape errors of the bundle file, and policy files it names that cannot be read. */
  readonly diagnostics: readonly Diagnostic[];
  /** Some policy file named by the bundle could not be read (an I/O error: exit 2). */
  readonly unreadableFiles: boolean;
  readonly policies: readonly PolicySource[];
  /** Every key and principal declared, in source order (some may have no policy). */
  readonly keys: readonly string[];
  readonly principals: readonly string[];
  /** Set when the input was a single policy file rather than a bundle. */
  readonly single?: SingleAttachment;
  /** Members that introduce a layer the graph and Cedar backends do not decide yet (the compiler refuses them, KC2960). */
  readonly layerUses?: readonly LayerUse[];
}

/** How to attach a single policy file (from `--kind`, `--key`, `--principal`). */
export interface AttachOptions {
  readonly kind?: PolicyKind;
  readonly arn?: string;
}

/** A parsed input file: its display name, absolute path, text and tree. */
export interface ParsedInput {
  readonly file: string;
  readonly path: string;
  readonly text: string;
  readonly root: JsonValue | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and parses an input file; `undefined` text means it could not be read (`error` says why). */
export function readInput(path: string, file: string): ParsedInput | { readonly file: string; readonly error: string; readonly code?: string } {
  const read = readTextFile(path);
  if ("error" in read) return { file, error: read.error, ...(read.code === undefined ? {} : { code: read.code }) };
  return parseInput(path, file, read.text);
}

/**
 * Parses the text of an input already read; `path` places it (a bundle's policy paths are relative
 * to its folder: for standard input, a path in the working directory).
 */
export function parseInput(path: string, file: string, text: string): ParsedInput {
  const parsed = parseJsonText(text, { maxBytes: LARGE_FILE_BYTES });
  return { file, path, text, root: parsed.root, diagnostics: parsed.diagnostics };
}

/** A bundle from a parsed bundle file: reads every policy file it names, relative to it. */
export function loadBundle(input: ParsedInput, cwd: string): LoadedBundle {
  const diagnostics: Diagnostic[] = [...input.diagnostics];
  const shape = input.root ? readBundle(input.root, (d) => diagnostics.push(d)) : { references: [], keys: [], principals: [] };
  const policies: PolicySource[] = [];
  const files = new Map<string, { file: string; source: string; text: string } | undefined>();
  let unreadableFiles = false;
  for (const reference of shape.references) {
    const common = {
      location: reference.location, kind: reference.kind, owner: reference.owner,
      ...(reference.layer === undefined ? {} : { layer: reference.layer }),
    };
    if (reference.value.kind === "object") {
      const { start, end } = reference.value.span;
      policies.push({ ...common, file: input.file, source: ownName(input), text: input.text, start, end, inline: true });
      continue;
    }
    const path = resolve(dirname(input.path), reference.value.value);
    if (!files.has(path)) {
      const read = readTextFile(path);
      if ("error" in read) {
        files.set(path, undefined);
        diagnostics.push(read.code !== undefined && read.notUtf8 !== undefined
          ? { code: read.code, severity: "error", message: `cannot read \`${reference.value.value}\`: ${read.notUtf8}`, span: reference.value.span }
          : {
            code: BundleCode.unreadablePolicyFile, severity: "error",
            message: `cannot read \`${reference.value.value}\`: ${read.error}`, span: reference.value.span,
            help: `paths are relative to the bundle file; this one resolves to \`${displayPath(path, cwd)}\``,
          });
        unreadableFiles = true;
      } else {
        files.set(path, { file: displayPath(path, cwd), source: relative(dirname(input.path), path).split(sep).join("/"), text: read.text });
      }
    }
    const loaded = files.get(path);
    if (loaded) policies.push({ ...common, ...loaded, start: 0, end: loaded.text.length, inline: false });
  }
  return {
    file: input.file, text: input.text, diagnostics: withoutInlineRepeats(diagnostics, input.diagnostics, policies), unreadableFiles, policies,
    keys: shape.keys, principals: shape.principals,
    ...(shape.layerUses === undefined ? {} : { layerUses: shape.layerUses }),
  };
}

/**
 * The bundle's diagnostics without the syntax errors of its parse that lie inside an inline policy: the
 * policy's own parse of the same text reports each of them again, under the policy (a duplicate key or a
 * lone surrogate there was counted twice). Limits are the bundle's own (its size, and a depth the policy
 * alone does not reach), so KC1002 and KC1003 stay.
 */
function withoutInlineRepeats(all: readonly Diagnostic[], parsed: readonly Diagnostic[], policies: readonly PolicySource[]): Diagnostic[] {
  const inline = policies.filter((p) => p.inline);
  if (inline.length === 0) return [...all];
  const own = new Set<string>([JsonCode.documentTooLarge, JsonCode.nestingTooDeep]);
  const repeated = new Set(parsed.filter((d) => !own.has(d.code) && inline.some((p) => d.span.start >= p.start && d.span.end <= p.end)));
  return all.filter((d) => !repeated.has(d));
}

/** A one-policy bundle from a single policy file: `keys[ARN]` or `principals[ARN][0]`. */
export function loadSinglePolicy(input: ParsedInput, attach: AttachOptions, defaults: { key: string; principal: string }): LoadedBundle {
  const inferred = attach.kind === undefined ? inferPolicyKind(input.root) : undefined;
  const kind = attach.kind ?? inferred?.kind ?? "identity";
  const arn = attach.arn ?? (kind === "key" ? defaults.key : defaults.principal);
  const location = kind === "key" ? `keys[${arn}]` : `principals[${arn}][0]`;
  const policy: PolicySource = {
    location, kind, owner: arn, file: input.file, source: ownName(input), text: input.text, start: 0, end: input.text.length, inline: false,
    parsed: { result: { root: input.root, diagnostics: input.diagnostics }, maxBytes: LARGE_FILE_BYTES },
  };
  return {
    file: input.file, text: input.text, diagnostics: [], unreadableFiles: false, policies: [policy],
    keys: kind === "key" ? [arn] : [], principals: kind === "identity" ? [arn] : [],
    single: inferred ? { kind, arn, inferredBecause: inferred.reason } : { kind, arn },
  };
}

/** How compiled output names an input file itself: `<stdin>`, `<bundle>` as is, else its file name. */
function ownName(input: ParsedInput): string {
  return input.file.startsWith("<") ? input.file : basename(input.path);
}

/** Loads `input` as a bundle if it looks like one, else as a single policy file. */
export function loadBundleOrPolicy(
  input: ParsedInput, cwd: string, attach: AttachOptions, defaults: { key: string; principal: string },
): LoadedBundle {
  return looksLikeBundle(input.root) ? loadBundle(input, cwd) : loadSinglePolicy(input, attach, defaults);
}

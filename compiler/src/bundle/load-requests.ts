// Loads a requests file: reads and parses it (with positions, so a syntax error gets a code frame)
// and reads its entries. Only an unreadable or unparsable file, or one that is not an array, fails
// as a whole (exit 2); a malformed entry is an error entry in its place.
import type { Diagnostic } from "@kms-cedar/grammar";
import { JsonCode } from "@kms-cedar/grammar";
import { LARGE_FILE_BYTES, parseJsonText } from "./json-front-end.js";
import { readRequests, type RequestEntry } from "./read-requests.js";
import { readTextFile } from "./read-text-file.js";

export type LoadedRequests =
  | { readonly ok: true; readonly file: string; readonly text: string; readonly entries: readonly RequestEntry[] }
  | {
      readonly ok: false;
      readonly file: string;
      readonly message: string;
      /** Syntax errors with spans, when the file was read but is not a JSON array. */
      readonly text?: string;
      readonly diagnostics?: readonly Diagnostic[];
    };

/** Loads the requests file at `path` (`file` is its display name). */
export function loadRequests(path: string, file: string): LoadedRequests {
  const read = readTextFile(path);
  if ("error" in read) return { ok: false, file, message: `cannot read \`${file}\`: ${read.error}` };
  return loadRequestsText(read.text, file);
}

/** Loads a requests file already read (standard input); `file` is its display name. */
export function loadRequestsText(text: string, file: string): LoadedRequests {
  const read = { text };
  const parsed = parseJsonText(read.text, { maxBytes: LARGE_FILE_BYTES, maxDepth: REQUESTS_MAX_DEPTH });
  // A duplicate member (read-requests.ts), a lone surrogate (KR0008, the shared request reader) or a
  // value nested too deep (its content skipped, read-requests.ts) makes only its entry malformed, as
  // decide() answers it, not the whole file.
  const ofEntry: readonly string[] = [JsonCode.duplicateKey, JsonCode.illFormedUnicode, JsonCode.nestingTooDeep];
  const errors = parsed.diagnostics.filter((d) => d.severity === "error" && !ofEntry.includes(d.code)).map(forRequests);
  if (errors.length > 0 || parsed.root === undefined) {
    return { ok: false, file, message: `\`${file}\` is not valid JSON`, text: read.text, diagnostics: errors };
  }
  if (parsed.root.kind !== "array") {
    return { ok: false, file, message: `\`${file}\` must hold a JSON array of requests` };
  }
  const tooDeep = parsed.diagnostics.filter((d) => d.code === JsonCode.nestingTooDeep).map((d) => d.span);
  return { ok: true, file, text: read.text, entries: readRequests(parsed.root, tooDeep) };
}

/**
 * How deep a requests file is read: a request needs six levels (array, operation, checks, check,
 * context, value); anything deeper is a malformed entry whatever lies below, so the parser skips it
 * (without recursion) and the entry is judged on what is left, which keeps the kind of every value
 * the shared reader looks at.
 */
export const REQUESTS_MAX_DEPTH = 64;

/** A syntax error's help for a requests file, where the grammar's speaks of policies. */
function forRequests(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== JsonCode.emptyDocument) return diagnostic;
  return { ...diagnostic, help: "a requests file is a JSON array of requests, such as `[{\"principal\": …, \"action\": …, \"resource\": …}]`" };
}

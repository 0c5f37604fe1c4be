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
  const parsed = parseJsonText(read.text, { maxBytes: LARGE_FILE_BYTES });
  // A duplicate member (read-requests.ts) or a lone surrogate (KR0008, the shared request reader) makes
  // only its entry malformed, as decide() answers it, not the whole file.
  const errors = parsed.diagnostics.filter((d) => d.severity === "error" && d.code !== JsonCode.duplicateKey && d.code !== JsonCode.illFormedUnicode);
  if (errors.length > 0 || parsed.root === undefined) {
    return { ok: false, file, message: `\`${file}\` is not valid JSON`, text: read.text, diagnostics: errors };
  }
  if (parsed.root.kind !== "array") {
    return { ok: false, file, message: `\`${file}\` must hold a JSON array of requests` };
  }
  return { ok: true, file, text: read.text, entries: readRequests(parsed.root) };
}

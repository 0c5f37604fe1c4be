// parseJson: policy text → lossless syntax tree + every syntax error at once. Phase: grammar.
// Steps: size limit → scan → (bracket resolution, only if brackets mismatch or nest too deep) →
// Chevrotain parse. Never throws: an internal failure becomes a KC9001 diagnostic.
import type { Diagnostic, Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic } from "./json-diagnostic.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, findOverflow, limitOrDefault, utf8Length } from "./limits.js";
import { JsonParser } from "./parser.js";
import { resolveBrackets } from "./resolve-brackets.js";
import { scanJson } from "./scan.js";
import type { ParseOptions, ParseResult } from "./syntax-tree.js";

// PERF: building the parser costs milliseconds; one instance serves every call (parsing is synchronous).
let sharedParser: JsonParser | undefined;

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start;
}

/**
 * Parses JSON text into the lossless syntax tree. The tree is partial when there are errors
 * (`undefined` where a value could not be built); `root` is `undefined` only for an empty document,
 * a document over `maxBytes`, or an internal error. Diagnostics come in source order.
 */
export function parseJson(text: string, options?: ParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  // PERF: a bound method, not an arrow function (the dev loader wraps every closure it creates).
  const report: Report = diagnostics.push.bind(diagnostics);
  try {
    if (typeof text !== "string") throw new TypeError(`parseJson expects a string, got ${typeof text}`);
    const maxBytes = limitOrDefault(options?.maxBytes, DEFAULT_MAX_BYTES);
    const maxDepth = limitOrDefault(options?.maxDepth, DEFAULT_MAX_DEPTH);
    const bytes = utf8Length(text);
    const overflow = findOverflow(text, bytes, maxBytes);
    if (overflow !== undefined) {
      report(jsonDiagnostic(JsonCode.documentTooLarge,
        `the document is ${overflow.bytes} bytes, over the limit of ${maxBytes} bytes`, overflow.offset, text.length,
        tooLargeHelp(maxBytes)));
      return { root: undefined, diagnostics };
    }
    const scanned = scanJson(text, maxDepth, report, bytes === text.length);
    let tokens = scanned.tokens;
    let quietAtEnd = scanned.quietAtEnd;
    if (tokens.length === 0) {
      report(jsonDiagnostic(JsonCode.emptyDocument,
        text.length === 0 ? "the document is empty" : "the document holds no JSON value", 0, text.length));
      return { root: undefined, diagnostics: diagnostics.sort(byPosition) };
    }
    if (scanned.needsBracketResolution) {
      ({ tokens, quietAtEnd } = resolveBrackets(tokens, quietAtEnd, maxDepth, report));
    }
    sharedParser ??= new JsonParser();
    const root = sharedParser.parseDocument(text, tokens, quietAtEnd, report);
    return { root, diagnostics: diagnostics.length > 1 ? diagnostics.sort(byPosition) : diagnostics };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const length = typeof text === "string" ? text.length : 0;
    diagnostics.push(jsonDiagnostic(JsonCode.internalError, `internal error in the JSON parser: ${detail}`, 0,
      Math.min(length, 1)));
    return { root: undefined, diagnostics };
  }
}

/** KC1002's help names the limit in force; the registry's help (the KMS limit) fits only the default. */
function tooLargeHelp(maxBytes: number): string | undefined {
  if (maxBytes === DEFAULT_MAX_BYTES) return undefined;
  return `the limit in force is ${maxBytes} bytes of UTF-8`;
}

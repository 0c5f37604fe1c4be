// The project's JSON parser (`parseJson`, grammar/src/json/parse.ts) as the bundle loader uses it
// for bundles, single policy files and requests files, so their mistakes get positions too.
import { parseJson } from "@kms-cedar/grammar";
import type { ParseOptions, ParseResult } from "@kms-cedar/grammar";

/** Parses `text` into the lossless syntax tree, with every syntax error. */
export function parseJsonText(text: string, options?: ParseOptions): ParseResult {
  return parseJson(text, options);
}

/** Size limit for files that are not policy documents (bundles, requests): 64 MiB. */
export const LARGE_FILE_BYTES = 64 * 1024 * 1024;

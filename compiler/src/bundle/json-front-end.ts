// Adapter to the project's JSON parser (`parseJson`, grammar/src/json/parse.ts), used for bundles,
// single policy files and requests files so their mistakes get positions too.
import * as grammar from "@kms-cedar/grammar";
import type { ParseOptions, ParseResult } from "@kms-cedar/grammar";
import { fallbackParseJson } from "./fallback-json-parse.js";

type ParseJson = (text: string, options?: ParseOptions) => ParseResult;

/** Parses `text` into the lossless syntax tree, with every syntax error. */
export function parseJsonText(text: string, options?: ParseOptions): ParseResult {
  // TEMPORARY: until @kms-cedar/grammar exports parseJson, a strict stand-in parser.
  const parse = (grammar as unknown as Record<string, unknown>)["parseJson"];
  if (typeof parse === "function") return (parse as ParseJson)(text, options);
  return fallbackParseJson(text);
}

/** Size limit for files that are not policy documents (bundles, requests): 64 MiB. */
export const LARGE_FILE_BYTES = 64 * 1024 * 1024;

// Test helpers for the JSON front end: diagnostics as (code, underlined text) pairs, line numbers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParseOptions } from "../../src/json/syntax-tree.js";
import { parseJson } from "../../src/json/parse.js";

/** A diagnostic as tests look at it: its code, the text it underlines, and where that starts. */
export interface Seen {
  readonly code: string;
  readonly underlined: string;
  readonly start: number;
}

/** Parses `text` and returns its diagnostics as (code, underlined text, start) in source order. */
export function diagnose(text: string, options?: ParseOptions): Seen[] {
  return parseJson(text, options).diagnostics.map((d) => ({
    code: d.code,
    underlined: text.slice(d.span.start, d.span.end),
    start: d.span.start,
  }));
}

/** The 1-based line of a UTF-16 offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** shared/ beside the clone (as CI lays it out), else the workplace's copy. */
const CORPUS = [fileURLToPath(new URL("../../../../shared/corpus", import.meta.url)), "/work/shared/corpus"]
  .find((dir) => existsSync(dir)) ?? "/work/shared/corpus";

/** The corpus policies (name and text), sorted by name; empty when the corpus is not there. */
export function corpusPolicies(): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(CORPUS).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ name, text: readFileSync(join(CORPUS, name), "utf8") }));
}

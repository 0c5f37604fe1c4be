// File arguments of the CLI: a path, or `-` for standard input (as Cedar's CLI reads `-`). A bundle
// read from standard input names its policy files relative to the working directory. Standard input
// can be read once, so `-` may stand for one file argument of a command line only.
import { join, resolve } from "node:path";
import { loadRequests, loadRequestsText, type LoadedRequests } from "../bundle/load-requests.js";
import { parseInput, readInput, type ParsedInput } from "../bundle/load-bundle.js";
import type { CliIo } from "./cli-io.js";
import { LineIndex } from "./render/line-index.js";
import { renderDiagnostic } from "./render/render-diagnostic.js";
import { printableLine } from "./render/printable-line.js";
import { createTextStyle } from "./render/text-style.js";

/** The argument that means standard input. */
export const STDIN_ARGUMENT = "-";
/** How standard input is named in messages, code frames and reports. */
export const STDIN_NAME = "<stdin>";

/** A usage error when `-` appears more than once among `files` (stdin can be read only once). */
export function checkStdinOnce(files: readonly (string | undefined)[]): string | undefined {
  const count = files.filter((file) => file === STDIN_ARGUMENT).length;
  return count > 1 ? "standard input (`-`) can be read only once: give `-` for one file argument" : undefined;
}

/** Reads and parses the file argument `file` (a path relative to the working directory, or `-`). */
export function readInputArgument(file: string, io: CliIo): ParsedInput | { readonly file: string; readonly error: string } {
  if (file !== STDIN_ARGUMENT) return readInput(resolve(io.cwd, file), file);
  const read = io.readStdin();
  if ("error" in read) return { file: STDIN_NAME, error: read.error };
  // A path in the working directory, so the policy paths of a bundle resolve against it.
  return parseInput(join(io.cwd, STDIN_NAME), STDIN_NAME, read.text);
}

/** Loads the requests file argument `file` (a path, or `-`). */
export function loadRequestsArgument(file: string, io: CliIo): LoadedRequests {
  if (file !== STDIN_ARGUMENT) return loadRequests(resolve(io.cwd, file), file);
  const read = io.readStdin();
  if ("error" in read) return { ok: false, file: STDIN_NAME, message: `cannot read standard input: ${read.error}` };
  return loadRequestsText(read.text, STDIN_NAME);
}

/** Says on stderr why a requests file failed as a whole (`eval` and `test` alike): one line, then its syntax errors. */
export function reportRequestsFailure(requests: Extract<LoadedRequests, { ok: false }>, io: CliIo): void {
  io.err(`kms-cedar: ${printableLine(requests.message)}\n`);
  if (requests.text === undefined || requests.diagnostics === undefined) return;
  const index = new LineIndex(requests.text);
  for (const d of requests.diagnostics) io.err(renderDiagnostic(d, { file: requests.file, index }, createTextStyle(false)));
}

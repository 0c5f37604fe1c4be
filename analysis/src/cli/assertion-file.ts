// The assertions file of `prove`: read as kms-cedar reads its other inputs (the project's JSON parser,
// so a syntax error has a code and a line:column; an unreadable file is one I/O line), its problems
// rendered as `check` renders diagnostics, each at the assertion member it is about.
import { LineIndex, createTextStyle, readInputArgument, renderDiagnostic, toPlainValue } from "@kms-cedar/compiler/cli-front-door";
import type { Diagnostic, JsonValue, Span } from "@kms-cedar/compiler/cli-front-door";
import type { AnalysisRefusal, AssertionPlace } from "../diagnostics.js";
import { AnalysisInputError } from "../diagnostics.js";
import type { AnalysisIo } from "./cli-types.js";
import { cliIoOf } from "./load-argument.js";

/** An assertions file as read: its display name, text, syntax tree and plain value. */
export interface AssertionFile {
  readonly file: string;
  readonly text: string;
  readonly root: JsonValue;
  readonly value: unknown;
}

/** Reads `name` (`-`: standard input); syntax errors are returned rendered, an unreadable file throws AnalysisInputError. */
export function readAssertionFile(name: string, io: AnalysisIo): AssertionFile | { readonly errors: string } {
  const input = readInputArgument(name, cliIoOf(io));
  if ("error" in input) throw new AnalysisInputError(`cannot read \`${input.file}\`: ${input.error}`);
  const errors = input.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || input.root === undefined) {
    const index = new LineIndex(input.text);
    return { errors: errors.map((d) => renderDiagnostic(d, { file: input.file, index }, createTextStyle(false))).join("\n") };
  }
  return { file: input.file, text: input.text, root: input.root, value: toPlainValue(input.root) };
}

/** A problem of the file (KA0014 … KA0017) as a `check`-style diagnostic block, underlining what it is about. */
export function renderAssertionProblem(file: AssertionFile, problem: AnalysisRefusal): string {
  const diagnostic: Diagnostic = { code: problem.code, severity: "error", message: problem.detail, span: placeSpan(file.root, problem.at) };
  return renderDiagnostic(diagnostic, { file: file.file, index: new LineIndex(file.text) }, createTextStyle(false));
}

/** The span of `at` in the tree: the deepest of assertions → [assertion] → member → [item] that exists. */
function placeSpan(root: JsonValue, at: AssertionPlace | undefined): Span {
  const member = (v: JsonValue | undefined, name: string): JsonValue | undefined =>
    v?.kind === "object" ? [...v.members].reverse().find((m) => m.key.value === name)?.value : undefined;
  const element = (v: JsonValue | undefined, i: number): JsonValue | undefined => (v?.kind === "array" ? v.elements[i] : undefined);
  const list = member(root, "assertions");
  if (list === undefined || at === undefined) return list?.span ?? root.span;
  const assertion = element(list, at.assertion);
  if (assertion === undefined) return list.span;
  if (at.member === undefined) return assertion.span;
  // An unknown member: its key (the value may be anything).
  const entry = assertion.kind === "object" ? [...assertion.members].reverse().find((m) => m.key.value === at.member) : undefined;
  if (entry === undefined) return assertion.span;
  if (at.item === undefined) return entry.span;
  return element(entry.value, at.item)?.span ?? entry.value?.span ?? entry.key.span;
}

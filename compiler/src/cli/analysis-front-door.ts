// What the analysis commands (`diff`, `prove`, `abac`, in @kms-cedar/analysis) take from kms-cedar's
// CLI so that they read file arguments, name files and report diagnostics exactly as `check` and
// `eval` do (`@kms-cedar/compiler/cli-front-door`). Nothing here is new behaviour: it is re-exported.
export type { Diagnostic, JsonValue, JsonObject, JsonArray, JsonString, Span } from "@kms-cedar/grammar";
export { toPlainValue } from "@kms-cedar/grammar";
export type { CliIo } from "./cli-io.js";
export { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE } from "./cli-io.js";
export { checkStdinOnce, readInputArgument, STDIN_ARGUMENT, STDIN_NAME } from "./input-arguments.js";
export { renderDiagnostic } from "./render/render-diagnostic.js";
export { printableLine } from "./render/printable-line.js";
export { LineIndex } from "./render/line-index.js";
export { createTextStyle, shouldUseColor } from "./render/text-style.js";
export { prepareBundle } from "./commands/prepare-bundle.js";
export type { Prepared } from "./commands/prepare-bundle.js";
export { artifact as sarifArtifact, directoryUri, SRCROOT } from "./render/check-sarif.js";

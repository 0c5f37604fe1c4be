// @kms-cedar/compiler/api: the compiler's front door. Check a loaded bundle once, compile the checked
// bundle, analyze a text (the playground), load a user's file into the plain bundle (conformance
// verify). The CLI, conformance and the playground reach the compiler through it.
export { checkBundle, countDiagnostics } from "./check-bundle.js";
export type { CheckedFile, CheckedInput } from "./check-bundle.js";
export { compileBundle, compileChecked, compileLoadedBundle } from "../pipeline.js";
export type { CompileOptions, CompileResult } from "../pipeline.js";
export { addCedar, analyzeText, INPUT_NAME } from "./analyze-text.js";
export type { AnalyzeOptions, Analysis, CedarOutput, PlacedDiagnostic } from "./analyze-text.js";
export { checkPlainBundle, loadPlainBundle } from "./load-plain-bundle.js";
export type { CheckedPlainBundle, PlainLoadOptions } from "./load-plain-bundle.js";
// Reading files as the CLI reads them, and its wording of an I/O failure (`no such file or directory`).
export { describeIoError, readTextFile } from "../bundle/read-text-file.js";
export { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../bundle/arn-shapes.js";
// The one engine harness and the one judge of agreement between engines.
export { ENGINE_ORDER, prepareEngine, prepareEngines } from "./prepare-engines.js";
export type { EngineInputs, EngineName, EngineReadiness, ReadyEngine } from "./prepare-engines.js";
export { decisionsAgree, denyStatements } from "./decisions-agree.js";
export type { AgreeOptions } from "./decisions-agree.js";

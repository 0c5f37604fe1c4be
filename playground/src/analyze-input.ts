// What the playground shows for the pasted text: the compiler front door's analysis
// (compiler/src/api/analyze-text.ts), under the name the page uses.
export { addCedar, analyzeText as analyzeInput, INPUT_NAME } from "@kms-cedar/compiler/api";
export type { AnalyzeOptions, Analysis, CedarOutput, PlacedDiagnostic } from "@kms-cedar/compiler/api";

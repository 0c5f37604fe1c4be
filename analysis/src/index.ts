// @kms-cedar/analysis: exact analysis over compiled decision graphs (issue 13): `diffGraphs` (which
// requests change decision), `proveAssertions` (no request matching P is allowed), `abacPaths`
// (who can change whose access through tags and aliases), and the CLI commands that print them.
export { AnalysisCode, ANALYSIS_REGISTRY, AnalysisRefusal } from "./diagnostics.js";
export type { AnalysisCodeValue } from "./diagnostics.js";
export { diffGraphs } from "./diff-graphs.js";
export type { DiffOptions, GraphDiff } from "./diff-graphs.js";
export type { ChangeClass } from "./describe-classes.js";
export { RequestSpace, DEFAULT_REGION_BOUND } from "./space/request-space.js";
export { loadInput, prepareInput, toInlineBundle } from "./analysis-input.js";
export type { AnalysisInput, Attach } from "./analysis-input.js";
export { isNewAccess, outcomeOf } from "./outcome.js";
export { refuseUnmodelledMembers } from "./unmodelled-members.js";
export type { Outcome } from "./outcome.js";
export { ANALYSIS_COMMANDS, ANALYSIS_HELP, runAnalysisCli } from "./cli/run-analysis-cli.js";
export type { AnalysisIo } from "./cli/cli-types.js";
export { ANALYSIS_SPECS } from "./cli/analysis-specs.js";
export type { AnalysisCommandSpec } from "./cli/analysis-specs.js";
export { proveAssertions, readAssertions, matchesAssertion } from "./prove.js";
export type { Assertion, AssertionResult } from "./prove.js";
export { abacDot, abacPaths } from "./abac.js";
export type { AbacPath, AccessChange } from "./abac.js";

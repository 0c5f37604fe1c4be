// @kms-cedar/analysis/diff: the diff alone, for a page (the playground's worker): no CLI, no file
// system, no Node built-ins beyond what the compiler's own browser build already stands in for.
// The same `diffGraphs` and refusals as `kms-cedar diff`; the caller confirms each witness with the
// engines it has (`outcomeOf` reduces their answers to what the diff compares).
export { AnalysisCode, ANALYSIS_REGISTRY, AnalysisRefusal } from "./diagnostics.js";
export type { AnalysisCodeValue } from "./diagnostics.js";
export { diffGraphs } from "./diff-graphs.js";
export type { GraphDiff } from "./diff-graphs.js";
export type { ChangeClass } from "./describe-classes.js";
export { DEFAULT_REGION_BOUND } from "./space/request-space.js";
export { isNewAccess, outcomeOf } from "./outcome.js";
export type { Outcome } from "./outcome.js";
export { refuseUnmodelledMembers } from "./unmodelled-members.js";

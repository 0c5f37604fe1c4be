// @kms-cedar/compiler/render: what a page needs to show the compiler's output (the playground):
// HTML escaping, line and column of an offset, the graph's layout and its SVG, and the KMS catalog and
// operator names for the editor's help and completion (without the parser: the page stays small).
export { escapeHtml } from "./emit/escape-markup.js";
export { LineIndex } from "./cli/render/line-index.js";
export type { LineColumn } from "./cli/render/line-index.js";
export { layoutGraph } from "./emit/graph-layout.js";
export type { GraphLayout } from "./emit/graph-layout.js";
export { fit, renderGraphSvg } from "./emit/graph-svg.js";
export { CONDITION_KEYS, KMS_ACTIONS, findConditionKey, findKmsAction, matchKmsActions } from "./catalog/index.js";
export type { ConditionKeyInfo, KmsActionInfo } from "./catalog/index.js";
export { BASE_OPERATORS } from "@kms-cedar/grammar/operators";

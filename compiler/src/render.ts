// @kms-cedar/compiler/render: what a page needs to show the compiler's output (the playground):
// HTML escaping, line and column of an offset, the graph's layout and its SVG.
export { escapeHtml } from "./emit/escape-markup.js";
export { LineIndex } from "./cli/render/line-index.js";
export type { LineColumn } from "./cli/render/line-index.js";
export { layoutGraph } from "./emit/graph-layout.js";
export type { GraphLayout } from "./emit/graph-layout.js";
export { fit, renderGraphSvg } from "./emit/graph-svg.js";

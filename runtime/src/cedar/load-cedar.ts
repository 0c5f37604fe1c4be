// Loads cedar-wasm's Node build once, on first use (DESIGN §6: `@cedar-policy/cedar-wasm/nodejs` is
// the entry that loads in Node; it is CommonJS and reads its .wasm from its own folder). Only the Cedar
// engine and the compiler's validation need it; the graph evaluator never loads wasm.
import { createRequire } from "node:module";

/** The cedar-wasm API (its Node build). */
export type CedarWasm = typeof import("@cedar-policy/cedar-wasm/nodejs");

let loaded: CedarWasm | undefined;

/** cedar-wasm, loaded on the first call (~20 ms). */
export function loadCedar(): CedarWasm {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    // Node 20's V8 can crash ("unreachable code" in the deoptimizer) after a few thousand decisions
    // when TurboFan inlines the JS→Wasm call into a function it later deoptimizes; turning that
    // inlining off costs nothing measurable. Set before any Cedar call is hot.
    (require("node:v8") as typeof import("node:v8")).setFlagsFromString("--no-turbo-inline-js-wasm-calls");
    loaded = require("@cedar-policy/cedar-wasm/nodejs") as CedarWasm;
  }
  return loaded;
}

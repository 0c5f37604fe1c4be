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
    loaded = require("@cedar-policy/cedar-wasm/nodejs") as CedarWasm;
  }
  return loaded;
}

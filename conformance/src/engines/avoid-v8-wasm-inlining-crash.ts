// Works around a V8 bug in Node 20 (V8 11.3): when TurboFan has inlined a JS→Wasm call (cedar-wasm's
// `statefulIsAuthorized`) into a hot function and that function is lazily deoptimized, the process
// dies with "Fatal error … unreachable code" in Deoptimizer::DoComputeBuiltinContinuation. Seen
// after a few thousand Cedar decisions. Turning that inlining off costs nothing measurable here.
// Must run before the hot code is optimized: prepare-bundle.ts imports this module first.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--no-turbo-inline-js-wasm-calls");

/** The flag this module sets (for the report and for worker processes). */
export const V8_WORKAROUND_FLAG = "--no-turbo-inline-js-wasm-calls";

// The Cedar column of the playground: cedar-wasm's web build, initialised from the .wasm shipped
// beside the page. Until the compiler emits Cedar (DESIGN §2 `createCedarAuthorizer`), there is none.
import type { Analysis } from "./analyze-input.js";
import type { EngineSetup } from "./decide-engines.js";

/** Prepares the Cedar engine for one analysis. */
export type CedarEngineFactory = (analysis: Analysis) => EngineSetup;

/** The Cedar engine factory (cedar-wasm must be initialised), or `undefined` when this build has none. */
export function prepareCedarEngine(): CedarEngineFactory | undefined {
  return undefined;
}

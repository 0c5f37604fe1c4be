// The Cedar column of the playground: `createCedarAuthorizer` over the Cedar the compiler emitted for
// the pasted input (encoder + cedar-wasm). In the page, cedar-wasm is the web build initialised by
// cedar-web.ts; in Node (tests), the runtime loads the Node build itself.
import { createCedarAuthorizer } from "@kms-cedar/runtime";
import type { Analysis } from "./analyze-input.js";
import type { EngineSetup } from "./decide-engines.js";

/** Prepares the Cedar engine for one analysis. */
export type CedarEngineFactory = (analysis: Analysis) => EngineSetup;

/** The Cedar engine factory (cedar-wasm must be loadable). */
export function prepareCedarEngine(): CedarEngineFactory {
  return (analysis) => {
    const files = analysis.cedar?.files;
    if (files === undefined) return { unavailable: analysis.cedar?.unavailable ?? "Cedar: not available" };
    try {
      const authorizer = createCedarAuthorizer({ policies: files.policies, schema: files.schema, manifest: files.manifest });
      return { decide: (request) => authorizer.decide(request) };
    } catch (failure) {
      // INVARIANT: the compiler validated this Cedar; a load failure is a bug, shown as one.
      return { unavailable: `Cedar: cannot load the emitted Cedar (${failure instanceof Error ? failure.message : String(failure)})` };
    }
  };
}

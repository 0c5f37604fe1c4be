// Loads cedar-wasm's Node build once, on first use (DESIGN §6: `@cedar-policy/cedar-wasm/nodejs` is
// the entry that loads in Node; it is CommonJS and reads its .wasm from its own folder). Only the Cedar
// engine and the compiler's validation need it; the graph evaluator never loads wasm.
//
// A trap inside cedar-wasm (a stack overflow, "memory access out of bounds") leaves its instance
// broken: every later call fails, for every authorizer. Callers check input against cedar-limits.ts
// first, so a trap is a bug; should one happen anyway, the call that trapped still throws, and the
// module is instantiated afresh (where `require.cache` exists, i.e. in Node) with every preparsed
// policy set and schema replayed into it, so authorizers made earlier keep deciding.
import { createRequire } from "node:module";

/** The cedar-wasm API (its Node build). */
export type CedarWasm = typeof import("@cedar-policy/cedar-wasm/nodejs");

const MODULE_ID = "@cedar-policy/cedar-wasm/nodejs";

/**
 * The V8 flag of the Node 20 workaround below (the one home of it): set in this process before any
 * Cedar call, and passed to worker processes that decide with Cedar (the conformance shards).
 */
export const V8_WORKAROUND_FLAG = "--no-turbo-inline-js-wasm-calls";

let facade: CedarWasm | undefined;
let instance: CedarWasm | undefined;
let generation = 0;
/** Successful stateful calls, replayed into a fresh instance (latest per id, first-call order). */
const preparsedSets = new Map<string, Parameters<CedarWasm["preparsePolicySet"]>>();
const preparsedSchemas = new Map<string, Parameters<CedarWasm["preparseSchema"]>>();

/** cedar-wasm, loaded on the first call (~20 ms); its functions survive a trap (see the header). */
export function loadCedar(): CedarWasm {
  if (facade === undefined) {
    instance = instantiate(false);
    facade = makeFacade();
  }
  return facade;
}

/** How many times cedar-wasm was instantiated afresh after a trap (for tests and diagnostics). */
export function cedarRecoveries(): number {
  return generation;
}

function instantiate(fresh: boolean): CedarWasm {
  const require = createRequire(import.meta.url);
  if (!fresh) {
    // Node 20's V8 can crash ("unreachable code" in the deoptimizer) after a few thousand decisions
    // when TurboFan inlines the JS→Wasm call into a function it later deoptimizes; turning that
    // inlining off costs nothing measurable. Set before any Cedar call is hot.
    (require("node:v8") as typeof import("node:v8")).setFlagsFromString(V8_WORKAROUND_FLAG);
  } else {
    // The module instantiates its wasm when it is evaluated: dropping it from the cache gives a new instance.
    const cache = (require as { cache?: Record<string, unknown> }).cache;
    const resolve = (require as { resolve?: (id: string) => string }).resolve;
    if (cache === undefined || resolve === undefined) throw new Error("cedar-wasm cannot be instantiated again here");
    delete cache[resolve(MODULE_ID)];
  }
  return require(MODULE_ID) as CedarWasm;
}

/** A trap of the wasm machine (not an answer of cedar-wasm, which reports errors as data). */
function isTrap(error: unknown): boolean {
  // `WebAssembly.RuntimeError` by name: the runtime's TypeScript lib has no WebAssembly values.
  return error instanceof RangeError || (error instanceof Error && error.constructor.name === "RuntimeError");
}

/** Replaces the broken instance and replays the preparsed sets and schemas; best effort. */
function recover(): void {
  try {
    const next = instantiate(true);
    for (const args of preparsedSets.values()) next.preparsePolicySet(...args);
    for (const args of preparsedSchemas.values()) next.preparseSchema(...args);
    instance = next;
    generation++;
  } catch {
    // Not possible here (a browser build) or the replay trapped: the old instance stays, broken.
  }
}

function makeFacade(): CedarWasm {
  const target = instance as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(target)) {
    if (typeof target[name] !== "function") {
      out[name] = target[name];
      continue;
    }
    out[name] = (...args: unknown[]): unknown => {
      const fn = (instance as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      let answer: unknown;
      try {
        answer = fn(...args);
      } catch (error) {
        if (isTrap(error)) recover();
        throw error;
      }
      remember(name, args, answer);
      return answer;
    };
  }
  return out as unknown as CedarWasm;
}

function remember(name: string, args: readonly unknown[], answer: unknown): void {
  if ((answer as { type?: string } | undefined)?.type !== "success") return;
  if (name === "preparsePolicySet") preparsedSets.set(args[0] as string, args as Parameters<CedarWasm["preparsePolicySet"]>);
  if (name === "preparseSchema") preparsedSchemas.set(args[0] as string, args as Parameters<CedarWasm["preparseSchema"]>);
}

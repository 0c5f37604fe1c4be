// Loads a request's `context` into the evaluation slots: case-insensitive key names (spec §6.1),
// empty arrays as absent keys (§3.2), case-variant duplicates marked ambiguous (A18), and values
// that are neither a string nor an array of strings rejected (KR0006).
import type { DecisionError } from "../contracts.js";
import { RequestErrorCode, requestError } from "./errors.js";
import type { EvalState } from "./eval-state.js";

const RAW_CACHE_LIMIT = 4096;

export class ContextReader {
  /** Lower-cased key name → slot, for every key the graph tests or resolves as a variable. */
  private readonly slots: Map<string, number>;
  /** Key name as written in requests → slot (-1: not used by the graph). PERF: skips lower-casing. */
  private readonly raw = new Map<string, number>();

  constructor(slots: Map<string, number>) {
    this.slots = slots;
  }

  /** Loads `context` into `state`; an error when the request cannot be decided. */
  load(state: EvalState, context: unknown): DecisionError | undefined {
    if (context === undefined) return undefined;
    if (typeof context !== "object" || context === null || Array.isArray(context)) {
      return requestError(RequestErrorCode.malformedRequest, "malformed request: `context` is not an object");
    }
    const entries = context as Record<string, unknown>;
    for (const name in entries) {
      const value = entries[name];
      if (typeof value !== "string") {
        if (!Array.isArray(value)) return badValue(name);
        for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return badValue(name);
      }
      const slot = this.slotOf(name);
      if (slot < 0) continue;
      if (state.seenGen[slot] === state.gen) {
        // DEVIATION: §6.1, A18 — case-variant names of one key make it ambiguous (decided by the fail-closed rule).
        state.ambiguousGen[slot] = state.gen; // A18: case-variant names, even if one is empty
        continue;
      }
      state.seenGen[slot] = state.gen;
      // DEVIATION: §3.2 — an empty set is an absent key everywhere, `Null` and `IfExists` included.
      if (typeof value !== "string" && value.length === 0) continue; // an empty set is an absent key
      state.slotGen[slot] = state.gen;
      state.slotValue[slot] = value as string | readonly string[];
    }
    return undefined;
  }

  private slotOf(name: string): number {
    const cached = this.raw.get(name);
    if (cached !== undefined) return cached;
    const slot = this.slots.get(name.toLowerCase()) ?? -1;
    if (this.raw.size >= RAW_CACHE_LIMIT) this.raw.clear();
    this.raw.set(name, slot);
    return slot;
  }
}

function badValue(name: string): DecisionError {
  return requestError(RequestErrorCode.badContextValue, `context value of \`${name}\` must be a string or an array of strings`);
}

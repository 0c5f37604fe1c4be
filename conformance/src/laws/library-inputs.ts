// The inputs the two input laws feed to every engine's library entry point (createAuthorizer(graph).decide,
// createCedarAuthorizer(cedar).decide, evaluateReference) on a case's base bundle: the case's own
// malformed requests, a few of its well-formed requests rewritten by the mutations of
// hostile-requests.ts, and hostile values. Deterministic in the case's seed. Phase: conformance laws.
import type { DecisionResult } from "@kms-cedar/runtime";
import { hostileValues, mutateRequest } from "../arbitraries/hostile-requests.js";
import type { GeneratedRequest } from "../arbitraries/request-arbitraries.js";
import { safeDecide } from "../compare/outcome.js";
import { malformation } from "../compare/strict-shape.js";
import { ENGINE_NAMES } from "../engines/engine-types.js";
import type { EngineName } from "../engines/engine-types.js";
import type { LawInput } from "./law-types.js";

/** One input and what it is (the mutation's name, `hostile value`, or `generated`). */
export interface LibraryInput {
  readonly what: string;
  readonly value: unknown;
  /** Index of the case request it came from (for the report), or -1. */
  readonly from: number;
  /** DESIGN §2 makes it a request error. */
  readonly malformed: boolean;
}

/** Mutated requests per case, and how many hostile values (all are used on every case that has a request). */
const MUTATED_PER_CASE = 6;

/** The inputs for one case. */
export function libraryInputs(input: LawInput): LibraryInput[] {
  const out: LibraryInput[] = [];
  const wellFormed: number[] = [];
  input.requests.forEach((r, i) => {
    if (malformation(r) === undefined) wellFormed.push(i);
    else out.push({ what: "generated", value: r, from: i, malformed: true });
  });
  if (wellFormed.length === 0) return out;
  for (let k = 0; k < MUTATED_PER_CASE; k++) {
    const i = wellFormed[(input.seed + 7 * k) % wellFormed.length]!;
    const j = wellFormed[(input.seed + 13 * k + 1) % wellFormed.length]!;
    const m = mutateRequest(input.requests[i] as GeneratedRequest, input.requests[j] as GeneratedRequest, input.seed + k, input.seed >> 3);
    out.push({ what: m.mutation, value: m.request, from: i, malformed: true });
  }
  for (const value of hostileValues(input.requests[wellFormed[0]!] as GeneratedRequest)) out.push({ what: "hostile value", value, from: -1, malformed: true });
  return out;
}

/** Every engine of the base bundle (all three, whatever the metamorphic laws' engines are) on `value`. */
export function decideEverywhere(input: LawInput, value: unknown): [EngineName, DecisionResult][] {
  const out: [EngineName, DecisionResult][] = [];
  for (const e of ENGINE_NAMES) {
    const setup = input.base.engines[e];
    if ("decide" in setup) out.push([e, safeDecide(setup.decide, value)]);
  }
  return out;
}

/** A short text of an input for messages (JSON where it can be, else its type). */
export function inputText(value: unknown): string {
  try {
    const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : typeof v === "symbol" ? String(v) : v));
    return s === undefined ? String(value) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return typeof value;
  }
}

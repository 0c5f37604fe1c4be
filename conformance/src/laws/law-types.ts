// What a law is: a named sentence and a check. Differential laws compare engines on one request;
// metamorphic laws compare one engine with itself on a rewritten bundle. Phase: conformance laws.
import type { DecisionResult } from "@kms-cedar/runtime";
import type { EngineName, PreparedBundle } from "../engines/engine-types.js";
import type { PlainBundleShape } from "./bundle-transforms.js";

/** A law broken on one request. */
export interface LawViolation {
  readonly law: string;
  readonly engine: EngineName;
  /** Index of the request in the case's request list. */
  readonly requestIndex: number;
  readonly message: string;
  /** The rewritten bundle the law compared against (metamorphic laws). */
  readonly transformed?: PlainBundleShape;
  /** Each engine's outcome text, for the report. */
  readonly outcomes: Readonly<Record<string, string>>;
}

/** The results of the engines on one request (undefined: engine unavailable). */
export type EngineResults = Readonly<Record<EngineName, DecisionResult | undefined>>;

export interface DifferentialLaw {
  readonly name: string;
  readonly sentence: string;
  /** The engine the law is about, when it runs only on request (it is not tallied in runs without it). */
  readonly engine?: EngineName;
  /** A message when the law is broken on this request, else `undefined`. `undefined` results are skipped. */
  check(results: EngineResults): string | undefined;
  /** Whether the law can be checked with these results (e.g. Cedar available). */
  applies(results: EngineResults): boolean;
}

/** What a metamorphic law sees: the case, its prepared bundle and every engine's results on it. */
export interface LawInput {
  readonly bundle: PlainBundleShape;
  readonly requests: readonly unknown[];
  readonly base: PreparedBundle;
  /** results[i][engine] for request i. */
  readonly results: readonly EngineResults[];
  /** Engines available on this bundle. */
  readonly engines: readonly EngineName[];
  /** Compiles and readies a rewritten bundle (same engines, same wrappers). */
  prepare(bundle: PlainBundleShape): PreparedBundle;
  /** A number drawn with the case (reproducible), for rewrites that need randomness. */
  readonly seed: number;
  /** A generated Deny statement for laws that add one (key-policy and identity variants). */
  readonly extraDeny: { readonly key: Record<string, unknown>; readonly identity: Record<string, unknown>; readonly target: string };
}

export interface LawTally {
  /** Requests (× engines) the law was checked on. */
  checked: number;
  /** Cases where the law could not be checked (e.g. the rewritten bundle did not compile). */
  skipped: number;
  violations: number;
}

export interface MetamorphicLaw {
  readonly name: string;
  readonly sentence: string;
  check(input: LawInput, tally: LawTally): LawViolation[];
}

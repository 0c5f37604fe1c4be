// The analysis refuses what it cannot decide exactly (never guesses): each refusal is data with a
// stable KA code, registered here with its meaning (like KC for the compiler, KR for requests).

export const AnalysisCode = {
  /** A policy variable outside the modelled fragment (a whole `${k}` value of a String operator relating two free keys). */
  variable: "KA0001",
  /** IgnoreCase operators: Unicode case folding is not modelled by the atom space. */
  ignoreCase: "KA0002",
  /** One condition key is tested by operators of different families (string and numeric …). */
  mixedFamilies: "KA0003",
  /** A caller-derived key is tested in a way the principal space does not cover. */
  derivedKey: "KA0004",
  /** A Resource pattern has a wildcard inside the partition, Region or account part, for a request with no key. */
  resourcePattern: "KA0005",
  /** The region count exceeds the bound. */
  bound: "KA0006",
  /** A multi-valued key mixes qualified and plain operators, or has too many classes for its subsets. */
  multiValued: "KA0007",
  /** The bundle has a layer the analysis does not model (VPC endpoint policies, grants). */
  unsupportedBundle: "KA0008",
  /** The two graphs were compiled against different action catalogs. */
  catalog: "KA0009",
  /** The string automaton search exceeded its state bound. */
  automaton: "KA0010",
  /** An operator the analysis does not model (BinaryEquals …). */
  operator: "KA0011",
  /** A witness was decided differently by the three engines: the analysis reports it and stops. */
  engines: "KA0012",
  /** The bundle does not compile (policy errors). */
  compile: "KA0013",
  /** An assertion file is malformed. */
  assertion: "KA0014",
  /** An assertion names an action (or pattern) that matches no KMS action: a typo, never "proved". */
  unknownAction: "KA0015",
  /** An assertion names a key that is not one of the bundle's keys (the engines decide no request on it, KR0004). */
  unknownKey: "KA0016",
  /** An assertion matches no request at all (its fields exclude each other): nothing to prove. */
  vacuousAssertion: "KA0017",
} as const;

export type AnalysisCodeValue = (typeof AnalysisCode)[keyof typeof AnalysisCode];

/** The registry: code → one-line meaning (docs and tests read it). */
export const ANALYSIS_REGISTRY: ReadonlyMap<AnalysisCodeValue, string> = new Map<AnalysisCodeValue, string>([
  [AnalysisCode.variable, "a policy variable outside the modelled fragment: only a value that is exactly `${k}` or `${k, 'd'}` under StringEquals / StringNotEquals / StringLike / StringNotLike (and IfExists), relating two keys the context gives freely (not caller-derived, not tested as sets), each related to at most one other key; variables inside other text, under other operators, in Resource patterns, on caller-derived keys or in chains are refused"],
  [AnalysisCode.ignoreCase, "StringEqualsIgnoreCase / StringNotEqualsIgnoreCase: Unicode case folding is not modelled"],
  [AnalysisCode.mixedFamilies, "one condition key is tested by operators of different families (string, numeric, date, IP, Bool)"],
  [AnalysisCode.derivedKey, "a caller-derived key (aws:PrincipalArn, aws:username, aws:userid, …) is tested with a wildcard pattern or an operator the principal space does not cover"],
  [AnalysisCode.resourcePattern, "a Resource pattern has a partial wildcard in its partition, service, Region or account part for an action with no key resource"],
  [AnalysisCode.bound, "the request space has more regions than the bound"],
  [AnalysisCode.multiValued, "a multi-valued key is tested by both qualified (ForAllValues/ForAnyValue) and plain operators, or has too many classes"],
  [AnalysisCode.unsupportedBundle, "the bundle has a layer the analysis does not model: VPC endpoint policies (`endpoints`) or grants (`keys[…].grants`)"],
  [AnalysisCode.catalog, "the two graphs were compiled against different KMS action catalogs"],
  [AnalysisCode.automaton, "the string patterns of one key need more automaton states than the bound"],
  [AnalysisCode.operator, "an operator the analysis does not model (BinaryEquals)"],
  [AnalysisCode.engines, "the reference evaluator, the graph and Cedar decide a witness differently"],
  [AnalysisCode.compile, "a bundle does not compile"],
  [AnalysisCode.assertion, "an assertion file is malformed"],
  [AnalysisCode.unknownAction, "an assertion names an action, or an action pattern, that matches no KMS action of the catalog the bundle was compiled against"],
  [AnalysisCode.unknownKey, "an assertion names a key ARN that is not one of the bundle's `keys` (the engines decide no request on such a key: KR0004)"],
  [AnalysisCode.vacuousAssertion, "an assertion matches no request (for instance an action that takes no key with a key ARN, or principals all in its notInAccounts): it would be proved about nothing"],
]);

/** Where in an assertions file a refusal points: assertion `assertion` (0-based), its `member`, that member's element `item`. */
export interface AssertionPlace {
  readonly assertion: number;
  readonly member?: string;
  readonly item?: number;
}

/** A refusal: the analysis cannot decide this input exactly. */
export class AnalysisRefusal extends Error {
  constructor(readonly code: AnalysisCodeValue, readonly detail: string, readonly at?: AssertionPlace) {
    super(`${code}: ${detail}`);
    this.name = "AnalysisRefusal";
  }
}

/** An input that cannot be read (no such file, standard input closed): an I/O error, not a refusal. */
export class AnalysisInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalysisInputError";
  }
}

export function refuse(code: AnalysisCodeValue, message: string, at?: AssertionPlace): never {
  throw new AnalysisRefusal(code, message, at);
}

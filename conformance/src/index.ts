// @kms-cedar/conformance: fast-check arbitraries, laws and reports that show graph and Cedar
// decide like the reference evaluator.
export {};

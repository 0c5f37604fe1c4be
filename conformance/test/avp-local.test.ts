// The AVP profile decides exactly as the reference evaluator: generated bundles compiled with
// `--target avp`, every request encoded to AVP's IsAuthorized input (operations as BatchIsAuthorized
// batches), translated back to cedar-wasm independently of the encoder, decided on the AVP store,
// and decoded from AVP's answer shape. Fixed seed; at least 5,000 cases; 0 divergences.
import { describe, expect, it } from "vitest";
import { runStream } from "../src/run/run-stream.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const CASES = Number(process.env["AVP_LOCAL_CASES"] ?? 5_120);
const COUNTEREXAMPLES = new URL("../counterexamples", import.meta.url).pathname;

describe("avp-local", () => {
  it(`decides ${CASES} generated cases exactly as the reference (avp_local_agrees_with_reference)`, () => {
    // One stream over every operator (not one per variant): 256 requests per bundle keeps the compiles few.
    const r = runStream({ seed: SEED, cases: CASES, requestsPerBundle: 256, lawEvery: 0, engines: ["reference", "avp-local"], counterexampleDir: COUNTEREXAMPLES, maxCounterexamples: 2 });
    const failures = r.failures.map((f) => `${f.law} (${f.focus}): ${f.message}; replay: ${f.shrunk?.folder ?? f.rerun}`);
    console.log(`avp-local: seed ${SEED}, ${r.stats.cases} cases, ${r.stats.divergences} divergences, ${Math.round(r.elapsedMs / 1000)} s wall, ${Math.round(r.cpuMs / 1000)} s CPU, ${r.stats.bundles} bundles`);
    expect(failures).toEqual([]);
    expect(r.stats.cases).toBe(CASES);
    expect(r.stats.engineCases["avp-local"]).toBe(CASES);
    expect(r.laws["avp_local_agrees_with_reference"]).toMatchObject({ checked: CASES, violations: 0 });
    // Not vacuous: every kind of answer was reached.
    const d = r.stats.decisions;
    expect(Math.min(d.Allow, d.ExplicitDeny, d.ImplicitDeny, d.error)).toBeGreaterThan(0);
  }, 300_000); // about 20 CPU seconds; a busy 2-core machine has stretched it past a minute of wall time
});

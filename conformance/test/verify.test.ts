// `verify` on a user's bundle: requests come from what the bundle mentions (constants and near
// misses, callers, keys, actions), reach its operators, and the three engines agree on them.
import { describe, expect, it } from "vitest";
import { bundleFacts, variantsInPlay } from "../src/verify/bundle-facts.js";
import { loadPlainBundle } from "@kms-cedar/compiler/api";
import { nearMisses } from "../src/verify/near-misses.js";
import { verifySource } from "../src/verify/verify-source.js";
import { runConformance } from "../src/run/run-conformance.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const ABAC = new URL("../../examples/abac/bundle.json", import.meta.url).pathname;

describe("near misses", () => {
  it("surround each constant: case, one character, numbers ±1, instants ±1 s, the next address, another account", () => {
    expect(nearMisses(new Set(["Finance"]), new Set(["StringEquals"]))).toEqual(expect.arrayContaining(["Finance", "FINANCE", "finance", "Financex", "inance"]));
    expect(nearMisses(new Set(["alias/*test*"]), new Set(["StringLike"]))).toContain("alias/abctestabc");
    expect(nearMisses(new Set(["21"]), new Set(["NumericLessThanEquals"]))).toEqual(expect.arrayContaining(["21", "22", "20", "21.5", "not-a-value"]));
    expect(nearMisses(new Set(["2020-01-01T00:00:00Z"]), new Set(["DateLessThan"]))).toEqual(expect.arrayContaining(["2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", "2020-01-01T00:00:01Z"]));
    expect(nearMisses(new Set(["203.0.113.0/24"]), new Set(["IpAddress"]))).toEqual(expect.arrayContaining(["203.0.113.0", "203.0.113.1", "204.0.113.0", "::ffff:203.0.113.0"]));
    expect(nearMisses(new Set(["arn:aws:iam::111122223333:role/*"]), new Set(["ArnLike"]))).toContain("arn:aws:iam::999988887777:role/abc");
  });
});

describe("bundle facts", () => {
  it("name the bundle's keys, its callers (sessions of its roles, roots, a stranger, an outsider) and its condition keys", () => {
    const loaded = loadPlainBundle(ABAC);
    if ("error" in loaded) throw new Error(loaded.error);
    const facts = bundleFacts(loaded.bundle);
    expect(facts.keys.length).toBeGreaterThan(0);
    expect(facts.callers.some((c) => c.includes(":assumed-role/"))).toBe(true);
    expect(facts.callers.some((c) => c.endsWith(":root"))).toBe(true);
    expect(facts.callers).toContain("arn:aws:sts::999988887777:assumed-role/Outsider/s1");
    expect(facts.conditionKeys.size).toBeGreaterThan(0);
    expect(variantsInPlay(facts, "kms:Decrypt").length).toBeGreaterThan(0);
  });
});

describe("verify", () => {
  it("decides requests generated for examples/abac with the three engines and finds no divergence", () => {
    const loaded = loadPlainBundle(ABAC);
    if ("error" in loaded) throw new Error(loaded.error);
    const r = runConformance({ seed: SEED, cases: 512, requestsPerBundle: 256, source: verifySource(loaded.bundle, 256, "abac"), cacheBundles: true, lawEvery: 1, lawEngines: ["reference", "graph"] });
    const d = r.stats.decisions;
    console.log(`verify examples/abac: seed ${SEED}, ${d.cases} cases (Allow ${d.Allow}, ExplicitDeny ${d.ExplicitDeny}, ImplicitDeny ${d.ImplicitDeny}, errors ${d.error})`);
    expect(r.stats.engineCases["cedar"]).toBe(512);
    expect(d.Allow).toBeGreaterThan(0);
    expect(d.ImplicitDeny).toBeGreaterThan(0);
    expect(r.failures.map((f) => `${f.law} ${f.engine} ${f.message}`)).toEqual([]);
  });
});

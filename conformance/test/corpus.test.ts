// The corpus run with a small budget: the first policies of corpus/ that the compiler takes (key
// and identity policies), each in a bundle that reaches every KMS path, decided by the three engines.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { identityPolicyBundle, keyPolicyBundle } from "../src/corpus/corpus-bundle.js";
import { readCorpusManifest } from "../src/corpus/corpus-manifest.js";
import { runCorpus } from "../src/corpus/run-corpus.js";
import { defaultCorpusDir } from "../src/cli/corpus-command.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const DIR = process.env["KMS_CEDAR_CORPUS"] ?? defaultCorpusDir() ?? "corpus";
const LIMIT = Number(process.env["CORPUS_POLICIES"] ?? 24);

describe.runIf(existsSync(`${DIR}/MANIFEST.tsv`))("corpus", () => {
  it("reads the manifest: key and identity policies are taken, other kinds skipped", () => {
    const entries = readCorpusManifest(DIR);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.some((e) => e.policyKind === "key")).toBe(true);
    expect(entries.some((e) => e.policyKind === "identity")).toBe(true);
    expect(entries.filter((e) => e.kind === "scp").every((e) => e.policyKind === undefined)).toBe(true);
  });

  it("builds bundles that reach the delegation path and the keys an identity policy names", () => {
    const key = keyPolicyBundle({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "kms:*", Resource: "*" }] });
    expect(Object.keys(key.keys!)[0]).toContain(":444455556666:key/");
    expect(Object.keys(key.principals!)).toEqual(["arn:aws:iam::444455556666:role/CorpusCaller"]);
    const named = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const identity = identityPolicyBundle({ Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: named }] });
    expect(Object.keys(identity.keys!)).toEqual([named]);
  });

  it(`decides ${LIMIT} corpus policies with the three engines and finds no divergence`, () => {
    const r = runCorpus({ dir: DIR, casesPerPolicy: 24, limit: LIMIT, seed: SEED, lawEvery: 0 });
    const d = r.stats.decisions;
    console.log(`corpus: seed ${SEED}, ${r.policies} policies decided, ${Object.keys(r.rejectedFiles).length} rejected (${JSON.stringify(r.stats.rejectedReasons)}), ${d.cases} cases (Allow ${d.Allow}, ExplicitDeny ${d.ExplicitDeny}, ImplicitDeny ${d.ImplicitDeny}, errors ${d.error})`);
    expect(r.policies).toBeGreaterThan(LIMIT / 2);
    expect(r.stats.engineCases["cedar"]).toBe(d.cases);
    expect(d.Allow).toBeGreaterThan(0);
    expect(r.failures.map((f) => `${f.focus}: ${f.law} ${f.engine} ${f.message}`)).toEqual([]);
  });
});

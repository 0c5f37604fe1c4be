import { describe, expect, it } from "vitest";
import { checkPolicyText } from "../../src/checks/check-policy.js";
import { findCorpusDir, readCorpus } from "../../scripts/corpus-files.js";

const dir = findCorpusDir();

describe.skipIf(dir === undefined)(`checkPolicyText over the corpus (${dir ?? "not found"})`, () => {
  const corpus = dir === undefined ? [] : readCorpus(dir);

  it("checks every file without an exception or internal error, with spans inside the text, deterministically", () => {
    let checked = 0;
    for (const entry of corpus) {
      // Identity and key policies as their kind; the other kinds under both kinds, for robustness only.
      const kinds = entry.kind === undefined ? (["identity", "key"] as const) : [entry.kind];
      for (const kind of kinds) {
        const first = checkPolicyText(entry.text, kind);
        const internal = first.diagnostics.filter((d) => d.code.startsWith("KC9"));
        expect(internal, `${entry.file} (${kind})`).toEqual([]);
        for (const d of first.diagnostics) {
          expect(d.span.start <= d.span.end && d.span.end <= entry.text.length, `${entry.file}: ${d.code} span`).toBe(true);
        }
        expect(checkPolicyText(entry.text, kind).diagnostics).toEqual(first.diagnostics);
        checked++;
      }
    }
    console.log(`corpus: ${corpus.length} files, ${checked} checks`);
    expect(corpus.length).toBeGreaterThan(0);
  });

  it("reads a policy document from every identity and key policy", () => {
    const unread = corpus.filter((e) => e.kind !== undefined && checkPolicyText(e.text, e.kind).document === undefined);
    expect(unread.map((e) => e.file)).toEqual([]);
  });
});

// Every identity and key policy of the corpus that passes the checks compiles to Cedar that strictly
// validates (the emitter's self-check reports none of KC93xx), byte-identically twice; prints the share
// of conditions compiled natively and each derived kind with why Cedar cannot say it. The computation
// is compiler/scripts/corpus-cedar.ts, shared with bench/compile.ts (the README's figure).
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { CEDAR_CODES, WHY } from "../../src/emit/cedar/cedar-codes.js";
import type { CedarCode } from "../../src/emit/cedar/cedar-codes.js";
import { compileCorpusCedar, corpusEntryBundle, nativePercent } from "../../scripts/corpus-cedar.js";
import { findCorpusDir } from "../../scripts/corpus-files.js";

const dir = findCorpusDir();
/** The codes the Cedar phase can report (the checks' own diagnostics are not this test's). */
const cedarPhase = new Set<string>(Object.values(CEDAR_CODES).map((c) => c.code));

describe.skipIf(dir === undefined)("Cedar over the corpus", () => {
  it("compiles every policy that passes the checks to strictly valid, deterministic Cedar", () => {
    const totals = compileCorpusCedar(dir!, (entry, first) => {
      expect(first.diagnostics.filter((d) => cedarPhase.has(d.code)).map((d) => `${d.code} ${d.help ?? ""}`), entry.file).toEqual([]);
      expect(first.cedar, `${entry.file} gives Cedar`).toBeDefined();
      const second = compileBundle(corpusEntryBundle(dir!, entry));
      expect(second.cedar, `${entry.file} compiles byte-identically twice`).toEqual(first.cedar);
    });
    console.log(`cedar corpus: ${totals.passed} policies compiled and validated, ${totals.rejected} rejected by the checks, ${totals.crashed} crashed before the Cedar phase`);
    console.log(`cedar corpus: conditions native ${totals.native}, derived ${totals.derived} (${nativePercent(totals)}% native); ` +
      `resources native ${totals.resourcesNative}, derived ${totals.resourcesDerived}`);
    for (const [kind, n] of Object.entries(totals.kinds).sort((a, b) => b[1] - a[1])) console.log(`  derived condition ${n} × ${kind}: ${WHY[kind as CedarCode]}`);
    for (const [kind, n] of Object.entries(totals.resourceKinds).sort((a, b) => b[1] - a[1])) console.log(`  derived resource ${n} × ${kind}: ${WHY[kind as CedarCode]}`);
    for (const c of totals.crashes.slice(0, 5)) console.log(`  crash: ${c}`);
    expect(totals.passed).toBeGreaterThan(100);
  }, 600_000);
});

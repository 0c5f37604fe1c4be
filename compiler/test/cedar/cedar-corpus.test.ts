// Every identity and key policy of the corpus that passes the checks compiles to Cedar that strictly
// validates (the emitter's self-check reports none of KC93xx), byte-identically twice; prints the share
// of conditions compiled natively and each derived kind with why Cedar cannot say it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { WHY } from "../../src/emit/cedar/cedar-codes.js";
import type { CedarCode } from "../../src/emit/cedar/cedar-codes.js";
import { emitCedar } from "../../src/emit/cedar/emit-cedar.js";
import { findCorpusDir, readCorpus } from "../../scripts/corpus-files.js";

const dir = findCorpusDir();
const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";

describe.skipIf(dir === undefined)("Cedar over the corpus", () => {
  it("compiles every policy that passes the checks to strictly valid, deterministic Cedar", () => {
    const totals = { passed: 0, rejected: 0, crashed: 0, native: 0, derived: 0, resourcesNative: 0, resourcesDerived: 0 };
    const kinds: Record<string, number> = {};
    const resourceKinds: Record<string, number> = {};
    const crashes: string[] = [];
    for (const entry of readCorpus(dir!)) {
      if (entry.kind === undefined) continue;
      const path = join(dir!, entry.file);
      const bundle = entry.kind === "key" ? { keys: { [KEY]: { policy: path } } } : { principals: { [ROLE]: { policies: [path] } } };
      let graph;
      try {
        graph = compileBundle(bundle).graph;
      } catch (e) {
        // Not the Cedar emitter's to fix: counted and listed, so the report shows it.
        totals.crashed++;
        crashes.push(`${entry.file}: ${(e as Error).message.split("\n")[0]}`);
        continue;
      }
      if (graph === undefined) {
        totals.rejected++;
        continue;
      }
      const first = emitCedar(graph);
      expect(first.diagnostics.map((d) => `${d.code} ${d.help ?? ""}`), entry.file).toEqual([]);
      const second = emitCedar(compileBundle(bundle).graph!);
      expect(second.files, `${entry.file} compiles byte-identically twice`).toEqual(first.files);
      totals.passed++;
      totals.native += first.share.conditions.native;
      totals.derived += first.share.conditions.derived;
      totals.resourcesNative += first.share.resources.native;
      totals.resourcesDerived += first.share.resources.derived;
      for (const [kind, n] of Object.entries(first.share.conditions.byKind)) kinds[kind] = (kinds[kind] ?? 0) + n;
      for (const [kind, n] of Object.entries(first.share.resources.byKind)) resourceKinds[kind] = (resourceKinds[kind] ?? 0) + n;
    }
    const share = totals.native / Math.max(1, totals.native + totals.derived);
    console.log(`cedar corpus: ${totals.passed} policies compiled and validated, ${totals.rejected} rejected by the checks, ${totals.crashed} crashed before the Cedar phase`);
    console.log(`cedar corpus: conditions native ${totals.native}, derived ${totals.derived} (${(share * 100).toFixed(1)}% native); ` +
      `resources native ${totals.resourcesNative}, derived ${totals.resourcesDerived}`);
    for (const [kind, n] of Object.entries(kinds).sort((a, b) => b[1] - a[1])) console.log(`  derived condition ${n} × ${kind}: ${WHY[kind as CedarCode]}`);
    for (const [kind, n] of Object.entries(resourceKinds).sort((a, b) => b[1] - a[1])) console.log(`  derived resource ${n} × ${kind}: ${WHY[kind as CedarCode]}`);
    for (const c of crashes.slice(0, 5)) console.log(`  crash: ${c}`);
    expect(totals.passed).toBeGreaterThan(100);
  }, 600_000);
});

// Compiles every identity and key policy of the corpus to Cedar, one bundle each (as
// compiler/test/cedar/cedar-corpus.test.ts and bench/compile.ts do — the same computation, so the
// README's native share is the test's): counts passed / rejected / crashed, and the share of
// conditions and resources compiled to native Cedar with the derived kinds.
import { join } from "node:path";
import { compileBundle } from "../src/pipeline.js";
import type { CompileResult } from "../src/pipeline.js";
import { readCorpus } from "./corpus-files.js";
import type { CorpusEntry } from "./corpus-files.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";

export interface CorpusCedarTotals {
  passed: number;
  rejected: number;
  crashed: number;
  native: number;
  derived: number;
  resourcesNative: number;
  resourcesDerived: number;
  readonly kinds: Record<string, number>;
  readonly resourceKinds: Record<string, number>;
  readonly crashes: string[];
}

/** The bundle a corpus entry is compiled in: a key policy on one key, an identity policy on one role. */
export function corpusEntryBundle(dir: string, entry: CorpusEntry): { keys: Record<string, { policy: string }> } | { principals: Record<string, { policies: string[] }> } {
  const path = join(dir, entry.file);
  return entry.kind === "key" ? { keys: { [KEY]: { policy: path } } } : { principals: { [ROLE]: { policies: [path] } } };
}

/** Share of native Cedar over the corpus; `onCompiled` sees each compiled entry (the test checks its output). */
export function compileCorpusCedar(dir: string, onCompiled?: (entry: CorpusEntry, result: CompileResult) => void): CorpusCedarTotals {
  const totals: CorpusCedarTotals = { passed: 0, rejected: 0, crashed: 0, native: 0, derived: 0, resourcesNative: 0, resourcesDerived: 0, kinds: {}, resourceKinds: {}, crashes: [] };
  for (const entry of readCorpus(dir)) {
    if (entry.kind === undefined) continue;
    let result: CompileResult;
    try {
      result = compileBundle(corpusEntryBundle(dir, entry));
    } catch (e) {
      // Not the Cedar emitter's to fix: counted and listed, so the report shows it.
      totals.crashed++;
      totals.crashes.push(`${entry.file}: ${(e as Error).message.split("\n")[0]}`);
      continue;
    }
    if (result.graph === undefined) {
      totals.rejected++;
      continue;
    }
    onCompiled?.(entry, result);
    totals.passed++;
    const share = result.share;
    if (share === undefined) continue;
    totals.native += share.conditions.native;
    totals.derived += share.conditions.derived;
    totals.resourcesNative += share.resources.native;
    totals.resourcesDerived += share.resources.derived;
    for (const [kind, n] of Object.entries(share.conditions.byKind)) totals.kinds[kind] = (totals.kinds[kind] ?? 0) + n;
    for (const [kind, n] of Object.entries(share.resources.byKind)) totals.resourceKinds[kind] = (totals.resourceKinds[kind] ?? 0) + n;
  }
  return totals;
}

/** Native share of conditions, in percent with one decimal (the figure the test prints). */
export function nativePercent(t: CorpusCedarTotals): string {
  return ((t.native / Math.max(1, t.native + t.derived)) * 100).toFixed(1);
}

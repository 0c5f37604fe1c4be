// Merges the JSON reports of the shards of one run (`run --shard i/n --report ri.json` on n machines)
// into the report of the whole run (issue 14): every count is a sum over disjoint shards, so the
// merged report is the report one run gives, except the timing fields (elapsed: the slowest shard;
// CPU: the sum) and the order of the failures (shard by shard, capped as one run caps them).
// Refuses reports that are not the complete, distinct shards of one command and seed. Phase: report.
import type { JsonReport, ReportRow } from "./json-report.js";

const SHARD = / --shard (\d+)\/(\d+)$/;
const MAX_FAILURES = 20;

/** The command a shard's report records (`… --shard i/n`), split into the run's command and its shard. */
export function shardOf(command: string): { readonly command: string; readonly index: number; readonly count: number } | undefined {
  const m = SHARD.exec(command);
  return m === null ? undefined : { command: command.slice(0, m.index), index: Number(m[1]), count: Number(m[2]) };
}

function addRow(a: ReportRow | undefined, b: ReportRow): ReportRow {
  if (a === undefined) return { ...b };
  return { cases: a.cases + b.cases, Allow: a.Allow + b.Allow, ExplicitDeny: a.ExplicitDeny + b.ExplicitDeny, ImplicitDeny: a.ImplicitDeny + b.ImplicitDeny, errors: a.errors + b.errors, divergences: a.divergences + b.divergences };
}

function addRows<K extends string>(parts: readonly Readonly<Record<K, ReportRow>>[], sortKeys = false): Record<K, ReportRow> {
  const out = new Map<string, ReportRow>();
  for (const p of parts) for (const [k, row] of Object.entries(p) as [string, ReportRow][]) out.set(k, addRow(out.get(k), row));
  const keys = sortKeys ? [...out.keys()].sort() : [...out.keys()];
  return Object.fromEntries(keys.map((k) => [k, out.get(k)!])) as Record<K, ReportRow>;
}

function addCounts(parts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out = new Map<string, number>();
  for (const p of parts) for (const [k, n] of Object.entries(p)) out.set(k, (out.get(k) ?? 0) + n);
  return Object.fromEntries(out);
}

const sum = (reports: readonly JsonReport[], f: (r: JsonReport) => number): number => reports.reduce((n, r) => n + f(r), 0);

/** The report of the whole run, or why `reports` are not the shards of one run. */
export function mergeReports(reports: readonly JsonReport[]): { readonly report: JsonReport } | { readonly error: string } {
  if (reports.length === 0) return { error: "no report to merge" };
  const shards = reports.map((r) => shardOf(r.command));
  if (shards.some((s) => s === undefined)) return { error: "every report must come from `run --shard i/n` (its command ends with `--shard i/n`)" };
  const first = shards[0]!;
  if (shards.some((s) => s!.command !== first.command || s!.count !== first.count) || reports.some((r) => r.seed !== reports[0]!.seed)) {
    return { error: "the reports are shards of different runs (command, seed or shard count differ)" };
  }
  const seen = new Set(shards.map((s) => s!.index));
  if (seen.size !== shards.length) return { error: "a shard appears twice" };
  const missing = Array.from({ length: first.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) return { error: `shard(s) ${missing.map((i) => `${i}/${first.count}`).join(", ")} missing` };
  // Shard order, so the failures come in a stable order whatever order the files are given in.
  const ordered = reports.map((r, k) => ({ r, i: shards[k]!.index })).sort((a, b) => a.i - b.i).map((x) => x.r);

  const cases = sum(ordered, (r) => r.cases);
  const elapsed = Math.max(...ordered.map((r) => r.elapsedSeconds));
  const cpu = Math.round(sum(ordered, (r) => r.cpuSeconds) * 10) / 10;
  const engineCases = (name: string): number => sum(ordered, (r) => r.engines[name]?.cases ?? 0);
  const cedarAvailable = ordered.every((r) => r.engines["cedar"]?.available === true);
  const cedarNote = cedarAvailable
    ? engineCases("cedar") < cases ? "not available on some bundles (see rejected/unavailable counts)" : undefined
    : ordered.map((r) => r.engines["cedar"]?.note).find((n) => n !== undefined);
  const unavailableEngines = [...new Set(ordered.flatMap((r) => Object.keys(r.unavailable)))];
  const lawNames = [...new Set(ordered.flatMap((r) => Object.keys(r.laws)))];

  const report: JsonReport = {
    command: first.command, seed: ordered[0]!.seed, cases,
    divergences: sum(ordered, (r) => r.divergences), lawViolations: sum(ordered, (r) => r.lawViolations),
    bundles: sum(ordered, (r) => r.bundles), rejectedBundles: sum(ordered, (r) => r.rejectedBundles),
    rejectedReasons: addCounts(ordered.map((r) => r.rejectedReasons)),
    elapsedSeconds: elapsed, casesPerSecond: elapsed > 0 ? Math.round(cases / elapsed) : 0,
    cpuSeconds: cpu, casesPerCpuSecond: cpu > 0 ? Math.round(cases / cpu) : 0,
    engines: {
      reference: { available: true, cases: engineCases("reference") },
      graph: { available: true, cases: engineCases("graph") },
      cedar: { available: cedarAvailable, cases: engineCases("cedar"), ...(cedarNote !== undefined ? { note: cedarNote } : {}) },
    },
    unavailable: Object.fromEntries(unavailableEngines.map((e) => [e, addCounts(ordered.map((r) => r.unavailable[e] ?? {}))])),
    decisions: ordered.map((r) => r.decisions).reduce<ReportRow | undefined>((a, b) => addRow(a, b), undefined)!,
    operators: addRows(ordered.map((r) => r.operators)),
    qualifiers: addRows(ordered.map((r) => r.qualifiers)),
    variants: addRows(ordered.map((r) => r.variants), true),
    kmsPaths: addRows(ordered.map((r) => r.kmsPaths)),
    // Reports written before the family table existed have none: they add nothing to it.
    families: addRows(ordered.map((r) => r.families ?? {})),
    // Likewise the layer table (issue 12).
    layers: addRows(ordered.map((r) => r.layers ?? {})) as JsonReport["layers"],
    allowVia: addCounts(ordered.map((r) => r.allowVia)),
    requestErrors: addCounts(ordered.map((r) => r.requestErrors)),
    laws: Object.fromEntries(lawNames.map((n) => [n, {
      checked: sum(ordered, (r) => r.laws[n]?.checked ?? 0), skipped: sum(ordered, (r) => r.laws[n]?.skipped ?? 0), violations: sum(ordered, (r) => r.laws[n]?.violations ?? 0),
    }])),
    failures: ordered.flatMap((r) => r.failures).slice(0, MAX_FAILURES),
  };
  return { report };
}

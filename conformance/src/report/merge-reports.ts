// Merges the JSON reports of the shards of one run (`run --shard i/n --report ri.json` on n machines)
// into the report of the whole run (issue 14): every count is a sum over disjoint shards, so the
// merged report is the report one run gives, except the timing fields (elapsed: the slowest shard;
// CPU: the sum) and the order of the failures (shard by shard, capped as one run caps them).
// Refuses reports that are not the complete, distinct shards of one run (the same options, all but the
// shard's index, as their commands record them). Phase: report.
import { effectiveOptions, parseRecordedCommand, recordedCommand } from "../cli/recorded-command.js";
import type { RecordedCommand } from "../cli/recorded-command.js";
import { engineNote, NOT_SELECTED } from "./json-report.js";
import type { JsonReport, ReportRow } from "./json-report.js";

const MAX_FAILURES = 20;

/** A shard's report read: its command without `--shard`, and its shard. */
interface ShardOf {
  readonly run: RecordedCommand;
  readonly index: number;
  readonly count: number;
}

/** The shard a report's command records (`run … --shard i/n`), or why it records none. */
function shardOf(command: string): ShardOf | { readonly error: string } {
  const read = parseRecordedCommand(command);
  if ("error" in read) return read;
  const m = /^(\d+)\/(\d+)$/.exec(String(read.options["shard"] ?? ""));
  if (read.spec.name !== "run" || m === null) return { error: `its command is \`${command}\`` };
  const { shard, ...options } = read.options;
  void shard;
  return { run: { ...read, options }, index: Number(m[1]), count: Number(m[2]) };
}

const shown = (value: string | true | undefined): string => (value === undefined ? "not given" : value === true ? "given" : `\`${value}\``);

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

/**
 * The report of the whole run, or why `reports` are not the shards of one run: each must record a
 * `run … --shard i/n` command, and the commands must agree on every option that changes what is run
 * (engines, seed, runs, layer share, requests per bundle, …: all but the shard's index). `names` name
 * the reports in messages (their files); by default "report 1", "report 2", …
 */
export function mergeReports(reports: readonly JsonReport[], names?: readonly string[]): { readonly report: JsonReport } | { readonly error: string } {
  if (reports.length === 0) return { error: "no report to merge" };
  const label = (i: number): string => (names?.[i] !== undefined ? `\`${names[i]}\`` : `report ${i + 1}`);
  const read = reports.map((r) => shardOf(r.command));
  const bad = read.findIndex((s) => "error" in s);
  if (bad >= 0) return { error: `every report must come from \`run --shard i/n\`: ${label(bad)} does not (${(read[bad] as { error: string }).error})` };
  const shards = read as ShardOf[];
  const first = shards[0]!;
  const options = effectiveOptions(first.run.spec, first.run.options);
  for (const [i, s] of shards.entries()) {
    const other = effectiveOptions(s.run.spec, s.run.options);
    const differs = Object.keys(options).find((name) => name !== "shard" && options[name] !== other[name]);
    if (differs !== undefined) {
      return { error: `the reports are shards of different runs: \`--${differs}\` is ${shown(options[differs])} in ${label(0)} and ${shown(other[differs])} in ${label(i)}` };
    }
    if (s.count !== first.count) return { error: `the reports are shards of different runs: ${label(0)} is a shard of ${first.count} and ${label(i)} of ${s.count}` };
    if (reports[i]!.seed !== reports[0]!.seed) return { error: `the reports are shards of different runs: the seed is ${reports[0]!.seed} in ${label(0)} and ${reports[i]!.seed} in ${label(i)}` };
  }
  const seen = new Set(shards.map((s) => s.index));
  if (seen.size !== shards.length) return { error: "a shard appears twice" };
  const missing = Array.from({ length: first.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) return { error: `shard(s) ${missing.map((i) => `${i}/${first.count}`).join(", ")} missing` };
  // Shard order, so the failures come in a stable order whatever order the files are given in.
  const ordered = reports.map((r, k) => ({ r, i: shards[k]!.index })).sort((a, b) => a.i - b.i).map((x) => x.r);

  const cases = sum(ordered, (r) => r.cases);
  const elapsed = Math.max(...ordered.map((r) => r.elapsedSeconds));
  const cpu = Math.round(sum(ordered, (r) => r.cpuSeconds) * 10) / 10;
  const engineNames = [...new Set(ordered.flatMap((r) => Object.keys(r.engines)))];
  // Each engine as one run reports it (json-report.ts engineNote): the shards ran with the same engines.
  const engines = Object.fromEntries(engineNames.map((name) => {
    const parts = ordered.map((r) => r.engines[name]);
    const available = parts.every((e) => e?.available === true);
    const engineCases = sum(ordered, (r) => r.engines[name]?.cases ?? 0);
    const note = engineNote(name, {
      selected: !parts.every((e) => e?.note === NOT_SELECTED), available, reason: parts.find((e) => e?.available !== true)?.note, cases: engineCases, runCases: cases,
    });
    return [name, { available, cases: engineCases, ...(note !== undefined ? { note } : {}) }];
  }));
  const unavailableEngines = [...new Set(ordered.flatMap((r) => Object.keys(r.unavailable)))];
  const lawNames = [...new Set(ordered.flatMap((r) => Object.keys(r.laws)))];

  const report: JsonReport = {
    command: recordedCommand(first.run.spec, first.run.positionals, first.run.options), seed: ordered[0]!.seed, cases,
    divergences: sum(ordered, (r) => r.divergences), lawViolations: sum(ordered, (r) => r.lawViolations),
    bundles: sum(ordered, (r) => r.bundles), rejectedBundles: sum(ordered, (r) => r.rejectedBundles),
    rejectedReasons: addCounts(ordered.map((r) => r.rejectedReasons)),
    elapsedSeconds: elapsed, casesPerSecond: elapsed > 0 ? Math.round(cases / elapsed) : 0,
    cpuSeconds: cpu, casesPerCpuSecond: cpu > 0 ? Math.round(cases / cpu) : 0,
    engines,
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

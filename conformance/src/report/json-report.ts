// The machine-readable report of a run (`--report file.json`): seed, cases, divergences, the
// decision mix per base operator, per qualifier × IfExists, per operator variant and per KMS path,
// the laws, and the first failures with their replay commands. Phase: conformance report.
import type { BaseOperator } from "../arbitraries/operators.js";
import { BASE_OPERATOR_NAMES } from "../arbitraries/operators.js";
import { LAW_NAMES } from "../laws/all-laws.js";
import type { LawTally } from "../laws/law-types.js";
import { FAMILIES } from "../run/families.js";
import { LAYER_NAMES } from "../laws/layer-transforms.js";
import type { LayerName } from "../laws/layer-transforms.js";
import { KMS_PATHS } from "../run/kms-path.js";
import type { Failure, RunResult } from "../run/run-conformance.js";
import { newTally } from "../run/statistics.js";
import { DEFAULT_ENGINES } from "../engines/engine-types.js";
import type { EngineName } from "../engines/engine-types.js";
import type { Tally } from "../run/statistics.js";

/** One row of a table: the reference's decision mix and the divergences. */
export interface ReportRow {
  readonly cases: number;
  readonly Allow: number;
  readonly ExplicitDeny: number;
  readonly ImplicitDeny: number;
  readonly errors: number;
  readonly divergences: number;
}

export interface JsonReport {
  /** The command that reproduces the run (every option that changes what is run; cli/recorded-command.ts). */
  readonly command: string;
  /** What the command alone does not say: that the bundle was read from standard input. */
  readonly commandNote?: string;
  readonly seed: number;
  readonly cases: number;
  readonly divergences: number;
  readonly lawViolations: number;
  readonly bundles: number;
  readonly rejectedBundles: number;
  readonly rejectedReasons: Readonly<Record<string, number>>;
  readonly elapsedSeconds: number;
  readonly casesPerSecond: number;
  /** CPU seconds of the run and cases per CPU second (the machine may be shared). */
  readonly cpuSeconds: number;
  readonly casesPerCpuSecond: number;
  readonly engines: Readonly<Record<string, { readonly available: boolean; readonly cases: number; readonly note?: string }>>;
  /** Bundles on which an engine could not run, by engine and reason. */
  readonly unavailable: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly decisions: ReportRow;
  readonly operators: Readonly<Record<BaseOperator, ReportRow>>;
  readonly qualifiers: Readonly<Record<string, ReportRow>>;
  readonly variants: Readonly<Record<string, ReportRow>>;
  readonly kmsPaths: Readonly<Record<string, ReportRow>>;
  /** The generator families of issue 10 (prototype names, shapes, Unicode, RetireGrant, resource `*`, derived keys). */
  readonly families: Readonly<Record<string, ReportRow>>;
  /**
   * The layers of the authorization chain (issue 12), each over the requests whose bundle has that
   * layer (the endpoint: the requests sent through it). A row per layer, always present.
   */
  readonly layers: Readonly<Record<LayerName, ReportRow>>;
  readonly allowVia: Readonly<Record<string, number>>;
  readonly requestErrors: Readonly<Record<string, number>>;
  readonly laws: Readonly<Record<string, LawTally>>;
  readonly failures: readonly {
    readonly law: string; readonly engine: string; readonly message: string; readonly focus: string;
    readonly request: unknown; readonly outcomes: Readonly<Record<string, string>>; readonly replay: string;
    readonly folder?: string;
  }[];
}

const row = (t: Tally | undefined): ReportRow => {
  const x = t ?? newTally();
  return { cases: x.cases, Allow: x.Allow, ExplicitDeny: x.ExplicitDeny, ImplicitDeny: x.ImplicitDeny, errors: x.error, divergences: x.divergences };
};

/** The qualifier rows, in report order. */
export const QUALIFIER_ROWS = ["none plain", "none IfExists", "ForAnyValue plain", "ForAnyValue IfExists", "ForAllValues plain", "ForAllValues IfExists"];

/** How to replay a failure: its folder if it was written, else the seed and path of its run. */
export function replayCommand(result: RunResult, f: Failure, command: string): string {
  if (f.shrunk?.folder !== undefined) return `npx kms-cedar-conformance replay ${f.shrunk.folder}`;
  void command;
  return f.rerun;
}

/** The note of an engine left out of a run (`--engines`, `--engine`): it decided nothing, by choice. */
export const NOT_SELECTED = "not selected";
/** The note of Cedar when it decided fewer cases than the run: some bundles it could not take. */
export const PARTLY_AVAILABLE = "not available on some bundles (see rejected/unavailable counts)";

/** Why `name` decided fewer cases than the run, if it did: not selected, not available (`reason`), or not on every bundle. */
export function engineNote(name: string, e: { readonly selected: boolean; readonly available: boolean; readonly reason?: string | undefined; readonly cases: number; readonly runCases: number }): string | undefined {
  if (!e.selected) return NOT_SELECTED;
  if (!e.available) return e.reason;
  return name === "cedar" && e.cases < e.runCases ? PARTLY_AVAILABLE : undefined;
}

/** What a report says besides the run's result: the engines the run was asked for, a note on its command. */
export interface ReportOptions {
  readonly engines?: readonly EngineName[];
  readonly commandNote?: string;
}

/** Builds the JSON report of a run. */
export function jsonReport(result: RunResult, command = "run", options: ReportOptions = {}): JsonReport {
  const s = result.stats;
  const seconds = result.elapsedMs / 1000;
  const by = <K extends string>(keys: readonly K[], m: Record<string, Tally>): Record<K, ReportRow> =>
    Object.fromEntries(keys.map((k) => [k, row(m[k])])) as Record<K, ReportRow>;
  const otherPaths = Object.keys(s.paths).filter((p) => !(KMS_PATHS as readonly string[]).includes(p));
  const selected: readonly string[] = options.engines ?? DEFAULT_ENGINES;
  const engine = (name: string, available: boolean, reason?: string): JsonReport["engines"][string] => {
    const cases = s.engineCases[name] ?? 0;
    const note = engineNote(name, { selected: selected.includes(name), available, reason, cases, runCases: s.cases });
    return { available, cases, ...(note !== undefined ? { note } : {}) };
  };
  return {
    command, ...(options.commandNote !== undefined ? { commandNote: options.commandNote } : {}),
    seed: result.seed, cases: s.cases, divergences: s.divergences, lawViolations: result.violationCount,
    bundles: s.bundles, rejectedBundles: s.rejectedBundles, rejectedReasons: s.rejectedReasons,
    elapsedSeconds: Math.round(seconds * 10) / 10, casesPerSecond: seconds > 0 ? Math.round(s.cases / seconds) : 0,
    cpuSeconds: Math.round(result.cpuMs / 100) / 10, casesPerCpuSecond: result.cpuMs > 0 ? Math.round(s.cases / (result.cpuMs / 1000)) : 0,
    engines: {
      reference: engine("reference", true),
      graph: engine("graph", true),
      cedar: engine("cedar", result.cedar.available, "reason" in result.cedar ? result.cedar.reason : undefined),
      // The AVP profile decided locally, listed when a run asked for it (`--engine avp-local`).
      ...(selected.includes("avp-local") || s.engineCases["avp-local"] !== undefined ? { "avp-local": engine("avp-local", true) } : {}),
    },
    unavailable: s.unavailable,
    decisions: row(s.decisions),
    operators: by(BASE_OPERATOR_NAMES, s.operators),
    qualifiers: by(QUALIFIER_ROWS, s.qualifiers),
    variants: Object.fromEntries(Object.keys(s.variants).sort().map((k) => [k, row(s.variants[k])])),
    kmsPaths: by([...KMS_PATHS, ...otherPaths], s.paths),
    families: by(FAMILIES, s.families ?? {}),
    layers: by(LAYER_NAMES, s.layers ?? {}),
    allowVia: s.allowVia,
    requestErrors: s.errors,
    laws: Object.fromEntries(LAW_NAMES.map((n) => [n, result.laws[n] ?? { checked: 0, skipped: 0, violations: 0 }])),
    failures: result.failures.slice(0, 20).map((f) => ({
      law: f.law, engine: f.engine, message: f.message, focus: f.focus, request: f.request, outcomes: f.outcomes,
      replay: replayCommand(result, f, command), ...(f.shrunk?.folder ? { folder: f.shrunk.folder } : {}),
    })),
  };
}

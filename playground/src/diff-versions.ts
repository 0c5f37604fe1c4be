// The playground's diff of two versions (issue 13): both texts checked and compiled as the page does,
// `diffGraphs` of @kms-cedar/analysis over the two graphs (the function `kms-cedar diff` runs), and each
// class's witness decided again by every engine the page has, in OLD and in NEW. A refusal of the
// analysis (KA code) or a witness an engine decides otherwise (KA0012, as the CLI) is shown as such,
// never as a finding. Plain data out: the worker runs it, the page renders it (diff-view.ts).
import { ANALYSIS_REGISTRY, AnalysisCode, AnalysisRefusal, diffGraphs, isNewAccess, outcomeOf, refuseUnmodelledMembers } from "@kms-cedar/analysis/diff";
import type { AnalysisCodeValue, ChangeClass, Outcome } from "@kms-cedar/analysis/diff";
import type { Request } from "@kms-cedar/runtime";
import { addCedar, analyzeInput, type Analysis, type AnalyzeOptions, type PlacedDiagnostic } from "./analyze-input.js";
import type { CedarEngineFactory } from "./cedar-engine.js";
import { decideAll, prepareEngines, type EngineName } from "./decide-engines.js";

/** More classes than this are counted but not listed (each listed one costs six engine decisions). */
export const MAX_LISTED_CLASSES = 200;

export interface DiffMessage extends Omit<AnalyzeOptions, "cedar"> {
  readonly oldText: string;
  readonly newText: string;
}

/** One side's compile result as the editors show it. */
export interface SideView {
  readonly diagnostics: readonly PlacedDiagnostic[];
  readonly errors: number;
  readonly attachError?: string;
}

/** One engine's outcomes for a witness, in OLD and NEW (`unavailable` instead when it cannot decide). */
export interface WitnessCheck {
  readonly engine: EngineName;
  readonly old?: Outcome;
  readonly new?: Outcome;
  readonly unavailable?: string;
}

export interface ClassView {
  readonly from: Outcome;
  readonly to: Outcome;
  readonly newAccess: boolean;
  readonly principals: readonly string[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Alternatives (OR), each a conjunction of key conditions (the analysis's words). */
  readonly condition: readonly string[];
  readonly regions: number;
  /** The witness request as the request box takes it. */
  readonly witness: string;
  readonly checks: readonly WitnessCheck[];
}

export interface Refusal {
  readonly code: AnalysisCodeValue;
  readonly message: string;
  /** The registry's one-line meaning of the code. */
  readonly meaning: string;
}

export type DiffView = {
  readonly old: SideView;
  readonly new: SideView;
  readonly ms: number;
} & (
  | { readonly status: "not-compiled"; readonly reason: string }
  | { readonly status: "refused"; readonly refusal: Refusal }
  | {
    readonly status: "diffed";
    readonly equivalent: boolean;
    readonly regions: number;
    readonly changedRegions: number;
    /** Every class, of which the first `MAX_LISTED_CLASSES` are in `classes`. */
    readonly totalClasses: number;
    readonly classes: readonly ClassView[];
    /** Set when an engine could not confirm the witnesses (Cedar missing in this build, …). */
    readonly unverified?: string;
  }
);

/** Diffs OLD and NEW; `cedar` prepares the Cedar engine (absent: witnesses are confirmed without Cedar, and the view says so). */
export function diffVersions(message: DiffMessage, cedar?: CedarEngineFactory): DiffView {
  const started = performance.now();
  const { oldText, newText, ...options } = message;
  const before = analyzeInput(oldText, { ...options, cedar: false });
  const after = analyzeInput(newText, { ...options, cedar: false });
  const sides = { old: sideOf(before), new: sideOf(after) };
  const elapsed = (): number => Math.round(performance.now() - started);
  const broken = [["OLD", before], ["NEW", after]].filter(([, a]) => (a as Analysis).graph === undefined || (a as Analysis).bundle === undefined).map(([n]) => n);
  if (broken.length > 0) return { ...sides, ms: elapsed(), status: "not-compiled", reason: `fix the errors in ${broken.join(" and ")} first: nothing is compiled` };
  try {
    refuseUnmodelledMembers(before.bundle!);
    refuseUnmodelledMembers(after.bundle!);
    const diff = diffGraphs(before.graph!, after.graph!);
    const listed = diff.classes.slice(0, MAX_LISTED_CLASSES);
    const confirm = confirmer(before, after, options.pureCedar === true, cedar);
    const classes = listed.map((c) => classView(c, confirm.check(c.witness)));
    for (const c of classes) refuseDisagreement(c);
    return {
      ...sides, ms: elapsed(), status: "diffed", equivalent: diff.equivalent, regions: diff.regions, changedRegions: diff.changedRegions,
      totalClasses: diff.classes.length, classes, ...(confirm.unverified !== undefined ? { unverified: confirm.unverified } : {}),
    };
  } catch (failure) {
    if (!(failure instanceof AnalysisRefusal)) throw failure;
    const message = failure.message.startsWith(`${failure.code}: `) ? failure.message.slice(failure.code.length + 2) : failure.message;
    return { ...sides, ms: elapsed(), status: "refused", refusal: { code: failure.code, message, meaning: ANALYSIS_REGISTRY.get(failure.code) ?? "" } };
  }
}

function sideOf(analysis: Analysis): SideView {
  return {
    diagnostics: analysis.diagnostics.slice(0, 500),
    errors: analysis.errors,
    ...(analysis.attachError !== undefined ? { attachError: analysis.attachError } : {}),
  };
}

/**
 * The page's engines for both versions. Cedar is emitted only when there is a witness to confirm (it
 * is the slow step); without a Cedar engine the checks say why and `unverified` tells the page.
 */
function confirmer(before: Analysis, after: Analysis, pureCedar: boolean, cedar: CedarEngineFactory | undefined) {
  let engines: { old: ReturnType<typeof prepareEngines>; new: ReturnType<typeof prepareEngines> } | undefined;
  const ready = () => (engines ??= {
    old: prepareEngines(addCedar(before, pureCedar), cedar),
    new: prepareEngines(addCedar(after, pureCedar), cedar),
  });
  const result = {
    unverified: undefined as string | undefined,
    check(witness: Request): WitnessCheck[] {
      const { old, new: next } = ready();
      const a = decideAll(old, witness);
      const b = decideAll(next, witness);
      return a.map((x, i) => {
        const y = b[i]!;
        if (x.result === undefined || y.result === undefined) {
          const unavailable = x.unavailable ?? y.unavailable ?? "not available";
          result.unverified ??= `${x.engine}: ${unavailable}`;
          return { engine: x.engine, unavailable };
        }
        return { engine: x.engine, old: outcomeOf(x.result), new: outcomeOf(y.result) };
      });
    },
  };
  return result;
}

function classView(c: ChangeClass, checks: readonly WitnessCheck[]): ClassView {
  return {
    from: c.from, to: c.to, newAccess: isNewAccess(c),
    principals: c.principals, actions: c.actions, resources: c.resources, condition: c.condition, regions: c.regions,
    witness: JSON.stringify(c.witness, null, 2), checks,
  };
}

/** As `kms-cedar diff`: a witness an engine decides otherwise than the analysis says is a bug somewhere, refused (KA0012). */
function refuseDisagreement(c: ClassView): void {
  for (const check of c.checks) {
    if (check.unavailable !== undefined) continue;
    if (check.old !== c.from || check.new !== c.to) {
      throw new AnalysisRefusal(AnalysisCode.engines, `${check.engine} decides ${check.old} in OLD and ${check.new} in NEW where the analysis says ${c.from} → ${c.to}: ${c.witness.replace(/\s+/g, " ")}`);
    }
  }
}

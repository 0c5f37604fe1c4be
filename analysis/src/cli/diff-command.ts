// `kms-cedar diff OLD NEW`: the requests whose decision changes, as readable classes with a witness
// each, confirmed by the three engines. Exit 0 equivalent, 1 changed (with --no-new-access: only a
// change to Allow counts), 2 usage errors and refusals.
import { directoryUri, printableLine, sarifArtifact, SRCROOT } from "@kms-cedar/compiler/cli-front-door";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import type { ChangeClass } from "../describe-classes.js";
import { diffGraphs } from "../diff-graphs.js";
import { isNewAccess } from "../outcome.js";
import { verifyWitness } from "../verify-witness.js";
import { EXIT_FOUND, EXIT_OK } from "./cli-types.js";
import { loadArgument } from "./load-argument.js";
import type { AnalysisIo } from "./cli-types.js";

export { isNewAccess };

export interface DiffOptions {
  readonly format: "text" | "json" | "sarif";
  readonly noNewAccess: boolean;
  /** The command line's options (`--kind`, `--key`, `--principal` attach a single policy file). */
  readonly values: OptionValues;
  readonly maxRegions?: number;
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, io: AnalysisIo): Promise<number> {
  const before = await loadArgument("diff", oldFile, options.values, io);
  if ("exit" in before) return before.exit;
  const after = await loadArgument("diff", newFile, options.values, io);
  if ("exit" in after) return after.exit;
  const diff = diffGraphs(before.graph, after.graph, options.maxRegions !== undefined ? { bound: options.maxRegions } : {});
  for (const c of diff.classes) {
    verifyWitness(before, c.witness, c.from);
    verifyWitness(after, c.witness, c.to);
  }
  const counted = options.noNewAccess ? diff.classes.filter(isNewAccess) : diff.classes;
  const exit = counted.length === 0 ? EXIT_OK : EXIT_FOUND;
  if (options.format === "json") {
    io.out(JSON.stringify({
      equivalent: diff.equivalent,
      changes: diff.classes.map((c) => ({ from: c.from, to: c.to, witness: c.witness, class: classJson(c) })),
      regions: diff.regions,
      changedRegions: diff.changedRegions,
    }, null, 2) + "\n");
  } else if (options.format === "sarif") {
    io.out(JSON.stringify(diffSarif(diff.classes, after.name, io.cwd), null, 2) + "\n");
  } else {
    io.out(renderDiffText(before.name, after.name, diff.classes, diff.regions, diff.changedRegions, diff.triples));
  }
  return exit;
}

export function classJson(c: ChangeClass): object {
  return { principals: c.principals, actions: c.actions, resources: c.resources, condition: c.condition, regions: c.regions };
}

const list = (items: readonly string[], max = 4): string =>
  items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} … (${items.length} in all)`;

/**
 * The text report: a function of the inputs alone (no timing), so it is byte-identical across runs. Each line
 * is made safe for a terminal (printableLine: file names, ARNs and condition values come from the inputs).
 */
export function renderDiffText(oldFile: string, newFile: string, classes: readonly ChangeClass[], regions: number, changed: number, triples?: number): string {
  const lines: string[] = [];
  // A localized diff decides only the triples a changed statement may apply to (changed-triples.ts): say so.
  const where = triples === undefined ? "" : ` in the ${triples.toLocaleString("en-US")} (action, resource, caller) triple${triples === 1 ? "" : "s"} a changed statement may apply to`;
  if (classes.length === 0) {
    lines.push(`${oldFile} and ${newFile} are equivalent: no request changes decision (${regions.toLocaleString("en-US")} request classes decided${where}).`);
    return lines.map(printableLine).join("\n") + "\n";
  }
  lines.push(`${classes.length} change${classes.length === 1 ? "" : "s"} from ${oldFile} to ${newFile} (${changed.toLocaleString("en-US")} of ${regions.toLocaleString("en-US")} request classes):`);
  for (const c of classes) {
    lines.push("", `  ${c.from} → ${c.to}${isNewAccess(c) ? "   (new access)" : ""}`);
    lines.push(`    principals: ${list(c.principals)}`);
    lines.push(`    actions:    ${list(c.actions, 8)}`);
    lines.push(`    resources:  ${list(c.resources, 3)}`);
    c.condition.forEach((alt, i) => lines.push(`    ${i === 0 ? "when:      " : "or:        "} ${alt}`));
    lines.push(`    witness:    ${JSON.stringify(c.witness)}`);
  }
  return lines.map(printableLine).join("\n") + "\n";
}

const RULES = [
  { id: "new-access", level: "error", text: "a request that was denied is allowed" },
  { id: "lost-access", level: "warning", text: "a request that was allowed is denied" },
  { id: "decision-kind", level: "note", text: "a request changes between explicit deny, implicit deny and a request error" },
] as const;

/** SARIF 2.1.0, locations as `check --format sarif` gives them: NEW as given, relative to `%SRCROOT%` (the working directory). */
function diffSarif(classes: readonly ChangeClass[], newFile: string, cwd: string): object {
  const ruleOf = (c: ChangeClass): number => (isNewAccess(c) ? 0 : c.from === "Allow" ? 1 : 2);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "kms-cedar diff", rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })) } },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
      results: classes.map((c) => ({
        ruleId: RULES[ruleOf(c)]!.id,
        ruleIndex: ruleOf(c),
        level: RULES[ruleOf(c)]!.level,
        message: { text: `${c.from} → ${c.to} for ${list(c.principals, 2)} on ${list(c.actions, 3)} when ${c.condition.join(" or ")}; witness ${JSON.stringify(c.witness)}` },
        locations: [{ physicalLocation: { artifactLocation: sarifArtifact(newFile) } }],
        properties: { from: c.from, to: c.to, witness: c.witness, class: classJson(c) },
      })),
    }],
  };
}

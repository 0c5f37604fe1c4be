// Writes a failing case as a replayable case folder: bundle.json, requests.json, case.json (law,
// engine, seed, the laws' extras, each engine's outcomes) and a README line with the replay
// command. Phase: conformance counterexamples. Folders go under conformance/counterexamples/ (gitignored).
import { makeDirectory } from "@kms-cedar/compiler";
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { LawExtras } from "../arbitraries/case-arbitrary.js";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";

export interface CounterexampleFile {
  readonly law: string;
  readonly engine: string;
  readonly message: string;
  /** The command that regenerates the unshrunk case (`run --seed S … --path P`). */
  readonly rerun?: string;
  readonly focus?: string;
  readonly extras: LawExtras;
  /** Each engine's outcome per request (for the reader; replay recomputes them). */
  readonly outcomes: readonly Readonly<Record<string, string>>[];
  /** The rewritten bundle a metamorphic law compared against. */
  readonly transformed?: PlainBundleShape;
}

/** Writes the folder and returns its path. */
export function writeCounterexample(
  dir: string, name: string, bundle: PlainBundleShape, requests: readonly unknown[], meta: CounterexampleFile,
): string {
  const folder = join(dir, name);
  makeDirectory(folder); // not mkdirSync(…, { recursive: true }), which never returns on Node 20 for some paths
  const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;
  writeFileSync(join(folder, "bundle.json"), json(bundle));
  writeFileSync(join(folder, "requests.json"), json(requests));
  writeFileSync(join(folder, "case.json"), json(meta));
  const shown = relative(process.cwd(), folder) || folder;
  const lines = [
    `# ${meta.law} (${meta.engine})`,
    "",
    `${meta.message}`,
    "",
    `Replay: \`npx kms-cedar-conformance replay ${shown}\``,
    "",
    `Engines side by side: \`npx kms-cedar eval ${join(shown, "bundle.json")} --requests ${join(shown, "requests.json")} --engine all\``,
  ];
  if (meta.rerun !== undefined) lines.push("", `Unshrunk case: \`${meta.rerun}\``);
  writeFileSync(join(folder, "README.md"), `${lines.join("\n")}\n`);
  return folder;
}

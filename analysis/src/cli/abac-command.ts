// `kms-cedar abac BUNDLE`: who can change whose access by tagging keys or moving aliases.
import { abacDot, abacPaths } from "../abac.js";
import type { Attach } from "../analysis-input.js";
import { loadInput } from "../analysis-input.js";
import { EXIT_OK } from "./cli-types.js";
import type { AnalysisIo } from "./cli-types.js";

export function runAbac(file: string, options: { format: "text" | "json" | "dot"; attach: Attach; maxRegions?: number }, io: AnalysisIo): number {
  const input = loadInput(file, options.attach, io.cwd, io.readStdin);
  const paths = abacPaths(input.graph, options.maxRegions !== undefined ? { bound: options.maxRegions } : {});
  if (options.format === "json") io.out(JSON.stringify({ paths }, null, 2) + "\n");
  else if (options.format === "dot") io.out(abacDot(paths));
  else if (paths.length === 0) io.out("no ABAC path: no caller can change another caller's access by tagging or aliasing a key\n");
  else {
    for (const p of paths) {
      io.out(`${p.actor} can ${p.change} on ${p.key}\n`);
      for (const g of p.grants ?? []) io.out(`  grants  ${g.principal}: ${g.actions.join(", ")}\n`);
      for (const r of p.revokes ?? []) io.out(`  revokes ${r.principal}: ${r.actions.join(", ")}\n`);
    }
  }
  return EXIT_OK;
}

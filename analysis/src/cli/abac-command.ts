// `kms-cedar abac BUNDLE`: who can change whose access by tagging keys or moving aliases.
import { abacDot, abacPaths } from "../abac.js";
import { printableLine } from "@kms-cedar/compiler/cli-front-door";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import { EXIT_OK } from "./cli-types.js";
import type { AnalysisIo } from "./cli-types.js";
import { loadArgument } from "./load-argument.js";

export async function runAbac(file: string, options: { format: "text" | "json" | "dot"; values: OptionValues; maxRegions?: number }, io: AnalysisIo): Promise<number> {
  const input = await loadArgument("abac", file, options.values, io);
  if ("exit" in input) return input.exit;
  const paths = abacPaths(input.graph, options.maxRegions !== undefined ? { bound: options.maxRegions } : {});
  if (options.format === "json") io.out(JSON.stringify({ paths }, null, 2) + "\n");
  else if (options.format === "dot") io.out(abacDot(paths));
  else if (paths.length === 0) io.out("no ABAC path: no caller can change another caller's access by tagging or aliasing a key\n");
  else {
    // ARNs come from the bundle: each line made safe for a terminal.
    const line = (text: string): void => io.out(`${printableLine(text)}\n`);
    for (const p of paths) {
      line(`${p.actor} can ${p.change} on ${p.key}`);
      for (const g of p.grants ?? []) line(`  grants  ${g.principal}: ${g.actions.join(", ")}`);
      for (const r of p.revokes ?? []) line(`  revokes ${r.principal}: ${r.actions.join(", ")}`);
    }
  }
  return EXIT_OK;
}

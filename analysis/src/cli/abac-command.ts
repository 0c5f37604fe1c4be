// placeholder, replaced below
import type { Attach } from "../analysis-input.js";
import type { AnalysisIo } from "./cli-types.js";
export function runAbac(_file: string, _options: { format: "text" | "json" | "dot"; attach: Attach; maxRegions?: number }, io: AnalysisIo): number {
  io.err("kms-cedar abac: not implemented yet\n");
  return 2;
}

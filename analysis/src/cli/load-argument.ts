// A bundle (or single policy file) argument of an analysis command, loaded and checked as `eval` and
// `compile` do (the compiler CLI's prepareBundle): files named as given (`<stdin>` for `-`), every
// policy error printed with its code and file:line:column (exit 1), `--key`/`--principal` validated
// (exit 2). Then compiled for the three engines (analysis-input.ts).
import { createTextStyle, prepareBundle, shouldUseColor } from "@kms-cedar/compiler/cli-front-door";
import type { CliIo } from "@kms-cedar/compiler/cli-front-door";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import { prepareInput } from "../analysis-input.js";
import type { AnalysisInput } from "../analysis-input.js";
import { refuseUnmodelledMembers } from "../unmodelled-members.js";
import type { AnalysisIo } from "./cli-types.js";

/** The kms-cedar CLI's io for `io` (standard input may be missing in a library caller; no color unless told). */
export function cliIoOf(io: AnalysisIo): CliIo {
  return {
    cwd: io.cwd, out: io.out, err: io.err, env: io.env ?? {}, stdoutIsTty: io.stdoutIsTty ?? false,
    readStdin: io.readStdin ?? (() => ({ error: "not available here" })),
  };
}

/** The analysis input of `file`, or the exit status the command stops with (its diagnostics printed). */
export async function loadArgument(command: "diff" | "prove" | "abac", file: string, options: OptionValues, io: AnalysisIo): Promise<AnalysisInput | { readonly exit: number }> {
  const cli = cliIoOf(io);
  // Diagnostics go to standard output as `check` prints them: text for the text format, else JSON (never inside SARIF or DOT).
  const format = options["format"] === undefined || options["format"] === "text" ? "text" : "json";
  const prepared = await prepareBundle(command, file, { ...options, format }, cli, createTextStyle(shouldUseColor(cli.stdoutIsTty, cli.env)));
  if (!prepared.ok) return { exit: prepared.exit };
  refuseUnmodelledMembers(prepared.bundle);
  return prepareInput(prepared.loaded.file, prepared.bundle);
}

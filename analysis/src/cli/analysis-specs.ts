// What each analysis command accepts: its options and their values. One table, read by the compiler's
// argument parser (an option-like value, an unknown option, a value not among the choices or an option
// given twice is a usage error) and by `kms-cedar completion`, which generates its scripts from it.
import type { OptionSpec } from "@kms-cedar/compiler/cli-arguments";

/** One analysis command as the parser and the completion script see it. */
export interface AnalysisCommandSpec {
  readonly name: "diff" | "prove" | "abac";
  readonly summary: string;
  readonly positional: { readonly name: string; readonly min: number; readonly max: number };
  readonly options: Readonly<Record<string, OptionSpec>>;
}

const format = (choices: readonly string[]): OptionSpec => ({ type: "string", choices, valueName: choices.join("|"), description: "output format" });
const COMMON: Readonly<Record<string, OptionSpec>> = {
  kind: { type: "string", choices: ["identity", "key"], valueName: "identity|key", description: "kind of a single policy file" },
  key: { type: "string", valueName: "ARN", description: "the key a single key policy file is attached to" },
  principal: { type: "string", valueName: "ARN", description: "the principal a single identity policy file is attached to" },
  "max-regions": { type: "string", valueName: "N", description: "refuse (KA0006) beyond N request classes" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

/** diff, prove and abac, in the order help lists them. */
export const ANALYSIS_SPECS: readonly AnalysisCommandSpec[] = [
  {
    name: "diff",
    summary: "which requests change decision between two bundles, with witnesses (exact)",
    positional: { name: "OLD NEW", min: 0, max: Number.POSITIVE_INFINITY },
    options: {
      format: format(["text", "json", "sarif"]),
      "no-new-access": { type: "boolean", description: "exit 1 only when some request goes from a deny (or error) to Allow" },
      ...COMMON,
    },
  },
  {
    name: "prove",
    summary: "prove \"no request matching P is allowed\", or print a counterexample",
    positional: { name: "BUNDLE", min: 0, max: Number.POSITIVE_INFINITY },
    options: { assert: { type: "string", valueName: "FILE", description: "the assertions" }, format: format(["text", "json"]), ...COMMON },
  },
  {
    name: "abac",
    summary: "who can change whose access by tagging keys or moving aliases",
    positional: { name: "BUNDLE", min: 0, max: Number.POSITIVE_INFINITY },
    options: { format: format(["text", "json", "dot"]), ...COMMON },
  },
];

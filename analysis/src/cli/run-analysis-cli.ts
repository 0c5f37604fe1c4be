// The analysis commands of the kms-cedar CLI (`diff`, `prove`, `abac`): argument parsing, help,
// and the exit statuses (0 nothing found, 1 found or policy errors, 2 usage or I/O errors and refusals). The kms-cedar CLI
// hands these command lines over through a dynamic import, so the compiler does not depend on us.
import { parseArguments } from "@kms-cedar/compiler/cli-arguments";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import { AnalysisInputError, AnalysisRefusal } from "../diagnostics.js";
import { EXIT_USAGE } from "./cli-types.js";
import type { AnalysisIo } from "./cli-types.js";
import { runDiff } from "./diff-command.js";
import { ANALYSIS_SPECS } from "./analysis-specs.js";

export const ANALYSIS_COMMANDS: readonly string[] = ANALYSIS_SPECS.map((c) => c.name);

export const ANALYSIS_HELP: Readonly<Record<string, string>> = {
  diff: `Usage: kms-cedar diff OLD NEW [options]

Every request whose decision changes between OLD and NEW (bundles or single policy files; \`-\` reads one
from standard input), decided exactly over the finite space of request classes the two graphs can tell
apart, grouped into classes (principals, actions, keys, condition region), each with one witness
request that the reference evaluator, the graph and Cedar all decide as reported.

Options:
  --format <text|json|sarif>  output for people (default), JSON { equivalent, changes: [{ from, to, witness, class }] }, or SARIF 2.1.0
  --no-new-access             exit 1 only when some request goes from a deny (or error) to Allow
  --kind <identity|key>       kind of a single policy file (default: key if a statement has Principal)
  --key ARN / --principal ARN attach single policy files to this key / principal
  --max-regions N             refuse (KA0006) beyond N request classes (default 3,000,000)
  -h, --help                  show this help

Files are read and checked as \`kms-cedar check\` reads them: policy errors are printed with their codes and
file:line:column (exit 1), as \`eval\` does.

Exit: 0 no request changes decision, 1 some does (or policy errors), 2 usage or I/O error or refusal (KA code: the analysis cannot decide exactly).
`,
  prove: `Usage: kms-cedar prove BUNDLE --assert FILE [options]

Proves assertions "no request matching P is allowed" over the whole request space, or prints a
counterexample request (confirmed by the three engines). FILE is JSON:
  { "assertions": [ { "name": "...", "principals": ["ARN" | "*"], "notInAccounts": ["111122223333"],
                      "actions": ["kms:Decrypt", "kms:*"], "keys": ["ARN" | "*"] } ] }
(principals and notInAccounts restrict the caller, both optional; a service principal counts as
outside every account; keys defaults to "*"). Actions are matched as in an Action element (\`*\`, \`?\`,
any case). An assertion that names nothing is an error at its place in FILE, never proved: an action
matching no KMS action (KA0015), a key that is not one of BUNDLE's keys (KA0016), fields that together
match no request (KA0017). Principals and accounts BUNDLE does not name are callers like any other.

Options:
  --assert FILE               the assertions (required; \`-\`: standard input, if BUNDLE is not \`-\` too)
  --format <text|json>        output for people (default) or JSON { proved, assertions: [{ name, proved, counterexample? }] }
  --kind, --key, --principal  how to attach a single policy file
  --max-regions N             refuse (KA0006) beyond N request classes (default 3,000,000)
  -h, --help                  show this help

Exit: 0 every assertion proved, 1 some has a counterexample (or BUNDLE has policy errors, printed as \`check\`
prints them), 2 usage or I/O error, a mistake in FILE or refusal.
`,
  abac: `Usage: kms-cedar abac BUNDLE [options]

For each principal (in BUNDLE, or standard input for \`-\`) that may tag, untag, create, update or delete aliases (kms:TagResource,
kms:UntagResource, kms:CreateAlias, kms:UpdateAlias, kms:DeleteAlias), which keys' access it can
change through aws:ResourceTag / kms:ResourceAliases conditions, and for whom.

Options:
  --format <text|json|dot>    output for people (default), JSON { paths: [{ actor, change, key, grants | revokes }] }, or Graphviz DOT
  --kind, --key, --principal  how to attach a single policy file
  --max-regions N             refuse (KA0006) beyond N request classes (default 3,000,000)
  -h, --help                  show this help

Exit: 0 (also when paths exist), 1 policy errors (printed as \`check\` prints them), 2 usage or I/O error or refusal.
`,
};

/** Runs `kms-cedar diff|prove|abac …` (argv starts with the command name). */
export async function runAnalysisCli(argv: readonly string[], io: AnalysisIo): Promise<number> {
  const command = argv[0] ?? "";
  const usage = (message: string): number => {
    io.err(`kms-cedar ${command}: ${message}\nRun \`kms-cedar ${command} --help\` for usage.\n`);
    return EXIT_USAGE;
  };
  const spec = ANALYSIS_SPECS.find((c) => c.name === command);
  if (spec === undefined) return usage(`unknown analysis command \`${command}\``);
  const parsed = parseArguments(spec, argv.slice(1));
  if (parsed.kind === "help") {
    io.out(ANALYSIS_HELP[command] ?? "");
    return 0;
  }
  if (parsed.kind === "usage-error") return usage(parsed.message);
  const values = parsed.options;
  const maxText = values["max-regions"];
  const maxRegions = typeof maxText === "string" ? Number(maxText) : undefined;
  if (maxRegions !== undefined && !(Number.isSafeInteger(maxRegions) && maxRegions > 0)) return usage("`--max-regions` must be a positive integer");
  // The parser checked `--format` against the command's choices (analysis-specs.ts).
  const format = typeof values["format"] === "string" ? values["format"] : "text";
  const positionals = parsed.positionals;
  if ([...positionals, values["assert"]].filter((f) => f === "-").length > 1) return usage("standard input (`-`) can be read once");
  try {
    if (command === "diff") {
      if (positionals.length !== 2) return usage("expects two files: OLD NEW");
      return await runDiff(positionals[0]!, positionals[1]!, {
        format: format as "text" | "json" | "sarif", noNewAccess: values["no-new-access"] === true, values,
        ...(maxRegions !== undefined ? { maxRegions } : {}),
      }, io);
    }
    if (command === "prove") {
      if (positionals.length !== 1) return usage("expects one bundle");
      if (typeof values["assert"] !== "string") return usage("`--assert FILE` is required");
      const { runProve } = await import("./prove-command.js");
      return await runProve(positionals[0]!, values["assert"], { format: format as "text" | "json", values, ...(maxRegions !== undefined ? { maxRegions } : {}) }, io);
    }
    if (command === "abac") {
      if (positionals.length !== 1) return usage("expects one bundle");
      const { runAbac } = await import("./abac-command.js");
      return await runAbac(positionals[0]!, { format: format as "text" | "json" | "dot", values, ...(maxRegions !== undefined ? { maxRegions } : {}) }, io);
    }
    return usage(`unknown analysis command \`${command}\``);
  } catch (e) {
    if (e instanceof AnalysisInputError) {
      io.err(`kms-cedar ${command}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof AnalysisRefusal) {
      io.err(`kms-cedar ${command}: cannot decide exactly: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

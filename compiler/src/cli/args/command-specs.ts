// What each `kms-cedar` command accepts: options, their values, positionals. The argument parser
// and the help text are both driven by this table, so they cannot disagree.
import { layersRefusedBy } from "../../bundle/refuse-layers.js";
import type { OptionSpec } from "./parse-arguments.js";

export type { OptionSpec } from "./parse-arguments.js";

/** One command: name, one-line summary, usage line, options, how many positionals. */
export interface CommandSpec {
  readonly name: "check" | "compile" | "eval" | "test" | "authorize";
  readonly summary: string;
  readonly usage: string;
  readonly positional: { readonly name: string; readonly min: number; readonly max: number };
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Extra paragraphs for `--help`. */
  readonly details: readonly string[];
}

const help: OptionSpec = { type: "boolean", short: "h", description: "show this help" };
const format: OptionSpec = {
  type: "string", choices: ["text", "json"], valueName: "text|json",
  description: "output for people (code frames, default) or one JSON document for machines",
};
const checkFormat: OptionSpec = {
  type: "string", choices: ["text", "json", "sarif"], valueName: "text|json|sarif",
  description: "output for people (default), one JSON document, or a SARIF 2.1.0 log for CI code scanning",
};
const kind: OptionSpec = {
  type: "string", choices: ["identity", "key"], valueName: "identity|key",
  description: "kind of a single policy file (default: key if a statement has Principal/NotPrincipal, else identity)",
};
const maxBytes: OptionSpec = {
  type: "string", valueName: "N",
  description: "largest policy document accepted, in bytes of UTF-8 (default: 32768 for a key policy, 131072 for an identity policy)",
};
const key: OptionSpec = {
  type: "string", valueName: "ARN",
  description: "attach a single key policy file to this key (implies --kind key)",
};
const principal: OptionSpec = {
  type: "string", valueName: "ARN",
  description: "attach a single identity policy file to this principal (implies --kind identity)",
};

const maxWarnings: OptionSpec = {
  type: "string", valueName: "N", description: "exit 1 when there are more than N warnings (for CI)",
};
const watch: OptionSpec = { type: "boolean", description: "run again whenever an input file changes (debounced), until interrupted" };
const explain: OptionSpec = {
  type: "boolean",
  description: "explain each decision: the statements that contributed, or for a deny the closest Allow statements and the first test each failed",
};
const warningsAsErrors: OptionSpec = { type: "boolean", description: "exit 1 on any warning (the same as --max-warnings 0)" };

/** The commands, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "check",
    summary: "report every error in policies and bundles, with file:line:col",
    usage: "kms-cedar check <files or directories…> [--kind identity|key] [--format text|json|sarif] [--max-bytes N] [--max-warnings N]",
    positional: { name: "files", min: 1, max: Infinity },
    options: { kind, format: checkFormat, "max-bytes": maxBytes, "max-warnings": maxWarnings, "warnings-as-errors": warningsAsErrors, watch, help },
    details: [
      "Each file is a single policy or a bundle (a JSON object with `keys` and/or `principals`); `-` reads one from standard input.",
      "The policies of a bundle are checked with their kind: `keys` hold key policies, `principals` identity policies.",
      "A directory is searched recursively for `.json` files, checked in sorted order (symbolic links to directories are not followed).",
      "`--format sarif` writes SARIF 2.1.0 (rules from the diagnostic registry, regions from the spans), for code scanning.",
      "Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings allows), 2 usage or I/O error.",
    ],
  },
  {
    name: "compile",
    summary: "compile a bundle to a decision graph and Cedar",
    usage: "kms-cedar compile <bundle> -o <dir> [--format text|json] [--pure-cedar] [--target cedar|avp|graph]",
    positional: { name: "bundle", min: 1, max: 1 },
    options: {
      out: { type: "string", short: "o", valueName: "dir", description: "directory to write the output to (required)" },
      format,
      "pure-cedar": { type: "boolean", description: "refuse derived attributes: Cedar any engine can run without our encoder" },
      target: {
        type: "string", choices: ["cedar", "avp", "graph"], valueName: "cedar|avp|graph",
        description: "`avp` also writes <dir>/avp/: an Amazon Verified Permissions policy store (docs/deployment.md); `graph` writes the graph files only (a bundle with layers Cedar does not decide yet, KC2960)",
      },
            kind, key, principal, "max-bytes": maxBytes, "max-warnings": maxWarnings, "warnings-as-errors": warningsAsErrors, watch, help,
    },
    details: [
      "<bundle> is a bundle file, or a single policy file attached with --kind/--key/--principal; `-` reads it from",
      "standard input (a bundle read so names its policy files relative to the working directory).",
      "Writes policies.cedar, schema.cedarschema, schema.cedarschema.json, manifest.json (how to encode a",
      "request for Cedar), graph.json, graph.txt, graph.dot (for Graphviz) and graph.svg (the same picture,",
      "drawn by kms-cedar: no Graphviz needed) into <dir>, which is made when missing.",
      "With --max-warnings N or --warnings-as-errors, too many warnings stop before anything is written (exit 1).",
      "--target avp adds avp/schema.json, avp/put-schema.json, avp/policies/*.json (CreatePolicy inputs) and",
      "avp/avp-manifest.json, within AVP's quotas or refused with a KC31xx error naming the quota.",
      "--target graph writes only graph.json, graph.txt, graph.dot and graph.svg: the target for a bundle with a layer",
      `Cedar does not decide yet: ${layersRefusedBy("cedar").join(", ")} (KC2960). Cedar decides every`,
      "other layer (SCPs, RCPs, boundaries, session and endpoint policies, grants); --target avp decides none.",
      "Exit status: 0 compiled, 1 policy errors or a construct Cedar cannot express (KC3xxx), 2 usage or I/O error.",
    ],
  },
  {
    name: "eval",
    summary: "decide requests against a bundle",
    usage: "kms-cedar eval <bundle> --requests <file> [--engine reference|graph|cedar|all] [--explain] [--format text|json]",
    positional: { name: "bundle", min: 1, max: 1 },
    options: {
      requests: { type: "string", valueName: "file", description: "JSON array of requests and operations (required; `-` for standard input)" },
      engine: {
        type: "string", choices: ["reference", "graph", "cedar", "all"], valueName: "reference|graph|cedar|all",
        description: "which engine decides (default reference); `all` runs the three and compares them",
      },
      explain, format, kind, key, principal, "max-bytes": maxBytes, help,
    },
    details: [
      "<bundle> is a bundle file, or a single policy file attached with --kind/--key/--principal; `-` for <bundle>",
      "or for --requests reads it from standard input (one of them; a bundle so read resolves its paths in the working directory)",
      "(defaults: key policy of arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000,",
      "identity policy of arn:aws:iam::111122223333:role/Policy).",
      "The bundle's policies are checked first; any error stops before evaluation.",
      "The requests file is read as UTF-8, strictly: one that is not UTF-8 (KC1026), not JSON or not an array fails",
      "as a whole (exit 2); a malformed entry (even one nested too deep) is its error entry in its place.",
      "Text output escapes control characters and line breaks of input strings (JSON keeps them exact).",
      "Text output numbers statements from 1; JSON output keeps the 0-based `statement` index.",
      "--explain (docs/explain.md): an Allow lists every statement that contributed on each side (key policy:",
      "naming the caller, or naming its account, which delegates to IAM; identity policies); an ExplicitDeny its",
      "Deny statements; an ImplicitDeny, per side, the Allow statements that came closest. A statement's tests run",
      "in a fixed order: action, principal (key policies), resource, then each condition key under each operator in",
      "source order; the first that fails is named with its line:column and the request value it saw. Closest: the",
      "statements that apply, if any, else those that passed the most leading tests (ties all listed); only Allow",
      "statements whose Action matches the request are candidates. JSON: the explanation object in place of the",
      "decision. The three engines explain alike (law `explanations_agree`); the Cedar engine learns the tests from",
      "Cedar itself, through one probe policy per test.",
      "Exit status: 0 evaluated, 1 policy errors or engines disagree (--engine all), 2 usage or I/O error.",
    ],
  },
  {
    name: "test",
    summary: "decide requests files whose entries carry `expect` with all three engines; fail on any miss",
    usage: "kms-cedar test <requests-files…> [--bundle <file>] [--engine all|reference|graph] [--format text|json]",
    positional: { name: "requests-files", min: 1, max: Infinity },
    options: {
      bundle: { type: "string", valueName: "file", description: "the bundle (or single policy) to decide against (default: bundle.json beside each requests file)" },
      engine: {
        type: "string", choices: ["all", "reference", "graph"], valueName: "all|reference|graph",
        description: "`all` (default) runs the three engines (Cedar is skipped, with a note, for a bundle with layers it does not decide yet, KC2960); `reference` or `graph` one engine alone",
      },
      format, kind, key, principal, "max-bytes": maxBytes, help,
    },
    details: [
      "Each requests file is a JSON array of requests and operations, as for `eval`; an entry may carry",
      "`\"expect\": \"Allow\" | \"ExplicitDeny\" | \"ImplicitDeny\"` or a request error code (`\"KR0002\"`, or `{\"error\": \"KR0002\"}`),",
      "and a `description`. Both are annotations of the file: they are removed before any engine sees the request.",
      "Every entry is decided by the reference evaluator, the decision graph and Cedar; it passes when all three",
      "give the expected outcome (a bundle with layers the Cedar backend does not decide yet, KC2960, is decided by",
      "the reference evaluator and the graph). Entries without `expect` are skipped. `-` reads a requests file from standard input",
      "(then --bundle is required). A requests file is read as for `eval`: one that is not UTF-8, not JSON or not an",
      "array fails as a whole (exit 2), with the same messages.",
      "Exit status: 0 every expectation met, 1 a miss or policy errors, 2 usage or I/O error.",
    ],
  },
  {
    name: "authorize",
    summary: "decide one request given on the command line (for shell scripts)",
    usage: "kms-cedar authorize <bundle> --principal ARN --action kms:X --resource ARN [--context k=v …] [--exit-code] [--explain] [--format text|json]",
    positional: { name: "bundle", min: 1, max: 1 },
    options: {
      principal: { type: "string", valueName: "ARN", description: "the caller (required)" },
      action: { type: "string", valueName: "kms:X", description: "the action (required)" },
      resource: { type: "string", valueName: "ARN", description: "the key ARN, or the synthetic resource of an IAM-only operation (required)" },
      context: {
        type: "string", multiple: true, valueName: "k=v",
        description: "a context key and string value; repeat the key for a list, or write k:=JSON (e.g. `k:=[\"a\"]`)",
      },
      "exit-code": { type: "boolean", description: "exit 0 on Allow, 3 on ExplicitDeny or ImplicitDeny" },
      engine: {
        type: "string", choices: ["reference", "graph", "cedar", "all"], valueName: "reference|graph|cedar|all",
        description: "which engine decides (default reference); `all` runs the three and compares them",
      },
      explain, format, kind, "max-bytes": maxBytes, help,
    },
    details: [
      "<bundle> is a bundle file, or a single policy file (`-` reads it from standard input). A single key policy is",
      "attached to --resource when it is a key ARN, a single identity policy to --principal when it names a user,",
      "role or session; otherwise to the placeholders of `eval`.",
      "Text output is the decision and the statements that decided it; `--format json` prints the decision object.",
      "--explain explains the decision as `eval --explain` does (see `kms-cedar eval --help`).",
      "A request the engines cannot decide (unknown action, malformed ARN, …) is a usage error.",
      "Exit status: 0 decided (with --exit-code: 0 Allow, 3 a deny), 1 policy errors or engines disagree, 2 usage or I/O error.",
    ],
  },
];

/** The spec of `name`, if it is a command. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}

// The --help texts of `kms-cedar-conformance` and its commands.

export const MAIN_HELP = `kms-cedar-conformance — prove the compiled output decides like the reference evaluator

Usage:
  kms-cedar-conformance run [--runs N] [--seed S] [--operator X] [--report file.json]
  kms-cedar-conformance verify <bundle> [--runs N] [--seed S] [--report file.json]
  kms-cedar-conformance corpus [--corpus DIR] [--runs-per-policy N] [--report file.json]
  kms-cedar-conformance replay <case-folder>
  kms-cedar-conformance merge <shard-report.json>… [--report file.json] [--format json]
  kms-cedar-conformance help <command>

Every case is decided by the reference evaluator, the decision graph and Cedar, and checked
against the laws (graph_agrees_with_reference, cedar_agrees_with_reference, cedar_never_errors,
explicit_deny_overrides_allow, statement_order_irrelevant, adding_a_deny_never_grants,
identity_allow_without_delegation_grants_nothing, cross_account_needs_both_sides,
malformed_input_never_allows, no_input_throws, and on bundles with layers
adding_a_ceiling_never_grants, a_grant_never_denies, empty_ceilings_change_nothing).
The report is markdown on stdout (\`--format json\`: the JSON report); a progress bar goes to stderr
on a terminal. Its command records every option that changes what is run, so pasting it after
\`kms-cedar-conformance\` runs the same cases again. \`kms-cedar-conformance --version\` prints the version.

Exit codes: 0 no divergence, 1 a divergence or a broken law (verify: or policy errors in the bundle),
2 usage or I/O error.
Run \`kms-cedar-conformance help <command>\` (or \`<command> --help\`) for a command's options.
`;

export const RUN_HELP = `kms-cedar-conformance run — generated policies × generated requests, three engines

Usage: kms-cedar-conformance run [options]

Options:
  --runs N               requests to decide (default 20000), split evenly over the operator
                         variants; each request is decided with every engine
  --seed S               fast-check seed (default 20261123); printed in the report
  --operator X           only bundles built around base operator X (e.g. StringLike)
  --variant V            only bundles built around one variant (e.g. ForAnyValue:StringLikeIfExists)
  --layer-share F        share of the requests on bundles with SCPs, RCPs, boundaries, session
                         policies, a VPC endpoint and a grant (default 0.2; 0 with --operator or
                         --variant; 1 = only those)
  --requests-per-bundle K  requests per generated bundle (default 128; compiling is amortized)
  --laws-every M         check the metamorphic laws on one bundle in M (default 8; 0 = never)
  --laws-cedar           run the metamorphic laws on Cedar too (default: reference and graph; slow)
  --workers N            decide in N processes (same cases for a seed whatever N; default 1)
  --shard I/N            decide only shard I of N (0 ≤ I < N) of the run, e.g. one job of a CI
                         matrix; \`merge\` adds the N JSON reports into the report of the whole run
  --engines LIST         comma-separated subset of reference,graph,cedar,avp-local (default: the first three)
  --engine avp-local     the reference and the AVP profile decided locally (docs/deployment.md)
  --path P               replay one run of an earlier report (with its --seed, --variant and
                         --requests-per-bundle, as the report's replay command gives them)
  --report FILE          also write the JSON report to FILE
  --format markdown|json the report on stdout: markdown (default) or the JSON report
  --counterexamples DIR  where shrunk failures are written (default conformance/counterexamples)
  -h, --help             this text

The report's command records every option above that changes what is run (not --workers, --report,
--format, --counterexamples: a seed gives the same cases whatever the number of workers).

Exit codes: 0 no divergence, 1 a divergence or a broken law, 2 usage or I/O error.
`;

export const VERIFY_HELP = `kms-cedar-conformance verify — check the compiled output on your own bundle

Usage: kms-cedar-conformance verify <bundle.json | policy.json> [options]

Requests are generated from the bundle: its callers, keys and actions, each condition constant
and its near misses (other case, off by one, neighbouring address, ...), absent keys and lists.
Bundles with no key get a placeholder key (DESIGN §2). \`-\` reads the bundle or policy from standard
input (a bundle so read names its policy files relative to the working directory; the report's
command is then \`verify - …\`, with a note that the bundle came from standard input).
Every policy is checked first, as \`kms-cedar check\` checks it: on an error, the diagnostics are
printed as \`kms-cedar check\` prints them (\`--format json\`: its JSON report) and nothing is run.

Options:
  --runs N               requests to decide (default 5000)
  --seed S               fast-check seed (default 20261123)
  --kind key|identity    how to attach a single policy file (default: key if it names a Principal)
  --key ARN              the key a single key policy belongs to
  --principal ARN        the principal a single identity policy belongs to
  --laws-every M         check the metamorphic laws on one batch in M (default 8; 0 = never)
  --report FILE          also write the JSON report to FILE
  --format markdown|json the report on stdout: markdown (default) or the JSON report
  --counterexamples DIR  where shrunk failures are written (default conformance/counterexamples)
  -h, --help             this text

Exit codes: 0 no divergence, 1 a divergence, a broken law or policy errors in the bundle (or a
construct Cedar cannot express, KC3xxx), 2 usage or I/O error.
`;

export const CORPUS_HELP = `kms-cedar-conformance corpus — every compilable policy of the corpus

Usage: kms-cedar-conformance corpus [options]

Takes every kms-key-policy and identity-policy of MANIFEST.tsv, puts it in a bundle that reaches
every KMS path, and decides generated requests with the three engines (as verify does).

Options:
  --corpus DIR           the corpus folder, holding MANIFEST.tsv (default ./corpus, else shared/corpus
                         beside the repository)
  --dir DIR              the same as --corpus
  --runs-per-policy N    requests per policy (default 64)
  --limit N              only the first N policies of those kinds
  --seed S               fast-check seed (default 20261123)
  --laws-every M         metamorphic laws on one batch in M (default 0 = never)
  --report FILE          also write the JSON report to FILE
  --format markdown|json the report on stdout: markdown (default) or the JSON report
  --counterexamples DIR  where shrunk failures are written (default conformance/counterexamples)
  -h, --help             this text

The report's command names the corpus folder, also when it was found without --corpus.

Exit codes: 0 no divergence, 1 a divergence or a broken law, 2 usage or I/O error.
`;

export const REPLAY_HELP = `kms-cedar-conformance replay — re-run a counterexample folder

Usage: kms-cedar-conformance replay <folder>

Reads bundle.json, requests.json and case.json (written by run/verify on a failure), decides every
request with every engine and checks the law the folder records.

Options:
  -h, --help             this text

Exit codes: 0 the failure no longer reproduces, 1 it still does, 2 usage or I/O error.
`;

export const MERGE_HELP = `kms-cedar-conformance merge — the report of a run split with --shard

Usage: kms-cedar-conformance merge <r0.json> <r1.json> … [--report FILE] [--format markdown|json]

Adds the JSON reports of \`run --shard i/N --report ri.json\` (all N shards of one run, in any order)
into the report one run of the whole budget gives: every count is a sum over the shards; elapsed
time is the slowest shard's, CPU time the sum; failures come shard by shard. The shards must record
the same options (engines, seed, runs, layer share, requests per bundle, …: all but the shard's
index), as their commands give them; the first option that differs is named.

Options:
  --report FILE          also write the merged JSON report to FILE
  --format markdown|json the merged report on stdout: markdown (default) or the JSON report
  -h, --help             this text

Exit codes: 0 no divergence, 1 a divergence or a broken law in some shard, 2 usage or I/O error (a
file cannot be read, or the reports are not the complete shards of one run).
`;

/** Each command's help, by name (`kms-cedar-conformance help <command>`, `<command> --help`). */
export const COMMAND_HELP = { run: RUN_HELP, verify: VERIFY_HELP, corpus: CORPUS_HELP, replay: REPLAY_HELP, merge: MERGE_HELP } as const;

// Loads what the analysis compares: a bundle file or a single policy file, read by the compiler's one
// loader (loadPlainBundle: the same bundle-or-policy rule, kind inference and placeholders as
// `kms-cedar`), as a plain bundle of inline documents; compiles it once; and holds the three engines
// that confirm every witness.
import { resolve } from "node:path";
import { compileBundle } from "@kms-cedar/compiler";
import { loadPlainBundle } from "@kms-cedar/compiler/api";
import type { PlainLoadOptions } from "@kms-cedar/compiler/api";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Bundle, DecisionGraph, DecisionResult, Request } from "@kms-cedar/runtime";
import { AnalysisCode, AnalysisInputError, refuse } from "./diagnostics.js";
import { refuseUnmodelledMembers } from "./unmodelled-members.js";

export interface Attach {
  readonly kind?: "key" | "identity";
  readonly key?: string;
  readonly principal?: string;
}

export interface AnalysisInput {
  readonly name: string;
  readonly bundle: Bundle;
  readonly graph: DecisionGraph;
  /** Decides with the reference evaluator, the graph and Cedar, in that order. */
  readonly engines: readonly ((r: Request) => DecisionResult)[];
}

/** A bundle object or a single policy document (policy paths relative to `baseDir`) as a plain bundle. */
export function toInlineBundle(root: unknown, baseDir: string, attach: Attach = {}): Bundle {
  return readPlainBundle(resolve(baseDir, "(inline)"), attach, JSON.stringify(root) ?? "null");
}

/** Reads `path` (or `text`, its content) with the compiler's loader; refuses what the analysis does not model. */
function readPlainBundle(path: string, attach: Attach, text?: string): Bundle {
  // `--key` attaches a single policy as a key policy, `--principal` as an identity policy.
  const kind = attach.key !== undefined ? "key" : attach.principal !== undefined ? "identity" : attach.kind;
  const options: PlainLoadOptions = {
    ...(kind === undefined ? {} : { kind }), ...(attach.key === undefined ? {} : { key: attach.key }),
    ...(attach.principal === undefined ? {} : { principal: attach.principal }),
  };
  const loaded = loadPlainBundle(path, options, text);
  if ("error" in loaded) {
    if (loaded.unreadable === true) throw new AnalysisInputError(loaded.error);
    return refuse(AnalysisCode.compile, loaded.error);
  }
  refuseUnmodelledMembers(loaded.bundle);
  return loaded.bundle;
}


/** Compiles a plain bundle and prepares the three engines; refuses (KA0013) a bundle with policy errors. */
export function prepareInput(name: string, bundle: Bundle): AnalysisInput {
  const compiled = compileBundle(bundle, { cedar: true });
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (compiled.graph === undefined || compiled.cedar === undefined || errors.length > 0) {
    refuse(AnalysisCode.compile, `\`${name}\` does not compile: ${errors.slice(0, 3).map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  const graph = compiled.graph;
  const cedarFiles = compiled.cedar;
  const authorizer = createAuthorizer(graph);
  let cedar: ReturnType<typeof createCedarAuthorizer> | undefined;
  return {
    name, bundle, graph,
    engines: [
      (r) => evaluateReference(bundle, r),
      (r) => authorizer.decide(r),
      (r) => (cedar ??= createCedarAuthorizer({ policies: cedarFiles.policies, schema: cedarFiles.schema, manifest: cedarFiles.manifest })).decide(r),
    ],
  };
}

export function loadInput(file: string, attach: Attach = {}, cwd = process.cwd(), stdin?: StandardInput): AnalysisInput {
  if (file !== "-") return prepareInput(file, readPlainBundle(resolve(cwd, file), attach));
  // `-`: standard input; the policy files a bundle names are found from the working directory.
  return prepareInput("<stdin>", readPlainBundle(resolve(cwd, "<stdin>"), attach, readStandardInput(stdin)));
}

/** Reads all of standard input (the CLI's reader, bounded), or says why not. */
export type StandardInput = () => { readonly text: string } | { readonly error: string };

/** The text of standard input; an AnalysisInputError when it cannot be read. */
export function readStandardInput(stdin: StandardInput | undefined): string {
  const read = stdin?.() ?? { error: "not available here" };
  if ("error" in read) throw new AnalysisInputError(`cannot read standard input: ${read.error}`);
  return read.text;
}

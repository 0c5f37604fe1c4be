// `kms-cedar-conformance replay <folder>`: decides a counterexample folder's requests with every
// engine and checks its law again. Phase: conformance CLI.
import { existsSync } from "node:fs";
import { readTextFile } from "@kms-cedar/compiler/api";
import { join } from "node:path";
import type { LawExtras } from "../arbitraries/case-arbitrary.js";
import { METAMORPHIC_LAWS } from "../laws/all-laws.js";
import { explanationsAgree } from "../laws/explanations-agree.js";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";
import { evaluateCase, outcomeTexts } from "../run/evaluate-case.js";
import { REPLAY_HELP } from "./help-text.js";
import { REPLAY_SPEC } from "./command-specs.js";
import { IoError, parseOptions } from "./parse-options.js";

function readJson(path: string): unknown {
  const read = readTextFile(path);
  if ("error" in read) throw new IoError(`cannot read \`${path}\`: ${read.error}`);
  try {
    return JSON.parse(read.text);
  } catch (e) {
    throw new IoError(`\`${path}\` is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function replayCommand(args: readonly string[]): number {
  const p = parseOptions(args, REPLAY_SPEC);
  if (p === undefined) {
    process.stdout.write(REPLAY_HELP);
    return 0;
  }
  const dir = p.positionals[0]!;
  const bundle = readJson(join(dir, "bundle.json")) as PlainBundleShape;
  const requests = readJson(join(dir, "requests.json"));
  if (!Array.isArray(requests)) throw new IoError("`requests.json` must hold an array");
  const meta = existsSync(join(dir, "case.json")) ? (readJson(join(dir, "case.json")) as { law?: string; extras?: LawExtras }) : {};
  const extras: LawExtras = meta.extras ?? { seed: 0, extraDeny: { key: {}, identity: {}, target: "" } };
  const metamorphic = METAMORPHIC_LAWS.some((l) => l.name === meta.law);
  // An explanation law is checked only when explanations are asked for (they cost a probe per test).
  const explain = meta.law === explanationsAgree.name;
  const evaluation = evaluateCase(bundle, requests, extras, { metamorphic, ...(explain ? { explain: true } : {}) });
  if (evaluation.rejected) {
    process.stdout.write(`the compiler rejects this bundle: ${evaluation.prepared.errors.join("; ")}\n`);
    return 2;
  }
  evaluation.results.forEach((r, i) => {
    const texts = outcomeTexts(r);
    process.stdout.write(`request ${i}: ${Object.entries(texts).map(([e, t]) => `${e} ${t}`).join(" | ")}\n`);
  });
  for (const [engine, setup] of Object.entries(evaluation.prepared.engines)) {
    if ("unavailable" in setup) process.stdout.write(`${engine}: not available (${setup.unavailable})\n`);
  }
  if (evaluation.violations.length === 0) {
    process.stdout.write(`no law is broken${meta.law ? ` (the folder recorded \`${meta.law}\`)` : ""}\n`);
    return 0;
  }
  for (const v of evaluation.violations) process.stdout.write(`broken: ${v.law} (${v.engine}) on request ${v.requestIndex}: ${v.message}\n`);
  return 1;
}

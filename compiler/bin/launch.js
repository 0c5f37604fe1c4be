// Starts a CLI of this project. An installed package (no src/) runs its esbuild bundle. In the
// repository it runs the bundle too when the bundle is current — built (by the root `prepare`
// script at `npm ci`, or `npm run build`) after the last change to every file it was built from, as
// dist/cli.inputs.json lists them — and otherwise the TypeScript sources through tsx, resolving
// @kms-cedar/* packages to their sources (the "source" export condition), so no build step is ever
// needed. The bundle starts in ~0.2 s, tsx in 2–3 s (issue 14). KMS_CEDAR_FROM_SOURCE=1 forces tsx.
import { existsSync, readFileSync, statSync } from "node:fs";
import { register } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const addSourceCondition =
  "data:text/javascript," +
  encodeURIComponent(`export async function resolve(specifier, context, next) {
    const conditions = context.conditions.includes("source") ? context.conditions : ["source", ...context.conditions];
    return next(specifier, { ...context, conditions });
  }`);

/** Imports a TypeScript module of this repository (tsx + the "source" condition). */
export async function importTypeScript(url) {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  register(addSourceCondition);
  return import(url);
}

/**
 * A reader that closed its end of stdout (`kms-cedar eval … | head -1`) ends the program quietly with
 * status 141 (128 + SIGPIPE), as `cat` or a Go program would, instead of an unhandled `EPIPE` trace.
 * Any other failed write (a full disk, `> /dev/full`) is an I/O error: one line, status 2 (DESIGN §2).
 */
function endQuietlyOnClosedPipe(stream) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(141);
    try {
      process.stderr.write(`cannot write ${stream === process.stdout ? "standard output" : "standard error"}: ${error.message}\n`);
    } catch {
      // Nowhere left to say it.
    }
    process.exit(2);
  });
}

/**
 * True when the bundle at `bundlePath` exists and is newer than every input listed in the
 * cli.inputs.json beside it (a missing list or input means not current). A few hundred stat calls.
 */
export function bundleIsCurrent(bundlePath) {
  try {
    const built = statSync(bundlePath).mtimeMs;
    const dir = dirname(bundlePath);
    const inputs = JSON.parse(readFileSync(resolve(dir, "cli.inputs.json"), "utf8"));
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    for (const input of inputs) {
      if (typeof input !== "string" || statSync(resolve(dir, input)).mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `sourceUrl` (TypeScript) or the prebuilt `bundledUrl`, whichever is current (see above).
 * `bundleInRepository: false` keeps a CLI on its sources in the repository (kms-cedar-conformance:
 * it finds its worker launcher and counterexample folder relative to its source files).
 */
export async function launch(sourceUrl, bundledUrl, { bundleInRepository = true } = {}) {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  if (!existsSync(fileURLToPath(sourceUrl))) return import(bundledUrl);
  const useBundle = bundleInRepository && process.env["KMS_CEDAR_FROM_SOURCE"] !== "1" && bundleIsCurrent(fileURLToPath(bundledUrl));
  if (useBundle) return import(bundledUrl);
  return importTypeScript(sourceUrl);
}

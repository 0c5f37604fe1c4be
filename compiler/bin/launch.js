// Starts a CLI of this project. In the repository it runs the TypeScript sources through tsx,
// resolving @kms-cedar/* packages to their sources (the "source" export condition), so no build
// step is needed after `npm ci`. In an installed package (no src/) it runs the esbuild bundle.
import { existsSync } from "node:fs";
import { register } from "node:module";
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
 */
function endQuietlyOnClosedPipe(stream) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(141);
    throw error;
  });
}

/** Runs `sourceUrl` (TypeScript) when it exists, else the prebuilt `bundledUrl`. */
export async function launch(sourceUrl, bundledUrl) {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  if (existsSync(fileURLToPath(sourceUrl))) return importTypeScript(sourceUrl);
  return import(bundledUrl);
}

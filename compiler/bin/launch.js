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

/** Runs `sourceUrl` (TypeScript) when it exists, else the prebuilt `bundledUrl`. */
export async function launch(sourceUrl, bundledUrl) {
  if (existsSync(fileURLToPath(sourceUrl))) return importTypeScript(sourceUrl);
  return import(bundledUrl);
}

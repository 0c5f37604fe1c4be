#!/usr/bin/env node
// Builds the workspace in the current directory for publishing: a clean dist/ with JS and type
// declarations from `tsc -p tsconfig.build.json`, and, for a package with a `bin`, the CLI as one
// esbuild bundle (dist/cli.js) that runs with plain node. Run through `npm run build` (root or workspace).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleCli } from "./bundle-cli.js";

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const require = createRequire(import.meta.url);

// `npm pack` in one workspace (its prepack script) builds the sibling packages it depends on first
// when they have no dist/ yet: tsc reads their declarations from there.
for (const name of Object.keys(manifest.dependencies ?? {})) {
  if (!name.startsWith("@kms-cedar/")) continue;
  const sibling = join(dir, "..", name.slice("@kms-cedar/".length));
  if (existsSync(join(sibling, "dist/index.d.ts")) || !existsSync(join(sibling, "package.json"))) continue;
  const built = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { cwd: sibling, stdio: ["ignore", "inherit", "inherit"] });
  if (built.status !== 0) process.exit(1);
}

rmSync(join(dir, "dist"), { recursive: true, force: true });

// Declarations + JS, one file per module; sibling packages resolve to their built dist/ types
// (tsconfig.build.json clears the "source" condition), so workspaces build in dependency order.
const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  cwd: dir, stdio: "inherit",
});
if (tsc.status !== 0) {
  process.stderr.write(`build: tsc failed in ${manifest.name}\n`);
  process.exit(1);
}


// The CLI: one esbuild bundle (dist/cli.js) and the list of its inputs (scripts/bundle-cli.js).
if (manifest.bin !== undefined) await bundleCli(dir);
// On stderr: `npm pack --json` prints its JSON on stdout, after this prepack script.
process.stderr.write(`build: ${manifest.name} → dist/\n`);

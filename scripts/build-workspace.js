#!/usr/bin/env node
// Builds the workspace in the current directory for publishing: a clean dist/ with JS and type
// declarations from `tsc -p tsconfig.build.json`, and, for a package with a `bin`, the CLI as one
// esbuild bundle (dist/cli.js) that runs with plain node. Run through `npm run build` (root or workspace).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundleCli } from "./bundle-cli.js";

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const require = createRequire(import.meta.url);

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
process.stdout.write(`build: ${manifest.name} → dist/\n`);

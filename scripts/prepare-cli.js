#!/usr/bin/env node
// The root `prepare` script (npm runs it after `npm ci` / `npm install` in the repository): bundles
// the CLIs with esbuild (about a second) so `kms-cedar` starts from dist/cli.js instead of compiling
// the TypeScript sources through tsx on every start (issue 14). The launcher still falls back to the
// sources whenever a source file is newer than the bundle. Never fails the install: without the
// bundle the CLIs run from the sources, as before.
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
try {
  const { bundleCli } = await import("./bundle-cli.js");
  // Only kms-cedar starts from its bundle in the repository (compiler/bin/launch.js says why).
  for (const workspace of ["compiler"]) {
    const out = await bundleCli(`${root}${workspace}`);
    process.stdout.write(`prepare: bundled ${out.slice(root.length)}\n`);
  }
} catch (e) {
  process.stderr.write(`prepare: CLI bundles not built (the CLIs will run from the sources): ${e instanceof Error ? e.message : String(e)}\n`);
}

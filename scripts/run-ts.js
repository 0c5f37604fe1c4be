#!/usr/bin/env node
// Runs a TypeScript file of this repository without a build step: `node scripts/run-ts.js file.ts args…`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { importTypeScript } from "../compiler/bin/launch.js";

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node scripts/run-ts.js <file.ts> [args…]\n");
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await importTypeScript(pathToFileURL(resolve(entry)).href);

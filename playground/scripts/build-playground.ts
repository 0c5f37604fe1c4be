// Builds the playground into playground/dist/: the page, its stylesheet, two esbuild bundles (app.js
// from src/main.ts: the page and its CodeMirror editor; worker.js from src/worker.ts: compiler +
// runtime from their TypeScript sources, Node built-ins replaced by the browser stand-ins in
// src/node-shims/) and cedar-wasm's web .wasm beside them. No network, no CDN.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The playground folder. */
export const PLAYGROUND = join(HERE, "..");
/** Where the built page goes. */
export const PLAYGROUND_DIST = join(PLAYGROUND, "dist");

/** Builds the page into `outDir` (cleaned first); returns `outDir`. */
export async function buildPlayground(outDir: string = PLAYGROUND_DIST): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const shim = (name: string): string => join(PLAYGROUND, "src/node-shims", `${name}.ts`);
  await build({
    entryPoints: { app: join(PLAYGROUND, "src/main.ts"), worker: join(PLAYGROUND, "src/worker.ts") },
    outdir: outDir,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    conditions: ["source"],
    alias: { "node:fs": shim("fs"), "node:path": shim("path"), "node:module": shim("module"), fs: shim("fs"), path: shim("path") },
    sourcemap: "linked",
    legalComments: "eof",
    logLevel: "warning",
  });
  copyFileSync(join(PLAYGROUND, "index.html"), join(outDir, "index.html"));
  copyFileSync(join(PLAYGROUND, "style.css"), join(outDir, "style.css"));
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its web folder sits beside the nodejs one.
  const wasm = join(dirname(require.resolve("@cedar-policy/cedar-wasm/nodejs")), "../web/cedar_wasm_bg.wasm");
  copyFileSync(wasm, join(outDir, "cedar_wasm_bg.wasm"));
  return outDir;
}

// Bundles a workspace's CLI (src/cli/main.ts) into dist/cli.js with esbuild: everything from the
// TypeScript sources except cedar-wasm, which loads its .wasm from its own folder. Beside it,
// dist/cli.inputs.json lists the files the bundle was built from (relative to dist/), so the launcher
// (compiler/bin/launch.js) can tell whether the bundle is current. Used by build-workspace.js (publish)
// and by prepare-cli.js (the root `prepare` script that `npm ci` runs).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

/** Bundles `dir`'s CLI; returns the bundle's path. */
export async function bundleCli(dir) {
  const entry = join(dir, "src/cli/main.ts");
  if (!existsSync(entry)) throw new Error(`bundle-cli: ${dir} has no src/cli/main.ts`);
  const outDir = join(dir, "dist");
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [entry],
    outfile: join(outDir, "cli.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "es2022",
    conditions: ["source"],
    external: ["@cedar-policy/cedar-wasm", "@cedar-policy/cedar-wasm/*"],
    // The banner gives bundled CommonJS code a `require`.
    banner: { js: 'import { createRequire as __kmsCedarCreateRequire } from "node:module";\nconst require = __kmsCedarCreateRequire(import.meta.url);' },
    logLevel: "warning",
    legalComments: "eof",
    metafile: true,
    absWorkingDir: dir,
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => relative(outDir, join(dir, input)));
  writeFileSync(join(outDir, "cli.inputs.json"), `${JSON.stringify(inputs.sort(), null, 1)}\n`);
  return join(outDir, "cli.js");
}

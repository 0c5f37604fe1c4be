// The oracle shares no code with the rest of the project (DESIGN §1): every file of
// runtime/src/reference/ may import only files of that same folder and Node built-ins.

import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { specifiers } from "../../../scripts/test/module-specifiers.js";

const FOLDER = join(dirname(fileURLToPath(import.meta.url)), "../../src/reference");

/** Allowed: `./name.js` naming a file of the folder, or a Node built-in. */
function isAllowed(specifier: string, files: ReadonlySet<string>): boolean {
  if (specifier.startsWith("node:")) return builtinModules.includes(specifier.slice(5));
  if (builtinModules.includes(specifier)) return true;
  const m = /^\.\/([a-z0-9-]+)\.js$/.exec(specifier);
  return m !== null && files.has(`${m[1]}.ts`);
}

describe("import rule of the reference evaluator", () => {
  const files = readdirSync(FOLDER).filter((name) => name.endsWith(".ts"));
  const fileSet = new Set(files);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s imports only its folder and Node built-ins", (file) => {
    const found = specifiers(readFileSync(join(FOLDER, file), "utf8"));
    expect(found.filter((s) => !isAllowed(s, fileSet))).toEqual([]);
  });

  it("the scanner catches forbidden imports (the rule can fail)", () => {
    const bad = [
      'import type { Request } from "../contracts.js";',
      'import { parseArn } from "@kms-cedar/grammar";',
      'export { x } from "../graph/types.js";',
      'const m = await import("chevrotain");',
      'const y = require("./missing.js");',
      'import {\n  a,\n  b,\n} from "../evaluate/x.js";',
    ].join("\n");
    expect(specifiers(bad).filter((s) => !isAllowed(s, fileSet))).toEqual([
      "../contracts.js", "@kms-cedar/grammar", "../graph/types.js", "../evaluate/x.js", "chevrotain", "./missing.js",
    ]);
    expect(specifiers('import { a } from "./glob.js";\nimport { b } from "node:fs";').every((s) => isAllowed(s, fileSet))).toBe(true);
  });
});

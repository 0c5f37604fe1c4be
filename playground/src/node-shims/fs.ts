// Browser stand-in for `node:fs` (esbuild alias in scripts/build-playground.ts): the playground reads no
// files, so a bundle that names policy files gets the loader's "cannot read" diagnostic.

/** Always fails: there are no files in the page. */
export function readFileSync(path: string | number): never {
  throw new Error(`the playground reads no files (\`${path}\`): paste the policy document inline`);
}

/** Always fails, as `readFileSync` (read-text-file.ts looks at a path before it opens it). */
export function statSync(path: string): never {
  return readFileSync(path);
}

/** Always fails, as `readFileSync` (read-text-file.ts reads through a descriptor). */
export function openSync(path: string): never {
  return readFileSync(path);
}

/** Unreachable: `openSync` never gives a descriptor. */
export function fstatSync(): never {
  throw new Error("the playground reads no files");
}

/** Unreachable: `openSync` never gives a descriptor. */
export function readSync(): never {
  throw new Error("the playground reads no files");
}

/** Unreachable: `openSync` never gives a descriptor. */
export function closeSync(): void {}

/** There are no files in the page. */
export function existsSync(): boolean {
  return false;
}

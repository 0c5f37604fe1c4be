// Browser stand-in for `node:fs` (esbuild alias in scripts/build-playground.ts): the playground reads no
// files, so a bundle that names policy files gets the loader's "cannot read" diagnostic.

/** Always fails: there are no files in the page. */
export function readFileSync(path: string): never {
  throw new Error(`the playground reads no files (\`${path}\`): paste the policy document inline`);
}

/** There are no files in the page. */
export function existsSync(): boolean {
  return false;
}

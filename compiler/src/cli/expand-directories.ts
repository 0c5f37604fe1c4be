// `check` accepts directories: each is searched recursively for `.json` files, in sorted order
// (code-unit order of the relative paths, so output is stable across file systems). Symbolic links
// to directories are not followed (no cycles).
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** `args` with every directory replaced by the `.json` files below it; an empty directory is an error. */
export function expandDirectories(args: readonly string[], cwd: string): { files: string[] } | { error: string } {
  const files: string[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = arg !== "-" && statSync(resolve(cwd, arg)).isDirectory();
    } catch {
      // not there: reported as an unreadable file by the command
    }
    if (!isDirectory) {
      files.push(arg);
      continue;
    }
    const found = jsonFilesBelow(resolve(cwd, arg)).map((relative) => join(arg, relative));
    if (found.length === 0) return { error: `no \`.json\` file in the directory \`${arg}\`` };
    files.push(...found);
  }
  return { files };
}

function jsonFilesBelow(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = prefix === "" ? entry.name : join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesBelow(dir, relative));
    else if (entry.isFile() && entry.name.endsWith(".json")) out.push(relative);
  }
  return out;
}

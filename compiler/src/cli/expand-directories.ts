// `check` accepts directories: each is searched recursively for `.json` files, in sorted order
// (code-unit order of the relative paths, so output is stable across file systems). Symbolic links
// to directories are not followed (no cycles). A directory that cannot be listed is an unreadable
// input in its place (exit 2, one line), as an unreadable file is.
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describeIoError } from "../bundle/read-text-file.js";

/** A directory that could not be listed: its path as given below the argument, and why. */
export interface UnlistedDirectory {
  readonly file: string;
  readonly error: string;
}

/**
 * `args` with every directory replaced by the `.json` files below it, and directories that cannot be
 * listed in their place; a directory with no `.json` file (and none unlisted) is an error.
 */
export function expandDirectories(args: readonly string[], cwd: string): { files: (string | UnlistedDirectory)[] } | { error: string } {
  const files: (string | UnlistedDirectory)[] = [];
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
    const found = jsonFilesBelow(resolve(cwd, arg)).map((entry) =>
      typeof entry === "string" ? join(arg, entry) : { file: entry.file === "" ? arg : join(arg, entry.file), error: entry.error });
    if (found.length === 0) return { error: `no \`.json\` file in the directory \`${arg}\`` };
    files.push(...found);
  }
  return { files };
}

function jsonFilesBelow(dir: string, prefix = ""): (string | UnlistedDirectory)[] {
  const out: (string | UnlistedDirectory)[] = [];
  let entries;
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (failure) {
    return [{ file: prefix, error: describeIoError(failure) }];
  }
  for (const entry of entries) {
    const relative = prefix === "" ? entry.name : join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesBelow(dir, relative));
    else if (entry.isFile() && entry.name.endsWith(".json")) out.push(relative);
  }
  return out;
}

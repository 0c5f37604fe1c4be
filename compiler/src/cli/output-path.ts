// Output paths of both CLIs (`compile -o DIR`, `kms-cedar-conformance --report FILE`): checked before
// the work, so a path that cannot be written fails at once (exit 2) rather than after a long run,
// and directories made one level at a time: Node 20's `mkdirSync(…, { recursive: true })` never
// returns for a path under a pseudo file system such as `/proc/x`.
import { accessSync, constants, mkdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describeIoError } from "../bundle/read-text-file.js";

/** Why `dir` cannot become an output directory, or `undefined` when it can. Leaves nothing behind. */
export function checkOutputDirectory(dir: string): string | undefined {
  const absolute = resolve(dir);
  const made: string[] = [];
  try {
    makeDirectory(absolute, made);
    // A probe file, because `access(W_OK)` says yes to root even where writing fails (`/proc`).
    const probe = join(absolute, `.kms-cedar-write-test-${process.pid}`);
    writeFileSync(probe, "");
    unlinkSync(probe);
    return undefined;
  } catch (failure) {
    return describeIoError(failure);
  } finally {
    for (const created of made.reverse()) rmdirSync(created);
  }
}

/** Why the file `path` cannot be written, or `undefined` when it can (its folder is made when missing). */
export function checkOutputFile(path: string): string | undefined {
  const absolute = resolve(path);
  const existing = statOrUndefined(absolute);
  if (existing?.isDirectory()) return "is a directory";
  if (existing !== undefined) {
    try {
      accessSync(absolute, constants.W_OK);
    } catch (failure) {
      return describeIoError(failure);
    }
  }
  return checkOutputDirectory(dirname(absolute));
}

/**
 * Makes `dir` and its missing parents, one `mkdir` each, and appends each directory it creates to
 * `created` (outermost first; also when it then fails). Throws the file system's error (`ENOENT`,
 * `ENOTDIR`, `EACCES`, …) like `mkdirSync`.
 */
export function makeDirectory(dir: string, created: string[] = []): string[] {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const stat = statOrUndefined(current);
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`\`${current}\` is not a directory`), { code: "ENOTDIR" });
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing.reverse()) {
    mkdirSync(path);
    created.push(path);
  }
  return created;
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

// Reads an input file as UTF-8 text (a byte order mark is kept, so the parser can report it), and
// names paths for messages relative to the working directory.
import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";

/** The text of a file, or why it could not be read. */
export type TextFile = { readonly text: string } | { readonly error: string };

/** Reads `path` (or file descriptor 0, standard input); an unreadable file is a value, not an exception. */
export function readTextFile(path: string | 0): TextFile {
  try {
    return { text: readFileSync(path, "utf8") };
  } catch (failure) {
    return { error: describeIoError(failure) };
  }
}

/** A short lowercase reason for a failed read: `no such file or directory`, `is a directory`, … */
export function describeIoError(failure: unknown): string {
  const code = (failure as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  return failure instanceof Error ? failure.message : String(failure);
}

/** `absolute` as shown to the user: relative to `cwd` when it lies below it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return absolute;
  return rel;
}

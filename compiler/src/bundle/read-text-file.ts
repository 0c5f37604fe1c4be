// Reads an input file as UTF-8 text (a byte order mark is kept, so the parser can report it), and
// names paths for messages relative to the working directory.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { isAbsolute, relative } from "node:path";

/** The text of a file, or why it could not be read. */
export type TextFile = { readonly text: string } | { readonly error: string };

/**
 * The most bytes read from one input: four times the largest default limit (64 MiB, bundles and requests
 * files), so a file a little over a limit is still read and refused with its size and position (KC1002),
 * while `/dev/zero`, `yes |` on standard input or a bundle naming a device is not read without end.
 */
export const READ_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Reads `path` (or file descriptor 0, standard input) as UTF-8, at most READ_LIMIT_BYTES; an unreadable
 * or larger file is a value, not an exception.
 */
export function readTextFile(path: string | 0): TextFile {
  let fd: number | undefined;
  try {
    fd = path === 0 ? 0 : openSync(path, "r");
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: "is a directory" };
    if (stat.isFile() && stat.size > READ_LIMIT_BYTES) return { error: tooLarge() };
    // A regular file of known size is read whole (one buffer); `/proc` files say 0 and are read in chunks.
    if (stat.isFile() && stat.size > 0) return { text: readFileSync(fd, "utf8") };
    // Read in chunks: a pipe, a device or a growing file has no size to trust.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, READ_LIMIT_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > READ_LIMIT_BYTES) return { error: tooLarge() };
    }
    return { text: Buffer.concat(chunks, total).toString("utf8") };
  } catch (failure) {
    return { error: describeIoError(failure) };
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

function tooLarge(): string {
  return `larger than ${READ_LIMIT_BYTES / (1024 * 1024)} MiB, the most kms-cedar reads from one input`;
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

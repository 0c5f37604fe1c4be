// Reads an input file as UTF-8 text, strictly (the runtime's decodeUtf8: bytes that are not UTF-8 make
// the file unreadable, KC1026; a byte order mark is kept, so the parser can report it), and names paths
// for messages relative to the working directory.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { decodeUtf8 } from "@kms-cedar/runtime";

/**
 * The text of a file, or why it could not be read. Bytes that are not UTF-8 also give `code` (KC1026) and
 * `notUtf8`, the reason without the code (for a diagnostic, which shows the code itself).
 */
export type TextFile = { readonly text: string } | { readonly error: string; readonly code?: string; readonly notUtf8?: string };

/**
 * The most bytes read from one input: four times the largest default limit (64 MiB, bundles and requests
 * files), so a file a little over a limit is still read and refused with its size and position (KC1002),
 * while `/dev/zero`, `yes |` on standard input or a bundle naming a device is not read without end.
 */
export const READ_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Reads `path` (or file descriptor 0, standard input) as UTF-8, at most READ_LIMIT_BYTES; an unreadable,
 * larger or not UTF-8 file is a value, not an exception. A path must name a regular file (checked before
 * it is opened: opening a FIFO with no writer blocks forever); standard input may be anything.
 */
export function readTextFile(path: string | 0): TextFile {
  let fd: number | undefined;
  try {
    if (path !== 0) {
      const before = statSync(path);
      if (before.isDirectory()) return { error: "is a directory" };
      if (!before.isFile()) return { error: "not a regular file" };
    }
    fd = path === 0 ? 0 : openSync(path, "r");
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: "is a directory" };
    // Swapped for something else between the stat and the open.
    if (path !== 0 && !stat.isFile()) return { error: "not a regular file" };
    if (stat.isFile() && stat.size > READ_LIMIT_BYTES) return { error: tooLarge() };
    // A regular file of known size is read whole (one buffer); `/proc` files say 0 and are read in chunks.
    if (stat.isFile() && stat.size > 0) return decoded(readFileSync(fd));
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
    return decoded(Buffer.concat(chunks, total));
  } catch (failure) {
    return { error: describeIoError(failure) };
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

/** The text of `bytes`, or the KC1026 error naming where they are not UTF-8. */
function decoded(bytes: Uint8Array): TextFile {
  const result = decodeUtf8(bytes);
  if ("text" in result) return result;
  const { code, message } = result.notUtf8;
  return { error: `${message} (${code})`, code, notUtf8: message };
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

// Browser stand-in for `node:path` (esbuild alias in scripts/build-playground.ts): POSIX paths, enough for
// the bundle loader's dirname/join/resolve/relative on the page's one virtual file.

export const sep = "/";

/** Whether `path` starts at the root. */
export function isAbsolute(path: string): boolean {
  return path.startsWith("/");
}

/** `parts` joined by `/`, with `.` and `..` segments and repeated slashes removed (relative stays relative). */
export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== "").join("/");
  if (joined === "") return ".";
  const out: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (segment !== ".." || !isAbsolute(joined)) out.push(segment);
  }
  const body = out.join("/");
  return isAbsolute(joined) ? `/${body}` : body === "" ? "." : body;
}

/** `path` without its last segment. */
export function dirname(path: string): string {
  const at = path.replace(/\/+$/, "").lastIndexOf("/");
  return at <= 0 ? (isAbsolute(path) ? "/" : ".") : path.slice(0, at);
}

/** The last segment of `path`. */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Joins `parts` from the right until an absolute one, then removes `.` and `..` segments. */
export function resolve(...parts: string[]): string {
  let joined = "";
  for (let i = parts.length - 1; i >= 0 && !isAbsolute(joined); i--) {
    const part = parts[i] ?? "";
    if (part !== "") joined = joined === "" ? part : `${part}/${joined}`;
  }
  const out: string[] = [];
  for (const segment of `/${joined}`.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return `/${out.join("/")}`;
}

/** `to` relative to `from` (both resolved). */
export function relative(from: string, to: string): string {
  const a = resolve(from).split("/").filter(Boolean);
  const b = resolve(to).split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

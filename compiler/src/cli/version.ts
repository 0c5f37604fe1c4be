// The version `kms-cedar --version` prints: the compiler package's own version, read from its
// package.json (found from the sources, src/cli/, or from the bundle, dist/).
import { readFileSync } from "node:fs";

/** The `version` of @kms-cedar/compiler, or `unknown` if its package.json cannot be found. */
export function compilerVersion(): string {
  for (const relative of ["../../package.json", "../package.json"]) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8"));
      if (isCompilerManifest(manifest)) return manifest.version;
    } catch {
      // not here; try the next candidate
    }
  }
  return "unknown";
}

function isCompilerManifest(value: unknown): value is { version: string } {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return record["name"] === "@kms-cedar/compiler" && typeof record["version"] === "string";
}

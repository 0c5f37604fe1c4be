// Test support for the import rules (compiler/test/architecture/import-rules.test.ts and the oracle's
// runtime/test/reference/import-rule.test.ts): every module specifier of a source text.

/** Every module specifier of a source text: static imports/exports, `import()`, `require()`. */
export function specifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

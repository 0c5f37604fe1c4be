// The mutation table (scripts/mutants.json) must stay plantable as the code moves: `npm run
// mutation-check` reports a row whose original text is not found exactly once as stale, and a stale
// row silently stops measuring the suite. This cheap check keeps the table honest in every `npm test`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

interface Mutant { id: string; file: string; original: string; replacement: string; bug: string; killer?: string; equivalent?: string }

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const table = (JSON.parse(readFileSync(resolve(ROOT, "conformance/scripts/mutants.json"), "utf8")) as { mutants: Mutant[] }).mutants;

describe("mutation table", () => {
  it("holds at least 20 mutants that are not judged equivalent, with unique ids", () => {
    expect(table.filter((m) => m.equivalent === undefined).length).toBeGreaterThanOrEqual(20);
    expect(new Set(table.map((m) => m.id)).size).toBe(table.length);
  });

  it.each(table.map((m) => [m.id, m] as const))("%s: the original text is found exactly once, and the mutant changes it", (_id, m) => {
    const text = readFileSync(resolve(ROOT, m.file), "utf8");
    expect(text.split(m.original).length - 1).toBe(1);
    expect(m.replacement).not.toBe(m.original);
    expect(m.killer !== undefined || m.equivalent !== undefined).toBe(true);
  });
});

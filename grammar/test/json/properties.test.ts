// Properties of parseJson, with fixed seeds (printed; override with JSON_PROPERTY_SEED) and the case
// mix printed so that one can see the generators reach the interesting cases:
// (a) it never throws and always returns well-formed diagnostics, on random and mutated input;
// (b) on valid JSON without duplicate keys, toPlainValue(root) deep-equals JSON.parse;
// (c) whatever JSON.parse rejects gets an error, and whatever it accepts gets at most KC1024;
// (d) corrupting k separate lines of a valid policy gives errors on exactly those lines.
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { JSON_DIAGNOSTICS } from "../../src/json/diagnostic-codes.js";
import { parseJson } from "../../src/json/parse.js";
import type { ParseResult } from "../../src/json/syntax-tree.js";
import { toPlainValue } from "../../src/json/to-plain.js";
import { corpusPolicies, lineOf } from "./helpers.js";
import { MUTATION_NAMES, MUTATIONS } from "./mutations.js";

const SEED = Number(process.env.JSON_PROPERTY_SEED ?? 20_260_123);
const KNOWN_CODES = new Set(JSON_DIAGNOSTICS.map((d) => d.code));
const UNLIMITED = { maxBytes: Infinity };

// Pretty-printed corpus policies: one member or element per line.
const POLICIES = corpusPolicies()
  .map(({ name, text }) => ({ name, text: JSON.stringify(JSON.parse(text), null, 2) }))
  .filter(({ text }) => text.split("\n").length >= 15 && text.length < 20_000);

/** Prints a case mix next to the test output. */
function printMix(title: string, mix: Record<string, number>): void {
  const parts = Object.entries(mix).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  console.log(`[seed ${SEED}] ${title}: ${parts.join(" ")}`);
}

function bump(mix: Record<string, number>, key: string): void {
  mix[key] = (mix[key] ?? 0) + 1;
}

/** Checks the shape every result must have, whatever the input. */
function expectWellFormed(text: string, result: ParseResult): void {
  let previous = 0;
  for (const d of result.diagnostics) {
    expect(KNOWN_CODES.has(d.code), d.code).toBe(true);
    expect(d.code, d.message).not.toBe("KC9001");
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
    expect(d.span.start).toBeGreaterThanOrEqual(previous);
    previous = d.span.start;
  }
}

// Characters that matter to JSON, so that random text hits the grammar's corners.
const JSON_CHARS = [..."{}[],:\"'\\/ \t\n\r0123456789-+.eEtrufalsnxu*#=;", "\u0000", "\u001f", "\u00a0", "\ufeff", "\ud800", "é"];
const jsonishText = fc.array(fc.constantFrom(...JSON_CHARS), { maxLength: 80 }).map((cs) => cs.join(""));

/** JSON arrays of strings spelled with escapes, lone surrogates included. */
const escapedStrings = fc.array(
  fc.array(fc.constantFrom("\\ud800", "\\udfff", "\\ud83d\\ude00", "\\n", '\\"', "\\\\", "\\/", "\\u00E9", "\\b", "a", "é", "😀"),
    { maxLength: 6 }).map((parts) => `"${parts.join("")}"`),
  { minLength: 1, maxLength: 4 },
).map((strings) => `[${strings.join(", ")}]`);

/** Valid JSON text: compact, or pretty-printed with 2 or 4 spaces or tabs; some with escapes. */
const validJson = fc.oneof(
  { arbitrary: fc.tuple(fc.json({ maxDepth: 4, stringUnit: "binary" }), fc.constantFrom(0, 2, 4, "\t")).map(
    ([text, indent]) => (indent === 0 ? text : JSON.stringify(JSON.parse(text), null, indent)),
  ), weight: 4 },
  { arbitrary: escapedStrings, weight: 1 },
);

/** Valid JSON or a policy with a few random character edits (insert, delete, replace). */
const mutatedJson = fc.tuple(
  fc.oneof(validJson, fc.constantFrom(...POLICIES.map((p) => p.text))),
  fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...JSON_CHARS)),
    { minLength: 1, maxLength: 3 }),
).map(([text, edits]) => {
  let out = text;
  for (const [position, kind, char] of edits) {
    const at = out.length === 0 ? 0 : position % (out.length + 1);
    if (kind === "insert") out = out.slice(0, at) + char + out.slice(at);
    else if (kind === "delete") out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + char + out.slice(at + 1);
  }
  return out;
});

function acceptedByJsonParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

describe("parseJson properties", () => {
  it("(a) never throws, always returns well-formed diagnostics, and calls do not leak into each other", () => {
    const mix: Record<string, number> = {};
    let previous: { text: string; result: ParseResult } | undefined;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 120 }), jsonishText, mutatedJson), (text) => {
        const result = parseJson(text, UNLIMITED);
        expectWellFormed(text, result);
        // The parser and scanner keep state between calls: the same text must give the same result.
        if (previous !== undefined) expect(parseJson(previous.text, UNLIMITED)).toEqual(previous.result);
        previous = { text, result };
        bump(mix, result.diagnostics.length === 0 ? "clean" : "with-errors");
        if (result.root === undefined) bump(mix, "no-root");
      }),
      { seed: SEED, numRuns: 2_500 },
    );
    printMix("(a) inputs", mix);
    expect(mix["with-errors"]).toBeGreaterThan(1_000);
    expect(mix["clean"]).toBeGreaterThan(100);
  });

  it("(b) agrees with JSON.parse on valid JSON without duplicate keys", () => {
    const mix: Record<string, number> = {};
    fc.assert(
      fc.property(validJson, (text) => {
        const { root, diagnostics } = parseJson(text, UNLIMITED);
        // JSON.stringify writes a lone surrogate as an escape and a pair as itself (well-formed JSON.stringify).
        const lone = /\\u[dD][89a-fA-F]/.test(JSON.stringify(JSON.parse(text)));
        if (lone) {
          bump(mix, "lone-surrogates");
          expect(diagnostics.length).toBeGreaterThan(0);
          expect(diagnostics.filter((d) => d.code !== "KC1025")).toEqual([]);
        } else expect(diagnostics).toEqual([]);
        expect(isDeepStrictEqual(toPlainValue(root!), JSON.parse(text))).toBe(true);
        bump(mix, root!.kind);
        if (/\\u[dD][89a-fA-F]/.test(text)) bump(mix, "surrogate-escapes");
        if (/\\/.test(text)) bump(mix, "escapes");
        if (text.includes("\n")) bump(mix, "multi-line");
      }),
      { seed: SEED, numRuns: 1_500 },
    );
    printMix("(b) roots", mix);
    expect(mix["object"]).toBeGreaterThan(100);
    expect(mix["surrogate-escapes"]).toBeGreaterThan(10);
    expect(mix["lone-surrogates"]).toBeGreaterThan(10);
  });

  it.skipIf(POLICIES.length === 0)("(b) agrees with JSON.parse on every corpus policy, as written", () => {
    const corpus = corpusPolicies();
    for (const { name, text } of corpus) {
      const { root, diagnostics } = parseJson(text, UNLIMITED);
      expect(diagnostics, name).toEqual([]);
      expect(isDeepStrictEqual(toPlainValue(root!), JSON.parse(text)), name).toBe(true);
    }
    console.log(`[corpus] ${corpus.length} policies parsed clean and equal to JSON.parse`);
    expect(corpus.length).toBeGreaterThan(500);
  });

  it("(c) rejects whatever JSON.parse rejects, and accepts what it accepts but duplicate keys", () => {
    const mix: Record<string, number> = {};
    fc.assert(
      fc.property(fc.oneof(mutatedJson, jsonishText), (text) => {
        const native = acceptedByJsonParse(text);
        const { root, diagnostics } = parseJson(text, UNLIMITED);
        const errors = diagnostics.filter((d) => d.severity === "error");
        if (!native.ok) {
          bump(mix, "rejected-by-JSON.parse");
          expect(errors.length).toBeGreaterThan(0);
          for (const d of errors) bump(mix, d.code);
        } else {
          bump(mix, "accepted-by-JSON.parse");
          // JSON.parse also accepts lone surrogates, which are no Unicode (KC1025).
          expect(diagnostics.filter((d) => d.code !== "KC1024" && d.code !== "KC1025")).toEqual([]);
          if (diagnostics.length === 0) expect(isDeepStrictEqual(toPlainValue(root!), native.value)).toBe(true);
          else bump(mix, "duplicate-keys");
        }
      }),
      { seed: SEED, numRuns: 4_000 },
    );
    printMix("(c) verdicts and codes", mix);
    expect(mix["rejected-by-JSON.parse"]).toBeGreaterThan(1_500);
    expect(mix["accepted-by-JSON.parse"]).toBeGreaterThan(300);
  });

  it.skipIf(POLICIES.length === 0)("(d) k corrupted lines, far apart, give errors on exactly those lines", () => {
    const mix: Record<string, number> = {};
    const pick = fc.record({
      policy: fc.nat(),
      corruptions: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(pick, ({ policy, corruptions }) => {
        const lines = POLICIES[policy % POLICIES.length]!.text.split("\n");
        const expected = new Set<number>(); // 1-based lines where errors must appear
        const touched: number[] = [];
        for (const [lineSeed, mutationSeed] of corruptions) {
          // The first applicable line at or after the chosen one, at least 4 lines from the others.
          for (let step = 0; step < lines.length; step++) {
            const index = (lineSeed + step) % lines.length;
            if (touched.some((t) => Math.abs(t - index) < 4)) continue;
            const name = MUTATION_NAMES[mutationSeed % MUTATION_NAMES.length]!;
            const corrupted = MUTATIONS[name]!(lines[index]!, lines[index + 1]);
            if (corrupted === undefined) continue;
            lines[index] = corrupted.line;
            touched.push(index);
            expected.add(index + 1 + (corrupted.errorOnNextLine ? 1 : 0));
            bump(mix, name);
            break;
          }
        }
        const text = lines.join("\n");
        const { diagnostics } = parseJson(text, UNLIMITED);
        const reported = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => lineOf(text, d.span.start)));
        bump(mix, `k=${touched.length}`);
        expect([...reported].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      }),
      { seed: SEED, numRuns: 800 },
    );
    printMix("(d) corruptions", mix);
    for (const name of MUTATION_NAMES) expect(mix[name] ?? 0, name).toBeGreaterThan(20);
    expect(mix["k=3"]).toBeGreaterThan(100);
  });
});

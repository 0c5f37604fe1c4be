// The atom space: string regions agree with brute force over every short string; numeric and date
// witnesses lie strictly between bounds; IP classes split at every range end.
import { describe, expect, it } from "vitest";
import { arnNfa, globNfa, literalNfa, nfaMatches } from "../src/atoms/pattern-nfa.js";
import { dateClasses, ipClasses, numericClasses } from "../src/atoms/ordered-classes.js";
import { stringRegions } from "../src/atoms/string-regions.js";
import { parseDecimal, parseInstant } from "@kms-cedar/runtime/conditions";

function* strings(alphabet: string, max: number): Generator<string> {
  yield "";
  let layer = [""];
  for (let n = 1; n <= max; n++) {
    const next: string[] = [];
    for (const s of layer) for (const c of alphabet) next.push(s + c);
    yield* next;
    layer = next;
  }
}

describe("string regions", () => {
  // Brute force over every string up to `max` letters of an alphabet that holds the literals, a colon and an unmentioned letter.
  const cases: [string, ReturnType<typeof globNfa>[], string, number][] = [
    ["glob and literal", [globNfa("ab*"), literalNfa("ab")], "abZ:", 6],
    ["? and *", [globNfa("a?"), globNfa("*b"), globNfa("?")], "abZ:", 6],
    ["arn components", [arnNfa("a:*:b:::*"), globNfa("a:*"), arnNfa("a:?:b:::")], "abZ:", 8],
    ["disjoint literals", [literalNfa("x"), literalNfa("y"), globNfa("*:*")], "xyZ:", 6],
  ];
  for (const [name, patterns, alphabet, max] of cases) {
    it(`finds exactly the regions brute force finds: ${name}`, () => {
      const regions = stringRegions(patterns);
      for (const r of regions) expect(patterns.map((p) => nfaMatches(p, r.witness))).toEqual(r.member);
      const found = new Set(regions.map((r) => r.member.join()));
      const brute = new Set<string>();
      for (const s of strings(alphabet, max)) brute.add(patterns.map((p) => nfaMatches(p, s)).join());
      for (const k of brute) expect(found.has(k), `region ${k} missed`).toBe(true);
      expect(found.size).toBe(brute.size);
    });
  }

  it("matches the runtime's ARN semantics: wildcards of the first five components never cross a colon", () => {
    const p = arnNfa("arn:aws:kms:*:111122223333:key/*");
    expect(nfaMatches(p, "arn:aws:kms:us-west-2:111122223333:key/k")).toBe(true);
    expect(nfaMatches(p, "arn:aws:kms:us:west:111122223333:key/k")).toBe(false);
    expect(arnNfa("arn:aws:kms").never).toBe(true);
  });

  it("respects a domain: 12-digit accounts split by a prefix pattern", () => {
    const regions = stringRegions([globNfa("1111*"), literalNfa("111122223333")], { els: Array.from({ length: 12 }, () => ({ kind: "one", cls: "digit" as const })), never: false });
    expect(regions.map((r) => r.member.join()).sort()).toEqual(["false,false", "true,false", "true,true"]);
    for (const r of regions) expect(r.witness).toMatch(/^\d{12}$/);
  });
});

describe("ordered classes", () => {
  it("numbers: a witness strictly between bounds half a unit apart", () => {
    const classes = numericClasses(["3600", "3600.5"]);
    const between = classes.find((c) => c.label.includes(" and < "))!;
    const v = Number(between.witness);
    expect(v).toBeGreaterThan(3600);
    expect(v).toBeLessThan(3600.5);
    expect(parseDecimal(between.witness)).toBeDefined();
    expect(classes.map((c) => c.label)).toEqual(["< 3600", "= 3600", "> 3600 and < 3600.5", "= 3600.5", "> 3600.5", "not a number"]);
  });

  it("dates: a sub-second witness between instants half a second apart, readable by the engines", () => {
    const classes = dateClasses(["2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z"]);
    const between = classes.find((c) => c.label.includes(" and < "))!;
    expect(between.witness).toBe("2026-01-01T00:00:00.25Z");
    const t = parseInstant(between.witness)!;
    expect(t.frac).toBe("25");
    expect(dateClasses(["1960-06-01"])[0]!.witness).toMatch(/^1960-05-31T23:59:59/);
  });

  it("IP addresses: a /23 and its two /24 halves give the same cuts", () => {
    const one = ipClasses(["10.0.0.0/23"]).map((c) => c.witness);
    const two = ipClasses(["10.0.0.0/24", "10.0.1.0/24"]).map((c) => c.witness);
    expect(two).toEqual(expect.arrayContaining(one));
    expect(two).toContain("10.0.1.0");
    expect(one).toContain("10.0.2.0");
  });
});

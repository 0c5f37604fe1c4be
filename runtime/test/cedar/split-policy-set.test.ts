// splitPolicySet cuts a large policy text in pieces before splitting it (issue 14: cedar-wasm's
// policySetTextToParts is superlinear). The pieces must give exactly what one call on the whole text
// gives, also when a cut lands inside a string literal or between two annotations of one policy.
import { describe, expect, it } from "vitest";
import { loadCedar } from "../../src/cedar/load-cedar.js";
import { cutBeforePolicies, splitPolicySet, splitPolicyTexts } from "../../src/cedar/split-policy-set.js";

const cedar = loadCedar();
const policy = (i: number, body = "true"): string => `@id("p${i}")\npermit (principal, action, resource) when { ${body} };`;
const joined = (texts: readonly string[]): string => `// header\n\n${texts.join("\n\n")}\n`;
const whole = (text: string) => splitPolicyTexts(cedar, [text]);

describe("splitPolicySet on a large text", () => {
  it("gives what one call on the whole text gives", () => {
    const text = joined(Array.from({ length: 100 }, (_, i) => policy(i)));
    expect(cutBeforePolicies(text, 32).length).toBe(4);
    const split = splitPolicySet(cedar, text);
    expect(split).toEqual(whole(text));
    expect(Object.keys("policies" in split ? split.policies : {})).toHaveLength(100);
  });

  it("falls back to one call when a cut lands inside a string literal", () => {
    // Policy 3's string holds 40 paragraph-starting `@id(`: the 32nd is inside it.
    const trap = `"${"x\n\n@id(".repeat(40)}" == "y"`;
    const text = joined(Array.from({ length: 40 }, (_, i) => policy(i, i === 3 ? trap : "true")));
    const pieces = cutBeforePolicies(text, 32);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.includes(trap)).toBe(false);
    const split = splitPolicySet(cedar, text);
    expect(split).toEqual(whole(text));
    expect("policies" in split ? split.policies["p3"] : "").toContain(trap);
  });

  it("falls back to one call when a cut lands between two annotations of one policy", () => {
    const texts = Array.from({ length: 40 }, (_, i) => policy(i));
    texts[31] = `@note("n")\n\n${texts[31]!}`;
    const text = joined(texts);
    const split = splitPolicySet(cedar, text);
    expect(split).toEqual(whole(text));
    expect("policies" in split ? split.policies["p31"] : "").toContain('@note("n")');
  });

  it("reports the whole text's error when it does not parse", () => {
    const text = joined([...Array.from({ length: 40 }, (_, i) => policy(i)), "@id(\"bad\")\npermit (principal"]);
    const split = splitPolicySet(cedar, text);
    expect("error" in split).toBe(true);
    expect(split).toEqual(whole(text));
  });
});

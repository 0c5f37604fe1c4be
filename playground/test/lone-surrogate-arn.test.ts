// A key or principal ARN with a lone surrogate, typed in the page's ARN field (DESIGN §2: such a string is
// no Unicode text). The page attaches a single policy in a bundle under that ARN, so it refuses it as
// the bundle path does — `compileBundle` and `kms-cedar check` on the bundle with that member name: the
// same code (KC1025) and message — and compiles nothing. The page once compiled it with no error. Every
// message prints the lone surrogate escaped, never raw (a raw one cannot be serialized as UTF-8).
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { isWellFormed } from "@kms-cedar/runtime";
import { analyzeInput } from "../src/analyze-input.js";
import { SAMPLE_IDENTITY_POLICY, SAMPLE_KEY_POLICY } from "../src/samples.js";

const LONE_ROLE = "arn:aws:iam::111122223333:role/R\ud800";
const LONE_KEY = "arn:aws:kms:us-west-2:111122223333:key/abc\ud800";

/** The bundle path's first error for `bundle`, as `CODE message`. */
function bundleError(bundle: object): string {
  const error = compileBundle(bundle as never, { cedar: false }).diagnostics.find((d) => d.severity === "error");
  return `${error?.code} ${error?.message}`;
}

describe("an ARN field with a lone surrogate", () => {
  it("a principal ARN: refused as a bundle naming that principal is (KC1025, same message), nothing compiled", () => {
    const expected = bundleError({ principals: { [LONE_ROLE]: { policies: [JSON.parse(SAMPLE_IDENTITY_POLICY)] } } });
    expect(expected).toMatch(/^KC1025 /);
    const a = analyzeInput(SAMPLE_IDENTITY_POLICY, { kind: "identity", principal: LONE_ROLE });
    expect(a.attachError).toBe(`\`--principal\`: ${expected}`);
    expect(a.graph).toBeUndefined();
  });

  it("a key ARN: refused as a bundle naming that key is (KC1025, same message), printed escaped", () => {
    const expected = bundleError({ keys: { [LONE_KEY]: { policy: JSON.parse(SAMPLE_KEY_POLICY) } } });
    expect(expected).toMatch(/^KC1025 /);
    const a = analyzeInput(SAMPLE_KEY_POLICY, { kind: "key", key: LONE_KEY });
    expect(a.attachError).toBe(`\`--key\`: ${expected}`);
    expect(isWellFormed(a.attachError!)).toBe(true);
    expect(a.graph).toBeUndefined();
  });
});

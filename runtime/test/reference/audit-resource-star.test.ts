// Audit (H9): a request resource `*` (docs/request-model.md: no specific resource, the caller's
// account) stands for the synthetic `arn:P:kms:R:A:*` of spec §1.7 / A20 with a Region R the
// request does not give. A pattern that cannot match it in any Region decides "no match"; `*`
// decides "match"; any other pattern leaves the request ambiguous, so the fail-closed rule (§0.2)
// decides: an Allow does not apply, a Deny does. (Before this audit such patterns never matched `*`,
// so a Deny of `arn:aws:kms:*` or an Allow with NotResource `arn:aws:kms:*` failed open.)

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, B, DKP, K1, allow, decision, deny, doc } from "./fixtures.js";

const listKeys = (resource: string, principal = APP): object => ({ principal, action: "kms:ListKeys", resource });
const withIdentity = (...statements: object[]): object => ({
  keys: { [K1]: { policy: doc(DKP) } },
  principals: { [APP_ROLE]: { policies: [doc(...statements)] } },
});
const SYNTHETIC_WEST = `arn:aws:kms:us-west-2:${A}:*`;
const SYNTHETIC_EAST = `arn:aws:kms:us-east-1:${A}:*`;

describe("§1.7/A20 — a Deny whose Resource matches the synthetic resource in some Region applies to `*`", () => {
  it.each([
    { pattern: "arn:aws:kms:*", why: "every KMS ARN (§1.7 consequences)" },
    { pattern: `arn:aws:kms:*:${A}:*`, why: "every Region of the caller's account" },
    { pattern: `arn:aws:kms:us-west-2:${A}:*`, why: "one Region: `*` might be that Region" },
    { pattern: `arn:aws:kms:us-*:${A}:?`, why: "wildcards inside segments" },
    { pattern: "arn:*:kms:*:*:*", why: "any partition" },
  ])("Deny Resource $pattern → ExplicitDeny ($why)", ({ pattern }) => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", pattern));
    // The concrete forms agree with the spec's synthetic resource:
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe("ExplicitDeny");
    expect(decision(bundle, listKeys("*"))).toBe("ExplicitDeny");
  });

  it.each([
    { pattern: `arn:aws:kms:*:${A}:key/*`, why: "keys only (§1.7: the synthetic resource is no key)" },
    { pattern: `arn:aws:kms:*:${B}:*`, why: "another account" },
    { pattern: `arn:aws-cn:kms:*:${A}:*`, why: "another partition than the caller's" },
    { pattern: `arn:aws:kms:*:${A}:alias/*`, why: "aliases only" },
    { pattern: "arn:aws:kms:us-west-2", why: "too short to match any synthetic resource" },
  ])("Deny Resource $pattern → Allow ($why)", ({ pattern }) => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", pattern));
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe("Allow");
    expect(decision(bundle, listKeys("*"))).toBe("Allow");
  });
});

describe("§1.7/A20 — NotResource against `*`", () => {
  it("Allow NotResource arn:aws:kms:* excludes every synthetic resource → ImplicitDeny, also for `*`", () => {
    const bundle = withIdentity({ Effect: "Allow", Action: "kms:ListKeys", NotResource: "arn:aws:kms:*" });
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe("ImplicitDeny");
    expect(decision(bundle, listKeys("*"))).toBe("ImplicitDeny");
  });

  it("Allow NotResource of one Region: the Region of `*` is unknown → FCR, the Allow does not apply", () => {
    const bundle = withIdentity({ Effect: "Allow", Action: "kms:ListKeys", NotResource: SYNTHETIC_WEST });
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe("ImplicitDeny");
    expect(decision(bundle, listKeys(SYNTHETIC_EAST))).toBe("Allow");
    expect(decision(bundle, listKeys("*"))).toBe("ImplicitDeny");
  });

  it("Allow NotResource of keys only → Allow for `*` (no Region makes the synthetic resource a key)", () => {
    const bundle = withIdentity({ Effect: "Allow", Action: "kms:ListKeys", NotResource: `arn:aws:kms:*:${A}:key/*` });
    expect(decision(bundle, listKeys("*"))).toBe("Allow");
  });

  it("Deny NotResource arn:aws:kms:* → Allow for every concrete form; for `*` the pattern decides nothing → FCR, ExplicitDeny", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), { Effect: "Deny", Action: "kms:ListKeys", NotResource: "arn:aws:kms:*" });
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe("Allow");
    expect(decision(bundle, listKeys("*"))).toBe("ExplicitDeny");
  });

  it("Deny NotResource of keys only → the Deny applies to `*` (no Region makes it a key)", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), { Effect: "Deny", Action: "kms:ListKeys", NotResource: `arn:aws:kms:*:${A}:key/*` });
    expect(decision(bundle, listKeys("*"))).toBe("ExplicitDeny");
  });

  it("Deny NotResource of one Region → the Deny applies to `*` (FCR)", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), { Effect: "Deny", Action: "kms:ListKeys", NotResource: SYNTHETIC_WEST });
    expect(decision(bundle, listKeys(SYNTHETIC_EAST))).toBe("ExplicitDeny");
    expect(decision(bundle, listKeys("*"))).toBe("ExplicitDeny");
  });
});

describe("§1.7/A20 — Allow Resource patterns against `*`", () => {
  it("`*` matches `*`", () => {
    expect(decision(withIdentity(allow("kms:ListKeys", "*")), listKeys("*"))).toBe("Allow");
  });

  it.each([
    `arn:aws:kms:*:${A}:*`, "arn:aws:kms:*", "arn:*:kms:*:*:*", SYNTHETIC_WEST, `arn:aws:kms:us-*:${A}:*`,
  ])("Allow Resource %s: only `*` itself decides the resource `*` → FCR, ImplicitDeny", (pattern) => {
    expect(decision(withIdentity(allow("kms:ListKeys", pattern)), listKeys(SYNTHETIC_WEST))).toBe("Allow");
    expect(decision(withIdentity(allow("kms:ListKeys", pattern)), listKeys("*"))).toBe("ImplicitDeny");
  });

  it("a list with `*` and a pattern that matches some Region: `*` decides → Allow", () => {
    expect(decision(withIdentity(allow("kms:ListKeys", [SYNTHETIC_WEST, "*"])), listKeys("*"))).toBe("Allow");
  });

  it("a variable in the resource part is resolved first (`${aws:username}` absent → matches nothing)", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", `arn:aws:kms:*:${A}:\${aws:username}`));
    expect(decision(bundle, { ...listKeys("*"), context: {} })).toBe("Allow");
    expect(decision(bundle, { ...listKeys("*"), context: { "aws:username": "*" } })).toBe("ExplicitDeny");
  });
});

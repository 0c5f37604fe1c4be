// The request resource `*` (DESIGN §2, docs/request-model.md, issue 10 item 5): it stands for the
// caller's synthetic resource `arn:P:kms:R:A:*` in a Region R the request does not name. A pattern that
// matches it in every Region matches; in some Regions only it is undecided (FCR: false in an Allow,
// true in a Deny); in no Region it does not match. Expected values follow from that rule and the §1.7
// glob (a `*` ending a segment may cross colons), worked out by hand for each pattern.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, B, DKP, EXT, EXT_ROLE, K1, allow, decision, deny, doc } from "./fixtures.js";

const listKeys = (resource: string, principal = APP): object => ({ principal, action: "kms:ListKeys", resource });
const withIdentity = (...statements: object[]): object => ({
  keys: { [K1]: { policy: doc(DKP) } },
  principals: { [APP_ROLE]: { policies: [doc(...statements)] }, [EXT_ROLE]: { policies: [doc(...statements)] } },
});
const SYNTHETIC_WEST = `arn:aws:kms:us-west-2:${A}:*`;
const SYNTHETIC_EAST = `arn:aws:kms:us-east-1:${A}:*`;

// For a caller of account A in partition aws: in how many Regions the pattern matches `arn:aws:kms:R:A:*`.
const REACH: readonly { pattern: string; reach: "every" | "some" | "none" }[] = [
  { pattern: "arn:aws:kms:*", reach: "every" }, // a trailing `*` crosses colons
  { pattern: `arn:aws:kms:*:${A}:*`, reach: "every" },
  { pattern: "arn:*:kms:*:*:*", reach: "every" },
  { pattern: "arn:aws:kms:?*:*:*", reach: "every" }, // a Region is never empty
  { pattern: `arn:aws:kms:*:${A}*`, reach: "every" }, // ends in a crossing `*`: `A:*`
  { pattern: SYNTHETIC_WEST, reach: "some" },
  { pattern: "arn:aws:kms:??:*:*", reach: "some" }, // two-character Regions only
  { pattern: "arn:aws:kms:us-*:*:*", reach: "some" },
  { pattern: `arn:aws:kms:*:${B}:*`, reach: "none" }, // another account
  { pattern: `arn:aws:kms:*:${A}:key/*`, reach: "none" }, // the last segment is the literal `*`
  { pattern: "arn:aws-cn:kms:*", reach: "none" }, // another partition
  { pattern: "arn:aws:kms:US-WEST-2:*:*", reach: "none" }, // no Region has upper case letters
];

describe("DESIGN §2 — the request resource `*` is the caller's resource in an unnamed Region", () => {
  it.each(REACH)("Allow Resource $pattern applies to `*` only when it matches in every Region ($reach)", ({ pattern, reach }) => {
    expect(decision(withIdentity(allow("kms:ListKeys", pattern)), listKeys("*"))).toBe(reach === "every" ? "Allow" : "ImplicitDeny");
    expect(decision(withIdentity(allow("kms:ListKeys", [pattern, "*"])), listKeys("*"))).toBe("Allow");
  });

  it.each(REACH)("Deny Resource $pattern applies to `*` unless it matches in no Region ($reach)", ({ pattern, reach }) => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", pattern));
    expect(decision(bundle, listKeys("*"))).toBe(reach === "none" ? "Allow" : "ExplicitDeny");
  });

  it.each(REACH)("Allow NotResource $pattern applies to `*` only when it matches in no Region ($reach)", ({ pattern, reach }) => {
    const bundle = withIdentity({ Effect: "Allow", Action: "kms:ListKeys", NotResource: pattern });
    expect(decision(bundle, listKeys("*"))).toBe(reach === "none" ? "Allow" : "ImplicitDeny");
  });

  it("the account is the caller's: an account-scoped Deny applies to that account's callers only", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", `arn:aws:kms:*:${A}:*`));
    expect(decision(bundle, listKeys("*", APP))).toBe("ExplicitDeny");
    expect(decision(bundle, listKeys("*", EXT))).toBe("Allow");
  });

  it("one undecided pattern leaves the element undecided, as an ambiguous variable does", () => {
    expect(decision(withIdentity(allow("kms:ListKeys", [`arn:aws:kms:*:${A}:*`, SYNTHETIC_WEST])), listKeys("*"))).toBe("ImplicitDeny");
  });

  it("variables resolve first; their value is literal text (`${aws:PrincipalTag/rest}` = `*` is the literal `*`)", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", `arn:aws:kms:*:${A}:\${aws:PrincipalTag/rest}`));
    expect(decision(bundle, { ...listKeys("*"), context: { "aws:PrincipalTag/rest": "*" } })).toBe("ExplicitDeny");
    expect(decision(bundle, { ...listKeys("*"), context: { "aws:PrincipalTag/rest": "key" } })).toBe("Allow");
    expect(decision(bundle, { ...listKeys("*"), context: {} })).toBe("Allow"); // no value: matches nothing (§4.4)
  });

  it("a service caller has no identity policies: never allowed", () => {
    expect(decision(withIdentity(allow("kms:ListKeys")), listKeys("*", "logs.amazonaws.com"))).toBe("ImplicitDeny");
  });
});

describe("§1.7, A20 — the synthetic resource `arn:P:kms:R:A:*` is matched by the glob", () => {
  it.each([
    { pattern: "arn:aws:kms:*", west: "ExplicitDeny", east: "ExplicitDeny" },
    { pattern: `arn:aws:kms:*:${A}:*`, west: "ExplicitDeny", east: "ExplicitDeny" },
    { pattern: SYNTHETIC_WEST, west: "ExplicitDeny", east: "Allow" },
    { pattern: `arn:aws:kms:*:${A}:key/*`, west: "Allow", east: "Allow" },
    { pattern: `arn:aws:kms:*:${B}:*`, west: "Allow", east: "Allow" },
  ])("Deny Resource $pattern", ({ pattern, west, east }) => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", pattern));
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe(west);
    expect(decision(bundle, listKeys(SYNTHETIC_EAST))).toBe(east);
  });

  it("Allow NotResource of one Region excludes that Region only", () => {
    const bundle = withIdentity({ Effect: "Allow", Action: "kms:ListKeys", NotResource: SYNTHETIC_WEST });
    expect(decision(bundle, listKeys(SYNTHETIC_WEST))).toBe("ImplicitDeny");
    expect(decision(bundle, listKeys(SYNTHETIC_EAST))).toBe("Allow");
  });

  it("a variable in the resource part is resolved first (`${aws:PrincipalTag/team}` absent → matches nothing)", () => {
    const bundle = withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", `arn:aws:kms:*:${A}:\${aws:PrincipalTag/team}`));
    expect(decision(bundle, { ...listKeys(SYNTHETIC_WEST), context: {} })).toBe("Allow");
    expect(decision(bundle, { ...listKeys(SYNTHETIC_WEST), context: { "aws:PrincipalTag/team": "*" } })).toBe("ExplicitDeny");
  });
});

describe("§0.2, §4.1 — a pattern whose variable key has several values leaves the element undecided", () => {
  const several = { "aws:PrincipalTag/team": ["blue", "red"] };
  it("`*` beside it still matches (Allow applies); otherwise FCR decides the element (Allow does not apply, Deny does)", () => {
    const pattern = `arn:aws:kms:*:${A}:key/\${aws:PrincipalTag/team}*`;
    const key = `arn:aws:kms:us-west-2:${A}:key/blue-1`;
    const decrypt = { principal: APP, action: "kms:Decrypt", resource: key, context: several };
    const bundle = (resources: string[]) => ({
      keys: { [key]: { policy: doc(DKP) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt", resources))] } },
    });
    expect(decision(bundle([pattern, "*"]), decrypt)).toBe("Allow");
    expect(decision(bundle([pattern]), decrypt)).toBe("ImplicitDeny");
    expect(decision(bundle([`arn:aws:kms:*:${A}:key/*`, pattern]), decrypt)).toBe("ImplicitDeny"); // matched, but undecided too
    const denied = { keys: { [key]: { policy: doc(DKP) } }, principals: { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt"), deny("kms:Decrypt", pattern))] } } };
    expect(decision(denied, decrypt)).toBe("ExplicitDeny");
  });
});

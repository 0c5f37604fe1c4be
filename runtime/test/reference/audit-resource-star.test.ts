// Audit of the request resource `*` (docs/request-model.md: no specific resource, the caller's
// account). DESIGN §2 fixes that `*` is matched only by a policy `"Resource": "*"` — the current
// KMS permissions table, where such actions take `"Resource": "*"` and a specific ARN pattern does
// not apply to them. The spec's synthetic form `arn:P:kms:R:A:*` (§1.7, A20) is matched by the
// §1.7 glob like any other ARN. (An audit tried reading `*` as "the synthetic resource in an unknown
// Region"; it was reverted because it breaks the fixed contract; see the README's DEVIATION list.)

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, B, DKP, K1, allow, decision, deny, doc } from "./fixtures.js";

const listKeys = (resource: string, principal = APP): object => ({ principal, action: "kms:ListKeys", resource });
const withIdentity = (...statements: object[]): object => ({
  keys: { [K1]: { policy: doc(DKP) } },
  principals: { [APP_ROLE]: { policies: [doc(...statements)] } },
});
const SYNTHETIC_WEST = `arn:aws:kms:us-west-2:${A}:*`;
const SYNTHETIC_EAST = `arn:aws:kms:us-east-1:${A}:*`;

describe("DESIGN §2 — the request resource `*` is matched only by the pattern `*`", () => {
  it.each([
    "arn:aws:kms:*", `arn:aws:kms:*:${A}:*`, SYNTHETIC_WEST, "arn:*:kms:*:*:*", `arn:aws:kms:*:${A}:key/*`,
  ])("Allow Resource %s does not apply to `*`; Allow Resource `*` does", (pattern) => {
    expect(decision(withIdentity(allow("kms:ListKeys", pattern)), listKeys("*"))).toBe("ImplicitDeny");
    expect(decision(withIdentity(allow("kms:ListKeys", [pattern, "*"])), listKeys("*"))).toBe("Allow");
  });

  it("a Deny with an ARN pattern does not apply to `*`, a Deny with `*` does", () => {
    expect(decision(withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", "arn:aws:kms:*")), listKeys("*"))).toBe("Allow");
    expect(decision(withIdentity(allow("kms:ListKeys"), deny("kms:ListKeys", "*")), listKeys("*"))).toBe("ExplicitDeny");
  });

  it("NotResource with an ARN pattern excludes nothing from `*`", () => {
    const bundle = withIdentity({ Effect: "Allow", Action: "kms:ListKeys", NotResource: "arn:aws:kms:*" });
    expect(decision(bundle, listKeys("*"))).toBe("Allow");
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

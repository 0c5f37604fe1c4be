// Spec Appendix A.3 (tests 33–38): policy variables.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, BOB, DKP, decision, doc, holds, type Ctx, type HoldsOptions } from "./fixtures.js";

interface Row {
  readonly test: string;
  readonly condition: object;
  readonly context: Ctx;
  readonly expected: boolean;
  readonly options?: HoldsOptions;
}

const EC_USER = "kms:EncryptionContext:user";
const BY_USERNAME = { StringEquals: { [EC_USER]: "${aws:username}" } };
const TEAM_DEFAULT = { StringEquals: { "kms:EncryptionContext:team": "${aws:PrincipalTag/team, 'shared'}" } };

const rows: Row[] = [
  { test: "33a variable replaced by the user name", condition: BY_USERNAME, context: { [EC_USER]: "Bob" }, expected: true, options: { principal: BOB } },
  { test: "33b other user name", condition: BY_USERNAME, context: { [EC_USER]: "alice" }, expected: false, options: { principal: BOB } },
  { test: "34a no aws:username: StringEquals never matches", condition: BY_USERNAME, context: { [EC_USER]: "bob" }, expected: false },
  { test: "34b no aws:username: StringNotEquals matches the null", condition: { StringNotEquals: { [EC_USER]: "${aws:username}" } }, context: { [EC_USER]: "bob" }, expected: true },
  { test: "35a 2008-10-17: the text is literal", condition: BY_USERNAME, context: { [EC_USER]: "${aws:username}" }, expected: true, options: { principal: BOB, version: "2008-10-17" } },
  { test: "35b 2008-10-17: no substitution", condition: BY_USERNAME, context: { [EC_USER]: "Bob" }, expected: false, options: { principal: BOB, version: "2008-10-17" } },
  { test: "35c missing Version = 2008-10-17 (A1)", condition: BY_USERNAME, context: { [EC_USER]: "Bob" }, expected: false, options: { principal: BOB, version: null } },
  { test: "36a default used when the tag is absent", condition: TEAM_DEFAULT, context: { "kms:EncryptionContext:team": "shared" }, expected: true },
  { test: "36b default not used when the tag is present", condition: TEAM_DEFAULT, context: { "aws:PrincipalTag/team": "red", "kms:EncryptionContext:team": "shared" }, expected: false },
  { test: "37a ${*} is a literal asterisk", condition: { StringLike: { "kms:EncryptionContext:label": "a${*}b" } }, context: { "kms:EncryptionContext:label": "a*b" }, expected: true },
  { test: "37b ${*} is not a wildcard", condition: { StringLike: { "kms:EncryptionContext:label": "a${*}b" } }, context: { "kms:EncryptionContext:label": "axxb" }, expected: false },
];

describe("Appendix A.3 — policy variables", () => {
  it.each(rows)("$test", ({ condition, context, expected, options }) => {
    expect(holds(condition, context, options)).toBe(expected);
  });

  describe("38 unresolvable variable in Resource matches nothing", () => {
    const bundle = {
      keys: { [`arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`]: { policy: doc(DKP) } },
      principals: {
        [APP_ROLE]: { policies: [doc({ Effect: "Allow", Action: "kms:CreateAlias", Resource: `arn:aws:kms:us-west-2:${A}:alias/\${aws:PrincipalTag/team}-*` })] },
      },
    };
    const request = (context: Ctx): object => ({ principal: APP, action: "kms:CreateAlias", resource: `arn:aws:kms:us-west-2:${A}:alias/red-key`, context });
    it("38a no team tag → no match", () => {
      expect(decision(bundle, request({}))).toBe("ImplicitDeny");
    });
    it("38b team=red → match", () => {
      expect(decision(bundle, request({ "aws:PrincipalTag/team": "red" }))).toBe("Allow");
    });
  });
});

// The KR0012 rule (runtime/src/request/bare-role-caller.ts, docs/request-model.md "The caller"): which
// principal ARNs a bundle names make a role ARN as caller ambiguous. Expected answers from the rule: a
// session of the same partition, account and role name, or a role ARN of that name with other text.
import { describe, expect, it } from "vitest";
import { parseCaller } from "@kms-cedar/runtime";
import { bareRoleCheck, namedRoleArns } from "../../src/request/bare-role-caller.js";

const A = "111122223333";
const ROLE = `arn:aws:iam::${A}:role/team/App`;
const caller = (arn: string) => parseCaller(arn)!;
const code = (named: readonly string[] | undefined, arn = ROLE): string | undefined => bareRoleCheck(named)(caller(arn))?.error.code;

describe("bareRoleCheck", () => {
  it("refuses a role caller when the bundle names a session of the role or the role under another path or case", () => {
    expect(code([`arn:aws:sts::${A}:assumed-role/App/s1`])).toBe("KR0012");
    expect(code([`arn:aws:iam::${A}:role/App`])).toBe("KR0012");
    expect(code([`arn:aws:iam::${A}:role/a/b/App`, ROLE])).toBe("KR0012");
    expect(code([`arn:aws:iam::${A}:role/TEAM/App`])).toBe("KR0012");
  });

  it("decides it when the bundle names only its own ARN, other roles, accounts or partitions", () => {
    expect(code([ROLE, ROLE, A, `arn:aws:iam::${A}:root`, "logs.amazonaws.com", "not an arn"])).toBeUndefined();
    expect(code([`arn:aws:sts::${A}:assumed-role/Admin/s1`, `arn:aws:iam::${A}:role/team/app`, `arn:aws:iam::${A}:role/team/AppX`])).toBeUndefined();
    expect(code([`arn:aws:sts::444455556666:assumed-role/App/s1`, `arn:aws-cn:iam::${A}:role/App`])).toBeUndefined();
    expect(code([`arn:aws:iam::${A}:user/App`, `arn:aws:sts::${A}:federated-user/App`])).toBeUndefined();
  });

  it("never refuses another kind of caller", () => {
    const named = [`arn:aws:sts::${A}:assumed-role/App/s1`, `arn:aws:iam::${A}:role/App`];
    for (const arn of [`arn:aws:sts::${A}:assumed-role/App/s2`, `arn:aws:iam::${A}:user/App`, `arn:aws:iam::${A}:root`, "logs.amazonaws.com"]) {
      expect(code(named, arn)).toBeUndefined();
      expect(code(undefined, arn)).toBeUndefined();
    }
  });

  it("refuses every role caller when what the bundle names is unknown", () => {
    expect(code(undefined)).toBe("KR0012");
    expect(code(undefined, `arn:aws:iam::${A}:role/Other`)).toBe("KR0012");
  });

  it("names the caller in a message that says what to give instead, and cannot be changed by whoever gets it", () => {
    const error = bareRoleCheck([`arn:aws:sts::${A}:assumed-role/App/s1`])(caller(ROLE))!;
    expect(error.error.message).toContain(`\`${ROLE}\``);
    expect(error.error.message).toContain("give the session ARN");
    expect(Object.isFrozen(error) && Object.isFrozen(error.error)).toBe(true);
  });
});

describe("namedRoleArns", () => {
  it("keeps the role and role-session ARNs, each once, in first order", () => {
    const session = `arn:aws:sts::${A}:assumed-role/App/s1`;
    expect(namedRoleArns([A, session, ROLE, `arn:aws:iam::${A}:user/Bob`, session, "logs.amazonaws.com", `arn:aws:iam::${A}:root`])).toEqual([session, ROLE]);
  });
});

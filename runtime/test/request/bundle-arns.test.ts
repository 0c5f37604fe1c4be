// The ARNs a bundle may name (runtime/src/request/bundle-arns.ts): concrete ARNs of an AWS partition
// that the request reader also reads. Expected answers come from docs/request-model.md's ARN forms.
import { describe, expect, it } from "vitest";
import { classifyPrincipalArn, isKeyArn, parseCaller, parseTarget } from "@kms-cedar/runtime";

const A = "111122223333";

describe("isKeyArn", () => {
  it("accepts concrete key ARNs of every AWS partition", () => {
    for (const p of ["aws", "aws-cn", "aws-us-gov", "aws-iso-b"]) expect(isKeyArn(`arn:${p}:kms:us-west-2:${A}:key/1234abcd-12ab_34`), p).toBe(true);
  });

  it("refuses aliases, wildcards, other partitions, odd key ids, and what the request reader refuses", () => {
    for (const text of [
      `arn:aws:kms:us-west-2:${A}:alias/a`, `arn:aws:kms:us-west-2:${A}:key/*`, `arn:aws:kms:us-west-2:${A}:key/a?b`,
      `arn:aws:kms:*:${A}:key/k`, `arn:aws:kms:us-west-2:${A}:*`, "*", `arn:foo:kms:us-west-2:${A}:key/k`,
      `arn:aws2:kms:us-west-2:${A}:key/k`, `arn:aws:kms:us-west-2:${A}:key/a.b`, `arn:aws:kms:us-west-2:${A}:key/a b`,
      `arn:aws:kms:us-west-2:1234:key/k`, `arn:aws:kms:us-west-2:${A}:key/a/b`,
    ]) expect(isKeyArn(text), text).toBe(false);
  });
});

describe("classifyPrincipalArn", () => {
  it("reads users, roles (with paths), sessions and federated users as callers, and the root", () => {
    for (const text of [`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${A}:role/team/App`, `arn:aws-cn:sts::${A}:assumed-role/App/s1`, `arn:aws:sts::${A}:federated-user/Fed`]) {
      expect(classifyPrincipalArn(text), text).toBe("caller");
    }
    expect(classifyPrincipalArn(`arn:aws:iam::${A}:root`)).toBe("root");
  });

  it("refuses services, wildcards, white space, other partitions, and names the request reader cannot read", () => {
    for (const text of [
      "logs.amazonaws.com", `arn:aws:iam::${A}:role/*`, `arn:aws:iam::${A}:user/a?`, `arn:aws:iam::${A}:role/a b`,
      `arn:foo:iam::${A}:role/App`, `arn:aws:iam::${A}:role/a:b`, `arn:aws:sts::${A}:assumed-role/App`, `arn:aws:iam::${A}:group/G`, A,
    ]) expect(classifyPrincipalArn(text), text).toBe("invalid");
  });

  it("never accepts a member a request could not name", () => {
    for (const text of [`arn:aws:iam::${A}:role/a:b`, `arn:aws:kms:us-west-2:${A}:key/k:1`]) {
      expect(parseCaller(text) === undefined && parseTarget(text) === undefined).toBe(true);
      expect([isKeyArn(text), classifyPrincipalArn(text)]).toEqual([false, "invalid"]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseArn } from "@kms-cedar/grammar";

describe("parseArn (spec §2.9: split at the first five colons)", () => {
  it("splits a key ARN", () => {
    expect(parseArn("arn:aws:kms:us-west-2:111122223333:key/1111aaaa")).toEqual({
      partition: "aws", service: "kms", region: "us-west-2", account: "111122223333", resource: "key/1111aaaa",
    });
  });

  it("keeps colons of the resource part in the sixth component", () => {
    expect(parseArn("arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/x")?.resource)
      .toBe("store/abc:111122223333:finance/x");
  });

  it("allows empty components and wildcards, as written", () => {
    expect(parseArn("arn:aws:iam::111122223333:root")).toMatchObject({ region: "", account: "111122223333", resource: "root" });
    expect(parseArn("arn:aws:kms:*:*:key/*")).toMatchObject({ region: "*", account: "*", resource: "key/*" });
    expect(parseArn("arn:aws:s3:::")).toMatchObject({ service: "s3", resource: "" });
  });

  it("rejects fewer than six components and a missing `arn` prefix", () => {
    for (const text of ["", "*", "arn", "arn:aws:kms:*", "arn:aws:kms:us-west-2:111122223333", "ARN:aws:kms:r:a:key/x",
      "urn:aws:kms:r:a:key/x", "alias/foo", "111122223333"]) {
      expect(parseArn(text), text).toBeUndefined();
    }
  });
});

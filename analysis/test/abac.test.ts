// ABAC paths: a tag administrator can grant (by tagging) and revoke (by untagging) a developer's
// access that an aws:ResourceTag condition controls; a caller that may not tag has no path.
import { describe, expect, it } from "vitest";
import { abacDot, abacPaths, prepareInput } from "@kms-cedar/analysis";
import { KEY } from "./policy-generators.js";

const DEV = "arn:aws:iam::111122223333:role/Dev";
const TAGGER = "arn:aws:iam::111122223333:role/TagAdmin";
const OTHER = "arn:aws:iam::111122223333:role/Reader";
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const bundle = {
  keys: { [KEY]: { policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }) } },
  principals: {
    [DEV]: { policies: [doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Purpose": "Test" } } })] },
    [TAGGER]: { policies: [doc({ Effect: "Allow", Action: ["kms:TagResource", "kms:UntagResource"], Resource: "*", Condition: { StringEquals: { "aws:RequestTag/Purpose": "Test" } } })] },
    [OTHER]: { policies: [doc({ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" })] },
  },
};

describe("abac", () => {
  const paths = abacPaths(prepareInput("abac", bundle).graph);

  it("tagging with the controlled value grants the developer kms:Decrypt", () => {
    const tag = paths.find((p) => p.actor === TAGGER && p.change === "kms:TagResource purpose=Test");
    expect(tag?.key).toBe(KEY);
    expect(tag?.grants).toEqual(expect.arrayContaining([{ principal: DEV, actions: ["kms:Decrypt"] }]));
  });

  it("untagging revokes it; a caller without tag permissions has no path", () => {
    expect(paths.find((p) => p.actor === TAGGER && p.change.startsWith("kms:UntagResource"))?.revokes).toEqual(expect.arrayContaining([{ principal: DEV, actions: ["kms:Decrypt"] }]));
    expect(paths.some((p) => p.actor === OTHER || p.actor === DEV)).toBe(false);
    // The tagger's RequestTag condition: tagging with another value grants nothing.
    expect(paths.some((p) => p.actor === TAGGER && p.change.startsWith("kms:TagResource") && !p.change.endsWith("=Test"))).toBe(false);
  });

  it("draws the paths as DOT", () => {
    const dot = abacDot(paths);
    expect(dot).toContain(`"${TAGGER}" -> "${KEY}" [label="kms:TagResource purpose=Test"]`);
    expect(dot).toContain(`"${KEY}" -> "${DEV}"`);
  });
});

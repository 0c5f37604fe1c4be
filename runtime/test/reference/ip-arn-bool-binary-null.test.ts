// IpAddress (spec §2.8, A34), ARN operators (§2.9), Bool (§2.6, A14), BinaryEquals (§2.7) and Null
// (§2.10, A10).

import { describe, expect, it } from "vitest";
import { holds, type ConditionRow } from "./fixtures.js";

const make = (key: string) => (name: string, operator: string, policy: unknown, value: string | undefined, expected: boolean): ConditionRow =>
  ({ name, condition: { [operator]: { [key]: policy } }, context: value === undefined ? {} : { [key]: value }, expected });
const ip = make("aws:SourceIp");
const arn = make("aws:SourceArn");
const bool = make("aws:SecureTransport");
const bin = make("aws:SomeBinary");
const nul = make("kms:ViaService");

const ips: ConditionRow[] = [
  ip("/0 contains every IPv4 address", "IpAddress", "0.0.0.0/0", "255.255.255.255", true),
  ip("/8 boundary inside", "IpAddress", "10.0.0.0/8", "10.255.255.255", true),
  ip("/8 boundary outside", "IpAddress", "10.0.0.0/8", "11.0.0.0", false),
  ip("/31", "IpAddress", "192.0.2.4/31", "192.0.2.5", true),
  ip("/31 outside", "IpAddress", "192.0.2.4/31", "192.0.2.6", false),
  ip("several ranges ORed", "IpAddress", ["10.0.0.0/8", "192.168.0.0/16"], "192.168.3.4", true),
  ip("IPv4 address never in an IPv6 range", "IpAddress", "::/0", "10.0.0.1", false),
  ip("IPv4-mapped IPv6 is not unified with IPv4 (A34/§2.8)", "IpAddress", "10.0.0.0/8", "::ffff:10.0.0.1", false),
  ip("bare IPv6 address = /128 (same)", "IpAddress", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", true),
  ip("bare IPv6 address = /128 (next)", "IpAddress", "2001:db8::1", "2001:db8::2", false),
  ip("IPv6 full form in context", "IpAddress", "2001:db8::/32", "2001:0db8:ffff:0000:0000:0000:0000:0001", true),
  ip("context with a prefix is not an address", "IpAddress", "10.0.0.0/8", "10.0.0.0/8", false),
  ip("context octet 256 does not parse", "IpAddress", "10.0.0.0/8", "10.0.0.256", false),
  ip("context with leading zeros does not parse", "IpAddress", "10.0.0.0/8", "010.0.0.1", false),
  ip("context with a zone id does not parse", "IpAddress", "fe80::/10", "fe80::1%eth0", false),
  // Deviation 46 (A15/A17 said "no pair matches", so the negated operator held): undecided, no Allow.
  ip("unparseable context: NotIpAddress is undecided, not satisfied in an Allow", "NotIpAddress", "10.0.0.0/8", "not-an-ip", false),
  ip("NotIpAddress inside", "NotIpAddress", "10.0.0.0/8", "10.1.2.3", false),
  ip("NotIpAddress outside", "NotIpAddress", "10.0.0.0/8", "172.16.0.1", true),
  ip("IpAddressIfExists absent (VPC endpoint)", "IpAddressIfExists", "10.0.0.0/8", undefined, true),
];

const SRC = "arn:aws:s3:::bucket/key:with:colons";
const arns: ConditionRow[] = [
  arn("ArnLike exact", "ArnLike", "arn:aws:logs:us-west-2:111122223333:log-group:app", "arn:aws:logs:us-west-2:111122223333:log-group:app", true),
  arn("ArnLike empty region and account components", "ArnLike", "arn:aws:s3:::bucket/*", SRC, true),
  arn("ArnLike * in the sixth component crosses colons", "ArnLike", "arn:aws:s3:::*", SRC, true),
  arn("ArnLike a literal sixth component must match all of it", "ArnLike", "arn:aws:s3:*:*:bucket/key", SRC, false),
  arn("ArnLike ? in the region", "ArnLike", "arn:aws:logs:us-west-?:111122223333:*", "arn:aws:logs:us-west-2:111122223333:log-group:app", true),
  arn("ArnLike wildcard in the account", "ArnLike", "arn:aws:logs:*:*:log-group:*", "arn:aws:logs:eu-west-1:444455556666:log-group:x", true),
  arn("ArnLike value with fewer than six components", "ArnLike", "arn:aws:s3:::*", "arn:aws:s3", false),
  arn("ArnLike pattern with fewer than six components", "ArnLike", "arn:aws:*", "arn:aws:s3:::bucket", false),
  arn("ArnEquals = ArnLike", "ArnEquals", "arn:aws:s3:::buck?t", "arn:aws:s3:::bucket", true),
  arn("ArnNotLike matching → false", "ArnNotLike", "arn:aws:s3:::*", SRC, false),
  arn("ArnNotLike not matching → true", "ArnNotLike", "arn:aws:s3:::other", SRC, true),
  arn("ArnNotEquals malformed context → true (§2.9)", "ArnNotEquals", "arn:aws:s3:::*", "bucket", true),
  arn("ArnLike values ORed", "ArnLike", ["arn:aws:sns:*:*:*", "arn:aws:s3:::*"], SRC, true),
  arn("ArnLike case-sensitive service", "ArnLike", "arn:aws:S3:::*", SRC, false),
  arn("ArnLikeIfExists absent", "ArnLikeIfExists", "arn:aws:s3:::*", undefined, true),
];

const bools: ConditionRow[] = [
  bool("Bool true = true", "Bool", "true", "true", true),
  bool("Bool false vs true", "Bool", "false", "true", false),
  bool("Bool JSON false", "Bool", false, "false", true),
  bool("Bool context in upper case", "Bool", "true", "TRUE", true),
  bool("Bool mixed case policy value", "Bool", "False", "false", true),
  bool("Bool context yes is not a boolean", "Bool", "true", "yes", false),
  bool("Bool context 1 is not a boolean", "Bool", "true", "1", false),
  bool("BoolIfExists present false", "BoolIfExists", "true", "false", false),
];

// "AQID" = bytes 01 02 03; "AQIE" = 01 02 04.
const binaries: ConditionRow[] = [
  bin("BinaryEquals same bytes", "BinaryEquals", "AQID", "AQID", true),
  bin("BinaryEquals different bytes", "BinaryEquals", "AQID", "AQIE", false),
  bin("BinaryEquals padding", "BinaryEquals", "AQI=", "AQI=", true),
  bin("BinaryEquals context not base64", "BinaryEquals", "AQID", "AQI", false),
  bin("BinaryEquals absent", "BinaryEquals", "AQID", undefined, false),
  bin("BinaryEqualsIfExists absent", "BinaryEqualsIfExists", "AQID", undefined, true),
];

const nulls: ConditionRow[] = [
  nul("Null true, present", "Null", "true", "ec2.us-west-2.amazonaws.com", false),
  nul("Null false, present", "Null", "false", "ec2.us-west-2.amazonaws.com", true),
  // IAM, Condition element: an empty string "in the request context is null" (deviation 45; A10 said present).
  nul("Null false on an empty string: unknown, not satisfied in an Allow", "Null", "false", "", false),
  nul("Null true on an empty string: unknown, not satisfied in an Allow", "Null", "true", "", false),
  nul("Null JSON true, absent", "Null", true, undefined, true),
  nul("Null TRUE in upper case, absent", "Null", "TRUE", undefined, true),
  nul("Null [true,false] is always true (OR, A10)", "Null", ["true", "false"], "x", true),
  { name: "Null false, empty array = absent (§3.2)", condition: { Null: { "aws:TagKeys": "false" } }, context: { "aws:TagKeys": [] }, expected: false },
  { name: "Null true, [\"\"] holds the empty string: unknown, not satisfied in an Allow", condition: { Null: { "aws:TagKeys": "true" } }, context: { "aws:TagKeys": [""] }, expected: false },
];

describe.each([
  { family: "IP (§2.8)", rows: ips },
  { family: "ARN (§2.9)", rows: arns },
  { family: "Bool (§2.6)", rows: bools },
  { family: "BinaryEquals (§2.7)", rows: binaries },
  { family: "Null (§2.10)", rows: nulls },
])("$family", ({ rows }) => {
  it.each(rows)("$name", ({ condition, context, expected }) => {
    expect(holds(condition, context)).toBe(expected);
  });
});

it("Null true on an empty string: unknown, so satisfied in a Deny (deviation 45)", () => {
  expect(holds({ Null: { "aws:RequestTag/Owner": "true" } }, { "aws:RequestTag/Owner": "" }, { effect: "Deny" })).toBe(true);
  expect(holds({ Null: { "aws:RequestTag/Owner": "false" } }, { "aws:RequestTag/Owner": "" }, { effect: "Deny" })).toBe(true);
  expect(holds({ Null: { "aws:RequestTag/Owner": "true" } }, { "aws:RequestTag/Owner": "x" }, { effect: "Deny" })).toBe(false);
});

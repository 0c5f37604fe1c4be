// Spec Appendix A.1 (tests 1–22): operators on a condition value. Each row is one (condition,
// context) pair with the value the appendix gives; the block is evaluated inside an Allow statement.

import { describe, expect, it } from "vitest";
import { holds, type Ctx } from "./fixtures.js";

interface Row {
  readonly test: string;
  readonly condition: object;
  readonly context: Ctx;
  readonly expected: boolean;
}

const EC_DEPT = "kms:EncryptionContext:Dept";
const VIA = "kms:ViaService";
const EC2 = "ec2.us-west-2.amazonaws.com";
const RDS = "rds.us-west-2.amazonaws.com";
const ARN_PATTERN = "arn:aws:someservice:*:111122223333:finance/*";
const SOURCE_ARN = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
const ADMIN = "arn:aws:iam::111122223333:role/Admin";

const rows: Row[] = [
  { test: "1 StringEquals is case-sensitive on values", condition: { StringEquals: { [EC_DEPT]: "IT" } }, context: { [EC_DEPT]: "it" }, expected: false },
  { test: "2 StringEqualsIgnoreCase", condition: { StringEqualsIgnoreCase: { [EC_DEPT]: "IT" } }, context: { [EC_DEPT]: "it" }, expected: true },
  { test: "3 key names incl. the context-key suffix are case-insensitive", condition: { StringEquals: { "KMS:ENCRYPTIONCONTEXT:dept": "IT" } }, context: { [EC_DEPT]: "IT" }, expected: true },
  { test: "4a StringLike * crosses /", condition: { StringLike: { "kms:RequestAlias": "alias/*test*" } }, context: { "kms:RequestAlias": "alias/team/test-key" }, expected: true },
  { test: "4b StringLike ? is one character (RSA_2048)", condition: { StringLike: { "kms:KeySpec": "RSA_????" } }, context: { "kms:KeySpec": "RSA_2048" }, expected: true },
  { test: "4c StringLike ? is one character (ECC_NIST_P256)", condition: { StringLike: { "kms:KeySpec": "RSA_????" } }, context: { "kms:KeySpec": "ECC_NIST_P256" }, expected: false },
  { test: "5 no wildcard = whole-string match", condition: { StringLike: { [VIA]: "ec2" } }, context: { [VIA]: EC2 }, expected: false },
  { test: "6a StringEquals on an absent key", condition: { StringEquals: { [VIA]: EC2 } }, context: {}, expected: false },
  { test: "6b StringNotEquals on an absent key", condition: { StringNotEquals: { [VIA]: EC2 } }, context: {}, expected: true },
  { test: "6c NumericNotEquals on an absent key", condition: { NumericNotEquals: { "kms:RotationPeriodInDays": "365" } }, context: {}, expected: true },
  { test: "6d NotIpAddress on an absent key", condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, context: {}, expected: true },
  { test: "6e ArnNotLike on an absent key", condition: { ArnNotLike: { "aws:PrincipalArn": ADMIN } }, context: {}, expected: true },
  { test: "7 values are ORed", condition: { StringEquals: { [VIA]: [EC2, RDS] } }, context: { [VIA]: RDS }, expected: true },
  { test: "8a negated values are NORed (one matches)", condition: { StringNotEquals: { [VIA]: [EC2, RDS] } }, context: { [VIA]: RDS }, expected: false },
  { test: "8b negated values are NORed (none matches)", condition: { StringNotEquals: { [VIA]: [EC2, RDS] } }, context: { [VIA]: "lambda.us-west-2.amazonaws.com" }, expected: true },
  { test: "9 keys under one operator are ANDed", condition: { StringEquals: { "kms:EncryptionContext:Department": "IT", "kms:EncryptionContext:Project": "Alpha" } }, context: { "kms:EncryptionContext:Department": "IT" }, expected: false },
  { test: "10 operators are ANDed", condition: { StringEquals: { "kms:CallerAccount": "111122223333" }, Bool: { "aws:SecureTransport": "true" } }, context: { "kms:CallerAccount": "111122223333", "aws:SecureTransport": "false" }, expected: false },
  { test: "11a NumericLessThanEquals 7 <= 21", condition: { NumericLessThanEquals: { "kms:ScheduleKeyDeletionPendingWindowInDays": "21" } }, context: { "kms:ScheduleKeyDeletionPendingWindowInDays": "7" }, expected: true },
  { test: "11b NumericLessThanEquals 21 <= 21", condition: { NumericLessThanEquals: { "kms:ScheduleKeyDeletionPendingWindowInDays": "21" } }, context: { "kms:ScheduleKeyDeletionPendingWindowInDays": "21" }, expected: true },
  { test: "11c NumericLessThanEquals 30 <= 21", condition: { NumericLessThanEquals: { "kms:ScheduleKeyDeletionPendingWindowInDays": "21" } }, context: { "kms:ScheduleKeyDeletionPendingWindowInDays": "30" }, expected: false },
  { test: "12 365 = 365.0 (A15)", condition: { NumericEquals: { "kms:RotationPeriodInDays": "365.0" } }, context: { "kms:RotationPeriodInDays": "365" }, expected: true },
  { test: "13a DateGreaterThan", condition: { DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, context: { "aws:CurrentTime": "2019-12-31T23:59:59Z" }, expected: false },
  { test: "13b DateLessThan an epoch value", condition: { DateLessThan: { "aws:CurrentTime": "1577836800" } }, context: { "aws:CurrentTime": "2019-12-31T23:59:59Z" }, expected: true },
  { test: "13c EpochTime with a numeric operator", condition: { NumericLessThan: { "aws:EpochTime": "1577836800" } }, context: { "aws:EpochTime": "1577836799" }, expected: true },
  { test: "13d a date-only value is midnight UTC (not equal)", condition: { DateEquals: { "aws:CurrentTime": "2020-01-01" } }, context: { "aws:CurrentTime": "2019-12-31T23:59:59Z" }, expected: false },
  { test: "13d a date-only value is midnight UTC (equal)", condition: { DateEquals: { "aws:CurrentTime": "2020-01-01" } }, context: { "aws:CurrentTime": "2020-01-01T00:00:00Z" }, expected: true },
  { test: "14a Bool with a quoted true", condition: { Bool: { "kms:GrantIsForAWSResource": "true" } }, context: { "kms:GrantIsForAWSResource": "true" }, expected: true },
  { test: "14b Bool with a JSON true", condition: { Bool: { "kms:GrantIsForAWSResource": true } }, context: { "kms:GrantIsForAWSResource": "true" }, expected: true },
  { test: "15a Bool on an absent key", condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } }, context: {}, expected: false },
  { test: "15b BoolIfExists on an absent key", condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, context: {}, expected: true },
  { test: "16 Bool values are case-insensitive (A14)", condition: { Bool: { "aws:SecureTransport": "TRUE" } }, context: { "aws:SecureTransport": "true" }, expected: true },
  { test: "17a CIDR contains", condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "203.0.113.7" }, expected: true },
  { test: "17b CIDR does not contain", condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, context: { "aws:SourceIp": "198.51.100.1" }, expected: false },
  { test: "17c bare address = /32 (same)", condition: { IpAddress: { "aws:SourceIp": "203.0.113.5" } }, context: { "aws:SourceIp": "203.0.113.5" }, expected: true },
  { test: "17d bare address = /32 (other)", condition: { IpAddress: { "aws:SourceIp": "203.0.113.5" } }, context: { "aws:SourceIp": "203.0.113.6" }, expected: false },
  { test: "17e host bits are ignored", condition: { IpAddress: { "aws:SourceIp": "203.0.113.77/24" } }, context: { "aws:SourceIp": "203.0.113.1" }, expected: true },
  { test: "18a IPv6 CIDR, hex case irrelevant", condition: { IpAddress: { "aws:SourceIp": "2001:DB8:1234:5678::/64" } }, context: { "aws:SourceIp": "2001:db8:1234:5678:abcd::1" }, expected: true },
  { test: "18b IPv6 CIDR, next /64", condition: { IpAddress: { "aws:SourceIp": "2001:DB8:1234:5678::/64" } }, context: { "aws:SourceIp": "2001:db8:1234:5679::1" }, expected: false },
  { test: "19a StringLike * crosses colons", condition: { StringLike: { "aws:SourceArn": ARN_PATTERN } }, context: { "aws:SourceArn": SOURCE_ARN }, expected: true },
  { test: "19b ArnLike matches the six components separately", condition: { ArnLike: { "aws:SourceArn": ARN_PATTERN } }, context: { "aws:SourceArn": SOURCE_ARN }, expected: false },
  { test: "20a ArnEquals honours wildcards", condition: { ArnEquals: { "aws:SourceArn": "arn:aws:iam::111122223333:role/*" } }, context: { "aws:SourceArn": ADMIN }, expected: true },
  { test: "20b StringEquals does not", condition: { StringEquals: { "aws:SourceArn": "arn:aws:iam::111122223333:role/*" } }, context: { "aws:SourceArn": ADMIN }, expected: false },
  { test: "20c ARN matching is case-sensitive", condition: { ArnLike: { "aws:SourceArn": "arn:aws:iam::111122223333:role/admin" } }, context: { "aws:SourceArn": ADMIN }, expected: false },
  { test: "21a Null true, no EC", condition: { Null: { "kms:EncryptionContextKeys": "true" } }, context: {}, expected: true },
  { test: "21b Null true, EC {AppName:x}", condition: { Null: { "kms:EncryptionContextKeys": "true" } }, context: { "kms:EncryptionContextKeys": ["AppName"], "kms:EncryptionContext:AppName": "x" }, expected: false },
  { test: "21c Null false, no EC", condition: { Null: { "kms:EncryptionContextKeys": "false" } }, context: {}, expected: false },
  { test: "22a StringLikeIfExists, absent", condition: { StringLikeIfExists: { [VIA]: "ec2.*" } }, context: {}, expected: true },
  { test: "22b StringLikeIfExists, rds", condition: { StringLikeIfExists: { [VIA]: "ec2.*" } }, context: { [VIA]: RDS }, expected: false },
  { test: "22c StringLikeIfExists, ec2", condition: { StringLikeIfExists: { [VIA]: "ec2.*" } }, context: { [VIA]: EC2 }, expected: true },
];

describe("Appendix A.1 — operators", () => {
  it.each(rows)("$test", ({ condition, context, expected }) => {
    expect(holds(condition, context)).toBe(expected);
  });
});

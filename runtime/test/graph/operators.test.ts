// The graph evaluator's own value parsers and matchers (runtime/src/operators/), with expected
// answers taken from the spec's rules and examples (§1.7, §2.3–§2.9, Appendix A).
import { describe, expect, it } from "vitest";
import { compileArnPattern, matchArnPattern } from "../../src/operators/arn-pattern.js";
import { decodeBase64 } from "../../src/operators/binary.js";
import { parseBool } from "../../src/operators/bool.js";
import { parseInstant } from "../../src/operators/date.js";
import { compareDecimals, compareDecimalText, parseDecimal } from "../../src/operators/decimal.js";
import { compileGlob, matchGlob } from "../../src/operators/glob.js";
import { matchIp, parseCidr } from "../../src/operators/ip.js";
import { compileResourcePattern, matchResourcePattern } from "../../src/operators/resource-pattern.js";

const like = (pattern: string, value: string) => matchGlob(compileGlob(pattern), value);

describe("glob (StringLike, spec §2.3)", () => {
  it("`*` is any run, also empty, and crosses `/` and `:`", () => {
    expect(like("alias/*test*", "alias/team/test-key")).toBe(true);
    expect(like("a*", "a")).toBe(true);
    expect(like("arn:aws:someservice:*:111122223333:finance/*", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt")).toBe(true);
    expect(like("*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab")).toBe(true);
    expect(like("*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).toBe(false);
  });
  it("`?` is exactly one code point", () => {
    expect(like("RSA_????", "RSA_2048")).toBe(true);
    expect(like("RSA_????", "ECC_NIST_P256")).toBe(false);
    expect(like("a?c", "a\u{1F600}c")).toBe(true);
    expect(like("a??c", "a\u{1F600}c")).toBe(false);
    expect(like("a?", "abc")).toBe(false);
  });
  it("is anchored at both ends and case-sensitive", () => {
    expect(like("ec2", "ec2.us-west-2.amazonaws.com")).toBe(false);
    expect(like("*Test*", "alias/mytest")).toBe(false);
  });
  it("literal chunks (`${*}`, variable values) are never wildcards", () => {
    const g = compileGlob([{ text: "a", wild: true }, { text: "*", wild: false }, { text: "b", wild: true }]);
    expect(matchGlob(g, "a*b")).toBe(true);
    expect(matchGlob(g, "axxb")).toBe(false);
  });
  it("matches a range of a string without copying it", () => {
    expect(matchGlob(compileGlob("key/*"), "xxkey/1yy", 2, 7)).toBe(true);
  });
});

describe("resource patterns (spec §1.7, A19, A20)", () => {
  const res = (pattern: string, arn: string) => matchResourcePattern(compileResourcePattern(pattern), arn);
  const K1 = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
  it("follows the §1.7 examples", () => {
    expect(res("arn:aws:kms:*:111122223333:key/*", K1)).toBe(true);
    expect(res("arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:us-west-2:111122223333:alias/finance-key")).toBe(false);
    expect(res("arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:us-west-2:444455556666:key/x")).toBe(false);
    expect(res("arn:aws:kms:us-*-1:*:key/*", "arn:aws:kms:us-east-1:1:key/x")).toBe(true);
    expect(res("arn:aws:kms:us-*-1:*:key/*", "arn:aws:kms:us-east-2:1:key/x")).toBe(false);
  });
  it("a `*` ending a segment crosses colons, any other `*` does not", () => {
    expect(res("arn:aws:kms:*", K1)).toBe(true);
    expect(res("arn:aws:*:111122223333:key/*", K1)).toBe(true);
    expect(res("arn:aws:k*s:us-west-2:111122223333:key/*", K1)).toBe(true);
    expect(res("arn:aws:kms:us*2:111122223333:key/*", K1)).toBe(true);
    expect(res("arn:aws:kms:u*3:key/*", K1)).toBe(false);
  });
  it("`?` stays in its segment; matching is case-sensitive", () => {
    expect(res("arn:aws:kms:us-west-?:111122223333:key/*", K1)).toBe(true);
    expect(res("arn:aws:kms:us-west-2?111122223333:key/*", K1)).toBe(false);
    expect(res("arn:aws:kms:us-west-2:111122223333:key/1111AAAA*", K1)).toBe(false);
  });
  it("the synthetic no-resource target and `*`", () => {
    expect(res("*", "*")).toBe(true);
    expect(res("arn:aws:kms:us-west-2:111122223333:*", "arn:aws:kms:us-west-2:111122223333:*")).toBe(true);
    expect(res("arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:us-west-2:111122223333:*")).toBe(false);
    expect(res("arn:aws:kms:*", "*")).toBe(false);
  });
});

describe("ARN patterns (spec §2.9)", () => {
  const arn = (pattern: string, value: string) => matchArnPattern(compileArnPattern(pattern), value);
  it("matches the six components separately", () => {
    expect(arn("arn:aws:someservice:*:111122223333:finance/*", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt")).toBe(false);
    expect(arn("arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/Admin")).toBe(true);
    expect(arn("arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:role/Admin")).toBe(false);
    expect(arn("arn:aws:logs:*:111122223333:*", "arn:aws:logs:us-west-2:111122223333:log-group:a:b")).toBe(true);
  });
  it("fewer than six components never match", () => {
    expect(arn("arn:aws:s3:::bucket-*", "not-an-arn")).toBe(false);
    expect(arn("arn:aws:s3:bucket", "arn:aws:s3:bucket")).toBe(false);
  });
});

describe("decimals (spec §2.4, A15)", () => {
  const cmp = (a: string, b: string) => compareDecimalText(a, parseDecimal(b)!);
  it("compares exactly", () => {
    expect(cmp("365", "365.0")).toBe(0);
    expect(cmp("10", "9.99")).toBeGreaterThan(0);
    expect(cmp("-1.5", "-1.25")).toBeLessThan(0);
    expect(cmp("0", "-0.0")).toBe(0);
    expect(cmp("123456789012345678901234567890", "123456789012345678901234567891")).toBeLessThan(0);
    expect(cmp("29.99999999999999999999", "30")).toBeLessThan(0);
    expect(cmp(".5", "0.50")).toBe(0);
  });
  it("rejects exponents, NaN, blanks and hex", () => {
    for (const bad of ["1e3", "NaN", "Infinity", " 1", "0x10", "", ".", "+", "1.2.3"]) expect(parseDecimal(bad), bad).toBeUndefined();
    expect(Number.isNaN(cmp("1e3", "1000"))).toBe(true);
  });
});

describe("dates (spec §2.5, A16)", () => {
  const at = (text: string) => parseInstant(text);
  const same = (a: string, b: string) => compareDecimals(at(a)!, at(b)!);
  it("epoch 1577836800 is 2020-01-01T00:00:00Z, partial dates are the first instant", () => {
    expect(same("1577836800", "2020-01-01T00:00:00Z")).toBe(0);
    expect(same("2020-01-01", "2020-01-01T00:00:00Z")).toBe(0);
    expect(same("2020", "2020-01-01T00:00:00Z")).toBe(0);
    expect(same("2020-01", "2020-01-01T00:00Z")).toBe(0);
  });
  it("offsets, missing zone = UTC, either case of T and Z, sub-second digits kept", () => {
    expect(same("2020-01-01T01:00:00+01:00", "2020-01-01T00:00:00Z")).toBe(0);
    expect(same("2020-01-01t00:00:00z", "2020-01-01T00:00:00")).toBe(0);
    expect(same("2020-01-01T00:00:00.0001Z", "2020-01-01T00:00:00Z")).toBeGreaterThan(0);
    expect(same("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59Z")).toBeGreaterThan(0);
    expect(same("1969-12-31T23:59:59.5Z", "1970-01-01T00:00:00Z")).toBeLessThan(0);
  });
  it("rejects everything else", () => {
    for (const bad of ["2020-13-01", "2021-02-29", "2020-01-01T24:00:00Z", "soon", "-5", "2020-01-01T00:00:00+25:00"]) expect(at(bad), bad).toBeUndefined();
    expect(at("2020-02-29")).toBeDefined();
  });
});

describe("IP addresses (spec §2.8, A34)", () => {
  const inRange = (range: string, ip: string) => matchIp(parseCidr(range)!, ip);
  it("follows Appendix A #17 and #18", () => {
    expect(inRange("203.0.113.0/24", "203.0.113.7")).toBe(true);
    expect(inRange("203.0.113.0/24", "198.51.100.1")).toBe(false);
    expect(inRange("203.0.113.5", "203.0.113.6")).toBe(false);
    expect(inRange("203.0.113.77/24", "203.0.113.1")).toBe(true);
    expect(inRange("2001:DB8:1234:5678::/64", "2001:db8:1234:5678:abcd::1")).toBe(true);
    expect(inRange("2001:DB8:1234:5678::/64", "2001:db8:1234:5679::1")).toBe(false);
  });
  it("never mixes families; a bare IPv6 address is /128", () => {
    expect(inRange("0.0.0.0/0", "::1")).toBe(false);
    expect(inRange("::/0", "10.0.0.1")).toBe(false);
    expect(inRange("2001:db8::1", "2001:db8::1")).toBe(true);
    expect(inRange("2001:db8::1", "2001:db8::2")).toBe(false);
  });
  it("rejects malformed addresses", () => {
    for (const bad of ["256.1.1.1", "1.2.3", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "::1::", "not-an-ip", "10.0.0.0/33"]) expect(parseCidr(bad), bad).toBeUndefined();
    expect(inRange("10.0.0.0/8", "10.0.0.0/8")).toBe(false);
  });
});

describe("Bool and BinaryEquals (spec §2.6, §2.7)", () => {
  it("reads true/false in any case, nothing else", () => {
    expect(parseBool("TRUE")).toBe(true);
    expect(parseBool("False")).toBe(false);
    expect(parseBool("yes")).toBeUndefined();
  });
  it("decodes base64", () => {
    expect(decodeBase64("QmluYXJ5VmFsdWU=")).toBe("BinaryValue");
    expect(decodeBase64("not base64!")).toBeUndefined();
  });
  it("accepts only canonical base64, as the reference evaluator does", () => {
    expect(decodeBase64("QUI=")).toBe("AB");
    expect(decodeBase64("QQ==")).toBe("A");
    expect(decodeBase64("")).toBe("");
    // unpadded, unused bits set, padding inside or too long, whitespace
    for (const bad of ["QUI", "QQ", "QUJ=D", "QR==", "QUJ=", "Q===", "====", "QUJD\n"]) expect(decodeBase64(bad), bad).toBeUndefined();
  });
});

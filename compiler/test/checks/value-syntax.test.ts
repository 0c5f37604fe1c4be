// Which condition values the compiler accepts (compiler/src/checks/value-syntax.ts, over the runtime's
// parsers). Expected sets come from the spec (§2.4–§2.10, A14–A16, A34) and from what the reference
// evaluator can read: a value accepted here must be one every engine reads the same way.
import { describe, expect, it } from "vitest";
import {
  isBase64Value, isBooleanValue, isDateValue, isIpValue, isNumberValue,
} from "../../src/checks/value-syntax.js";

const accepts = (test: (text: string) => boolean, texts: readonly string[]) => {
  for (const text of texts) expect(test(text), JSON.stringify(text)).toBe(true);
};
const rejects = (test: (text: string) => boolean, texts: readonly string[]) => {
  for (const text of texts) expect(test(text), JSON.stringify(text)).toBe(false);
};

describe("numbers (spec §2.4, A15)", () => {
  it("accepts signed integers and decimals", () => {
    accepts(isNumberValue, ["10", "-0010.500", "+.5", "7.", "-0.0", "1546257599.0", "9007199254740993"]);
  });
  it("rejects exponents, hex, NaN, Infinity, blanks and empty text", () => {
    rejects(isNumberValue, ["1e3", "0x10", "NaN", "Infinity", " 1", "1 ", "", ".", "-", "1,000", "１"]);
  });
});

describe("dates (spec §2.5, A16)", () => {
  it("accepts the W3C forms, a missing zone, either case of T/Z, and epoch seconds", () => {
    accepts(isDateValue, ["2020-01-01T00:00:00Z", "2020-01-01", "2020", "2020-01", "2020-01-01T00:00", "2020-01-01t00:00:00z",
      "2020-01-01T01:00:00+01:00", "2019-12-31T23:59:59-00:00", "2020-01-01T00:00:00.1230Z", "2024-02-29",
      "1577836800", "1546257599.50", "9223372036854775807"]);
  });
  it("rejects impossible dates, other forms, and epochs of 2^63 seconds or more", () => {
    rejects(isDateValue, ["2020-13-01", "2021-02-29", "2020-01-32", "2020-01-01T24:00Z", "2020-01-01T10:60Z", "2020-01-01T10:00:61Z",
      "2020-01-01T10Z", "2020-01-01 10:00:00Z", "01/01/2020", "-1", "9223372036854775808", "2020-1-1", "", "now",
      "2020-01-01T10:00:00+24:00", "2020-01-01T10:00:00.Z"]);
  });
});

describe("IP addresses (spec §2.8, A34)", () => {
  it("accepts IPv4 and IPv6 addresses and CIDRs, `::` compression, any hex case", () => {
    accepts(isIpValue, ["203.0.113.0/24", "203.0.113.5", "0.0.0.0/0", "2001:DB8:1234:5678::/64", "::1", "::", "1:2:3:4:5:6:7:8",
      "::ffff:192.0.2.1"]);
  });
  it("rejects malformed addresses and prefixes, and leading zeros (the runtime and the reference cannot read them)", () => {
    rejects(isIpValue, ["10.0.0.256", "10.0.0", "10.0.0.1/33", "10.0.0.1/", "10.0.0.1/-1", "1:2:3:4:5:6:7:8:9", "1::2::3",
      "2001:db8::/129", "12345::", "fe80::1%eth0", "10.0.0.1 ", "", "*", "1:2:3:4:5:6:7::8:9", "1:2:3:4:5:6:7",
      "010.0.0.0/8", "10.0.0.0/08"]);
  });
});

describe("Bool, Null and BinaryEquals values (spec §2.6, §2.7, §2.10)", () => {
  it("reads booleans in any case, nothing else", () => {
    accepts(isBooleanValue, ["true", "False", "TRUE"]);
    rejects(isBooleanValue, ["yes", " true", "1", ""]);
  });
  it("accepts canonical base64 only (the reference evaluator rejects the rest)", () => {
    accepts(isBase64Value, ["", "QUJD", "QUI=", "QQ==", "a+/9"]);
    rejects(isBase64Value, ["QUI", "QQ", "QR==", "Q", "QUJ=D", "QQ=", "Q===", "not base64!", "QUJD\n", "QU-_"]);
  });
});

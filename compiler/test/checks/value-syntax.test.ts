import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/checks/values/parse-date.js";
import { compareDecimal, parseDecimal } from "../../src/checks/values/parse-decimal.js";
import { parseIpRange } from "../../src/checks/values/parse-ip.js";
import { isBase64, parseBooleanValue } from "../../src/checks/values/parse-simple-values.js";

describe("parseDecimal (spec §2.4, A15)", () => {
  it("accepts signed integers and decimals, exactly", () => {
    expect(parseDecimal("10")).toEqual({ negative: false, integer: "10", fraction: "" });
    expect(parseDecimal("-0010.500")).toEqual({ negative: true, integer: "10", fraction: "5" });
    expect(parseDecimal("+.5")).toEqual({ negative: false, integer: "0", fraction: "5" });
    expect(parseDecimal("7.")).toEqual({ negative: false, integer: "7", fraction: "" });
    expect(parseDecimal("-0.0")).toEqual({ negative: false, integer: "0", fraction: "" });
    expect(parseDecimal("1546257599.0")).toEqual({ negative: false, integer: "1546257599", fraction: "" });
  });

  it("rejects exponents, hex, NaN, Infinity, blanks and empty text", () => {
    for (const text of ["1e3", "0x10", "NaN", "Infinity", " 1", "1 ", "", ".", "-", "1,000", "１"]) {
      expect(parseDecimal(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("compares exactly: 10 = 10.0, large values do not round", () => {
    const d = (t: string) => parseDecimal(t)!;
    expect(compareDecimal(d("10"), d("10.0"))).toBe(0);
    expect(compareDecimal(d("365"), d("365.0001"))).toBe(-1);
    expect(compareDecimal(d("-2"), d("-10"))).toBe(1);
    expect(compareDecimal(d("9007199254740993"), d("9007199254740992"))).toBe(1);
  });
});

describe("parseDate (spec §2.5, A16)", () => {
  const epoch = (t: string) => parseDate(t)?.epochSeconds;
  it("reads the W3C forms; partial dates are the first instant; no zone is UTC", () => {
    expect(epoch("2020-01-01T00:00:00Z")).toBe(1577836800n);
    expect(epoch("2020-01-01")).toBe(1577836800n);
    expect(epoch("2020")).toBe(1577836800n);
    expect(epoch("2020-01")).toBe(1577836800n);
    expect(epoch("2020-01-01T00:00")).toBe(1577836800n);
    expect(epoch("2020-01-01t00:00:00z")).toBe(1577836800n);
    expect(epoch("2020-01-01T01:00:00+01:00")).toBe(1577836800n);
    expect(epoch("2019-12-31T23:59:59-00:00")).toBe(1577836799n);
    expect(parseDate("2020-01-01T00:00:00.1230Z")).toEqual({ epochSeconds: 1577836800n, fraction: "123" });
    expect(epoch("2024-02-29")).toBe(1709164800n);
  });

  it("reads epoch seconds, with or without a fraction", () => {
    expect(epoch("1577836800")).toBe(1577836800n);
    expect(parseDate("1546257599.50")).toEqual({ epochSeconds: 1546257599n, fraction: "5" });
  });

  it("rejects impossible dates and other forms", () => {
    for (const text of ["2020-13-01", "2021-02-29", "2020-01-32", "2020-01-01T24:00Z", "2020-01-01T10:60Z", "2020-01-01T10:00:61Z",
      "2020-01-01T10Z", "2020-01-01 10:00:00Z", "01/01/2020", "-1", "9223372036854775808", "2020-1-1", "", "now",
      "2020-01-01T10:00:00+24:00", "2020-01-01T10:00:00.Z"]) {
      expect(parseDate(text), text).toBeUndefined();
    }
  });
});

describe("parseIpRange (spec §2.8, A34)", () => {
  it("reads IPv4 addresses and CIDRs; a bare address is /32", () => {
    expect(parseIpRange("203.0.113.0/24")).toEqual({ version: 4, bytes: [203, 0, 113, 0], prefix: 24 });
    expect(parseIpRange("203.0.113.5")).toEqual({ version: 4, bytes: [203, 0, 113, 5], prefix: 32 });
    expect(parseIpRange("0.0.0.0/0")?.prefix).toBe(0);
  });

  it("reads IPv6 with `::` compression and any hex case; a bare address is /128", () => {
    const r = parseIpRange("2001:DB8:1234:5678::/64")!;
    expect(r.version).toBe(6);
    expect(r.prefix).toBe(64);
    expect(r.bytes.slice(0, 8)).toEqual([0x20, 0x01, 0x0d, 0xb8, 0x12, 0x34, 0x56, 0x78]);
    expect(r.bytes.slice(8)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpRange("::1")).toMatchObject({ prefix: 128, bytes: [...new Array(15).fill(0), 1] });
    expect(parseIpRange("::")?.bytes).toEqual(new Array(16).fill(0));
    expect(parseIpRange("1:2:3:4:5:6:7:8")?.bytes.slice(14)).toEqual([0, 8]);
    expect(parseIpRange("::ffff:192.0.2.1")?.bytes.slice(10)).toEqual([0xff, 0xff, 192, 0, 2, 1]);
  });

  it("rejects malformed addresses and prefixes", () => {
    for (const text of ["10.0.0.256", "10.0.0", "10.0.0.1/33", "10.0.0.1/", "10.0.0.1/-1", "1:2:3:4:5:6:7:8:9", "1::2::3",
      "2001:db8::/129", "12345::", "fe80::1%eth0", "10.0.0.1 ", "", "*", "1:2:3:4:5:6:7::8:9", "1:2:3:4:5:6:7"]) {
      expect(parseIpRange(text), text).toBeUndefined();
    }
  });
});

describe("Bool, Null and BinaryEquals values (spec §2.6, §2.7, §2.10)", () => {
  it("reads booleans in any case and says whether they were lower case", () => {
    expect(parseBooleanValue("true")).toEqual({ value: true, lowerCase: true });
    expect(parseBooleanValue("False")).toEqual({ value: false, lowerCase: false });
    expect(parseBooleanValue("yes")).toBeUndefined();
    expect(parseBooleanValue(" true")).toBeUndefined();
  });

  it("accepts base64 with or without padding, and nothing else", () => {
    for (const text of ["", "QUJD", "QUI=", "QQ==", "QUI", "QQ", "a+/9"]) expect(isBase64(text), text).toBe(true);
    for (const text of ["Q", "QUJ=D", "QQ=", "Q===", "not base64!", "QUJD\n", "QU-_"]) expect(isBase64(text), text).toBe(false);
  });
});

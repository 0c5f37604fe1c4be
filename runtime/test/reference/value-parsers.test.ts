// The oracle's own value readers, tested directly: decimals (§2.4), instants (§2.5), IP ranges
// (§2.8), base64 (§2.7), operator names (§2.1), variables (§4) and the KMS action table (§5.4).

import { describe, expect, it } from "vitest";
import { decodeBase64 } from "../../src/reference/base64.js";
import { compareInstant, parseInstant } from "../../src/reference/date.js";
import { compareDecimal, parseDecimal } from "../../src/reference/decimal.js";
import { ipInRange, parseIpAddress, parseIpRange } from "../../src/reference/ip.js";
import { findKmsAction, KMS_ACTIONS } from "../../src/reference/kms-actions.js";
import { OPERATOR_BASES, parseOperator } from "../../src/reference/operators.js";
import { resolveVariables, type VariableValue } from "../../src/reference/variables.js";

describe("decimals (§2.4)", () => {
  it.each([
    ["1", "2", -1], ["2", "1", 1], ["10", "9.999", 1], ["-10", "-9", -1], ["0.0", "-0", 0], ["+1.50", "1.5", 0],
    ["99999999999999999999.1", "99999999999999999999.09", 1], [".5", "0.5", 0], ["7.", "7", 0], ["-0.001", "0", -1],
  ] as const)("%s vs %s → %i", (a, b, expected) => {
    expect(Math.sign(compareDecimal(parseDecimal(a)!, parseDecimal(b)!))).toBe(expected);
  });
  it.each(["", "1e3", "NaN", "Infinity", "0x10", " 1", "1 ", "1.2.3", "--1", ".", "+", "１"])("rejects `%s`", (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe("instants (§2.5)", () => {
  const epoch = (text: string): string => { const i = parseInstant(text)!; return `${i.seconds}${i.fraction === "" ? "" : `.${i.fraction}`}`; };
  it.each([
    ["1970-01-01T00:00:00Z", "0"], ["2020-01-01T00:00:00Z", "1577836800"], ["2020", "1577836800"], ["2020-02", "1580515200"],
    ["2000-02-29", "951782400"], ["2020-01-01T01:00:00+01:00", "1577836800"], ["1969-12-31T23:59:59Z", "-1"],
    ["2038-01-19T03:14:08Z", "2147483648"], ["2020-01-01T00:00:00.120Z", "1577836800.12"], ["1577836800", "1577836800"],
    ["1546257599.0", "1546257599"], ["0", "0"], ["9999-12-31T23:59:59Z", "253402300799"], ["1600-03-01", "-11670912000"],
    ["20200101", "20200101"], // digits other than a four-digit year are epoch seconds
  ])("%s = epoch %s", (text, expected) => {
    expect(epoch(text)).toBe(expected);
  });
  it.each(["2020-1-01", "2020-01-01T00Z", "2021-02-29", "2020-04-31", "2020-00-10", "2020-01-01T00:60:00Z", "2020-01-01T00:00:60Z",
    "2020-01-01T00:00:00+24:00", "2020-01-01 00:00:00Z", "-1", "1e9", "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00ZZ"])("rejects `%s`", (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
  it("keeps sub-second digits beyond milliseconds", () => {
    expect(compareInstant(parseInstant("2020-01-01T00:00:00.0001Z")!, parseInstant("2020-01-01T00:00:00.0002Z")!)).toBeLessThan(0);
  });
});

describe("IP addresses and ranges (§2.8)", () => {
  it.each([
    ["10.0.0.0/8", "10.200.1.1", true], ["0.0.0.0/0", "1.2.3.4", true], ["1.2.3.4/32", "1.2.3.4", true], ["1.2.3.4", "1.2.3.5", false],
    ["::/0", "::1", true], ["::1", "0:0:0:0:0:0:0:1", true], ["2001:db8::/48", "2001:db8:0:ffff::1", true], ["2001:db8::/48", "2001:db8:1::1", false],
    ["::ffff:0:0/96", "::ffff:1.2.3.4", true], ["fe80::/10", "FE80::abcd", true], ["fe80::/10", "fec0::1", false],
  ] as const)("%s contains %s → %s", (range, address, expected) => {
    expect(ipInRange(parseIpAddress(address)!, parseIpRange(range)!)).toBe(expected);
  });
  it.each(["1.2.3", "1.2.3.4.5", "256.1.1.1", "01.1.1.1", "1.2.3.4/33", "1.2.3.4/08", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "g::1",
    "::1/129", "1.2.3.4::", "1:2:3:4:5:6:7::8:9", ":1:2:3:4:5:6:7", "", "/8"])("rejects `%s`", (text) => {
    expect(parseIpRange(text)).toBeUndefined();
  });
});

describe("base64 (§2.7)", () => {
  it.each([["", []], ["AA==", [0]], ["AQID", [1, 2, 3]], ["/w==", [255]], ["AQI=", [1, 2]]] as const)("%s", (text, bytes) => {
    expect(decodeBase64(text)).toEqual(bytes);
  });
  it.each(["A", "AB=", "A===", "AB=C", "AQ-_", "AR==", "AQJ="])("rejects `%s`", (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
});

describe("operator names (§2.1)", () => {
  it("has the 27 bases, 8 of them negated", () => {
    expect(OPERATOR_BASES).toHaveLength(27);
    expect(OPERATOR_BASES.filter((b) => b.negated).map((b) => b.name)).toEqual([
      "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike",
    ]);
  });
  it.each([
    ["ForAnyValue:StringEqualsIfExists", "ForAnyValue", "StringEquals", true],
    ["ForAllValues:ArnNotLike", "ForAllValues", "ArnNotLike", false],
    ["DateLessThanEqualsIfExists", undefined, "DateLessThanEquals", true],
    ["ForAllValues:Null", "ForAllValues", "Null", false],
  ] as const)("%s", (name, setOperator, base, ifExists) => {
    const op = parseOperator(name)!;
    expect([op.setOperator, op.base.name, op.ifExists]).toEqual([setOperator, base, ifExists]);
  });
  it.each(["stringEquals", "NullIfExists", "StringEqualsIfexists", "ForAllValues:ForAnyValue:StringEquals", "ForAnyValues:StringEquals",
    "StringEqualsIfExistsIfExists", "IfExists", ":StringEquals", "StringEquals:", ""])("rejects `%s`", (name) => {
    expect(parseOperator(name)).toBeUndefined();
  });
});

describe("variables (§4.5)", () => {
  const vars: Record<string, VariableValue> = { "aws:username": { kind: "value", value: "bob" }, "aws:principaltag/x": { kind: "ambiguous" } };
  const lookup = (name: string): VariableValue => vars[name.toLowerCase()] ?? { kind: "absent" };
  it.each([
    ["plain", "plain", [{ text: "plain", literal: false }]],
    ["a-${aws:username}-*", "a-${aws:username}-*", [{ text: "a-", literal: false }, { text: "bob", literal: true }, { text: "-*", literal: false }]],
    ["${*}${?}${$}", "", [{ text: "*", literal: true }, { text: "?", literal: true }, { text: "$", literal: true }]],
    ["${aws:nothing, 'd e'}", "", [{ text: "d e", literal: true }]],
  ])("%s", (text, _unused, pieces) => {
    expect(resolveVariables(text, "2012-10-17", lookup)).toEqual({ kind: "pattern", pieces });
  });
  it.each([
    ["${aws:nothing}", "null"], ["${aws:PrincipalTag/x}", "ambiguous"], ["${", "malformed"], ["${}", "malformed"],
    ["${a b}", "malformed"], ["${aws:x, 'd'", "malformed"], ["${aws:x,'d' }", "malformed"], ["${aws:nothing}${", "malformed"],
    ["${aws:nothing}${aws:PrincipalTag/x}", "ambiguous"],
  ])("%s → %s", (text, kind) => {
    expect(resolveVariables(text, "2012-10-17", lookup).kind).toBe(kind);
  });
  it("is literal text under 2008-10-17 and with no Version", () => {
    for (const version of ["2008-10-17", undefined]) {
      expect(resolveVariables("${aws:username}*", version, lookup)).toEqual({ kind: "pattern", pieces: [{ text: "${aws:username}*", literal: false }] });
    }
  });
});

describe("KMS actions (§5.4)", () => {
  it("has every action of the table once", () => {
    expect(KMS_ACTIONS).toHaveLength(56);
    expect(new Set(KMS_ACTIONS.map((a) => a.name.toLowerCase())).size).toBe(56);
    expect(KMS_ACTIONS.filter((a) => a.crossAccount)).toHaveLength(20);
  });
  it.each([["kms:Decrypt", "Decrypt"], ["KMS:decrypt", "Decrypt"], ["kms:createkey", "CreateKey"]])("finds %s", (action, name) => {
    expect(findKmsAction(action)?.name).toBe(name);
  });
  it.each(["kms:", "Decrypt", "kms:Decrypt ", "kms:ReEncrypt", "s3:Decrypt", "kms:Decrypt*", "kms:CustomerMasterKeySpec"])("rejects `%s`", (action) => {
    expect(findKmsAction(action)).toBeUndefined();
  });
});

// Typed values for Cedar (runtime/src/cedar/cedar-values.ts): IAM numbers, instants and IPs put on
// Cedar's grids, representatives that compare with every policy constant exactly as the value does,
// and texts Cedar's decimal(), datetime() and ip() accept (no IPv4-mapped dotted tails, DESIGN §4).
import { describe, expect, it } from "vitest";
import {
  DATETIME_GRID, datetimeText, DECIMAL_GRID, decimalText, gridFits, instantOnGrid, ipAddressText, ipRangeText, LONG_GRID, numberOnGrid, represent,
} from "@kms-cedar/runtime/cedar-names";

describe("numbers on a grid (spec §2.4)", () => {
  it("floors onto the grid and says whether the value was on it", () => {
    expect(numberOnGrid("21", 0)).toEqual({ floor: 21n, exact: true });
    expect(numberOnGrid("21.0", 0)).toEqual({ floor: 21n, exact: true });
    expect(numberOnGrid("21.5", 0)).toEqual({ floor: 21n, exact: false });
    expect(numberOnGrid("-21.5", 0)).toEqual({ floor: -22n, exact: false });
    expect(numberOnGrid("1546257599.00001", 4)).toEqual({ floor: 15462575990000n, exact: false });
    expect(numberOnGrid("1e3", 0)).toBeUndefined();
  });

  it("keeps a value Cedar can carry, and replaces the others by one that compares the same", () => {
    const constants = [7n, 21n, 30n];
    expect(represent({ floor: 21n, exact: true }, constants, LONG_GRID)).toBe(21n);
    expect(represent({ floor: 21n, exact: false }, constants, LONG_GRID)).toBe(22n); // 21 < x < 30
    expect(represent({ floor: 7n, exact: false }, [7n, 9n], LONG_GRID)).toBe(8n); // 7 < x < 9
    // Beyond 2^53 (JSON numbers lose precision there): a safe value above (below) every constant.
    const above = represent(numberOnGrid("99999999999999999999", 0)!, constants, LONG_GRID);
    expect(above > 30n && above <= LONG_GRID.max).toBe(true);
    const below = represent(numberOnGrid("-99999999999999999999", 0)!, constants, LONG_GRID);
    expect(below < 7n && below >= LONG_GRID.min).toBe(true);
    expect(represent(numberOnGrid("99999999999999999999", 0)!, [], LONG_GRID)).toBe(LONG_GRID.max);
  });

  it("refuses constants that leave no room between them (the emitter then derives the test)", () => {
    expect(gridFits([21n, 22n], LONG_GRID)).toBe(false);
    expect(gridFits([21n, 23n], LONG_GRID)).toBe(true);
    expect(gridFits([2n ** 53n - 1n], LONG_GRID)).toBe(false);
  });

  it("writes decimals as Cedar's decimal() wants them: one to four fraction digits", () => {
    expect(decimalText(15462575995000n)).toBe("1546257599.5");
    expect(decimalText(210000n)).toBe("21.0");
    expect(decimalText(-5n)).toBe("-0.0005");
    expect(decimalText(DECIMAL_GRID.max)).toBe("922337203685477.5807");
  });
});

describe("instants (spec §2.5, A16)", () => {
  it("reads W3C dates and epoch seconds to milliseconds", () => {
    expect(instantOnGrid("2020-01-01")).toEqual({ floor: 1577836800000n, exact: true });
    expect(instantOnGrid("1577836800")).toEqual({ floor: 1577836800000n, exact: true });
    expect(instantOnGrid("2020-01-01T01:00:00+01:00")).toEqual({ floor: 1577836800000n, exact: true });
    expect(instantOnGrid("2020-01-01T00:00:00.0005Z")).toEqual({ floor: 1577836800000n, exact: false });
    expect(instantOnGrid("2020-02-30")).toBeUndefined();
  });

  it("writes datetime texts Cedar accepts, within years 0000-9999", () => {
    expect(datetimeText(1577836800000n)).toBe("2020-01-01");
    expect(datetimeText(1577836801000n)).toBe("2020-01-01T00:00:01Z");
    expect(datetimeText(1577836800001n)).toBe("2020-01-01T00:00:00.001Z");
    expect(datetimeText(DATETIME_GRID.min)).toBe("0000-01-01");
    expect(datetimeText(DATETIME_GRID.max)).toBe("9999-12-31T23:59:59.999Z");
  });
});

describe("IP addresses (spec §2.8, A34)", () => {
  it("writes request addresses without dotted IPv6 tails, which Cedar's ip() rejects", () => {
    expect(ipAddressText("203.0.113.7")).toBe("203.0.113.7");
    expect(ipAddressText("::ffff:203.0.113.7")).toBe("0:0:0:0:0:ffff:cb00:7107");
    expect(ipAddressText("2001:DB8::1")).toBe("2001:db8:0:0:0:0:0:1");
    expect(ipAddressText("01.2.3.4")).toBeUndefined();
    expect(ipAddressText("1.2.3.4/32")).toBeUndefined();
  });

  it("writes ranges with host bits cleared and a bare address as itself", () => {
    expect(ipRangeText("203.0.113.77/24")).toBe("203.0.113.0/24");
    expect(ipRangeText("203.0.113.5")).toBe("203.0.113.5");
    expect(ipRangeText("::ffff:203.0.113.0/120")).toBe("0:0:0:0:0:ffff:cb00:7100/120");
    expect(ipRangeText("bad")).toBeUndefined();
  });
});

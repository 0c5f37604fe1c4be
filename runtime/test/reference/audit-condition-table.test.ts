// Audit (H9): every cell of the absent / empty / single / multi-valued tables (spec §2.2, §2.10–§2.12,
// §3.2, §3.6) for every base operator, both set qualifiers and none, with and without IfExists, in an
// Allow and in a Deny, with a two-value policy list (OR / NOR) and an empty one. The expected value
// comes from the §2.2 pseudo-code; the per-pair match from hand-picked values of §2.3–§2.9 (each
// family lists two request values that match some policy value and two that match none).

import { describe, expect, it } from "vitest";
import { holds, type Ctx } from "./fixtures.js";

interface Family {
  readonly policy: readonly string[];
  readonly match: readonly [string, string];
  readonly miss: readonly [string, string];
}

const T0 = "2020-01-01T00:00:00Z";
const T1 = "2021-01-01T00:00:00Z";
// The positive bases, their values, and their negated partners (§2.1).
const FAMILIES: ReadonlyArray<readonly [string, string | undefined, Family]> = [
  ["StringEquals", "StringNotEquals", { policy: ["a", "b"], match: ["a", "b"], miss: ["A", "c"] }],
  ["StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", { policy: ["a", "B"], match: ["A", "b"], miss: ["c", "a "] }],
  ["StringLike", "StringNotLike", { policy: ["a*", "?z"], match: ["a:/b", "xz"], miss: ["ba", "xxz"] }],
  ["NumericEquals", "NumericNotEquals", { policy: ["10", "20.0"], match: ["10.0", "+20"], miss: ["11", "-10"] }],
  ["NumericLessThan", undefined, { policy: ["10", "20"], match: ["9", "19.5"], miss: ["20", "25"] }],
  ["NumericLessThanEquals", undefined, { policy: ["10", "20"], match: ["10", "20.000"], miss: ["20.5", "21"] }],
  ["NumericGreaterThan", undefined, { policy: ["10", "20"], match: ["10.5", "30"], miss: ["10", "-1"] }],
  ["NumericGreaterThanEquals", undefined, { policy: ["10", "20"], match: ["10", "25"], miss: ["9.99", "-1"] }],
  ["DateEquals", "DateNotEquals", { policy: [T0, "2021"], match: ["2020-01-01T01:00:00+01:00", "1609459200"], miss: ["2020-01-02", "1609459201"] }],
  ["DateLessThan", undefined, { policy: [T0, T1], match: ["2019-12-31T23:59:59Z", "2020-06-01"], miss: [T1, "2022"] }],
  ["DateLessThanEquals", undefined, { policy: [T0, T1], match: [T0, "1609459200"], miss: ["2021-01-01T00:00:00.001Z", "2030"] }],
  ["DateGreaterThan", undefined, { policy: [T0, T1], match: ["2020-01-01T00:00:00.5Z", "2030"], miss: [T0, "2019"] }],
  ["DateGreaterThanEquals", undefined, { policy: [T0, T1], match: [T0, "2025-01-01"], miss: ["2019-12-31T23:59:59.999Z", "1990"] }],
  // Misses that parse: a value the type cannot read is undecided (deviation 46), not a miss.
  ["Bool", undefined, { policy: ["true"], match: ["true", "TRUE"], miss: ["false", "False"] }],
  ["BinaryEquals", undefined, { policy: ["AQID", "AAAA"], match: ["AQID", "AAAA"], miss: ["AQIE", "AAA="] }],
  ["IpAddress", "NotIpAddress", { policy: ["10.0.0.0/8", "2001:db8::/32"], match: ["10.1.2.3", "2001:DB8::1"], miss: ["11.0.0.1", "::ffff:10.0.0.1"] }],
  ["ArnLike", "ArnNotLike", { policy: ["arn:aws:iam::*:role/x", "arn:aws:s3:::b*"], match: ["arn:aws:iam::111122223333:role/x", "arn:aws:s3:::b:c"], miss: ["arn:aws:iam::111122223333:role/y", "arn:aws:s3::x:b"] }],
  ["ArnEquals", "ArnNotEquals", { policy: ["arn:aws:iam::*:role/x", "arn:aws:s3:::b?"], match: ["arn:aws:iam::1:role/x", "arn:aws:s3:::bc"], miss: ["arn:aws:iam::1:role/x/y", "bc"] }],
];

const KEY = "aws:AuditKey";
type State = { readonly name: string; readonly value: string | string[] | undefined; readonly matches: readonly boolean[] };

function states(f: Family): State[] {
  const [m1, m2] = f.match;
  const [n1, n2] = f.miss;
  return [
    { name: "absent", value: undefined, matches: [] },
    { name: "empty array", value: [], matches: [] },
    { name: "one matching string", value: m1, matches: [true] },
    { name: "one missing string", value: n1, matches: [false] },
    { name: "[match]", value: [m2], matches: [true] },
    { name: "[miss]", value: [n2], matches: [false] },
    { name: "[match, match]", value: [m1, m2], matches: [true, true] },
    { name: "[match, miss]", value: [m2, n1], matches: [true, false] },
    { name: "[miss, miss]", value: [n1, n2], matches: [false, false] },
  ];
}

/** AWS: §2.2 evalKey, §2.11, §2.12, §3.2, §3.6 (FCR for a plain operator on ≥2 values). */
function expected(setOp: string, negated: boolean, ifExists: boolean, matches: readonly boolean[], effect: string): boolean {
  if (matches.length === 0) {
    if (ifExists) return true;
    if (setOp === "ForAllValues") return true;
    if (setOp === "ForAnyValue") return false;
    return negated;
  }
  const test = (m: boolean): boolean => (negated ? !m : m);
  if (setOp === "ForAllValues") return matches.every(test);
  if (setOp === "ForAnyValue") return matches.some(test);
  if (matches.length > 1) return effect === "Deny";
  return test(matches[0]!);
}

describe("§2.2/§2.12/§3.2 — every cell, every base operator", () => {
  for (const [positive, negatedName, family] of FAMILIES) {
    for (const [base, negated] of [[positive, false], ...(negatedName ? [[negatedName, true]] : [])] as Array<[string, boolean]>) {
      it(`${base}: 3 qualifiers × IfExists × 9 request states × Allow/Deny × [values]/[]`, () => {
        let cells = 0;
        for (const setOp of ["", "ForAllValues", "ForAnyValue"]) {
          for (const ifExists of [false, true]) {
            const operator = `${setOp === "" ? "" : `${setOp}:`}${base}${ifExists ? "IfExists" : ""}`;
            for (const list of [family.policy, []]) {
              for (const state of states(family)) {
                for (const effect of ["Allow", "Deny"] as const) {
                  const context: Ctx = state.value === undefined ? {} : { [KEY]: state.value };
                  // With an empty policy list no request value matches (§2.12 "policy value list []").
                  const matches = list.length === 0 ? state.matches.map(() => false) : state.matches;
                  const want = expected(setOp, negated, ifExists, matches, effect);
                  const got = holds({ [operator]: { [KEY]: [...list] } }, context, { effect });
                  expect(got, `${operator} ${JSON.stringify(list)} on ${state.name} in an ${effect}`).toBe(want);
                  cells++;
                }
              }
            }
          }
        }
        expect(cells).toBe(3 * 2 * 2 * 9 * 2);
      });
    }
  }
});

describe("§2.10/§3.3 — Null, every cell", () => {
  it("Null / ForAllValues:Null / ForAnyValue:Null × true/false/both × request states × Allow/Deny", () => {
    const family = { policy: [], match: ["x", "y"], miss: ["", "z"] } as const;
    for (const setOp of ["", "ForAllValues", "ForAnyValue"]) {
      for (const values of [["true"], ["false"], ["true", "false"], [true], ["TRUE"]]) {
        for (const state of states(family)) {
          for (const effect of ["Allow", "Deny"] as const) {
            const present = state.matches.length > 0;
            const orOver = values.some((v) => (String(v).toLowerCase() === "true" ? !present : present));
            // IAM, Condition element: an empty string "in the request context is null": unknown, the
            // fail-closed rule decides (deviation 45; the spec's A10 read it as present).
            const emptyValue = state.value === "" || (Array.isArray(state.value) && state.value.includes(""));
            const want = setOp === "ForAllValues" ? true : setOp === "ForAnyValue" ? false : emptyValue ? effect === "Deny" : orOver;
            const context: Ctx = state.value === undefined ? {} : { [KEY]: state.value };
            const operator = setOp === "" ? "Null" : `${setOp}:Null`;
            expect(holds({ [operator]: { [KEY]: values } }, context, { effect }), `${operator} ${JSON.stringify(values)} on ${state.name} (${effect})`).toBe(want);
          }
        }
      }
    }
  });
});

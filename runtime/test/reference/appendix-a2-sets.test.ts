// Spec Appendix A.2 (tests 23–32): set operators and multivalued keys. Test 32 is a compile
// error; the oracle must fail closed on it instead (never satisfied in an Allow, always in a Deny).

import { describe, expect, it } from "vitest";
import { holds, type Ctx, type HoldsOptions } from "./fixtures.js";

interface Row {
  readonly test: string;
  readonly condition: object;
  readonly context: Ctx;
  readonly expected: boolean;
  readonly options?: HoldsOptions;
}

const TAGS = "aws:TagKeys";
const ECK = "kms:EncryptionContextKeys";
const OPS = "kms:GrantOperations";
const ALIASES = "kms:ResourceAliases";
const VIA = "kms:ViaService";
const EC2 = "ec2.us-west-2.amazonaws.com";
const TEST_ALIASES = {
  "ForAllValues:StringLike": { [ALIASES]: ["alias/*Test*"] },
  "ForAnyValue:StringLike": { [ALIASES]: ["alias/*Test*"] },
};
const KEY_POLICY_FOR_ALL_EC = { "ForAllValues:StringEquals": { "kms:EncryptionContext:Dept": "IT" } };

const rows: Row[] = [
  { test: "23a ForAllValues: one request value matches nothing", condition: { "ForAllValues:StringEquals": { [TAGS]: ["Project"] } }, context: { [TAGS]: ["Project", "Owner"] }, expected: false },
  { test: "23b ForAllValues: every value matches", condition: { "ForAllValues:StringEquals": { [TAGS]: ["Project"] } }, context: { [TAGS]: ["Project"] }, expected: true },
  { test: "23c ForAllValues: vacuously true when absent", condition: { "ForAllValues:StringEquals": { [TAGS]: ["Project"] } }, context: {}, expected: true },
  { test: "24a ForAnyValue: some value matches", condition: { "ForAnyValue:StringEquals": { [ALIASES]: "alias/finance-key" } }, context: { [ALIASES]: ["alias/a", "alias/finance-key"] }, expected: true },
  { test: "24b ForAnyValue: false when absent", condition: { "ForAnyValue:StringEquals": { [ALIASES]: "alias/finance-key" } }, context: {}, expected: false },
  { test: "25a Null guard removes the vacuous case", condition: { "ForAllValues:StringEquals": { [TAGS]: ["Project"] }, Null: { [TAGS]: "false" } }, context: {}, expected: false },
  { test: "25b Null guard with a tag", condition: { "ForAllValues:StringEquals": { [TAGS]: ["Project"] }, Null: { [TAGS]: "false" } }, context: { [TAGS]: ["Project"] }, expected: true },
  { test: "26a ForAllValues:StringNotEquals, no Secret", condition: { "ForAllValues:StringNotEquals": { [ECK]: ["Secret"] } }, context: { [ECK]: ["App", "Stage"] }, expected: true },
  { test: "26b ForAllValues:StringNotEquals, Secret present", condition: { "ForAllValues:StringNotEquals": { [ECK]: ["Secret"] } }, context: { [ECK]: ["App", "Secret"] }, expected: false },
  { test: "26c ForAllValues:StringNotEquals, absent → true (A3)", condition: { "ForAllValues:StringNotEquals": { [ECK]: ["Secret"] } }, context: {}, expected: true },
  { test: "27a ForAnyValue:StringNotEquals, Sign is extra", condition: { "ForAnyValue:StringNotEquals": { [OPS]: ["Decrypt", "Encrypt"] } }, context: { [OPS]: ["Encrypt", "Sign"] }, expected: true },
  { test: "27b ForAnyValue:StringNotEquals, nothing extra", condition: { "ForAnyValue:StringNotEquals": { [OPS]: ["Decrypt", "Encrypt"] } }, context: { [OPS]: ["Encrypt"] }, expected: false },
  { test: "27c ForAnyValue:StringNotEquals, absent → false (A4)", condition: { "ForAnyValue:StringNotEquals": { [OPS]: ["Decrypt", "Encrypt"] } }, context: {}, expected: false },
  { test: "28a KMS pattern: no aliases", condition: TEST_ALIASES, context: {}, expected: false },
  { test: "28b KMS pattern: one Test alias", condition: TEST_ALIASES, context: { [ALIASES]: ["alias/myTest"] }, expected: true },
  { test: "28c KMS pattern: a non-Test alias too", condition: TEST_ALIASES, context: { [ALIASES]: ["alias/myTest", "alias/prod"] }, expected: false },
  { test: "28d KMS pattern: StringLike is case-sensitive", condition: TEST_ALIASES, context: { [ALIASES]: ["alias/mytest"] }, expected: false },
  { test: "29a ForAnyValue:Null is always false", condition: { "ForAnyValue:Null": { [TAGS]: "true" } }, context: {}, expected: false },
  { test: "29b ForAllValues:Null is always true", condition: { "ForAllValues:Null": { [TAGS]: "false" } }, context: { [TAGS]: ["Project"] }, expected: true },
  { test: "30a plain operator, one value", condition: { StringEquals: { [TAGS]: "Project" } }, context: { [TAGS]: ["Project"] }, expected: true },
  { test: "30b plain operator, two values → FCR in an Allow (A5)", condition: { StringEquals: { [TAGS]: "Project" } }, context: { [TAGS]: ["Project", "Owner"] }, expected: false },
  { test: "30c plain operator, two values → FCR in a Deny (A5)", condition: { StringEquals: { [TAGS]: "Project" } }, context: { [TAGS]: ["Project", "Owner"] }, expected: true, options: { effect: "Deny" } },
  { test: "31a empty list matches nothing (present)", condition: { StringEquals: { [VIA]: [] } }, context: { [VIA]: EC2 }, expected: false },
  { test: "31b empty list matches nothing (absent)", condition: { StringEquals: { [VIA]: [] } }, context: {}, expected: false },
  { test: "31c IfExists with an empty list, absent", condition: { StringEqualsIfExists: { [VIA]: [] } }, context: {}, expected: true },
  { test: "31d IfExists with an empty list, present", condition: { StringEqualsIfExists: { [VIA]: [] } }, context: { [VIA]: EC2 }, expected: false },
  // Test 32 is "compile error"; here: a key policy that KMS would refuse is decided by FCR.
  { test: "32a key policy ForAllValues on EC (matching) fails closed in an Allow", condition: KEY_POLICY_FOR_ALL_EC, context: { "kms:EncryptionContext:Dept": "IT" }, expected: false, options: { kind: "key" } },
  { test: "32b key policy ForAllValues on EC (absent) fails closed in an Allow", condition: KEY_POLICY_FOR_ALL_EC, context: {}, expected: false, options: { kind: "key" } },
  { test: "32c key policy ForAllValues on EC (not matching) fails closed in a Deny", condition: KEY_POLICY_FOR_ALL_EC, context: { "kms:EncryptionContext:Dept": "HR" }, expected: true, options: { kind: "key", effect: "Deny" } },
  { test: "32d key policy ForAllValues on aws:RequestTag fails closed in an Allow", condition: { "ForAllValues:StringEquals": { "aws:RequestTag/Project": "Alpha" } }, context: { "aws:RequestTag/Project": "Alpha" }, expected: false, options: { kind: "key" } },
];

describe("Appendix A.2 — set operators and multivalued keys", () => {
  it.each(rows)("$test", ({ condition, context, expected, options }) => {
    expect(holds(condition, context, options)).toBe(expected);
  });
});

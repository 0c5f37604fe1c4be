// fast-check arbitraries for condition blocks that pass the checks: every operator family, the set
// qualifiers on multivalued keys, IfExists, Null, and values (with variables in 2012-10-17 policies)
// drawn from the same small pools as request values, so about half of the conditions match.
import fc from "fast-check";

/** A condition key, its value family and the pool its values come from. */
export interface KeySpec {
  readonly key: string;
  readonly family: "string" | "numeric" | "date" | "bool" | "ip" | "arn" | "binary";
  readonly multi: boolean;
  /** Usable in a key policy (aws:ResourceTag/* and kms:ResourceAliases are not, spec §5.6). */
  readonly inKeyPolicy: boolean;
  readonly pool: readonly string[];
}

const STRINGS = ["IT", "it", "ITx", "HR", "a*b", "I?", "*T", "alias/*", "alias/test-key", "x", "\u{1F600}T"];
export const KEYS: readonly KeySpec[] = [
  { key: "kms:EncryptionContext:Dept", family: "string", multi: false, inKeyPolicy: true, pool: STRINGS },
  { key: "kms:ViaService", family: "string", multi: false, inKeyPolicy: true, pool: ["ec2.us-west-2.amazonaws.com", "rds.us-west-2.amazonaws.com"] },
  { key: "aws:ResourceTag/Project", family: "string", multi: false, inKeyPolicy: false, pool: ["Alpha", "Beta", "alpha"] },
  { key: "aws:PrincipalTag/team", family: "string", multi: false, inKeyPolicy: true, pool: ["red", "blue", "IT"] },
  { key: "kms:EncryptionContextKeys", family: "string", multi: true, inKeyPolicy: true, pool: ["App", "Secret", "Stage"] },
  { key: "kms:ResourceAliases", family: "string", multi: true, inKeyPolicy: false, pool: ["alias/test-key", "alias/prod", "alias/Test"] },
  { key: "kms:ScheduleKeyDeletionPendingWindowInDays", family: "numeric", multi: false, inKeyPolicy: true, pool: ["7", "21", "21.0", "30", "-1.5", "abc"] },
  { key: "aws:CurrentTime", family: "date", multi: false, inKeyPolicy: true, pool: ["2020-01-01T00:00:00Z", "2020-01-01", "2019-12-31T23:59:59Z", "1577836800", "2020-01-01T01:00:00+01:00", "soon"] },
  { key: "aws:SecureTransport", family: "bool", multi: false, inKeyPolicy: true, pool: ["true", "false", "TRUE", "maybe"] },
  { key: "aws:SourceIp", family: "ip", multi: false, inKeyPolicy: true, pool: ["203.0.113.7", "203.0.113.0/24", "10.1.2.3", "2001:db8::1", "2001:DB8::/32", "bad"] },
  { key: "kms:EncryptionContext:blob", family: "binary", multi: false, inKeyPolicy: true, pool: ["QmluYXJ5", "T3RoZXI=", "QmluYXJ5VmFsdWU=", "%%"] },
  { key: "aws:SourceArn", family: "arn", multi: false, inKeyPolicy: true, pool: ["arn:aws:s3:::bucket-1", "arn:aws:s3:::bucket-*", "arn:aws:logs:us-west-2:111122223333:log-group:a:b", "arn:aws:logs:*:111122223333:*", "not-an-arn"] },
];

const OPERATORS: Readonly<Record<KeySpec["family"], readonly string[]>> = {
  string: ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"],
  numeric: ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"],
  date: ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"],
  bool: ["Bool"],
  ip: ["IpAddress", "NotIpAddress"],
  arn: ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
  binary: ["BinaryEquals"],
};

/** Policy values a family accepts (the checks reject unparseable typed values). */
function policyPool(spec: KeySpec, variables: boolean): readonly string[] {
  // Policies hold only characters up to U+00FF (spec §1.10); typed values must parse (the checks say so).
  const valid = spec.pool.filter((v) => !["abc", "soon", "maybe", "bad", "not-an-arn", "%%"].includes(v) && ![...v].some((c) => c.codePointAt(0)! > 0xff));
  if (spec.family === "bool") return ["true", "false"];
  if (!variables || (spec.family !== "string" && spec.family !== "arn")) return valid;
  return [...valid, "${aws:PrincipalTag/team}", "${aws:PrincipalTag/team, 'red'}", "x${*}y", "${aws:username}-*", "a${?}b"];
}

export interface GeneratedCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** One condition entry for a policy of `kind`, `variables` when the policy is 2012-10-17. */
export function conditionArb(kind: "key" | "identity", variables: boolean): fc.Arbitrary<GeneratedCondition> {
  const specs = KEYS.filter((k) => kind === "identity" || k.inKeyPolicy);
  const keyed = fc.constantFrom(...specs).chain((spec) => {
    const bases = OPERATORS[spec.family];
    const qualifier = spec.multi ? fc.constantFrom("ForAllValues:", "ForAnyValue:") : fc.constant("");
    const ifExists = fc.boolean();
    const count = spec.family === "bool" ? fc.constant(1) : fc.integer({ min: 1, max: 3 });
    return fc.record({
      base: fc.constantFrom(...bases),
      qualifier,
      ifExists,
      values: count.chain((n) => fc.array(fc.constantFrom(...policyPool(spec, variables)), { minLength: n, maxLength: n })),
      keyCase: fc.constantFrom("as-is", "upper", "lower"),
    }).map((r) => ({
      operator: `${r.qualifier}${r.base}${r.ifExists ? "IfExists" : ""}`,
      key: r.keyCase === "upper" ? spec.key.toUpperCase() : r.keyCase === "lower" ? spec.key.toLowerCase() : spec.key,
      values: [...new Set(r.values)],
    }));
  });
  const nullCondition = fc.record({ key: fc.constantFrom(...specs.map((s) => s.key)), value: fc.constantFrom("true", "false") })
    .map((r) => ({ operator: "Null", key: r.key, values: [r.value] }));
  return fc.oneof({ weight: 6, arbitrary: keyed }, { weight: 1, arbitrary: nullCondition });
}

/** A Condition block: operators AND, keys under one operator AND (no duplicate key under an operator). */
export function conditionBlockArb(kind: "key" | "identity", variables: boolean): fc.Arbitrary<Record<string, Record<string, string | string[]>> | undefined> {
  const count = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) });
  return count.chain((n) => fc.array(conditionArb(kind, variables), { minLength: n, maxLength: n })).map((list) => {
    if (list.length === 0) return undefined;
    const block: Record<string, Record<string, string | string[]>> = {};
    for (const c of list) {
      const entry = (block[c.operator] ??= {});
      if (Object.keys(entry).some((k) => k.toLowerCase() === c.key.toLowerCase())) continue;
      entry[c.key] = c.values.length === 1 ? c.values[0]! : [...c.values];
    }
    return block;
  });
}

/** A request context aimed at one condition: its key (maybe renamed in case, duplicated, absent) and the variable keys. */
export function contextForArb(condition: GeneratedCondition): fc.Arbitrary<Record<string, unknown>> {
  const spec = KEYS.find((k) => k.key.toLowerCase() === condition.key.toLowerCase())!;
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...spec.pool, ...condition.values) },
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...spec.pool, ...condition.values), { minLength: 0, maxLength: 3 }) },
  );
  return fc.record({
    present: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
    value,
    duplicate: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    other: value,
    team: fc.option(fc.constantFrom("red", "IT", "Alpha", "*", "a?b"), { nil: undefined }),
  }).map((r) => {
    const context: Record<string, unknown> = {};
    if (r.present) context[spec.key] = r.value;
    if (r.duplicate) context[spec.key.toUpperCase()] = r.other;
    if (r.team !== undefined) context["aws:PrincipalTag/team"] = r.team;
    // No `aws:username`: the caller is a role session, for which AWS never sets it (KR0009 if given).
    return context;
  });
}

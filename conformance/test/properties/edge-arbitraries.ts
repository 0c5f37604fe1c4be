// fast-check arbitraries aimed at what Cedar cannot carry directly (DESIGN §4): integers beyond 2^53,
// numbers with more than four fraction digits, adjacent constants, sub-millisecond and out-of-range
// instants, malformed dates, IPv4-mapped IPv6, `?` wildcards, wildcards inside ARN components, set
// operators with Like, variables — with request values drawn from the same pools, so about half match.
import fc from "fast-check";

interface EdgeKey {
  readonly key: string;
  readonly operators: readonly string[];
  /** Policy values (must pass the checks). */
  readonly policy: readonly string[];
  /** Request values (anything). */
  readonly request: readonly string[];
  readonly multi?: boolean;
}

const NUMERIC = ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"];
const DATE = ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"];

export const EDGE_KEYS: readonly EdgeKey[] = [
  {
    key: "kms:ScheduleKeyDeletionPendingWindowInDays", operators: NUMERIC,
    policy: ["7", "21", "22", "30", "-3"],
    request: ["7", "21", "21.5", "21.00001", "22", "9007199254740993", "-9007199254740993", "99999999999999999999", "0", "-0", ".5", "+21", "1e3", "abc", "21.0"],
  },
  {
    key: "kms:ValidTo", operators: NUMERIC,
    policy: ["1546257599.0", "1546257599.5", "1546257600", "0.0001"],
    request: ["1546257599", "1546257599.25", "1546257599.00001", "1546257600", "1546257599.5", "922337203685477.5808", "1e9", "x", "0.00005"],
  },
  {
    key: "kms:RotationPeriodInDays", operators: NUMERIC,
    policy: ["90", "0.00001", "2560"],
    request: ["90", "90.000001", "0.00001", "0.000011", "2560", "2561", "-1"],
  },
  {
    key: "aws:CurrentTime", operators: DATE,
    policy: ["2020-01-01T00:00:00Z", "2020-01-01", "2020-01-01T00:00:00.001Z", "1577836800", "2020-06-30T12:00:00-05:00"],
    request: [
      "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.0005Z", "2020-01-01T00:00:00.999999Z", "2019-12-31T23:59:59.9999Z",
      "1577836800", "1577836800.0004", "99999999999999", "0000-01-01T00:00:00+01:00", "9999-12-31T23:59:59.9999Z",
      "2020-02-30", "2020-13-01", "soon", "2020-06-30T17:00:00Z", "2020",
    ],
  },
  {
    key: "aws:TokenIssueTime", operators: DATE,
    policy: ["2020-01-01T00:00:00.0001Z", "2021-01-01"],
    request: ["2020-01-01T00:00:00.0001Z", "2020-01-01T00:00:00.00005Z", "2021-01-01", "2020-12-31T23:59:59.99999Z"],
  },
  {
    key: "aws:SourceIp", operators: ["IpAddress", "NotIpAddress"],
    policy: ["203.0.113.0/24", "::ffff:0:0/96", "::/0", "10.0.0.0/8", "2001:db8::/32", "::ffff:203.0.113.0/120", "203.0.113.77/24"],
    request: ["203.0.113.7", "::ffff:203.0.113.7", "::ffff:cb00:7107", "0:0:0:0:0:ffff:cb00:7107", "::1", "10.1.2.3", "01.2.3.4", "2001:DB8::1", "1.2.3.4/32", "::", "bad", "64:ff9b::1.2.3.4"],
  },
  {
    key: "aws:SecureTransport", operators: ["Bool"],
    policy: ["true", "false"],
    request: ["true", "false", "TRUE", "False", "yes", ""],
  },
  {
    key: "kms:EncryptionContext:label", operators: ["StringLike", "StringNotLike", "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"],
    policy: ["a?c", "a*", "*b*", "A\\*", "a${*}c", "${aws:PrincipalTag/team}", "${aws:username, 'abc'}", "x-${aws:username}-*", "ÄBC"],
    request: ["abc", "a*c", "aXc", "ac", "äbc", "ÄBC", "b", "red", "x-bob-1", "A\\*", "İ"],
  },
  {
    key: "aws:SourceArn", operators: ["ArnLike", "ArnNotLike", "ArnEquals", "ArnNotEquals"],
    policy: ["arn:aws:s3:::bucket-*", "arn:aws:logs:*:111122223333:*", "arn:*:sso:::instance/*", "arn:aws:iam::*:role/Admin", "arn:aws:logs:us-west-2:111122223333:log-group:a:*", "arn:aws:s?:::b"],
    request: ["arn:aws:s3:::bucket-1", "arn:aws:logs:us-west-2:111122223333:log-group:a:b", "arn:aws:logs:us:west:111122223333:x", "arn:aws:iam::1:x:role/Admin", "arn:aws:iam::1:role/Admin", "arn:aws-cn:sso:::instance/x", "arn:aws:s3:::b", "not-an-arn", "arn:aws:s3::"],
  },
  {
    key: "kms:EncryptionContextKeys", operators: ["ForAnyValue:StringLike", "ForAllValues:StringLike", "ForAnyValue:StringEquals", "ForAllValues:StringNotEquals", "ForAnyValue:StringNotLike", "ForAllValues:StringEqualsIgnoreCase"],
    policy: ["App*", "Secret", "St?ge", "app"],
    request: ["App", "AppName", "Secret", "Stage", "secret", ""],
    multi: true,
  },
];

/** Resources of the statement: `*`, and `…/${var}` patterns (native through `resource.name`). */
export const EDGE_RESOURCES = [
  "*", "*", "*",
  "arn:aws:kms:*:111122223333:key/${aws:PrincipalTag/team}",
  "arn:aws:kms:us-west-2:*:key/${aws:username, '1111aaaa-1111-1111-1111-111111111111'}",
  "arn:aws:kms:*:111122223333:alias/${aws:username}",
] as const;

/** A condition on one edge key, with an Allow or a Deny around it, and contexts aimed at it. */
export const edgeScenarioArb = fc.record({
  spec: fc.constantFrom(...EDGE_KEYS),
  deny: fc.boolean(),
  ifExists: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  resource: fc.constantFrom(...EDGE_RESOURCES),
  notResource: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
}).chain(({ spec, deny, ifExists, resource, notResource }) => fc.record({
  operator: fc.constantFrom(...spec.operators),
  values: fc.uniqueArray(fc.constantFrom(...spec.policy), { minLength: 1, maxLength: spec.operators[0] === "Bool" ? 1 : 3 }),
  contexts: fc.array(contextArb(spec), { minLength: 3, maxLength: 8 }),
}).map((r) => ({
  key: spec.key, deny, operator: `${r.operator}${ifExists ? "IfExists" : ""}`, values: r.values, contexts: r.contexts,
  resource: notResource ? { NotResource: resource } : { Resource: resource },
})));

function contextArb(spec: EdgeKey): fc.Arbitrary<Record<string, unknown>> {
  const one = fc.constantFrom(...spec.request, ...spec.policy);
  const value = fc.oneof(
    { weight: spec.multi === true ? 2 : 8, arbitrary: one },
    { weight: spec.multi === true ? 8 : 2, arbitrary: fc.array(one, { minLength: 0, maxLength: 3 }) },
  );
  return fc.record({
    present: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
    value,
    duplicate: fc.integer({ min: 0, max: 12 }).map((n) => n === 0),
    team: fc.option(fc.constantFrom("red", "abc", "a*c", "a?c", "1111aaaa-1111-1111-1111-111111111111", "1111aaaa-*"), { nil: undefined }),
  }).map((r) => {
    const context: Record<string, unknown> = {};
    if (r.present) context[spec.key] = r.value;
    if (r.duplicate) context[spec.key.toUpperCase()] = r.value;
    if (r.team !== undefined) context["aws:PrincipalTag/team"] = r.team;
    // No `aws:username`: the caller is a role session, for which AWS never sets it (KR0009 if given).
    return context;
  });
}

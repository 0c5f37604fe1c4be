// The condition keys generated policies test, with the value pools both sides draw from: policy
// values that pass the checks, and request values that include odd ones (unparseable numbers,
// dates and IPs, IPv6, IPv4-mapped IPv6, numbers beyond 2^53, more than four decimals, Unicode).
// Phase: conformance generators. Pools are small and shared so conditions match about half the time.
import type { OperatorFamily } from "./operators.js";

export interface ConditionKeySpec {
  readonly key: string;
  /** The family of operators the key is meant for. */
  readonly family: Exclude<OperatorFamily, "null">;
  /** Multivalued in the request (spec §3.7): plain operators are rejected (KC2106). */
  readonly multi: boolean;
  /** Usable in key policies (spec §5.6: not `aws:ResourceTag/*` nor `kms:ResourceAliases`). */
  readonly inKeyPolicy: boolean;
  /** Set operators are rejected on it (KC2104: `kms:EncryptionContext:*`, `aws:RequestTag/*`). */
  readonly noSetOperators: boolean;
  /** Values a policy may write (all pass the checks). */
  readonly policyValues: readonly string[];
  /** Values a request may carry (overlapping the policy values, plus odd ones). */
  readonly contextValues: readonly string[];
  /**
   * Policy values of the classes a mutant study found unreachable at the CI budget (`?` against a
   * character outside the BMP, `${k, ''}`, octet 255 and maximal or odd prefixes, offsets with minutes,
   * an ARN whose resource part has colons): drawn one time in three, so that each is a likely value
   * rather than a rare one. Those with a variable only in 2012-10-17 policies.
   */
  readonly edgeValues?: readonly string[];
  /**
   * How often the key is drawn among the keys of its family (default 1). The decimal key is drawn
   * more: Cedar compares its decimals natively, and `>=` written as `>` survived the CI budget when it
   * was one numeric key in three.
   */
  readonly weight?: number;
}

/** Edge values of each key (see `ConditionKeySpec.edgeValues`). */
const EDGE: Readonly<Record<string, readonly string[]>> = {
  // `${k, ''}` on every plain string key (the tag is absent one request in three, and "" is a context value).
  // `?` edge values on most string keys: a `?` that consumed one UTF-16 unit survived the CI budget when
  // only the Dept and team keys had them (a character outside the BMP is in each key's context values).
  "aws:RequestTag/Env": ["${aws:PrincipalTag/team, ''}", "p${aws:PrincipalTag/team, ''}", "?", "d?v"],
  "kms:ViaService": ["${aws:PrincipalTag/team, ''}"],
  "aws:ResourceTag/Project": ["${aws:PrincipalTag/team, ''}", "?lpha"],
  "aws:PrincipalTag/__proto__": ["${aws:PrincipalTag/team, ''}", "r?d"],
  "kms:EncryptionContext:toString": ["${aws:PrincipalTag/team, ''}", "?"],
  "aws:ResourceTag/constructor": ["A?pha"],
  "kms:EncryptionContextKeys": ["?pp"],
  "aws:TagKeys": ["?wner"],
  "kms:EncryptionContext:Dept": ["a?b", "?", "${aws:PrincipalTag/team, ''}", "IT${aws:PrincipalTag/team, ''}"],
  "aws:PrincipalTag/team": ["r?d"],
  "aws:CurrentTime": ["2020-01-01T05:30:00+05:30", "2019-12-31T23:15:00-00:45"],
  "aws:TokenIssueTime": ["2020-01-01T05:30:00.5+05:30"],
  "aws:SourceIp": ["203.0.113.255/32", "255.255.255.255", "203.0.113.128/25", "10.0.0.0/13", "2001:db8::1/128", "2001:db8::/61"],
  "aws:VpcSourceIp": ["203.0.113.255/32", "255.255.255.255", "203.0.113.128/25", "2001:db8::1/128", "2001:db8::ffff/127"],
  // A variable followed by a colon in the resource part: the text after it still belongs to the sixth component.
  "aws:SourceArn": [
    "arn:aws:logs:us-west-2:111122223333:log-group:a:b", "arn:aws:logs:*:111122223333:*", "arn:aws:s3:::bucket-?",
    "arn:aws:s3:::bucket-${aws:PrincipalTag/team, ''}1", "arn:aws:logs:us-west-2:111122223333:log-group:${aws:PrincipalTag/team}:*",
    // With a default the variable resolves without the tag: the colon after it must stay in the sixth component.
    "arn:aws:logs:us-west-2:111122223333:log-group:${aws:PrincipalTag/team, 'red'}:*", "arn:aws:logs:*:*:log-group:${aws:PrincipalTag/team, 'red'}:b",
    // A variable whose value holds a colon (steered requests give the tag `red:x`): still the sixth component.
    "arn:aws:logs:us-west-2:111122223333:log-group:${aws:PrincipalTag/team}", "arn:aws:s3:::bucket-${aws:PrincipalTag/team}/*",
  ],
  "aws:PrincipalArn": ["arn:aws:iam::111122223333:*", "arn:aws:iam::111122223333:user/B?b"],
};

// `a?b` against `a😀b`: `?` is one code point, not one UTF-16 unit (a character outside the BMP is two).
const DEPT_POLICY = ["IT", "HR", "Finance", "it", "I*", "*T", "?R", "a*b", "a?b", "", "école", "Fin*", "a?b", "?"];
const DEPT_CONTEXT = ["IT", "it", "HR", "hr", "Finance", "FINANCE", "a*b", "axb", "a😀b", "", "ÉCOLE", "école", "straße", "a😀b", "😀", "a\u{10000}b"];

function key(
  k: string, family: ConditionKeySpec["family"], policyValues: readonly string[], contextValues: readonly string[],
  flags: { multi?: boolean; identityOnly?: boolean; noSetOperators?: boolean; weight?: number } = {},
): ConditionKeySpec {
  return {
    key: k, family, multi: flags.multi ?? false, inKeyPolicy: !(flags.identityOnly ?? false),
    noSetOperators: flags.noSetOperators ?? false, policyValues, contextValues, ...(EDGE[k] ? { edgeValues: EDGE[k] } : {}),
    ...(flags.weight !== undefined ? { weight: flags.weight } : {}),
  };
}

// Two profiles per family: one key with plain values (integers, millisecond instants) that Cedar can
// compare natively, one with odd values (decimals, > 4 digits, > 2^53, sub-millisecond) that need
// derived views — a bundle's constants for one key decide which path the Cedar emitter takes.
const INTEGERS_POLICY = ["7", "21", "30", "0", "-3", 21, 7];
// Values just off a constant (7.5 against 7, 20.9999 against 21) as well as one off.
const INTEGERS_CONTEXT = ["7", "21", "30", "20", "22", "0", "-3", "6", "31", "abc", "21.0", " 7", "7.5", "6.5", "20.9999", "-2.5"];
// Zone offsets with minutes (+05:30 is 5.5 hours, not 5), instants one second and one millisecond off.
const INSTANTS_POLICY = [
  "2020-01-01T00:00:00Z", "2020-01-01", "2019-12-31T23:59:59Z", "1577836800", "2020-01-01T01:00:00+01:00", "2020-06-15T12:30:00.250Z",
  "2020-01-01T05:30:00+05:30", "2019-12-31T23:15:00-00:45",
];
const INSTANTS_CONTEXT = [
  "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", "2020-01-01T00:00:01Z", "1577836800", "1577836799", "2020-06-15T12:30:00.250Z",
  "2020-06-15T12:30:00.251Z", "2021-03-04T05:06:07Z", "soon", "2020-01-01T05:30:00+05:30", "2020-01-01T05:00:00+05:00",
  "2020-01-01T05:29:59+05:30", "2020-06-15T12:30:00.249Z", "2020-06-15T18:00:00.250+05:30",
];
const NUMBERS_POLICY = ["7", "21", "21.0", "30", "-1.5", "0.00005", "9007199254740993", "+7", ".5", "30.12345"];
// Decimals off in the 4th and 5th digit (30.1234 / 30.12346 against 30.12345), 7.5 against 7, equal spellings.
const NUMBERS_CONTEXT = [
  "7", "21", "30", "21.00", "-1.5", "0.00005", "0.0001", "9007199254740992", "9007199254740993", "7.00001",
  "30.12345", "abc", "1e3", "0x10", " 7", "-0", ".5", "7.5", "6.9999", "21.0001", "30.1234", "30.12346", "-1.4999", "30.123450",
];
const DATES_POLICY = [
  "2020-01-01T00:00:00Z", "2020-01-01", "2019-12-31T23:59:59Z", "1577836800", "2020-01-01T01:00:00+01:00", "2020",
  "2020-06", "2020-01-01T00:00:00.5Z", "1577836800.25", "2020-01-01T00:00:00.0001Z", "2020-01-01T05:30:00.5+05:30",
];
const DATES_CONTEXT = [
  "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", "2020-01-01T00:00:00.500Z", "1577836800", "1577836799",
  "2020-01-01T00:00:00+00:00", "2021-03-04T05:06:07Z", "2020-01-01t00:00:00z", "2020-01-01T00:00:00.0001Z",
  "soon", "2020-13-01", "2020", "2020-01-01T05:30:00+05:30", "2020-01-01T00:00:00.499Z", "2020-01-01T00:00:00.501Z",
  "2020-01-01T05:30:00.500+05:30", "2020-01-01T00:00:00.001Z",
];
const BOOL_POLICY = ["true", "false", "TRUE", "False"];
const BOOL_CONTEXT = ["true", "false", "True", "FALSE", "maybe", "1"];
// Octet 255, maximal prefixes (/32, /128), prefixes that are not a multiple of 8 (/25, /13, /61, /127),
// and addresses on both sides of each boundary.
const IP_POLICY = [
  "203.0.113.0/24", "203.0.113.5", "203.0.113.77/24", "10.0.0.0/8", "2001:DB8:1234:5678::/64", "2001:db8::1",
  "::ffff:203.0.113.0/120", "0.0.0.0/0", "2001:db8::/32", "203.0.113.255/32", "255.255.255.255", "203.0.113.128/25",
  "10.0.0.0/13", "2001:db8::1/128", "2001:db8::/61", "2001:db8::ffff/127", "255.255.255.0/24",
];
const IP_CONTEXT = [
  "203.0.113.7", "203.0.113.5", "10.1.2.3", "198.51.100.1", "2001:db8:1234:5678:abcd::1", "2001:db8::1",
  "2001:DB8::1", "::ffff:203.0.113.7", "bad", "010.1.2.3", "203.0.113.7/32", "2001:db8:1234:5679::1",
  "203.0.113.255", "255.255.255.255", "203.0.113.128", "203.0.113.127", "10.7.255.255", "10.8.0.0", "2001:db8::2",
  "2001:db8:0:7::1", "2001:db8:0:8::1", "2001:db8::fffe", "203.0.113.256", "255.255.255.7",
];
const ARN_POLICY = [
  "arn:aws:s3:::bucket-1", "arn:aws:s3:::bucket-*", "arn:aws:s3:::bucket-?", "arn:aws:logs:us-west-2:111122223333:log-group:a:b",
  "arn:aws:logs:*:111122223333:*", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/team/App",
  "arn:aws:iam::*:root", "arn:aws:logs:us-west-2:111122223333:*", "arn:aws:iam::111122223333:*", "arn:aws:s3:::*",
  "arn:aws:s3:::bucket-?",
];
const ARN_CONTEXT = [
  "arn:aws:s3:::bucket-1", "arn:aws:s3:::bucket-22", "arn:aws:s3:::Bucket-1", "arn:aws:logs:us-west-2:111122223333:log-group:a:b",
  "arn:aws:logs:us-east-1:111122223333:log-group:x", "arn:aws:iam::111122223333:role/team/App",
  "arn:aws:logs:us-west-2:111122223333:log-group:red:b",
  "arn:aws:iam::111122223333:role/Admin", "arn:aws:iam::444455556666:root", "not-an-arn", "arn:aws:s3::bucket",
  "arn:aws:s3:::bucket-😀", "arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::444455556666:role/team/App",
];
const BINARY_POLICY = ["QmluYXJ5", "T3RoZXI=", "QmluYXJ5VmFsdWU="];
const BINARY_CONTEXT = ["QmluYXJ5", "T3RoZXI=", "T3RoZXI", "%%", "QmluYXJ5VmFsdWU=", ""];

/** Every key generated policies use. */
export const CONDITION_KEYS: readonly ConditionKeySpec[] = [
  key("kms:EncryptionContext:Dept", "string", DEPT_POLICY, DEPT_CONTEXT, { noSetOperators: true }),
  key("aws:RequestTag/Env", "string", ["prod", "dev", "p*"], ["prod", "dev", "Prod", "test", "", "p", "😀", "d😀v"], { noSetOperators: true }),
  key("aws:PrincipalTag/team", "string", ["red", "blue", "r*", "RED", "r?d"], ["red", "blue", "Red", "green", "*", "r😀d"]),
  key("kms:ViaService", "string",
    ["ec2.us-west-2.amazonaws.com", "rds.us-west-2.amazonaws.com", "ec2.*", "*.amazonaws.com"],
    ["ec2.us-west-2.amazonaws.com", "rds.us-west-2.amazonaws.com", "lambda.us-west-2.amazonaws.com"]),
  key("aws:ResourceTag/Project", "string", ["Alpha", "Beta", "alpha", "A*"], ["Alpha", "alpha", "Beta", "Gamma", "😀lpha"], { identityOnly: true }),
  key("kms:EncryptionContextKeys", "string", ["App", "Secret", "Stage", "S*"], ["App", "Secret", "Stage", "app", "😀pp"], { multi: true }),
  key("aws:TagKeys", "string", ["Project", "Owner", "Pro*"], ["Project", "Owner", "Env", "project", "😀wner"], { multi: true }),
  key("kms:GrantOperations", "string", ["Decrypt", "Encrypt", "Re*"], ["Decrypt", "Encrypt", "ReEncryptFrom", "Sign"], { multi: true }),
  // CreateGrant's required parameter (deviation 50): a CreateGrant request that leaves it out has it unknown.
  key("kms:GranteePrincipal", "string",
    ["arn:aws:iam::111122223333:role/App", "arn:aws:iam::111122223333:*", "arn:aws:iam::444455556666:*"],
    ["arn:aws:iam::111122223333:role/App", "arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::444455556666:role/Ext"]),
  // The organization keys (deviation 49): in a layered bundle with an organization (layer-arbitraries.ts:
  // r-gen → ou-gen → account A, account B a member, outside or the management account), a caller or key
  // of a member account that leaves them out has them unknown; elsewhere they are context-driven.
  key("aws:PrincipalOrgID", "string", ["o-gen", "o-other"], ["o-gen", "o-other", "O-GEN"]),
  key("aws:PrincipalOrgPaths", "string", ["o-gen/r-gen/ou-gen/*", "*/ou-gen/*", "o-gen/r-gen/"],
    ["o-gen/r-gen/ou-gen/", "o-gen/r-gen/", "o-other/r-x/"], { multi: true }),
  key("aws:ResourceOrgID", "string", ["o-gen", "o-other"], ["o-gen", "o-other"]),
  key("aws:ResourceOrgPaths", "string", ["o-gen/r-gen/ou-gen/*", "*/ou-gen/*"], ["o-gen/r-gen/ou-gen/", "o-gen/r-gen/", "o-other/r-x/"], { multi: true }),
  key("kms:ResourceAliases", "string", ["alias/test-key", "alias/prod", "alias/Test*", "alias/*test*"],
    ["alias/test-key", "alias/prod", "alias/Test", "alias/mytest"], { multi: true, identityOnly: true }),
  key("kms:ScheduleKeyDeletionPendingWindowInDays", "numeric", INTEGERS_POLICY.map(String), INTEGERS_CONTEXT),
  key("aws:MultiFactorAuthAge", "numeric", NUMBERS_POLICY, NUMBERS_CONTEXT),
  // Decimals of at most four digits only: Cedar compares them natively with decimal(), so `>=` against `>` shows.
  key("kms:RotationPeriodInDays", "numeric", ["7.5", "21.25", "30", "-1.5", "0.0001"],
    ["7.5", "7.50", "7.4999", "7.5001", "21.25", "21.2501", "21.2499", "30", "30.0", "-1.5", "0.0001", "0", "abc"], { weight: 3 }),
  key("aws:CurrentTime", "date", INSTANTS_POLICY, INSTANTS_CONTEXT),
  key("aws:TokenIssueTime", "date", DATES_POLICY, DATES_CONTEXT),
  key("aws:SecureTransport", "bool", BOOL_POLICY, BOOL_CONTEXT),
  // Keys AWS always includes in the request context (deviation 51): like aws:CurrentTime and aws:SecureTransport,
  // a request that leaves them out (one in three, request-arbitraries.ts `contextArb`) has them unknown.
  key("aws:ViaAWSService", "bool", BOOL_POLICY, BOOL_CONTEXT),
  key("aws:EpochTime", "numeric", ["1577836800", "1577836799.5", "1600000000"],
    ["1577836800", "1577836799", "1577836801", "1577836800.0", "1600000000", "soon"]),
  key("aws:RequestedRegion", "string", ["us-west-2", "eu-*", "us-*"], ["us-west-2", "eu-west-1", "US-WEST-2", "ap-south-1"]),
  // Derived for the root user (the account) and federated users; unknown when left out for IAM users and role
  // sessions (deviation 51), absent for a service caller. A value a root caller's context gives otherwise is KR0009.
  key("aws:userid", "string", ["AROAEXAMPLE:*", "AIDAEXAMPLE", "111122223333", "111122223333:*"],
    ["AROAEXAMPLE:s1", "AIDAEXAMPLE", "111122223333", "aroaexample:s1"]),
  key("kms:GrantIsForAWSResource", "bool", BOOL_POLICY, BOOL_CONTEXT),
  key("aws:SourceIp", "ip", IP_POLICY, IP_CONTEXT),
  key("aws:VpcSourceIp", "ip", IP_POLICY, IP_CONTEXT),
  // Drawn two times in three among the ARN keys: aws:PrincipalArn is derived from the caller, so only
  // aws:SourceArn can be steered to an ARN whose resource part holds a resolved variable's colon.
  key("aws:SourceArn", "arn", ARN_POLICY, ARN_CONTEXT, { weight: 2 }),
  key("aws:PrincipalArn", "arn", ARN_POLICY, ARN_CONTEXT),
  key("aws:PrincipalTag/blob", "binary", BINARY_POLICY, BINARY_CONTEXT),
  // Prototype names as tag keys (legal AWS tag keys): every map keyed by them must be prototype-free.
  key("aws:PrincipalTag/__proto__", "string", ["red", "blue", "r*"], ["red", "blue", "Red", "r😀d"]),
  key("aws:ResourceTag/constructor", "string", ["Alpha", "A*"], ["Alpha", "Beta", "A😀pha"], { identityOnly: true }),
  key("kms:EncryptionContext:toString", "string", ["x", "y*"], ["x", "yes", "X", "😀"], { noSetOperators: true }),
  // Keys AWS sets from the caller (DESIGN §2): requests mostly leave them out (request-arbitraries.ts).
  key("aws:PrincipalAccount", "string", ["111122223333", "444455556666", "1111*"], ["111122223333", "444455556666"]),
  key("kms:CallerAccount", "string", ["111122223333", "444455556666", "4444*"], ["111122223333", "444455556666"]),
  key("aws:username", "string", ["Bob", "Carol", "B*", "bob"], ["Bob", "Carol", "bob"]),
];

/** Keys the engines derive from the principal (DESIGN §2); a request gives them rarely, mostly with the derived value. */
export const CALLER_DERIVED_KEYS: readonly string[] = ["aws:PrincipalArn", "aws:PrincipalAccount", "kms:CallerAccount", "aws:username"];

/** Names that are properties of `Object.prototype`: a plain object keyed by them loses or corrupts entries. */
export const PROTOTYPE_NAMES: readonly string[] = ["__proto__", "constructor", "toString"];

/** Keys that policy variables name (spec §4), with the values requests give them. */
export const VARIABLE_KEYS: readonly { readonly key: string; readonly contextValues: readonly string[] }[] = [
  { key: "aws:username", contextValues: ["Bob", "bob", "*", "a*b", "red"] },
  { key: "aws:PrincipalTag/team", contextValues: ["red", "blue", "Red", "*", "1111aaaa"] },
  { key: "aws:PrincipalTag/__proto__", contextValues: ["red", "blue"] },
  // Deviation 51: left out by an IAM user or a role session, the variable has no value.
  { key: "aws:userid", contextValues: ["AROAEXAMPLE:s1", "AIDAEXAMPLE", "111122223333"] },
];

/** String and ARN policy values with variables and special characters (2012-10-17 only means something). */
export const VARIABLE_VALUES: Readonly<Record<"string" | "arn", readonly string[]>> = {
  string: [
    "${aws:username}", "${aws:PrincipalTag/team}", "${aws:PrincipalTag/team, 'red'}", "a${*}b", "a${?}b", "${aws:username}-*",
    "${$}x", "${AWS:UserName}", "${aws:PrincipalTag/__proto__}", "${aws:PrincipalTag/team, ''}", "IT${aws:PrincipalTag/team, ''}",
    "${aws:userid}",
  ],
  arn: [
    "arn:aws:iam::111122223333:user/${aws:username}", "arn:aws:s3:::bucket-${aws:PrincipalTag/team, '1'}",
    "arn:aws:iam::111122223333:role/${aws:PrincipalTag/team}*", "arn:aws:s3:::bucket-${aws:PrincipalTag/team, ''}1",
  ],
};

// A request through a VPC endpoint (`aws:SourceVpce`) that leaves out `aws:SourceVpc` or
// `aws:VpcSourceIp` does not make them absent: AWS includes them on that path, with values only the caller
// knows, so a condition on one is decided by the fail-closed rule (docs/semantics/vpc-endpoint-policy.md
// §2). Read as absent keys, `…IfExists`, `Null` and `ForAllValues` held in an Allow: a wrong Allow in
// all three engines. Each expected decision is authored from that rule, and the three engines must agree.
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, doc, type Doc, enableIam as enableIamStatement } from "./three-engines.js";

const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const APP = `arn:aws:iam::${A}:role/App`;
const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;
const VPCE = "vpce-0a1b2c3d";
const VPC = "vpc-1234abcd";

const enableIam = doc(enableIamStatement);

/** A bundle whose role may Decrypt when `condition` holds (and never when `deny` holds), with or without `endpoints`. */
function bundleWith(condition: Doc | undefined, options: { deny?: Doc; endpoints?: boolean } = {}): Doc {
  const statements: Doc[] = [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", ...(condition === undefined ? {} : { Condition: condition }) }];
  if (options.deny !== undefined) statements.push({ Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: options.deny });
  return {
    keys: { [KEY]: { policy: enableIam } },
    principals: { [APP]: { policies: [doc(...statements)] } },
    ...(options.endpoints === true ? { endpoints: { [VPCE]: { policy: doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }), vpc: VPC } } } : {}),
  };
}

const decrypt = (context: Record<string, string | string[]>): Doc => ({ principal: SESSION, action: "kms:Decrypt", resource: KEY, context });

/** The decision of the graph, Cedar and the reference, which must be one. */
const decide = (bundle: Doc, request: Doc): string => threeEngines(bundle)(request);

const THROUGH = { "aws:SourceVpce": VPCE };

describe("keys AWS sets on the VPC endpoint path, left out of the request", () => {
  // Each condition holds when its key is absent; on the endpoint path the key is there, value unknown.
  const holdsWhenAbsent: readonly [string, Doc][] = [
    ["StringNotEqualsIfExists aws:SourceVpc", { StringNotEqualsIfExists: { "aws:SourceVpc": VPC } }],
    ["Null aws:SourceVpc true", { Null: { "aws:SourceVpc": "true" } }],
    ["ForAllValues:StringEquals aws:SourceVpc", { "ForAllValues:StringEquals": { "aws:SourceVpc": [VPC] } }],
    ["NotIpAddressIfExists aws:VpcSourceIp", { NotIpAddressIfExists: { "aws:VpcSourceIp": "10.0.0.0/8" } }],
    ["Null aws:VpcSourceIp true", { Null: { "aws:VpcSourceIp": "true" } }],
  ];

  for (const [name, condition] of holdsWhenAbsent) {
    for (const endpoints of [false, true]) {
      it(`an Allow on ${name} does not apply through an endpoint (endpoints in the bundle: ${endpoints})`, () => {
        const bundle = bundleWith(condition, { endpoints });
        expect(decide(bundle, decrypt(THROUGH))).toBe("ImplicitDeny");
        // Not through an endpoint, the keys are absent, as AWS says: the Allow applies.
        expect(decide(bundle, decrypt({}))).toBe("Allow");
      });
    }
  }

  it("a Deny on a VPC the request might come from applies; one on the given VPC decides exactly", () => {
    const bundle = bundleWith(undefined, { deny: { StringEquals: { "aws:SourceVpc": "vpc-0bad0bad" } }, endpoints: true });
    expect(decide(bundle, decrypt(THROUGH))).toBe("ExplicitDeny");
    expect(decide(bundle, decrypt({ ...THROUGH, "aws:SourceVpc": VPC }))).toBe("Allow");
    expect(decide(bundle, decrypt({}))).toBe("Allow");
  });

  it("a given aws:SourceVpc or aws:VpcSourceIp is read as given", () => {
    const vpc = bundleWith({ StringNotEqualsIfExists: { "aws:SourceVpc": VPC } });
    expect(decide(vpc, decrypt({ ...THROUGH, "aws:SourceVpc": VPC }))).toBe("ImplicitDeny");
    expect(decide(vpc, decrypt({ ...THROUGH, "aws:SourceVpc": "vpc-0other00" }))).toBe("Allow");
    const ip = bundleWith({ NotIpAddressIfExists: { "aws:VpcSourceIp": "10.0.0.0/8" } });
    expect(decide(ip, decrypt({ ...THROUGH, "aws:VpcSourceIp": "10.1.2.3" }))).toBe("ImplicitDeny");
    expect(decide(ip, decrypt({ ...THROUGH, "aws:VpcSourceIp": "192.0.2.1" }))).toBe("Allow");
  });

  it("an Allow that needs the VPC stays undecided without it, and the endpoint's checks still see the key absent", () => {
    const bundle = bundleWith({ StringEquals: { "aws:SourceVpc": VPC } }, { endpoints: true });
    expect(decide(bundle, decrypt(THROUGH))).toBe("ImplicitDeny");
    expect(decide(bundle, decrypt({ ...THROUGH, "aws:SourceVpc": VPC }))).toBe("Allow");
    // KR0011 (a VPC other than the endpoint's) is unchanged; leaving the key out is not an error.
    expect(decide(bundle, decrypt({ ...THROUGH, "aws:SourceVpc": "vpc-0other00" }))).toBe("KR0011");
  });

  it("a variable on a left-out key has no value", () => {
    const bundle = bundleWith({ StringNotEqualsIfExists: { "kms:EncryptionContext:vpc": "${aws:SourceVpc}" } });
    // With the key given, the variable resolves; left out, the condition is undecided (not an Allow).
    expect(decide(bundle, decrypt({ ...THROUGH, "aws:SourceVpc": VPC, "kms:EncryptionContext:vpc": "vpc-0other00" }))).toBe("Allow");
    expect(decide(bundle, decrypt({ ...THROUGH, "kms:EncryptionContext:vpc": "vpc-0other00" }))).toBe("ImplicitDeny");
  });
});

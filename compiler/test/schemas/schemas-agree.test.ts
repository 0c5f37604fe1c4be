// The JSON Schemas shipped in compiler/schemas/ (draft 2020-12) and the CLI's loaders agree: the same
// valid and invalid bundles and requests files, fed to both, get the same verdict. Decisions the
// engines give validate against decision.schema.json. Validated with ajv (a maintained validator).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { type Bundle, type Request } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { LARGE_FILE_BYTES, parseJsonText } from "../../src/bundle/json-front-end.js";
import { loadRequestsText } from "../../src/bundle/load-requests.js";
import { readBundle } from "../../src/bundle/read-bundle.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const schema = (name: string) => JSON.parse(readFileSync(join(REPO, "compiler/schemas", name), "utf8")) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema("request.schema.json"));
const validBundle = ajv.compile(schema("bundle.schema.json"));
const validRequests = ajv.compile(schema("requests.schema.json"));
const validDecision = ajv.compile(schema("decision.schema.json"));

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const DOC = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] };
const GRANT = { name: "g", granteePrincipal: ROLE, operations: ["Decrypt"], retiringPrincipal: ROLE, constraints: { encryptionContextSubset: { Dept: "IT" } } };
/** A bundle with every layer member (docs/request-model.md "Layers"). */
const LAYERED = {
  keys: { [KEY]: { policy: "k.json", grants: [GRANT], awsManaged: false } },
  principals: {
    [ROLE]: { policies: ["a.json"], boundary: DOC },
    [SESSION]: { sessionPolicies: [DOC] },
    "arn:aws:sts::111122223333:federated-user/F": { federatedBy: "arn:aws:iam::111122223333:user/Bob", sessionPolicies: [] },
  },
  organization: {
    managementAccount: "999999999999",
    root: { id: "r-1", scps: ["scp.json"], rcps: [DOC], children: [{ ou: "ou-1", scps: [], children: [{ account: "111122223333", scps: [DOC] }] }, { account: "999999999999" }] },
  },
  endpoints: { "vpce-0a1b": { policy: "e.json", vpc: "vpc-1234" } },
};
/** LAYERED with its grant changed (a member set to undefined is left out). */
const withGrant = (change: Record<string, unknown>) =>
  ({ ...LAYERED, keys: { [KEY]: { policy: "k.json", grants: [JSON.parse(JSON.stringify({ ...GRANT, ...change }))] } } });

/** The CLI's verdict on a bundle: no error from the bundle reader (policy files are not read here). */
function loaderAcceptsBundle(value: unknown): boolean {
  const parsed = parseJsonText(JSON.stringify(value), { maxBytes: LARGE_FILE_BYTES });
  if (parsed.root === undefined) return false;
  let errors = 0;
  readBundle(parsed.root, (d) => void (d.severity === "error" && errors++));
  return errors === 0;
}

const ABAC: Bundle = (() => {
  const read = (f: string) => JSON.parse(readFileSync(join(REPO, "examples/abac", f), "utf8")) as object;
  return { keys: { [KEY]: { policy: read("key-policy.json") } }, principals: { [ROLE]: { policies: [read("app-role.json")] } } } as unknown as Bundle;
})();

/** The CLI's verdict on a requests file: it loads, no entry is malformed, no engine finds a bad shape (KR0006, KR0007). */
function loaderAcceptsRequests(value: unknown): boolean {
  const loaded = loadRequestsText(JSON.stringify(value), "requests.json");
  if (!loaded.ok) return false;
  return loaded.entries.every((entry) => {
    if (entry.kind === "malformed") return false;
    const requests = entry.kind === "request" ? [entry.request] : entry.checks;
    return requests.every((r) => {
      const result = evaluateReference(ABAC, r);
      return !("error" in result) || !["KR0006", "KR0007"].includes(result.error.code);
    });
  });
}

const BUNDLES: readonly [string, unknown, boolean][] = [
  ["a key policy path and an inline identity policy", { keys: { [KEY]: { policy: "k.json" } }, principals: { [ROLE]: { policies: ["a.json", DOC] } } }, true],
  ["with $schema", { $schema: "../../compiler/schemas/bundle.schema.json", keys: { [KEY]: { policy: DOC } } }, true],
  ["empty sections", { keys: {}, principals: {} }, true],
  ["a session and a root principal", { principals: { [SESSION]: { policies: [] }, "arn:aws:iam::111122223333:root": { policies: [] } } }, true],
  ["not an object", [], false],
  ["an unknown member", { keys: {}, extra: 1 }, false],
  ["$schema not a string", { $schema: 1, keys: {} }, false],
  ["a section that is an array", { keys: [] }, false],
  ["a bad key ARN", { keys: { "arn:aws:kms:us-west-2:111122223333:alias/x": { policy: DOC } } }, false],
  ["a bad principal ARN", { principals: { "arn:aws:iam::111122223333:group/G": { policies: [] } } }, false],
  ["a key entry without policy", { keys: { [KEY]: {} } }, false],
  ["a key entry with an extra member", { keys: { [KEY]: { policy: DOC, note: "x" } } }, false],
  ["policies not an array", { principals: { [ROLE]: { policies: "a.json" } } }, false],
  ["an empty path", { keys: { [KEY]: { policy: "" } } }, false],
  ["a policy that is a number", { principals: { [ROLE]: { policies: [3] } } }, false],
  // The layers (docs/request-model.md "Layers").
  ["every layer", LAYERED, true],
  ["a boundary without policies", { principals: { [ROLE]: { boundary: "b.json" } } }, true],
  ["a session with session policies only", { principals: { [SESSION]: { sessionPolicies: [DOC] } } }, true],
  ["an unknown organization member", { ...LAYERED, organization: { root: {}, extra: 1 } }, false],
  ["an organization without root", { ...LAYERED, organization: { managementAccount: "999999999999" } }, false],
  ["a management account that is no account id", { ...LAYERED, organization: { managementAccount: "9", root: {} } }, false],
  ["an account leaf with children", { ...LAYERED, organization: { root: { children: [{ account: "111122223333", children: [] }] } } }, false],
  ["an OU without id", { ...LAYERED, organization: { root: { children: [{ scps: [] }] } } }, false],
  ["scps not an array", { ...LAYERED, organization: { root: { scps: "a.json" } } }, false],
  ["an endpoint id that is no vpce id", { ...LAYERED, endpoints: { "vpc-1": { policy: DOC } } }, false],
  ["an endpoint without policy", { ...LAYERED, endpoints: { "vpce-0a1b": { vpc: "vpc-1" } } }, false],
  ["a grant operation with kms:", withGrant({ operations: ["kms:Decrypt"] }), false],
  ["a grant operation twice", withGrant({ operations: ["Decrypt", "Decrypt"] }), false],
  ["a grant with two grantees", withGrant({ granteeServicePrincipal: "logs.amazonaws.com" }), false],
  ["a grant to a group", withGrant({ granteePrincipal: "arn:aws:iam::111122223333:group/G" }), false],
  ["a grant with both context constraints", withGrant({ constraints: { encryptionContextEquals: { a: "b" }, encryptionContextSubset: { a: "b" } } }), false],
  ["a grant with nine pairs", withGrant({ constraints: { encryptionContextSubset: Object.fromEntries([..."abcdefghi"].map((k) => [k, "v"])) } }), false],
  ["a grant to a service without sourceArn", withGrant({ granteePrincipal: undefined, retiringPrincipal: undefined, granteeServicePrincipal: "logs.amazonaws.com", retiringServicePrincipal: "logs.amazonaws.com" }), false],
  ["a grant to a service with sourceArn", withGrant({ granteePrincipal: undefined, retiringPrincipal: undefined, granteeServicePrincipal: "logs.amazonaws.com", retiringServicePrincipal: "logs.amazonaws.com", constraints: { sourceArn: "arn:aws:logs:us-west-2:111122223333:log-group:app" } }), true],
  ["a grant with an unknown member", withGrant({ note: "x" }), false],
  ["awsManaged that is a string", { keys: { [KEY]: { policy: DOC, awsManaged: "yes" } } }, false],
  ["federatedBy that is no user ARN", { principals: { "arn:aws:sts::111122223333:federated-user/F": { federatedBy: ROLE } } }, false],
  ["twelve session policies", { principals: { [SESSION]: { sessionPolicies: Array.from({ length: 12 }, () => DOC) } } }, false],
];

const request = { principal: SESSION, action: "kms:Decrypt", resource: KEY };
const REQUESTS: readonly [string, unknown, boolean][] = [
  ["a request with context", [{ ...request, context: { "aws:ResourceTag/Project": "Alpha", "kms:EncryptionContextKeys": ["Dept"] } }], true],
  ["annotations", [{ ...request, description: "d", expect: "Allow" }, { ...request, expect: "KR0002" }, { ...request, expect: { error: "KR0004" } }], true],
  ["an operation", [{ operation: "kms:ReEncrypt", checks: [request, request], description: "two checks" }], true],
  ["an empty file", [], true],
  ["not an array", { requests: [] }, false],
  ["an entry that is a string", ["x"], false],
  ["a missing action", [{ principal: SESSION, resource: KEY }], false],
  ["an unknown member", [{ ...request, extra: 1 }], false],
  ["a principal that is not a string", [{ ...request, principal: 1 }], false],
  ["context not an object", [{ ...request, context: [] }], false],
  ["a context value that is a number", [{ ...request, context: { "aws:ResourceTag/Project": 1 } }], false],
  ["a context list holding a number", [{ ...request, context: { "kms:EncryptionContextKeys": ["a", 1] } }], false],
  ["an unreadable expect", [{ ...request, expect: "allow" }], false],
  ["an expect object with more", [{ ...request, expect: { error: "KR0002", x: 1 } }], false],
  ["an operation without checks", [{ operation: "kms:ReEncrypt", checks: [] }], false],
  ["a check with an annotation", [{ operation: "kms:ReEncrypt", checks: [{ ...request, expect: "Allow" }] }], false],
];

describe("the JSON Schemas and the CLI's loaders", () => {
  it.each(BUNDLES)("agree on a bundle: %s", (_name, value, valid) => {
    expect(loaderAcceptsBundle(value)).toBe(valid);
    expect(validBundle(value)).toBe(valid);
  });

  it.each(REQUESTS)("agree on a requests file: %s", (_name, value, valid) => {
    expect(loaderAcceptsRequests(value)).toBe(valid);
    expect(validRequests(value)).toBe(valid);
  });

  it("accept the examples, which name their schema with $schema", () => {
    const bundle = JSON.parse(readFileSync(join(REPO, "examples/abac/bundle.json"), "utf8")) as { $schema?: string };
    expect(bundle.$schema).toBe("../../compiler/schemas/bundle.schema.json");
    expect(validBundle(bundle)).toBe(true);
    expect(validBundle(JSON.parse(readFileSync(join(REPO, "examples/organization/bundle.json"), "utf8")))).toBe(true);
    expect(validRequests(JSON.parse(readFileSync(join(REPO, "examples/organization/tests.json"), "utf8")))).toBe(true);
    for (const file of ["requests.json", "tests.json"]) {
      expect(validRequests(JSON.parse(readFileSync(join(REPO, "examples/abac", file), "utf8")))).toBe(true);
    }
  });

  it("describe every decision and error the engines give (decision.schema.json)", () => {
    const tests = JSON.parse(readFileSync(join(REPO, "examples/abac/tests.json"), "utf8")) as (Request & { expect?: unknown; description?: unknown })[];
    for (const { expect: _e, description: _d, ...r } of tests) expect(validDecision(evaluateReference(ABAC, r))).toBe(true);
    expect(validDecision({ decision: "Allow" })).toBe(false);
    expect(validDecision({ decision: "Deny", reasons: [] })).toBe(false);
    expect(validDecision({ error: { code: "KC1001", message: "x" } })).toBe(false);
  });
});

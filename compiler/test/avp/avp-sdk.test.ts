// The AVP request encoder against the real AWS SDK (@aws-sdk/client-verifiedpermissions): each
// encoded request is built into IsAuthorizedCommand / BatchIsAuthorizedCommand by the SDK's own
// client and serializer, captured by a request handler that never touches the network, and the
// body must carry exactly what we encoded (every entity, attribute, tag and context value). The
// handler answers a canned AVP response, which the SDK deserializes and our decoder reads.
import { Readable } from "node:stream";
import { BatchIsAuthorizedCommand, IsAuthorizedCommand, VerifiedPermissionsClient } from "@aws-sdk/client-verifiedpermissions";
import type { BatchIsAuthorizedCommandInput, IsAuthorizedCommandInput, IsAuthorizedCommandOutput } from "@aws-sdk/client-verifiedpermissions";
import { batchAvpRequests, createAvpDecoder, createAvpEncoder } from "@kms-cedar/runtime/avp";
import type { Request } from "@kms-cedar/runtime";
import type { AvpBatchIsAuthorizedInput, AvpIsAuthorizedInput } from "@kms-cedar/runtime/avp";
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/index.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const STORE = "PSEXAMPLEabcdefg111111";

// Conditions chosen so the context carries every kind of typed value: string, set, bool, ipaddr, Long, decimal, datetime, and tags.
const bundle = {
  keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [
    { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
    { Sid: "App", Effect: "Allow", Principal: { AWS: ROLE }, Action: ["kms:Decrypt", "kms:Encrypt"], Resource: "*", Condition: {
      StringEquals: { "kms:EncryptionContext:Dept": "IT" }, "ForAnyValue:StringEquals": { "kms:EncryptionContextKeys": ["Dept"] },
      Bool: { "aws:SecureTransport": "true" }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" }, NumericLessThan: { "kms:RecipientAttestation:ImageSha384": "5" },
    } },
    { Sid: "Later", Effect: "Deny", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*", Condition: { DateGreaterThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" }, NumericGreaterThan: { "aws:MultiFactorAuthAge": "3600.5" } } },
  ] } } },
  principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha", "aws:PrincipalTag/Team": "Blue" } } }] }] } },
};

const request = (context: Record<string, string | string[]>, action = "kms:Decrypt"): Request => ({ principal: SESSION, action, resource: KEY, context });
const CONTEXT = {
  "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContextKeys": ["Dept"], "aws:SecureTransport": "true", "aws:SourceIp": "10.1.2.3",
  "kms:RecipientAttestation:ImageSha384": "3", "aws:CurrentTime": "2026-05-01T12:00:00Z", "aws:MultiFactorAuthAge": "10.25",
  "aws:ResourceTag/Project": "Alpha", "aws:PrincipalTag/Team": "Blue",
};

function compiled() {
  const result = compileBundle(bundle, { avp: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.avp!.manifest;
}

/** A client whose request handler records the serialized HTTP request and answers `answer`, never sending anything. */
function capturingClient(answer: object) {
  const sent: { headers: Record<string, string>; body: string; hostname: string; method: string }[] = [];
  const client = new VerifiedPermissionsClient({
    region: "us-west-2",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-a-secret" },
    requestHandler: {
      handle: async (req: { headers: Record<string, string>; body: unknown; hostname: string; method: string }) => {
        sent.push({ headers: req.headers, body: typeof req.body === "string" ? req.body : Buffer.from(req.body as Uint8Array).toString("utf8"), hostname: req.hostname, method: req.method });
        const body = Readable.from([Buffer.from(JSON.stringify(answer))]);
        return { response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.0" }, body } };
      },
    } as never,
  });
  return { client, sent };
}

describe("AVP requests serialized by the AWS SDK", () => {
  it("IsAuthorized: the SDK body is exactly the encoded input, and the SDK's parsed answer decodes", async () => {
    const manifest = compiled();
    const encoded = createAvpEncoder(manifest, STORE).encode(request(CONTEXT));
    if ("error" in encoded) throw new Error(encoded.error.message);
    // Type-level check: our shapes are the SDK's input type.
    const input: IsAuthorizedCommandInput = encoded;
    const allowId = "SPallow000000000000001";
    const appPolicy = manifest.policies.find((p) => p.reason?.sid === "App" && p.role === "allow")!;
    const { client, sent } = capturingClient({ decision: "ALLOW", determiningPolicies: [{ policyId: allowId }], errors: [] });
    const output: IsAuthorizedCommandOutput = await client.send(new IsAuthorizedCommand(input));

    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers["x-amz-target"]).toBe("VerifiedPermissions.IsAuthorized");
    expect(sent[0]!.hostname).toBe("verifiedpermissions.us-west-2.amazonaws.com");
    const body = JSON.parse(sent[0]!.body) as AvpIsAuthorizedInput;
    expect(body).toEqual(JSON.parse(JSON.stringify(encoded)));
    // What AVP receives, spelled out: the principal as a session, its role, account and policy parents, tags, typed context.
    expect(body.principal).toEqual({ entityType: "Kms::StsAssumedRole", entityId: SESSION });
    expect(body.action).toEqual({ actionType: "Kms::Action", actionId: "Decrypt" });
    expect(body.resource).toEqual({ entityType: "Kms::Key", entityId: KEY });
    const types = body.entities.entityList.map((e) => e.identifier.entityType).sort();
    expect(types).toEqual(["Kms::IamAccount", "Kms::IamAccount", "Kms::IamPolicy", "Kms::IamRole", "Kms::Key", "Kms::StsAssumedRole"]);
    const key = body.entities.entityList.find((e) => e.identifier.entityType === "Kms::Key")!;
    expect(key.tags).toEqual({ project: { string: "Alpha" } });
    expect(key.attributes).toEqual({ account: { string: "111122223333" }, arn: { string: KEY } });
    const caller = body.entities.entityList.find((e) => e.identifier.entityType === "Kms::StsAssumedRole")!;
    expect(caller.tags).toEqual({ team: { string: "Blue" } });
    const members = Object.values(body.context!.contextMap).map((v) => Object.keys(v)[0]).sort();
    expect(new Set(members)).toEqual(new Set(["boolean", "datetime", "decimal", "ipaddr", "long", "set", "string"]));

    const decode = createAvpDecoder(manifest, { [allowId]: appPolicy.name });
    expect(decode(output)).toEqual({ decision: "Allow", reasons: [appPolicy.reason] });
  });

  it("BatchIsAuthorized: a multi-check operation's batch serializes with every request and the shared entities", async () => {
    const manifest = compiled();
    const encoder = createAvpEncoder(manifest, STORE);
    const requests = [request(CONTEXT), request(CONTEXT, "kms:Encrypt"), request({ ...CONTEXT, "aws:SourceIp": "192.0.2.1" }, "kms:Decrypt")];
    const { batches, errors } = batchAvpRequests(encoder, STORE, requests);
    expect(errors.size).toBe(0);
    expect(batches).toHaveLength(1);
    const input: BatchIsAuthorizedCommandInput = batches[0]!.input;
    const gateName = manifest.policies.find((p) => p.role === "gate")!.name;
    const { client, sent } = capturingClient({ results: requests.map(() => ({ decision: "DENY", determiningPolicies: [{ policyId: "SPgate" }], errors: [] })) });
    const output = await client.send(new BatchIsAuthorizedCommand(input));
    expect(sent[0]!.headers["x-amz-target"]).toBe("VerifiedPermissions.BatchIsAuthorized");
    const body = JSON.parse(sent[0]!.body) as AvpBatchIsAuthorizedInput;
    expect(body).toEqual(JSON.parse(JSON.stringify(input)));
    expect(body.requests.map((r) => [r.action.actionId, (r.context!.contextMap["aws:sourceip"] as { ipaddr: string }).ipaddr])).toEqual([["Decrypt", "10.1.2.3"], ["Encrypt", "10.1.2.3"], ["Decrypt", "192.0.2.1"]]);
    const decode = createAvpDecoder(manifest, { SPgate: gateName });
    expect(output.results!.map((r) => decode(r))).toEqual(requests.map(() => ({ decision: "ImplicitDeny", reasons: [] })));
  });

  it("a request with other resource tags cannot share a batch (one entity list per batch)", () => {
    const manifest = compiled();
    const encoder = createAvpEncoder(manifest, STORE);
    const { batches } = batchAvpRequests(encoder, STORE, [request(CONTEXT), request({ ...CONTEXT, "aws:ResourceTag/Project": "Beta" })]);
    expect(batches.map((b) => b.indices)).toEqual([[0], [1]]);
  });
});

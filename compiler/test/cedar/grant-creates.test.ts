// A grant that lists CreateGrant lets its grantee create grants for some or all of its own operations only
// (docs/semantics/grants.md §2: "The grantee principal can only create grants that allow some or all of the
// operations in the parent grant"); the request says which in `kms:GrantOperations`. Before, every engine
// allowed any CreateGrant by the grantee: a grant for CreateGrant alone let its grantee give itself Decrypt.
// Expected decisions are authored from grants.md; graph, Cedar and the reference must agree on each.
import { compileBundle } from "@kms-cedar/compiler";
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, KEY, doc, type Doc, enableIam } from "./three-engines.js";

const WORKER = `arn:aws:iam::${A}:role/Worker`;
const SESSION = `arn:aws:sts::${A}:assumed-role/Worker/w1`;
const SOURCE = "arn:aws:logs:us-west-2:111122223333:log-group:app";


function bundleWith(grant: Doc): Doc {
  return { keys: { [KEY]: { policy: doc(enableIam), grants: [{ name: "g", granteePrincipal: WORKER, ...grant }] } }, principals: {} };
}

const request = (action: string, context: Record<string, string | string[]> = {}): Doc =>
  ({ principal: SESSION, action: `kms:${action}`, resource: KEY, context });

/** The decisions of the graph, Cedar and the reference (which must be one) for each request. */
function decideAll(bundle: Doc, requests: readonly Doc[]): string[] {
  const decide = threeEngines(bundle);
  return requests.map((r) => decide(r));
}

describe("CreateGrant by a grant: the created grant's operations", () => {
  it("a grant for CreateGrant alone lets its grantee create grants for CreateGrant only", () => {
    expect(decideAll(bundleWith({ operations: ["CreateGrant"] }), [
      request("CreateGrant", { "kms:GrantOperations": ["Decrypt", "Encrypt"] }),
      request("CreateGrant", { "kms:GrantOperations": ["CreateGrant"] }),
      request("CreateGrant", { "kms:GrantOperations": "CreateGrant" }),
      request("Decrypt"),
    ])).toEqual(["ImplicitDeny", "Allow", "Allow", "ImplicitDeny"]);
  });

  it("some or all of the parent's operations; none given, none at all, another letter case or a key given twice: no Allow", () => {
    expect(decideAll(bundleWith({ operations: ["Decrypt", "CreateGrant"] }), [
      request("CreateGrant", { "kms:GrantOperations": ["Decrypt"] }),
      request("CreateGrant", { "kms:GrantOperations": ["Decrypt", "CreateGrant"] }),
      request("CreateGrant", { "kms:GrantOperations": ["Decrypt", "Encrypt"] }),
      request("CreateGrant"),
      request("CreateGrant", { "kms:GrantOperations": [] }),
      request("CreateGrant", { "kms:GrantOperations": ["decrypt"] }),
      request("CreateGrant", { "kms:GrantOperations": ["Decrypt"], "KMS:GRANTOPERATIONS": ["Decrypt"] }),
      request("Decrypt"),
    ])).toEqual(["Allow", "Allow", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "Allow"]);
  });

  it("a grant with constraints never allows CreateGrant (the created grant's must be at least as strict, unseen)", () => {
    expect(decideAll(bundleWith({ operations: ["Decrypt", "CreateGrant"], constraints: { sourceArn: SOURCE } }), [
      request("Decrypt", { "aws:SourceArn": SOURCE }),
      request("CreateGrant", { "aws:SourceArn": SOURCE, "kms:GrantOperations": ["Decrypt"] }),
    ])).toEqual(["Allow", "ImplicitDeny"]);
    expect(decideAll(bundleWith({ operations: ["Decrypt", "CreateGrant"], constraints: { encryptionContextSubset: { Dept: "IT" } } }), [
      request("Decrypt", { "kms:EncryptionContext:Dept": "IT" }),
      request("CreateGrant", { "kms:EncryptionContext:Dept": "IT", "kms:GrantOperations": ["Decrypt"] }),
    ])).toEqual(["Allow", "ImplicitDeny"]);
  });

  it("a policy that allows CreateGrant is not limited by any grant", () => {
    const bundle = { ...bundleWith({ operations: ["CreateGrant"] }), principals: { [WORKER]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:CreateGrant", Resource: "*" }] }] } } };
    expect(decideAll(bundle, [request("CreateGrant", { "kms:GrantOperations": ["Decrypt", "Encrypt"] })])).toEqual(["Allow"]);
  });

  it("pure Cedar refuses such a grant (KC3012): the encoder decides it", () => {
    const compiled = compileBundle(bundleWith({ operations: ["Decrypt", "CreateGrant"] }) as never, { cedar: true, pureCedar: true });
    const refused = compiled.diagnostics.filter((d) => d.code === "KC3012");
    expect(refused.map((d) => d.message)).toEqual([expect.stringContaining("lists CreateGrant")]);
    expect(compileBundle(bundleWith({ operations: ["Decrypt"] }) as never, { cedar: true, pureCedar: true }).diagnostics.filter((d) => d.code === "KC3012")).toEqual([]);
  });
});

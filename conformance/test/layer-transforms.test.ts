// The rewrites the layer laws compare against (src/laws/layer-transforms.ts): which layers a bundle
// has, the bundle without one, and with every ceiling allowing everything. Expected bundles are
// written out by hand from docs/request-model.md "Layers".
import { describe, expect, it } from "vitest";
import { layersIn, withAllowAllCeilings, withoutCeilings, withoutLayer } from "../src/laws/layer-transforms.js";
import { mapStatements } from "../src/laws/bundle-transforms.js";
import type { PlainBundleShape } from "../src/laws/bundle-transforms.js";

const DOC = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "kms:Decrypt", Resource: "*" }] };
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const KEY = "arn:aws:kms:us-west-2:111122223333:key/1";
const ROLE = "arn:aws:iam::111122223333:role/App";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const FED = "arn:aws:sts::111122223333:federated-user/Fed";
const GRANT = { name: "g", granteePrincipal: ROLE, operations: ["Decrypt"] };

const layered = {
  keys: { [KEY]: { policy: DOC, grants: [GRANT] } },
  principals: {
    [ROLE]: { policies: [DOC], boundary: DOC },
    [SESSION]: { sessionPolicies: [DOC] },
    [FED]: { federatedBy: "arn:aws:iam::111122223333:user/Bob", sessionPolicies: [DOC] },
  },
  organization: { root: { scps: [DOC], rcps: [DOC], children: [{ ou: "ou-1", children: [{ account: "111122223333", scps: [DOC] }] }] } },
  endpoints: { "vpce-1": { policy: DOC, vpc: "vpc-1" } },
};

/** The same bundle, typed as the laws see it (a session's entry has no `policies`). */
const B = (): PlainBundleShape => layered as unknown as PlainBundleShape;

describe("layer transforms", () => {
  it("name the layers a bundle has, and none for a bundle of key and identity policies", () => {
    expect(layersIn(B())).toEqual(["scp", "rcp", "boundary", "session", "endpoint", "grant"]);
    expect(layersIn({ keys: { [KEY]: { policy: DOC } }, principals: { [ROLE]: { policies: [DOC] } } })).toEqual([]);
    // An empty RCP or grant list decides nothing; an empty SCP list does (a detached FullAWSAccess denies all).
    expect(layersIn({ keys: { [KEY]: { policy: DOC, grants: [] } }, organization: { root: { scps: [], rcps: [] } } } as never)).toEqual(["scp"]);
  });

  it("take one layer out and leave the rest as it was", () => {
    expect(withoutLayer(B(), "scp")).toEqual({ ...layered, organization: { root: { rcps: [DOC], children: [{ ou: "ou-1", children: [{ account: "111122223333" }] }] } } });
    expect(withoutLayer(B(), "rcp")).toEqual({ ...layered, organization: { root: { scps: [DOC], children: [{ ou: "ou-1", children: [{ account: "111122223333", scps: [DOC] }] }] } } });
    expect(withoutLayer(B(), "grant")).toEqual({ ...layered, keys: { [KEY]: { policy: DOC } } });
    const { endpoints: _e, ...noEndpoints } = layered;
    expect(withoutLayer(B(), "endpoint")).toEqual(noEndpoints);
    expect(withoutLayer(B(), "boundary")).toEqual({ ...layered, principals: { ...layered.principals, [ROLE]: { policies: [DOC] } } });
    // A modelled federation keeps a session policy that allows everything (no session policy would deny).
    expect(withoutLayer(B(), "session")).toEqual({ ...layered, principals: { ...layered.principals, [SESSION]: {}, [FED]: { federatedBy: "arn:aws:iam::111122223333:user/Bob", sessionPolicies: [ALLOW_ALL] } } });
    expect(layersIn(withoutCeilings(B()))).toEqual(["session", "grant"]);
  });

  it("replace every ceiling by one that allows everything, and drop the customer RCPs", () => {
    const out = withAllowAllCeilings(B()) as unknown as typeof layered;
    expect(out.organization).toEqual({ root: { scps: [ALLOW_ALL], children: [{ ou: "ou-1", children: [{ account: "111122223333", scps: [ALLOW_ALL] }] }] } });
    expect(out.principals[ROLE]).toEqual({ policies: [DOC], boundary: ALLOW_ALL });
    expect(out.principals[SESSION]).toEqual({ sessionPolicies: [ALLOW_ALL] });
    expect(out.endpoints).toEqual({ "vpce-1": { vpc: "vpc-1", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] } } });
    expect(out.keys).toEqual(layered.keys);
    expect(layered.organization.root.scps).toEqual([DOC]);
  });

  it("keep the layer members through the statement rewrites of the other laws", () => {
    const out = mapStatements(B(), (statements) => statements);
    expect(out).toEqual(layered);
  });
});

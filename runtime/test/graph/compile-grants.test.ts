// A key's grants compiled for the layered decision (runtime/src/evaluate/compile-layers.ts): each
// grant carries its Allow reason, made once (docs/request-model.md "Reasons": `keys[ARN].grants[NAME]`);
// grants of one key with one name give one reason object, so an Allow lists it once.
import { describe, expect, it } from "vitest";
import { compileGrants } from "../../src/evaluate/compile-layers.js";

const K = "arn:aws:kms:us-east-1:111122223333:key/k";
const ROLE = "arn:aws:iam::111122223333:role/path/App";

describe("compileGrants", () => {
  it("gives each grant its reason, shared by the grants of the key with the same name", () => {
    const [a, b, c] = compileGrants(K, [
      { name: "g1", granteePrincipal: ROLE, operations: ["Decrypt"] },
      { name: "g2", granteePrincipal: ROLE, operations: ["Encrypt"] },
      { name: "g1", granteePrincipal: ROLE, operations: ["Encrypt"] },
    ]);
    expect(a!.reason).toEqual({ policy: `keys[${K}].grants[g1]`, statement: 0, effect: "Allow", path: "grant", layer: "grant" });
    expect(Object.isFrozen(a!.reason)).toBe(true);
    expect(b!.reason.policy).toBe(`keys[${K}].grants[g2]`);
    expect(c!.reason).toBe(a!.reason);
    expect(b!.reason).not.toBe(a!.reason);
    expect([a!.granteeRoleKey, [...a!.operationSet]]).toEqual(["aws:111122223333:App", ["Decrypt"]]);
  });
  it("does not share a reason between keys", () => {
    const other = "arn:aws:kms:us-east-1:111122223333:key/other";
    const [x] = compileGrants(K, [{ name: "g", granteePrincipal: ROLE, operations: ["Decrypt"] }]);
    const [y] = compileGrants(other, [{ name: "g", granteePrincipal: ROLE, operations: ["Decrypt"] }]);
    expect([x!.reason.policy, y!.reason.policy]).toEqual([`keys[${K}].grants[g]`, `keys[${other}].grants[g]`]);
  });
});

import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";

function statements(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    Sid: `S${i}`, Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:Decrypt", Resource: "*",
  }));
}

describe("compileBundle applies the same limits as `kms-cedar check`", () => {
  it("rejects a key policy over the 32 KB KMS limit (spec §1.10)", () => {
    const policy = { Version: "2012-10-17", Statement: statements(400) };
    expect(JSON.stringify(policy).length).toBeGreaterThan(32_768);
    const result = compileBundle({ keys: { [KEY]: { policy } } });
    expect(result.graph).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("KC1002");
  });

  it("accepts an identity policy of the same size (identity limits count characters, and only warn)", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: statements(400).map(({ Principal: _principal, ...rest }) => ({ ...rest, Resource: `arn:aws:kms:*:111122223333:key/*` })),
    };
    const result = compileBundle({ principals: { [ROLE]: { policies: [policy] } } });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.graph).toBeDefined();
  });
});

describe("action patterns of other services", () => {
  it("compile when they hold regex-special characters such as `-` (execute-api:Invoke)", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["execute-api:Invoke", "kms:Decrypt", "s3:Get(Object)+"], Resource: "*" }],
    };
    const result = compileBundle({ principals: { [ROLE]: { policies: [policy] } } });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.graph?.statements[0]?.actions).toEqual(["kms:Decrypt"]);
  });
});

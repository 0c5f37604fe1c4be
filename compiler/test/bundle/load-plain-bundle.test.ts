// The front door's file loader (conformance `verify` uses it) reads a file exactly as `kms-cedar`
// does: `{}` is a single identity policy (no `keys` or `principals`), not an empty bundle.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle, loadPlainBundle, PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../../src/api/index.js";

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kms-cedar-plain-"));
  writeFileSync(join(dir, "input.json"), text);
  return join(dir, "input.json");
}

describe("loadPlainBundle", () => {
  it("reads `{}` as the CLI does: a single identity policy of the placeholder role", () => {
    const loaded = loadPlainBundle(file("{}"));
    if ("error" in loaded) throw new Error(loaded.error);
    expect(loaded.loaded.single?.kind).toBe("identity");
    expect({ ...loaded.bundle.principals }).toEqual({ [PLACEHOLDER_PRINCIPAL_ARN]: { policies: [{}] } });
    expect({ ...loaded.bundle.keys }).toEqual({});
  });

  it("attaches a key policy to --key, or the placeholder key", () => {
    const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }] });
    const key = "arn:aws:kms:us-east-1:111122223333:key/2222bbbb-2222-2222-2222-222222222222";
    const given = loadPlainBundle(file(policy), { kind: "key", key });
    const placeholder = loadPlainBundle(file(policy), { kind: "key" });
    if ("error" in given || "error" in placeholder) throw new Error("not loaded");
    expect(Object.keys(given.bundle.keys ?? {})).toEqual([key]);
    expect(Object.keys(placeholder.bundle.keys ?? {})).toEqual([PLACEHOLDER_KEY_ARN]);
  });

  it("returns the bundle loader's errors and text that is not JSON as problems", () => {
    expect(loadPlainBundle(file('{"keys": {"not-an-arn": {"policy": {}}}}'))).toEqual({ error: expect.stringContaining("KC29") });
    expect(loadPlainBundle(file("{"))).toEqual({ error: expect.stringContaining("not JSON") });
    expect(loadPlainBundle(join(tmpdir(), "kms-cedar-no-such-file.json"))).toEqual({ error: expect.stringContaining("cannot read"), unreadable: true });
  });
  it("keeps a session's choice of `sessionPolicies` over `policies`, so the plain bundle compiles again (KC2938)", () => {
    const key = "arn:aws:kms:us-east-1:111122223333:key/2222bbbb-2222-2222-2222-222222222222";
    const role = "arn:aws:iam::111122223333:role/App";
    const session = "arn:aws:sts::111122223333:assumed-role/App/s1";
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] };
    const bundle = { keys: { [key]: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "kms:*", Resource: "*" }] } } },
      principals: { [role]: { policies: [policy] }, [session]: { sessionPolicies: [policy] } } };
    const loaded = loadPlainBundle(file(JSON.stringify(bundle)));
    if ("error" in loaded) throw new Error(loaded.error);
    const plain = loaded.bundle.principals as Record<string, Record<string, unknown>>;
    expect(Object.keys(plain[session]!)).toEqual(["sessionPolicies"]);
    expect(Object.keys(plain[role]!)).toEqual(["policies"]);
    const again = compileBundle(loaded.bundle);
    expect(again.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([]);
  });
});

// Loading bundles from disk: paths relative to the bundle file (not the working directory), inline
// documents located inside the bundle text, unreadable files, single policy files and their kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../../src/bundle/arn-shapes.js";
import { loadBundle, loadBundleOrPolicy, readInput, type ParsedInput } from "../../src/bundle/load-bundle.js";
import { toPlainBundle } from "../../src/bundle/to-plain-bundle.js";

/** Temporary directories made by this file, removed when the test process exits. */
const temporaryDirs: string[] = [];
process.once("exit", () => temporaryDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const K1 = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const KEY_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "kms:*", Resource: "*" }] };
const ID_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] };
const defaults = { key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN };

/** A temporary tree: `files` maps relative paths to contents. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "kms-cedar-bundle-"));
  temporaryDirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function input(root: string, path: string): ParsedInput {
  const result = readInput(join(root, path), path);
  if ("error" in result) throw new Error(result.error);
  return result;
}

describe("loadBundle", () => {
  it("resolves policy paths relative to the bundle file, whatever the working directory", () => {
    const root = tree({
      "deploy/bundle.json": JSON.stringify({ keys: { [K1]: { policy: "policies/key.json" } }, principals: { [ROLE]: { policies: ["../shared/app.json"] } } }),
      "deploy/policies/key.json": JSON.stringify(KEY_POLICY),
      "shared/app.json": JSON.stringify(ID_POLICY),
    });
    const loaded = loadBundle(input(root, "deploy/bundle.json"), root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.policies.map((p) => [p.location, p.file, p.kind, p.inline])).toEqual([
      [`keys[${K1}]`, join("deploy", "policies", "key.json"), "key", false],
      [`principals[${ROLE}][0]`, join("shared", "app.json"), "identity", false],
    ]);
    const plain = toPlainBundle(loaded);
    expect(plain).toEqual({ bundle: { keys: { [K1]: { policy: KEY_POLICY } }, principals: { [ROLE]: { policies: [ID_POLICY] } } } });
  });

  it("locates an inline document inside the bundle text", () => {
    const text = `{"principals": {"${ROLE}": {"policies": [${JSON.stringify(ID_POLICY)}]}}}`;
    const root = tree({ "b.json": text });
    const loaded = loadBundle(input(root, "b.json"), root);
    const [policy] = loaded.policies;
    expect(policy?.inline).toBe(true);
    expect(policy?.file).toBe("b.json");
    expect(policy && policy.text.slice(policy.start, policy.end)).toBe(JSON.stringify(ID_POLICY));
  });

  it("reports a policy file that cannot be read under its path in the bundle, and flags the I/O error", () => {
    const text = `{"keys": {"${K1}": {"policy": "nope/missing.json"}}}`;
    const root = tree({ "b.json": text });
    const loaded = loadBundle(input(root, "b.json"), root);
    expect(loaded.unreadableFiles).toBe(true);
    expect(loaded.policies).toEqual([]);
    const [d] = loaded.diagnostics;
    expect(d?.code).toBe("KC2911");
    expect(d && text.slice(d.span.start, d.span.end)).toBe('"nope/missing.json"');
    expect(d?.message).toBe("cannot read `nope/missing.json`: no such file or directory");
  });

  it("keeps a principal with no policies in the plain bundle", () => {
    const root = tree({ "b.json": `{"principals": {"${ROLE}": {"policies": []}}}` });
    expect(toPlainBundle(loadBundle(input(root, "b.json"), root))).toEqual({ bundle: { keys: {}, principals: { [ROLE]: { policies: [] } } } });
  });
});

describe("loadBundleOrPolicy with a single policy file", () => {
  it("infers a key policy from a Principal and attaches it to the placeholder key", () => {
    const root = tree({ "k.json": JSON.stringify(KEY_POLICY) });
    const loaded = loadBundleOrPolicy(input(root, "k.json"), root, {}, defaults);
    expect(loaded.single).toEqual({ kind: "key", arn: PLACEHOLDER_KEY_ARN, inferredBecause: "a statement has `Principal`" });
    expect(loaded.policies.map((p) => p.location)).toEqual([`keys[${PLACEHOLDER_KEY_ARN}]`]);
  });

  it("infers an identity policy otherwise and attaches it to the placeholder role", () => {
    const root = tree({ "i.json": JSON.stringify(ID_POLICY) });
    const loaded = loadBundleOrPolicy(input(root, "i.json"), root, {}, defaults);
    expect(loaded.single?.kind).toBe("identity");
    expect(loaded.policies.map((p) => p.location)).toEqual([`principals[${PLACEHOLDER_PRINCIPAL_ARN}][0]`]);
  });

  it("uses the given kind and ARN without inferring", () => {
    const root = tree({ "i.json": JSON.stringify(ID_POLICY) });
    const loaded = loadBundleOrPolicy(input(root, "i.json"), root, { kind: "key", arn: K1 }, defaults);
    expect(loaded.single).toEqual({ kind: "key", arn: K1 });
    expect(toPlainBundle(loaded)).toEqual({ bundle: { keys: { [K1]: { policy: ID_POLICY } }, principals: {} } });
  });
});

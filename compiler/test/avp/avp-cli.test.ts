// `kms-cedar compile --target avp`: the AVP store beside the usual files; a quota it cannot meet is
// a KC31xx error with exit 1 and nothing written.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runKmsCedar, tempFiles } from "../cli/run-cli-process.js";

describe("kms-cedar compile --target avp", () => {
  it("writes avp/ beside the Cedar and graph files, exit 0", () => {
    const out = join(tempFiles({}), "out");
    const run = runKmsCedar(["compile", "examples/abac/bundle.json", "-o", out, "--target", "avp"]);
    expect(run.status).toBe(0);
    for (const name of ["policies.cedar", "graph.json", "avp/schema.json", "avp/put-schema.json", "avp/avp-manifest.json"]) expect(existsSync(join(out, name)), name).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "avp/avp-manifest.json"), "utf8")) as { policies: { file: string }[] };
    expect(readdirSync(join(out, "avp/policies")).map((f) => `policies/${f}`)).toEqual(manifest.policies.map((p) => p.file));
    const first = JSON.parse(readFileSync(join(out, "avp", manifest.policies[0]!.file), "utf8"));
    expect(Object.keys(first.definition.static).sort()).toEqual(["description", "statement"]);
  });

  it("refuses a quota it cannot meet with KC3101, writes nothing, exit 1", () => {
    const values = Array.from({ length: 60 }, (_, i) => `value-${i}-${"v".repeat(200)}`);
    const dir = tempFiles({ "policy.json": JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:Dept": values } } }] }) });
    const out = join(dir, "out");
    const run = runKmsCedar(["compile", join(dir, "policy.json"), "--kind", "identity", "-o", out, "--target", "avp"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("KC3101");
    expect(existsSync(out)).toBe(false);
  });
});

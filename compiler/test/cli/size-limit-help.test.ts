// KC1002 (document too large) names the limit in force in its message and its help: the one given
// with --max-bytes, the KMS key policy limit, or the guard for identity policies.
import { describe, expect, it } from "vitest";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const statement = (i: number) => ({ Sid: `S${i}`, Effect: "Allow", Action: "kms:Decrypt", Resource: "*" });
const policy = (count: number) => JSON.stringify({ Version: "2012-10-17", Statement: Array.from({ length: count }, (_, i) => statement(i)) });

function helpOf(stdout: string): string {
  return stdout.split("\n").filter((line) => /help:/.test(line)).join("\n");
}

describe("KC1002's help", () => {
  it("cites the --max-bytes limit in force, not the KMS 32 768 bytes", () => {
    const dir = tempFiles({ "p.json": policy(10) });
    const run = runKmsCedar(["check", "p.json", "--kind", "identity", "--max-bytes", "200", "--format", "json"], dir);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as { files: { diagnostics: { code: string; message: string; help?: string }[] }[] };
    const d = json.files.flatMap((f) => f.diagnostics).find((x) => x.code === "KC1002");
    expect(d?.message).toContain("over the limit of 200 bytes");
    expect(d?.help).toContain("200 bytes");
    expect(d?.help).not.toContain("32 768");
    const text = runKmsCedar(["check", "p.json", "--kind", "key", "--max-bytes", "200"], dir);
    expect(helpOf(text.stdout)).toContain("200 bytes");
    expect(helpOf(text.stdout)).not.toContain("32 768");
  });

  it("cites the KMS limit for a key policy under the default limit, and the identity guard for an identity policy", () => {
    const dir = tempFiles({ "p.json": policy(3000) });
    const key = runKmsCedar(["check", "p.json", "--kind", "key"], dir);
    expect(key.stdout).toContain("error[KC1002]");
    expect(helpOf(key.stdout)).toContain("32 768 bytes");
    const identity = runKmsCedar(["check", "p.json", "--kind", "identity", "--max-bytes", "100000"], dir);
    expect(helpOf(identity.stdout)).toContain("100000 bytes");
  });
});

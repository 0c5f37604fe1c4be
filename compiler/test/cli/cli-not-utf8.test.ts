// Bytes that are not UTF-8 (KC1026) in any input the CLI reads: refused with their position by the one
// strict decoder (runtime/src/request/decode-utf8.ts), never decoded to U+FFFD and decided. The raw form
// of a lone surrogate (ED A0 80) must not get a decision where its escape `\ud800` gets KR0008 (DESIGN §2).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/index.js";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const policy = (sid: string) =>
  `{"Version":"2012-10-17","Statement":[{"Sid":"${sid}","Effect":"Allow","Principal":{"AWS":"${ROLE}"},"Action":"kms:Decrypt","Resource":"*"}]}`;
const SURROGATE = Buffer.from([0xed, 0xa0, 0x80]);
const requestStart = `  {"principal":"${ROLE}","action":"kms:Decrypt","resource":"${KEY}","context":{"aws:PrincipalTag/team":"x`;

/** A folder with a bundle that allows the request, and files whose bytes are not UTF-8. */
function folder(): string {
  const dir = tempFiles({ "bundle.json": JSON.stringify({ keys: { [KEY]: { policy: "policy.json" } } }), "policy.json": policy("a") });
  writeFileSync(join(dir, "raw.json"), Buffer.concat([Buffer.from(`[\n${requestStart}`), SURROGATE, Buffer.from(`"}, "expect": "Allow"}\n]`)]));
  writeFileSync(join(dir, "bad-policy.json"), Buffer.concat([Buffer.from(policy("a").slice(0, 45)), SURROGATE, Buffer.from(policy("a").slice(46))]));
  writeFileSync(join(dir, "bad-bundle.json"), JSON.stringify({ keys: { [KEY]: { policy: "bad-policy.json" } } }));
  return dir;
}
const where = `2:${requestStart.length + 1}`;
const refusal = (file: string, at: string) => `cannot read \`${file}\`: not UTF-8: the bytes at ${at} (ED A0 80 22 …) are no UTF-8 character (KC1026)`;

describe("a requests file that is not UTF-8 is unreadable as a whole (exit 2), with the position", () => {
  it.each([["eval", ["eval", "bundle.json", "--requests", "raw.json"]], ["test", ["test", "raw.json", "--bundle", "bundle.json"]]])(
    "%s", (_name, args) => {
      const run = runKmsCedar(args, folder());
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`kms-cedar: ${refusal("raw.json", where)}\n`);
      expect(run.stdout).not.toMatch(/allow|deny/i);
    },
  );

  it("on standard input too", () => {
    const dir = folder();
    const bytes = Buffer.concat([Buffer.from(`[\n${requestStart}`), SURROGATE, Buffer.from(`"}}]`)]);
    const run = runKmsCedar(["eval", "bundle.json", "--requests", "-", "--format", "json"], dir, bytes);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`the bytes at ${where} (ED A0 80 22 …) are no UTF-8 character (KC1026)`);
  });
});

describe("a policy file that is not UTF-8", () => {
  it("on the command line: KC1026 with its position, not KC2025 about a U+FFFD the file does not hold", () => {
    const run = runKmsCedar(["check", "bad-policy.json"], folder());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`kms-cedar: ${refusal("bad-policy.json", "1:46")}\n`);
    expect(run.stdout).not.toContain("KC2025");
  });

  it("named by a bundle: one KC1026 at the path, exit 2 (check, and compileBundle)", () => {
    const dir = folder();
    const run = runKmsCedar(["check", "bad-bundle.json", "--format", "json"], dir);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
    expect(report.files.flatMap((f) => f.diagnostics.map((d) => [d.code, d.message]))).toEqual([
      ["KC1026", "cannot read `bad-policy.json`: not UTF-8: the bytes at 1:46 (ED A0 80 22 …) are no UTF-8 character"],
    ]);
    const compiled = compileBundle("bad-bundle.json", { baseDir: dir });
    expect(compiled.diagnostics.map((d) => d.code)).toEqual(["KC1026"]);
    expect(compiled.graph).toBeUndefined();
  });
});

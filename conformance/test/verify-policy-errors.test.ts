// `verify` on a bundle with policy errors: exit 1, every diagnostic printed exactly as `kms-cedar check`
// prints it (code, file:line:column, code frame, summary), no usage hint; a file that cannot be read is
// an I/O error worded as kms-cedar words it (`no such file or directory`), in every command.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, KMS_CEDAR_BIN, runMain, spawn } from "./cli-harness.js";

describe("verify and policy errors", () => {
  it("examples/broken/bundle.json: exit 1 with kms-cedar check's diagnostics", async () => {
    const check = spawn(KMS_CEDAR_BIN, ["check", "examples/broken/bundle.json"]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("examples/broken/bundle.json:8:23");
    const r = await runMain(["verify", "examples/broken/bundle.json", "--runs", "10"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(check.stdout);
    expect(r.stderr).not.toContain("--help");
    const json = await runMain(["verify", "examples/broken/bundle.json", "--format", "json"]);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(spawn(KMS_CEDAR_BIN, ["check", "examples/broken/bundle.json", "--format", "json"]).stdout));
  });

  it.each([["merge"], ["verify"], ["replay"]])("%s: a missing file is `no such file or directory`, exit 2, without the usage", async (command) => {
    const r = await runMain([command, "no/such/file.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kms-cedar-conformance: cannot read `no\/such\/file\.json[^`]*`: no such file or directory\n$/);
  });

  it("standard input that is not UTF-8 is refused as kms-cedar refuses it (KC1026, exit 2), never decided", () => {
    // The raw bytes of the lone surrogate U+D800 in a Sid (at the `@`): decoded leniently they became U+FFFD.
    const [before, after] = '{"Version":"2012-10-17","Statement":[{"Sid":"x@","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}'.split("@");
    const input = Buffer.concat([Buffer.from(before!), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(after!)]);
    for (const [bin, args] of [[BIN, ["verify", "-", "--runs", "5"]], [KMS_CEDAR_BIN, ["check", "-"]]] as const) {
      const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 60_000 });
      expect(r.status, bin).toBe(2);
      expect(r.stderr, bin).toMatch(/not UTF-8: the bytes at 1:\d+ \(ED A0 80/);
    }
  });
});

// Input-derived text in the CLI's text output (printable-line.ts): a line break cannot forge a result
// line, and ESC, BEL, DEL or C1 bytes cannot drive the terminal (set its title, clear the screen); JSON
// output keeps the exact strings. Found by an audit (eval, test, check, authorize).
import { describe, expect, it } from "vitest";
import { printableLine } from "../../src/cli/render/printable-line.js";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const policy = (statement: object) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*", ...statement }] });
const bundle = JSON.stringify({ keys: { [KEY]: { policy: policy({ Sid: "Use" }) } } });
/** Bytes a terminal acts on: C0 but line feed, DEL, C1. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;

describe("printableLine", () => {
  it("escapes controls, line breaks, lone surrogates and bidi controls; keeps the rest", () => {
    expect(printableLine("a\nb\r\tc\u001b]0;x\u0007\u007f\u009b")).toBe("a\\nb\\r\\tc\\u001b]0;x\\u0007\\u007f\\u009b");
    expect(printableLine("x\ud800 \udc00 \u202e \u2028")).toBe("x\\ud800 \\udc00 \\u202e \\u2028");
    expect(printableLine("kms:Decrypt é 😀 `Sid`")).toBe("kms:Decrypt é 😀 `Sid`");
  });
});

describe("text output cannot be forged or drive the terminal", () => {
  it("eval: a line break in an action stays on its entry's line; ESC and BEL in request strings are escaped", () => {
    const forged = { principal: ROLE, action: "kms:X\n[1] Allow        kms:Decrypt FORGED", resource: KEY };
    const escaped = { principal: `${ROLE}\u001b]0;PWNED\u0007\u001b[2J`, action: "kms:Decrypt\u001b[31m", resource: "*\u009b2J\u007f" };
    const dir = tempFiles({ "bundle.json": bundle, "requests.json": JSON.stringify([forged, escaped]) });
    const run = runKmsCedar(["eval", "bundle.json", "--requests", "requests.json"], dir);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[0\] error {8}kms:X\\n\[1\] Allow {8}kms:Decrypt FORGED by /);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(lines[1]).toContain("\\u001b]0;PWNED\\u0007\\u001b[2J");
    // JSON keeps the exact strings (escaped by JSON itself).
    const json = runKmsCedar(["eval", "bundle.json", "--requests", "requests.json", "--format", "json"], dir);
    expect((JSON.parse(json.stdout) as { error: { message: string } }[])[0]!.error.message).toContain(forged.action);
  });

  it("test: a line break in a description cannot print a PASS line", () => {
    const entry = { principal: ROLE, action: "kms:Decrypt", resource: KEY, description: "d\nPASS [99] forged\u001b[2J", expect: "ImplicitDeny" };
    const run = runKmsCedar(["test", "tests.json"], tempFiles({ "bundle.json": bundle, "tests.json": JSON.stringify([entry]) }));
    expect(run.stdout).not.toMatch(/^PASS \[99\]/m);
    expect(run.stdout).toContain("FAIL [0] d\\nPASS [99] forged\\u001b[2J: expected ImplicitDeny");
    expect(run.stdout).not.toMatch(CONTROL);
  });

  it("check: a Sid with ESC and BEL in an identity policy (KC2039) and DEL runs (KC1006) are escaped in text, exact in JSON", () => {
    const sid = "A\u001b]0;PWNED\u0007\u001b[2J";
    // Written raw, as the audit's file has it (also KC1011: a control character in a string).
    const dir = tempFiles({ "esc.json": JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "@", Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] }).replace("@", sid), "del.json": '{"Version": "2012-10-17",\u007f\u007f "Statement": []}' });
    for (const file of ["esc.json", "del.json"]) {
      const run = runKmsCedar(["check", file], dir);
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).not.toMatch(CONTROL);
    }
    expect(runKmsCedar(["check", "esc.json"], dir).stdout).toContain("\\u001b]0;PWNED\\u0007\\u001b[2J");
    const json = JSON.parse(runKmsCedar(["check", "esc.json", "--format", "json"], dir).stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
    expect(json.files[0]!.diagnostics.find((d) => d.code === "KC2039")?.message).toContain(sid);
  });

  it("authorize: an ESC in --principal does not reach the terminal", () => {
    const dir = tempFiles({ "bundle.json": bundle });
    const run = runKmsCedar(["authorize", "bundle.json", "--principal", `${ROLE}\u001b]0;PWNED\u0007`, "--action", "kms:Decrypt", "--resource", KEY], dir);
    expect(run.stdout + run.stderr).toContain("\\u001b]0;PWNED\\u0007");
    expect(run.stdout + run.stderr).not.toMatch(CONTROL);
  });
});

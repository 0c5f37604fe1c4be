// `kms-cedar authorize`: one request from the command line; --exit-code makes the status the decision
// (0 Allow, 3 a deny), --format json prints the decision object, usage mistakes are exit 2.
import { describe, expect, it } from "vitest";
import { readContextArguments } from "../../src/cli/eval/context-arguments.js";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const request = ["--principal", SESSION, "--action", "kms:Decrypt", "--resource", KEY];
const authorize = (...args: string[]) => runKmsCedar(["authorize", "examples/abac/bundle.json", ...args]);

describe("kms-cedar authorize", () => {
  it("decides one request: Allow is exit 0 with --exit-code, and the statements that decided are shown", () => {
    const run = authorize(...request, "--context", "aws:ResourceTag/Project=Alpha", "--exit-code");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Allow\s+kms:Decrypt by /);
    expect(run.stdout).toContain('Sid "UseProjectAlphaKeys"');
  });

  it("a deny is exit 3 with --exit-code, 0 without", () => {
    const denied = authorize(...request, "--context", "aws:ResourceTag/Project=Beta", "--exit-code");
    expect(denied.status).toBe(3);
    expect(denied.stdout).toMatch(/^ImplicitDeny/);
    const explicit = authorize(...request, "--context", "aws:ResourceTag/Project=Alpha", "--context", "aws:ResourceTag/Type=Reserved", "--exit-code");
    expect(explicit.stdout).toMatch(/^ExplicitDeny/);
    expect(explicit.status).toBe(3);
    expect(authorize(...request).status).toBe(0);
  });

  it("prints the decision object with --format json, and all three engines with --engine all", () => {
    const one = JSON.parse(authorize(...request, "--context", "aws:ResourceTag/Project=Alpha", "--format", "json").stdout) as { decision: string; reasons: unknown[] };
    expect(one.decision).toBe("Allow");
    expect(one.reasons).toHaveLength(2);
    const all = JSON.parse(authorize(...request, "--engine", "all", "--format", "json").stdout) as Record<string, { decision?: string }> & { agree: boolean };
    expect([all["reference"]?.decision, all["graph"]?.decision, all["cedar"]?.decision, all.agree]).toEqual(["ImplicitDeny", "ImplicitDeny", "ImplicitDeny", true]);
  });

  it("attaches a single identity policy to --principal and a single key policy to --resource", () => {
    const role = "arn:aws:iam::111122223333:role/Ops";
    const dir = tempFiles({
      "identity.json": JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:ListKeys", Resource: "*" }] }),
      "key.json": JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: role }, Action: "kms:Decrypt", Resource: "*" }] }),
    });
    const iamOnly = runKmsCedar(["authorize", "identity.json", "--principal", role, "--action", "kms:ListKeys", "--resource", "*", "--exit-code"], dir);
    expect(iamOnly.status).toBe(0);
    const onKey = runKmsCedar(["authorize", "key.json", "--kind", "key", "--principal", role, "--action", "kms:Decrypt", "--resource", KEY, "--exit-code"], dir);
    expect(onKey.stdout).toMatch(/^Allow/);
    expect(onKey.status).toBe(0);
  });

  it("usage mistakes and undecidable requests are exit 2 with one clear line", () => {
    const missing = runKmsCedar(["authorize", "examples/abac/bundle.json", "--principal", SESSION, "--resource", KEY]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing `--action`");
    const badContext = authorize(...request, "--context", "novalue");
    expect(badContext.status).toBe(2);
    expect(badContext.stderr).toContain("must be `key=value` or `key:=JSON`");
    const unknownAction = runKmsCedar(["authorize", "examples/abac/bundle.json", "--principal", SESSION, "--action", "kms:Nope", "--resource", KEY, "--exit-code"]);
    expect(unknownAction.status).toBe(2);
    expect(unknownAction.stderr).toContain("the request cannot be decided: KR0002");
  });
});

describe("--context arguments", () => {
  it("reads k=v as a string, a repeated key as a list, k:=JSON as written", () => {
    expect(readContextArguments(["a=1", "b=x=y", "c=p", "c=q", "c=r", 'd:=["z"]'])).toEqual({ context: { a: "1", b: "x=y", c: ["p", "q", "r"], d: ["z"] } });
    expect(readContextArguments(["e:=[1"])).toHaveProperty("error");
    expect(readContextArguments(['d:=["z"]', "d=w"])).toHaveProperty("error");
    const proto = readContextArguments(["__proto__=x"]);
    expect("context" in proto && Object.getPrototypeOf(proto.context)).toBe(null);
  });
});

// The commands as a user runs them: exit statuses, --no-new-access, JSON and SARIF shapes, help,
// usage errors and refusals, and the dispatch from the kms-cedar CLI.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runAnalysisCli } from "@kms-cedar/analysis";
import { runCli } from "../../compiler/src/cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "kms-cedar-analysis-"));
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const policy = (principals: string[], condition?: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "kms:Decrypt", Resource: "*", ...(condition ? { Condition: condition } : {}) }],
});
const OLD = write("old.json", policy(["arn:aws:iam::111122223333:root"]));
const SAME = write("same.json", policy(["arn:aws:iam::111122223333:root"]));
const WIDER = write("wider.json", policy(["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]));
const NARROWER = write("narrower.json", policy(["arn:aws:iam::111122223333:root"], { Bool: { "aws:SecureTransport": "true" } }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runWithStdin(undefined, ...argv);
}

/** `run` with `stdin` as standard input (undefined: none given). */
async function runWithStdin(stdin: string | undefined, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const readStdin = () => (stdin === undefined ? { error: "no input" } : { text: stdin });
  const code = await runAnalysisCli(argv, { cwd: dir, out: (t) => void (out += t), err: (t) => void (err += t), readStdin });
  return { code, out, err };
}

describe("kms-cedar diff", () => {
  it("exits 0 on equivalent files, 1 on a change, and --no-new-access only counts new Allows", async () => {
    expect((await run("diff", OLD, SAME)).code).toBe(0);
    const wider = await run("diff", OLD, WIDER, "--no-new-access");
    expect(wider.code).toBe(1);
    expect(wider.out).toContain("(new access)");
    expect((await run("diff", OLD, NARROWER)).code).toBe(1);
    expect((await run("diff", OLD, NARROWER, "--no-new-access")).code).toBe(0);
  });

  it("--format json prints { equivalent, changes: [{ from, to, witness, class }] }", async () => {
    const { out } = await run("diff", OLD, WIDER, "--format", "json");
    const json = JSON.parse(out);
    expect(json.equivalent).toBe(false);
    const change = json.changes.find((c: { to: string }) => c.to === "Allow");
    expect(change.from).toBe("ImplicitDeny");
    expect(change.witness.principal).toContain("444455556666");
    expect(change.witness.resource).toBe("arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000");
    expect(change.class.actions).toContain("kms:Decrypt");
  });

  it("--format sarif prints a SARIF 2.1.0 log with a new-access result", async () => {
    const log = JSON.parse((await run("diff", OLD, WIDER, "--format", "sarif")).out);
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === "new-access")).toBe(true);
  });

  it("usage errors and refusals exit 2", async () => {
    expect((await run("diff", OLD)).code).toBe(2);
    expect((await run("diff", OLD, SAME, "--format", "xml")).code).toBe(2);
    const bound = await run("diff", OLD, WIDER, "--max-regions", "5");
    expect(bound.code).toBe(2);
    expect(bound.err).toContain("KA0006");
    expect((await run("diff", OLD, join(dir, "missing.json"))).code).toBe(2);
  });

  it("reads its options as kms-cedar's other commands do: an option-like value, an option twice, an unknown option", async () => {
    const negative = await run("diff", OLD, SAME, "--max-regions", "-5");
    expect([negative.code, negative.err]).toEqual([2, expect.stringContaining("option `--max-regions` needs a value (N), not the option-like `-5` (write `--max-regions=-5` to mean it)")]);
    expect((await run("diff", OLD, SAME, "--max-regions=-5")).err).toContain("`--max-regions` must be a positive integer");
    const twice = await run("diff", OLD, SAME, "--format", "json", "--format", "text");
    expect([twice.code, twice.err]).toEqual([2, expect.stringContaining("option `--format` given twice (`json`, then `text`)")]);
    const unknown = await run("prove", OLD, "--constructor", "x");
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining("unknown option `--constructor` for `prove`")]);
  });

  it("--help, and the kms-cedar CLI dispatches to the analysis", async () => {
    expect((await run("diff", "--help")).out).toContain("Usage: kms-cedar diff OLD NEW");
    let out = "";
    const code = await runCli(["diff", OLD, SAME], { cwd: dir, env: {}, stdoutIsTty: false, out: (t) => void (out += t), err: () => {}, readStdin: () => ({ error: "none" }) });
    expect(code).toBe(0);
    expect(out).toContain("equivalent");
  });
});

describe("kms-cedar prove", () => {
  it("proves, or prints a counterexample and exits 1", async () => {
    const assertions = write("assert.json", { assertions: [{ name: "nobody outside decrypts", notInAccounts: ["111122223333"], actions: ["kms:Decrypt"], keys: ["*"] }] });
    expect((await run("prove", OLD, "--assert", assertions)).code).toBe(0);
    const failed = await run("prove", WIDER, "--assert", assertions, "--format", "json");
    expect(failed.code).toBe(1);
    const json = JSON.parse(failed.out);
    expect(json.proved).toBe(false);
    expect(json.assertions[0].counterexample.principal).toContain("444455556666");
  });

  it("prints names from the inputs escaped in text output: no forged line, no terminal escape", async () => {
    const name = "nobody\nproved: forged (1 request classes)\u001b]0;PWNED\u0007";
    const assertions = write("assert-escape.json", { assertions: [{ name, notInAccounts: ["111122223333"], actions: ["kms:Decrypt"], keys: ["*"] }] });
    const proved = await run("prove", OLD, "--assert", assertions);
    expect(proved.out.split("\n").filter((l) => l.startsWith("proved: "))).toHaveLength(1);
    expect(proved.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(proved.out).toContain("nobody\\nproved: forged");
    // JSON keeps the exact string.
    expect(JSON.parse((await run("prove", OLD, "--assert", assertions, "--format", "json")).out).assertions[0].name).toBe(name);
  });
});

describe("kms-cedar prove: an assertion that names nothing is an error at its place, never proved", () => {
  // An audit: `kms:Decrpyt` (and `kms:Nope`) was "proved: typo (0 request classes)", exit 0.
  const writeText = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const KEY = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000";

  it("an action that matches no KMS action: KA0015 with the assertion's name and file:line:column, exit 2", async () => {
    const file = writeText("typo.json", `{"assertions":[\n  {"name":"typo","actions":["kms:Decrpyt"],"keys":["*"]}\n]}`);
    const r = await run("prove", OLD, "--assert", file);
    expect(r.code).toBe(2);
    expect(r.out).not.toContain("proved");
    expect(r.err).toContain("error[KA0015]: assertion `typo`: `kms:Decrpyt` matches no KMS action");
    expect(r.err).toContain(" --> typo.json:2:29");
    expect(r.err).not.toContain("proved");
    for (const action of ["kms:Nope", "s3:GetObject", "kms:Decrypt*x"]) {
      const other = await run("prove", OLD, "--assert", write("nope.json", { assertions: [{ name: "n", actions: ["kms:Decrypt", action] }] }));
      expect([other.code, other.err]).toEqual([2, expect.stringContaining(`error[KA0015]: assertion \`n\`: \`${action}\` matches no KMS action`)]);
    }
    // Patterns and case are as in an Action element: these name real actions.
    const fine = await run("prove", OLD, "--assert", write("fine.json", { assertions: [{ name: "f", principals: ["arn:aws:iam::444455556666:role/X"], actions: ["KMS:decrypt", "kms:Re*", "*"] }] }));
    expect([fine.code, fine.out]).toEqual([0, expect.stringContaining("proved: f")]);
  });

  it("a key that is not one of the bundle's keys: KA0016 (every problem at once); a caller the bundle does not name is a real caller", async () => {
    const file = write("keys.json", { assertions: [{ name: "k", actions: ["kms:Decrypt"], keys: [KEY.replace("00000000-0000", "10000000-0000"), "not-a-key"] }] });
    const r = await run("prove", OLD, "--assert", file);
    expect(r.code).toBe(2);
    expect(r.err.match(/error\[KA0016\]/g)).toHaveLength(2);
    expect(r.err).toContain("`not-a-key` is not a key of the bundle");
    const stranger = await run("prove", OLD, "--assert", write("stranger.json", { assertions: [{ name: "s", principals: ["arn:aws:iam::111122223333:role/NotInTheBundle"], actions: ["kms:Decrypt"], keys: [KEY] }] }));
    expect([stranger.code, stranger.out]).toEqual([0, expect.stringMatching(/^proved: s \([1-9]/m)]);
  });

  it("an assertion that matches no request (an action with no key, on a key): KA0017, never proved", async () => {
    const r = await run("prove", OLD, "--assert", write("vacuous.json", { assertions: [{ name: "v", actions: ["kms:CreateKey"], keys: [KEY] }] }));
    expect([r.code, r.out]).toEqual([2, expect.not.stringContaining("proved")]);
    expect(r.err).toContain("error[KA0017]: assertion `v` matches no request");
  });

  it("the assertions file is read as kms-cedar reads its inputs: syntax errors with codes and positions, I/O errors in one line", async () => {
    const truncated = await run("prove", OLD, "--assert", writeText("truncated.json", `{"assertions":[`));
    expect(truncated.code).toBe(2);
    expect(truncated.err).toContain("error[KC1022]");
    expect(truncated.err).toContain(" --> truncated.json:1:15");
    expect(truncated.err).not.toContain("Unexpected end of JSON input");
    const empty = await run("prove", OLD, "--assert", writeText("empty.json", ""));
    expect([empty.code, empty.err]).toEqual([2, expect.stringContaining("error[KC1001]: the document is empty")]);
    const folder = await run("prove", OLD, "--assert", ".");
    expect([folder.code, folder.err]).toEqual([2, "kms-cedar prove: cannot read `.`: is a directory\n"]);
    const member = await run("prove", OLD, "--assert", write("member.json", { assertions: [{ name: "m", actions: ["kms:Decrypt"], bogus: 1 }] }));
    expect([member.code, member.err]).toEqual([2, expect.stringContaining("error[KA0014]: assertion `m` has unknown member `bogus`")]);
  });
});

describe("--max-regions bounds every analysis command", () => {
  // An audit: `abac … --max-regions 1` exited 0 with its full output (the bound applied only to the product strategy).
  it("abac refuses (KA0006, exit 2) beyond the bound, as diff and prove do, and runs within it", async () => {
    const bundle = join(process.cwd(), "examples/abac/bundle.json");
    const assertions = write("bound.json", { assertions: [{ name: "b", actions: ["kms:Decrypt"] }] });
    for (const argv of [["abac", bundle], ["diff", OLD, WIDER], ["prove", bundle, "--assert", assertions]]) {
      const r = await run(...argv, "--max-regions", "1");
      expect([r.code, r.out, r.err], argv[0]).toEqual([2, expect.not.stringMatching(/proved|can kms|change/), expect.stringContaining("KA0006")]);
    }
    const within = await run("abac", bundle, "--max-regions", "1000000");
    expect([within.code, within.out]).toEqual([0, expect.stringContaining("can kms:TagResource")]);
  });
});

describe("standard output is a function of the inputs", () => {
  // An audit: `diff` printed the elapsed time, `(4 of 620 request classes, 103 ms)`, on standard output.
  it("diff, prove and abac print byte-identical output on every run, with no timing", async () => {
    const bundle = join(process.cwd(), "examples/abac/bundle.json");
    const assertions = write("stable.json", { assertions: [{ name: "s", actions: ["kms:Decrypt"] }] });
    for (const argv of [["diff", OLD, WIDER], ["diff", OLD, SAME], ["diff", OLD, WIDER, "--format", "sarif"], ["prove", bundle, "--assert", assertions], ["abac", bundle], ["abac", bundle, "--format", "dot"]]) {
      const first = await run(...argv);
      const second = await run(...argv);
      expect(first.out, argv.join(" ")).not.toMatch(/\d\s*ms\b/);
      expect(second.out, argv.join(" ")).toBe(first.out);
    }
  });
});

describe("inputs are read, checked and named as kms-cedar's other commands do", () => {
  // An audit: only the first policy error, as "cannot decide exactly: KA0013" without a position; `--key notanarn`
  // ignored; absolute paths (and `/work/…/<stdin>`) in messages; SARIF with absolute file: URIs.
  write("bad.json", { Version: "2012-10-17", Statement: [{ Effect: "Maybe", Principal: "*", Action: "kms:Decrypt", Resource: "*" }, { Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { Nope: { "kms:ViaService": "x" } } }] });

  it("policy errors are printed as `check` prints them, every one with code and file:line:column, exit 1", async () => {
    write("p.json", { assertions: [{ name: "p", actions: ["kms:Decrypt"] }] });
    for (const argv of [["diff", "old.json", "bad.json"], ["prove", "bad.json", "--assert", "p.json"], ["abac", "bad.json"]]) {
      const r = await run(...argv);
      expect(r.code, argv[0]).toBe(1);
      expect(r.out).toContain("error[KC2031]: invalid effect `Maybe`\n --> bad.json:1:48");
      expect(r.out).toContain("error[KC2090]");
      expect(r.out + r.err).not.toContain("KA0013");
    }
    const json = await run("diff", "old.json", "bad.json", "--format", "json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).files[0].diagnostics.map((d: { code: string }) => d.code)).toContain("KC2031");
  });

  it("--key and --principal are validated as for compile and eval (usage error, exit 2)", async () => {
    const key = await run("diff", "old.json", "same.json", "--key", "notanarn");
    expect([key.code, key.err]).toEqual([2, expect.stringContaining("`--key` needs a key ARN")]);
    const principal = await run("diff", "old.json", "same.json", "--principal", "nobody");
    expect([principal.code, principal.err]).toEqual([2, expect.stringContaining("`--principal` needs the ARN")]);
  });

  it("files are named as given, standard input as `<stdin>`; SARIF locations are relative to %SRCROOT%", async () => {
    const text = await run("diff", "old.json", "same.json");
    expect(text.out).toContain("old.json and same.json are equivalent");
    expect(text.out).not.toContain(dir);
    const stdin = await runWithStdin(JSON.stringify(policy(["arn:aws:iam::111122223333:root"])), "diff", "-", "old.json");
    expect(stdin.out).toContain("<stdin> and old.json are equivalent");
    expect(stdin.out).not.toContain(dir);
    const missing = await run("diff", "old.json", "missing.json");
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining("cannot read `missing.json`: no such file or directory")]);
    expect(missing.err).not.toContain(dir);
    const sarif = JSON.parse((await run("diff", "old.json", "wider.json", "--format", "sarif")).out);
    expect(sarif.runs[0].originalUriBaseIds["%SRCROOT%"].uri).toBe(`${pathToFileURL(dir).href}/`);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "wider.json", uriBaseId: "%SRCROOT%" });
  });
});

describe("standard input and unreadable files", () => {
  // An audit: `-` was a file named `-`, and a missing file was "cannot decide exactly: KA0013".
  it("`-` reads a bundle or an assertion file from standard input, once", async () => {
    const same = await runWithStdin(JSON.stringify(policy(["arn:aws:iam::111122223333:root"])), "diff", "-", OLD);
    expect(same.code).toBe(0);
    expect((await runWithStdin(JSON.stringify(policy(["arn:aws:iam::444455556666:root"])), "diff", OLD, "-")).code).toBe(1);
    const assertions = { assertions: [{ name: "no one decrypts", principals: ["*"], actions: ["kms:Decrypt"], keys: ["*"] }] };
    expect((await runWithStdin(JSON.stringify(assertions), "prove", OLD, "--assert", "-")).code).toBe(1);
    const twice = await runWithStdin("{}", "diff", "-", "-");
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("standard input (`-`) can be read once");
  });

  it("a file that cannot be read is an I/O error (exit 2), not a refusal", async () => {
    for (const argv of [["diff", OLD, join(dir, "missing.json")], ["prove", OLD, "--assert", join(dir, "missing.json")], ["abac", join(dir, "missing.json")]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/cannot read `.*missing\.json`: no such file or directory/);
      expect(r.err).not.toContain("cannot decide exactly");
    }
  });
});


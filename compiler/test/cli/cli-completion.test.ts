// `kms-cedar completion bash|zsh`: scripts generated from the command table. The bash one is run in
// bash with simulated command lines; the zsh one is checked with `zsh -n` when zsh is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANALYSIS_SPECS } from "@kms-cedar/analysis";
import { completionScript } from "../../src/cli/args/completion-script.js";
import { runKmsCedar } from "./run-cli-process.js";

/** What bash completes for the words of a command line (the last one being completed). */
function completeInBash(words: readonly string[]): string[] {
  const script = `${completionScript("bash", ANALYSIS_SPECS)}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _kms_cedar; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
  return result.stdout.split("\n").filter((line) => line !== "");
}

describe("kms-cedar completion", () => {
  it("prints the scripts, and a usage error for another shell", () => {
    const bash = runKmsCedar(["completion", "bash"]);
    expect(bash.status).toBe(0);
    expect(bash.stdout).toContain("complete -o filenames -F _kms_cedar kms-cedar");
    expect(runKmsCedar(["completion", "zsh"]).stdout).toMatch(/^#compdef kms-cedar/);
    const fish = runKmsCedar(["completion", "fish"]);
    expect(fish.status).toBe(2);
    expect(fish.stderr).toContain("`completion` needs a shell");
  });

  it("has its own --help (it printed the tool's), and an unknown command lists it with the analysis commands", () => {
    for (const args of [["completion", "--help"], ["help", "completion"]]) {
      const help = runKmsCedar(args);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^kms-cedar completion: /);
      expect(help.stdout).toContain("usage: kms-cedar completion bash|zsh");
    }
    const unknown = runKmsCedar(["frob"]);
    expect(unknown.status).toBe(2);
    for (const name of ["check", "compile", "eval", "test", "authorize", "completion", "diff", "prove", "abac"]) expect(unknown.stderr).toContain(`\`${name}\``);
  });

  it("bash completes commands, options of the command, and option values", () => {
    expect(completeInBash(["kms-cedar", "c"])).toEqual(["check", "compile", "completion"]);
    expect(completeInBash(["kms-cedar", "eval", "--eng"])).toEqual(["--engine"]);
    expect(completeInBash(["kms-cedar", "check", "--format", ""])).toEqual(["text", "json", "sarif"]);
    expect(completeInBash(["kms-cedar", "authorize", "--exit"])).toEqual(["--exit-code"]);
  });

  // An audit: the scripts offered only check compile eval test authorize completion help.
  it("completes the analysis commands diff, prove and abac, their options and option values, from their own table", () => {
    const bash = runKmsCedar(["completion", "bash"]).stdout;
    expect(bash).toContain('compgen -W "check compile eval test authorize diff prove abac completion help --help --version"');
    expect(bash).toContain('abac:--format) COMPREPLY=( $(compgen -W "text json dot" -- "$cur") )');
    expect(runKmsCedar(["completion", "zsh"]).stdout).toContain("'prove:prove \"no request matching P is allowed\", or print a counterexample'");
    expect(completeInBash(["kms-cedar", "a"])).toEqual(["authorize", "abac"]);
    expect(completeInBash(["kms-cedar", "abac", "--format", ""])).toEqual(["text", "json", "dot"]);
    expect(completeInBash(["kms-cedar", "diff", "--format", ""])).toEqual(["text", "json", "sarif"]);
    expect(completeInBash(["kms-cedar", "prove", "--format", ""])).toEqual(["text", "json"]);
    expect(completeInBash(["kms-cedar", "diff", "--kind", ""])).toEqual(["identity", "key"]);
    expect(completeInBash(["kms-cedar", "diff", "--no"])).toEqual(["--no-new-access"]);
    expect(completeInBash(["kms-cedar", "prove", "--as"])).toEqual(["--assert"]);
    expect(completeInBash(["kms-cedar", "abac", "--max"])).toEqual(["--max-regions"]);
  });

  it.skipIf(!existsSync("/bin/zsh") && !existsSync("/usr/bin/zsh"))("the zsh script parses", () => {
    expect(spawnSync("zsh", ["-n", "-c", completionScript("zsh", ANALYSIS_SPECS)]).status).toBe(0);
  });
});

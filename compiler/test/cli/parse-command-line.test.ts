// The command-line parser: commands, options and their values, help and version, usage errors.
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/args/parse-command-line.js";

describe("parseCommandLine", () => {
  it("reads a check with files and options, in any order", () => {
    const line = parseCommandLine(["check", "a.json", "--kind", "key", "b.json", "--format=json", "--max-bytes", "100"]);
    expect(line.kind).toBe("run");
    if (line.kind !== "run") return;
    expect(line.command.name).toBe("check");
    expect(line.positionals).toEqual(["a.json", "b.json"]);
    expect(line.options).toEqual({ kind: "key", format: "json", "max-bytes": "100" });
  });

  it("reads eval and compile, with the short -o", () => {
    const evalLine = parseCommandLine(["eval", "b.json", "--requests", "r.json", "--engine", "all"]);
    expect(evalLine.kind === "run" && evalLine.options).toEqual({ requests: "r.json", engine: "all" });
    const compileLine = parseCommandLine(["compile", "b.json", "-o", "out", "--pure-cedar"]);
    expect(compileLine.kind === "run" && compileLine.options).toEqual({ out: "out", "pure-cedar": true });
  });

  it("answers help and version for the tool and for each command", () => {
    expect(parseCommandLine(["--help"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["-h"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["--version"])).toEqual({ kind: "version" });
    for (const name of ["check", "compile", "eval"]) {
      const line = parseCommandLine([name, "--help"]);
      expect(line.kind === "help" && line.command?.name).toBe(name);
      expect(parseCommandLine(["help", name]).kind).toBe("help");
    }
    // help wins over other mistakes on the same line
    expect(parseCommandLine(["eval", "--bogus", "-h"]).kind).toBe("help");
  });

  it.each([
    [[], "no command given"],
    [["frob"], "unknown command `frob`"],
    [["--frob"], "unknown option `--frob`"],
    [["check"], "missing <files>"],
    [["check", "a.json", "--frob"], "unknown option `--frob` for `check`"],
    [["check", "a.json", "--kind"], "option `--kind` needs a value"],
    [["check", "a.json", "--kind", "--format", "json"], "option `--kind` needs a value"],
    [["check", "a.json", "--kind", "resource"], "invalid value `resource` for `--kind`"],
    [["check", "a.json", "--format", "yaml"], "invalid value `yaml` for `--format`"],
    [["eval", "a.json", "--engine", "opa"], "invalid value `opa` for `--engine`"],
    // A single-value option given twice was read as the last one, silently (an audit).
    [["eval", "a.json", "--engine", "all", "--engine", "graph"], "option `--engine` given twice (`all`, then `graph`)"],
    [["compile", "a.json", "-o", "x", "-o", "y"], "option `--out` given twice"],
    [["check", "a.json", "--max-bytes", "-1"], "not the option-like `-1` (write `--max-bytes=-1` to mean it)"],
    [["eval", "a.json", "b.json"], "unexpected argument `b.json`"],
    [["compile", "--pure-cedar=yes", "a.json"], "option `--pure-cedar` takes no value"],
    [["compile"], "missing <bundle>"],
  ])("rejects %j: %s", (argv, message) => {
    const line = parseCommandLine(argv);
    expect(line.kind).toBe("usage-error");
    expect(line.kind === "usage-error" && line.message).toContain(message);
  });

  it("treats everything after -- as positionals", () => {
    const line = parseCommandLine(["check", "--", "-h", "--kind"]);
    expect(line.kind === "run" && line.positionals).toEqual(["-h", "--kind"]);
  });
});

// The README's newcomer path runs in CI (scripts/readme-newcomer.js): every shell block is marked run
// or skip, the `run` commands exit as the README says and print what it shows. The checker itself can
// fail: a wrong exit status, a missing output line and an unmarked block are caught.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain JavaScript script without declarations
import { missingLine, readBlocks, readCommands } from "../readme-newcomer.js";

const SCRIPT = fileURLToPath(new URL("../readme-newcomer.js", import.meta.url));
const run = (readme: string) => spawnSync(process.execPath, [SCRIPT, readme], { encoding: "utf8", timeout: 300_000 });
const readmeIn = (text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), "readme-newcomer-test-"));
  writeFileSync(join(dir, "README.md"), text);
  return join(dir, "README.md");
};
const block = (mark: string, body: string) => `${mark}\n\`\`\`sh\n${body}\n\`\`\`\n`;

describe("readme-newcomer", () => {
  it("reads marked blocks, continued lines, exit statuses and expected output", () => {
    const text = `intro\n${block("<!-- newcomer: run -->", "echo a \\\n  b   # two words\nfalse   # fails on purpose (exit 1)\nprintf 'x 1\\ny 2\\n'\n# x …\n# …\n# y 2")}`;
    const { blocks, problems } = readBlocks(text);
    expect(problems).toEqual([]);
    const commands = readCommands(blocks[0]) as { command: string; status: number; expect: string[] }[];
    expect(commands.map((c) => [c.command, c.status, c.expect])).toEqual([
      ["echo a \\\n  b   # two words", 0, []],
      ["false   # fails on purpose (exit 1)", 1, []],
      ["printf 'x 1\\ny 2\\n'", 0, ["x …", "y 2"]],
    ]);
    expect(missingLine("x 1\ny 2\n", ["x …", "y 2"])).toBeUndefined();
    expect(missingLine("y 2\nx 1\n", ["x …", "y 2"])).toBe("y 2");
  });

  it("fails on a wrong exit status, a missing output line, and an unmarked or unexplained block", () => {
    const wrongExit = run(readmeIn(block("<!-- newcomer: run -->", "false")));
    expect(wrongExit.status).toBe(1);
    expect(wrongExit.stdout).toContain("exit 1 (expected 0)");
    const wrongOutput = run(readmeIn(block("<!-- newcomer: run -->", "echo hello\n# goodbye")));
    expect(wrongOutput.status).toBe(1);
    expect(wrongOutput.stdout).toContain("missing output line: goodbye");
    expect(run(readmeIn(block("", "echo unmarked"))).status).toBe(2);
    expect(run(readmeIn(block("<!-- newcomer: skip -->", "echo why"))).status).toBe(2);
    const fine = run(readmeIn(`${block("<!-- newcomer: skip a server -->", "sleep 1000")}${block("<!-- newcomer: run -->", "echo hello\n# hello")}`));
    expect(fine.stdout).toContain("1 of 1 README commands ran as written");
    expect(fine.status).toBe(0);
  });

  it("the README's newcomer path runs as written on the repository", () => {
    const readme = fileURLToPath(new URL("../../README.md", import.meta.url));
    const started = Date.now();
    const r = run(readme);
    if (r.status !== 0) console.log(r.stdout, r.stderr);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/(\d+) of \1 README commands ran as written/);
    console.log(`README newcomer path: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
});

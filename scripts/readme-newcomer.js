#!/usr/bin/env node
// The newcomer's path through the README, run as written: every ```sh block of README.md must be
// marked by an HTML comment on the line before it — `<!-- newcomer: run -->` (run its commands) or
// `<!-- newcomer: skip REASON -->` (a prose example that cannot run here, with the reason) — so no
// block is skipped silently. The commands of the `run` blocks are executed in order with bash, in a
// scratch directory whose entries link to the repository's (the repository as it is, after `npm ci`;
// files the commands write land in the scratch directory, not in the repository).
//
// In a `run` block: a line ending in `\` continues on the next; a command's trailing comment may say
// `(exit N)` when the command is meant to exit N (default 0); `# text` lines right after a command are
// output it must print, in order, each matching one line of its standard output (`…` matches any run
// of characters; a line that is only `# …` expects nothing). Exit 1 on a wrong exit status or a missing
// output line, 2 on a README that breaks these rules. `npm test` runs this (scripts/test/).
//
// usage: node scripts/readme-newcomer.js [README.md] [--list]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const MARK = /^<!--\s*newcomer:\s*(run|skip)\b\s*(.*?)\s*-->$/;
const FENCE_SH = /^```(sh|bash|shell)\s*$/;
const PER_COMMAND_MS = 120_000;

/** The blocks of `text`: { line, mark, reason, body } for every shell block; problems for unmarked ones. */
export function readBlocks(text) {
  const lines = text.split("\n");
  const blocks = [];
  const problems = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE_SH.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    if (end < 0) {
      problems.push(`line ${i + 1}: unclosed code block`);
      break;
    }
    const mark = MARK.exec((lines[i - 1] ?? "").trim());
    if (mark === null) problems.push(`line ${i + 1}: shell block without a <!-- newcomer: run --> or <!-- newcomer: skip REASON --> marker`);
    else if (mark[1] === "skip" && mark[2] === "") problems.push(`line ${i + 1}: a skipped block must say why`);
    else blocks.push({ line: i + 1, mark: mark[1], reason: mark[2], body: lines.slice(i + 1, end) });
    i = end;
  }
  return { blocks, problems };
}

/** The commands of a `run` block: { line, command, status, expect: string[] }. */
export function readCommands(block) {
  const commands = [];
  for (let i = 0; i < block.body.length; i++) {
    const first = block.body[i];
    if (first.trim() === "") continue;
    if (first.trimStart().startsWith("#")) {
      const current = commands[commands.length - 1];
      const expected = first.trimStart().replace(/^#\s?/, "");
      if (current === undefined) continue; // a comment before any command is prose
      if (expected.trim() !== "…") current.expect.push(expected);
      continue;
    }
    let command = first;
    const line = block.line + 1 + i;
    // The backslash stays: bash reads the lines as one command, as a reader's shell would.
    while (command.endsWith("\\") && i + 1 < block.body.length) command = `${command}\n${block.body[++i]}`;
    const exit = /#[^\n]*\(exit (\d+)\)\s*$/.exec(command);
    commands.push({ line, command, status: exit === null ? 0 : Number(exit[1]), expect: [] });
  }
  return commands;
}

/** Whether every expected line matches a line of `stdout`, in order; the first that does not, else undefined. */
export function missingLine(stdout, expected) {
  const out = stdout.split("\n");
  let from = 0;
  for (const want of expected) {
    const pattern = new RegExp(want.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*"));
    const found = out.findIndex((line, k) => k >= from && pattern.test(line));
    if (found < 0) return want;
    from = found + 1;
  }
  return undefined;
}

/** A scratch directory whose entries are links to the repository's (but `out/`, which commands write). */
function scratchRoot(repo) {
  const dir = mkdtempSync(join(tmpdir(), "kms-cedar-newcomer-"));
  for (const entry of readdirSync(repo)) {
    if (entry === "out" || entry === ".git") continue;
    symlinkSync(join(repo, entry), join(dir, entry));
  }
  return dir;
}

function main() {
  const args = process.argv.slice(2);
  const list = args.includes("--list");
  const readme = resolve(args.find((a) => !a.startsWith("--")) ?? fileURLToPath(new URL("../README.md", import.meta.url)));
  const repo = dirname(readme);
  const { blocks, problems } = readBlocks(readFileSync(readme, "utf8"));
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`readme-newcomer: ${readme}: ${p}\n`);
    return 2;
  }
  const commands = blocks.filter((b) => b.mark === "run").flatMap(readCommands);
  for (const b of blocks.filter((x) => x.mark === "skip")) process.stdout.write(`skip  README.md:${b.line}  ${b.reason}\n`);
  if (list) {
    for (const c of commands) process.stdout.write(`run   README.md:${c.line}  ${c.command.replace(/\n/g, " ")}  (exit ${c.status})\n`);
    return 0;
  }
  const scratch = scratchRoot(repo);
  const started = Date.now();
  let failures = 0;
  try {
    for (const c of commands) {
      const t = Date.now();
      const run = spawnSync("bash", ["-c", `set -o pipefail\n${c.command}`], {
        cwd: scratch, encoding: "utf8", timeout: PER_COMMAND_MS, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
        maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = ((Date.now() - t) / 1000).toFixed(1);
      const missing = missingLine(run.stdout ?? "", c.expect);
      const problem = run.error !== undefined ? `could not run: ${run.error.message}`
        : run.status !== c.status ? `exit ${run.status ?? run.signal} (expected ${c.status})`
          : missing !== undefined ? `missing output line: ${missing}` : undefined;
      process.stdout.write(`${problem === undefined ? "ok  " : "FAIL"}  README.md:${c.line}  ${c.command.replace(/\n/g, " ")}  (${seconds} s)\n`);
      if (problem !== undefined) {
        failures++;
        process.stdout.write(`      ${problem}\n${indent(run.stdout)}${indent(run.stderr)}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${commands.length - failures} of ${commands.length} README commands ran as written in ${total} s\n`);
  return failures > 0 ? 1 : 0;
}

function indent(text) {
  if (!text) return "";
  const lines = text.trimEnd().split("\n");
  const shown = lines.length > 30 ? [...lines.slice(0, 30), `… (${lines.length - 30} more lines)`] : lines;
  return shown.map((l) => `      | ${l}\n`).join("");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();

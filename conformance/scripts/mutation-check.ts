// `npm run mutation-check`: plants each one-line mutant of mutants.json in the source tree, runs the
// CI conformance budget against it (mutation-run.ts, in a child process), restores the file, and
// prints per mutant killed / survived, last `mutants: K killed of N (E judged equivalent)`.
// A mutant is killed when the run breaks a law it did not break on the unmutated tree (the
// baseline, run first), or when the run crashes or times out. A row whose original text is not
// found exactly once is stale (reported, exit 1). Refuses to start when a file it mutates has
// uncommitted changes; restores the original text on every path out (exception, Ctrl-C).
// Options: --only ID[,ID…], --check-equivalent (run the rows judged equivalent too), --timeout S.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

interface Mutant {
  readonly id: string;
  readonly file: string;
  readonly original: string;
  readonly replacement: string;
  readonly bug: string;
  /** The law / generator expected to kill it, or why it is equivalent. */
  readonly killer?: string;
  readonly equivalent?: string;
  /** Base operators to run first (where the killer is expected). */
  readonly operators?: readonly string[];
}

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const TABLE = join(ROOT, "conformance/scripts/mutants.json");
const RUNNER = "conformance/scripts/mutation-run.ts";
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option("--only")?.split(",");
const timeoutMs = Number(option("--timeout") ?? 900) * 1000;
const checkEquivalent = args.includes("--check-equivalent");
const mutants = (JSON.parse(readFileSync(TABLE, "utf8")) as { mutants: Mutant[] }).mutants.filter((m) => only === undefined || only.includes(m.id));

function git(...a: string[]): string {
  const r = spawnSync("git", a, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${a.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

const files = [...new Set(mutants.map((m) => m.file))];
const dirty = git("status", "--porcelain", "--", ...files).trim();
if (dirty !== "") {
  process.stderr.write(`mutation-check: refusing to start, files it mutates have uncommitted changes:\n${dirty}\n`);
  process.exit(2);
}

/** The file being mutated and its original text, restored on every way out. */
let planted: { path: string; text: string } | undefined;
function restore(): void {
  if (planted === undefined) return;
  writeFileSync(planted.path, planted.text);
  planted = undefined;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    restore();
    process.stderr.write(`\nmutation-check: ${signal}, tree restored\n`);
    process.exit(130);
  });
}
process.on("exit", restore);

const work = mkdtempSync(join(tmpdir(), "mutation-check-"));
interface RunOutput { cases: number; signatures: string[]; fresh: string[] }

function runBudget(extra: string[]): { output?: RunOutput; failure?: string; seconds: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, ["scripts/run-ts.js", RUNNER, ...extra], { cwd: ROOT, encoding: "utf8", timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") return { failure: `timed out after ${seconds.toFixed(0)} s`, seconds };
  // Ctrl-C reaches the child too; the loop is synchronous, so stop here (the finally blocks restore the tree).
  if (r.signal === "SIGINT" || r.signal === "SIGTERM" || r.signal === "SIGHUP") throw new Error(`interrupted (${r.signal})`);
  if (r.error !== undefined) return { failure: `runner error: ${r.error.message}`, seconds };
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return { output: JSON.parse(line) as RunOutput, seconds };
  } catch {
    return { failure: `runner crashed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split("\n").slice(-3).join(" / ").slice(0, 300)}`, seconds };
  }
}

const started = performance.now();
let killed = 0;
let run = 0;
let equivalent = 0;
const survivors: string[] = [];
const stale: string[] = [];
try {
  process.stdout.write("baseline: the CI budget on the unmutated tree… ");
  const base = runBudget([]);
  if (base.output === undefined) throw new Error(`the baseline run failed: ${base.failure}`);
  const baselineFile = join(work, "baseline.json");
  writeFileSync(baselineFile, JSON.stringify(base.output.signatures));
  process.stdout.write(`${base.output.cases} cases, ${base.output.signatures.length} law failure(s) already (not counted as kills), ${base.seconds.toFixed(0)} s\n`);
  for (const m of mutants) {
    const path = join(ROOT, m.file);
    const text = readFileSync(path, "utf8");
    const count = text.split(m.original).length - 1;
    if (count !== 1) {
      stale.push(m.id);
      process.stdout.write(`${m.id}: STALE (original text found ${count} times in ${m.file})\n`);
      continue;
    }
    if (m.equivalent !== undefined && !checkEquivalent) {
      equivalent++;
      process.stdout.write(`${m.id}: equivalent (${m.equivalent})\n`);
      continue;
    }
    planted = { path, text };
    let verdict: string;
    try {
      writeFileSync(path, text.replace(m.original, () => m.replacement));
      const r = runBudget(["--baseline", baselineFile, "--stop-on-new", ...(m.operators ? ["--first", m.operators.join(",")] : [])]);
      verdict = r.output === undefined ? `killed (${r.failure}) ${r.seconds.toFixed(0)} s`
        : r.output.fresh.length > 0 ? `killed by ${r.output.fresh[0]!.slice(0, 220)} (${r.seconds.toFixed(0)} s)`
          : `SURVIVED ${r.output.cases} cases (${r.seconds.toFixed(0)} s)`;
    } finally {
      restore();
    }
    if (m.equivalent !== undefined) {
      equivalent++;
      process.stdout.write(`${m.id}: judged equivalent, ${verdict}\n`);
      continue;
    }
    run++;
    if (verdict.startsWith("killed")) killed++;
    else survivors.push(m.id);
    process.stdout.write(`${m.id}: ${verdict} — ${m.bug}\n`);
  }
} finally {
  restore();
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`time: ${((performance.now() - started) / 1000).toFixed(0)} s${survivors.length ? `; survivors: ${survivors.join(", ")}` : ""}${stale.length ? `; stale rows: ${stale.join(", ")}` : ""}\n`);
process.stdout.write(`mutants: ${killed} killed of ${run} (${equivalent} judged equivalent)\n`);
process.exitCode = stale.length > 0 ? 1 : 0;

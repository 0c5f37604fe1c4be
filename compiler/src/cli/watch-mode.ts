// `check --watch` and `compile --watch`: run once, then again whenever a watched file changes, until
// interrupted. Files are polled (fs.watchFile), which also sees an editor that replaces a file
// rather than writing it in place; changes within the debounce interval make one run.
import { unwatchFile, watchFile, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CliIo } from "./cli-io.js";

/** How long to wait after a change for more changes before re-running, in milliseconds. */
export const WATCH_DEBOUNCE_MS = 200;
const POLL_INTERVAL_MS = 100;

/**
 * The paths to watch for `args` (files and directories as given, and the folder of each file, so a
 * bundle's policy files beside it are seen too). Standard input (`-`) cannot be watched.
 */
export function watchedPaths(args: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const arg of args) {
    if (arg === "-") continue;
    const path = resolve(cwd, arg);
    out.add(path);
    out.add(dirname(path));
  }
  return [...out];
}

/** Runs `run`, then again after each change to `paths` (debounced); resolves when `stop` is signalled. */
export async function watchAndRerun(paths: readonly string[], run: () => Promise<number>, io: CliIo, stop: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = run();
  const rerun = (): void => {
    running = running.then(async () => {
      io.err("kms-cedar: change detected, running again (Ctrl-C to stop)\n");
      await run();
    });
  };
  const onChange = (current: Stats, previous: Stats): void => {
    if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(rerun, WATCH_DEBOUNCE_MS);
  };
  for (const path of paths) watchFile(path, { interval: POLL_INTERVAL_MS }, onChange);
  io.err(`kms-cedar: watching ${paths.length} path(s) for changes (Ctrl-C to stop)\n`);
  await new Promise<void>((resolveStop) => stop.addEventListener("abort", () => resolveStop(), { once: true }));
  if (timer !== undefined) clearTimeout(timer);
  for (const path of paths) unwatchFile(path, onChange);
  await running;
}

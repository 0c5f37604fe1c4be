// The CLI's window on the world: working directory, environment, stdout/stderr. Commands get it
// as a parameter, so tests can run them in-process and capture the output.
import { readTextFile } from "../bundle/read-text-file.js";

/** Where a command reads its settings and writes its output. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colors are only used then). */
  readonly stdoutIsTty: boolean;
  /** Writes to stdout. */
  readonly out: (text: string) => void;
  /** Writes to stderr. */
  readonly err: (text: string) => void;
  /** All of standard input as UTF-8 text (for a file argument `-`), or why it cannot be read. */
  readonly readStdin: () => { readonly text: string } | { readonly error: string };
  /** Calls `handler` when the user interrupts (Ctrl-C) instead of ending the process: for `--watch`. */
  readonly onInterrupt?: (handler: () => void) => void;
}

/** The real process: `process.cwd()`, `process.env`, `process.stdout`/`stderr`. */
export function processIo(): CliIo {
  return {
    onInterrupt: (handler) => {
      process.once("SIGINT", handler);
      process.once("SIGTERM", handler);
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    out: (text) => write(process.stdout, "standard output", text),
    err: (text) => write(process.stderr, "standard error", text),
    readStdin: () => readTextFile(0),
  };
}

/**
 * A write to a file or a terminal fails at once (a pipe's failure comes later as an `error` event, which
 * the launcher handles the same way): a closed reader ends the program with 141, as SIGPIPE would; any
 * other failure (`> /dev/full`: no space left) is an I/O error, one line and status 2, never a trace.
 */
function write(stream: NodeJS.WriteStream, name: string, text: string): void {
  try {
    stream.write(text);
  } catch (failure) {
    if ((failure as { code?: unknown }).code === "EPIPE") process.exit(141);
    try {
      process.stderr.write(`kms-cedar: cannot write ${name}: ${failure instanceof Error ? failure.message : String(failure)}\n`);
    } catch {
      // Nowhere left to say it.
    }
    process.exit(EXIT_USAGE);
  }
}

/** Exit statuses (DESIGN §2). */
export const EXIT_OK = 0;
export const EXIT_POLICY_ERRORS = 1;
export const EXIT_USAGE = 2;

// Prints a usage error (`kms-cedar: <message>` and the usage line) to stderr; returns exit status 2.
import { findCommand } from "../args/command-specs.js";
import { usageHint } from "../args/help-text.js";
import { EXIT_USAGE, type CliIo } from "../cli-io.js";
import { printableLine } from "../render/printable-line.js";

/** Reports a usage mistake of `command` (or of the tool when undefined). */
export function usageError(io: CliIo, message: string, command?: string): number {
  io.err(`kms-cedar: ${printableLine(message)}\n${usageHint(command === undefined ? undefined : findCommand(command))}`);
  return EXIT_USAGE;
}

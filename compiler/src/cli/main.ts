// Entry point of the `kms-cedar` CLI (launched by compiler/bin/kms-cedar.js): runs the command line
// and sets the exit status. An exception here is a bug; it is reported as an internal error (exit 2).
import { processIo } from "./cli-io.js";
import { runCli } from "./run-cli.js";

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
} catch (failure) {
  const detail = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
  process.stderr.write(`kms-cedar: internal error: ${detail}\n`);
  process.exitCode = 2;
}

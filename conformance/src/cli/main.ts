// Entry point of the `kms-cedar-conformance` CLI (conformance/bin/kms-cedar-conformance.js runs it).
import { main } from "./cli.js";

process.exitCode = await main(process.argv.slice(2));

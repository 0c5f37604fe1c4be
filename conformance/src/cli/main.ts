// Entry point of the `kms-cedar-conformance` CLI (placeholder until the conformance suite lands).
process.stdout.write("kms-cedar-conformance: not implemented yet\n");

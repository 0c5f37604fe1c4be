// Entry point of the `kms-cedar` CLI (placeholder until the CLI lands).
process.stdout.write("kms-cedar: not implemented yet\n");

// Reads corpus/MANIFEST.tsv: each file and its kind. Only `kms-key-policy` and `identity-policy`
// are policies this compiler takes; the other kinds (SCPs, RCPs, trust and resource policies) are
// counted and skipped. Phase: conformance corpus.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface CorpusEntry {
  readonly file: string;
  readonly path: string;
  readonly kind: string;
  /** The compiler's kind, or `undefined` for kinds it does not take. */
  readonly policyKind: "key" | "identity" | undefined;
}

/** The entries of `dir/MANIFEST.tsv`, in file order. */
export function readCorpusManifest(dir: string): CorpusEntry[] {
  const lines = readFileSync(join(dir, "MANIFEST.tsv"), "utf8").split("\n").filter((l) => l.trim() !== "");
  const header = lines.shift()!.split("\t");
  const fileCol = header.indexOf("file");
  const kindCol = header.indexOf("kind");
  return lines.map((line) => {
    const cols = line.split("\t");
    const file = cols[fileCol]!;
    const kind = cols[kindCol] ?? "";
    const policyKind = kind === "kms-key-policy" ? "key" : kind === "identity-policy" ? "identity" : undefined;
    return { file, path: join(dir, file), kind, policyKind };
  });
}

// Finds the policy corpus and reads its MANIFEST.tsv (file, kind, …). Shared by the corpus report script and
// the corpus test. The corpus lives outside the repository unless copied in: KMS_CEDAR_CORPUS, then
// `<repo>/corpus`, then `/work/shared/corpus`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PolicyKind } from "../src/syntax/policy-syntax.js";

export interface CorpusEntry {
  readonly file: string;
  /** The manifest's kind column (`identity-policy`, `kms-key-policy`, `scp`, …). */
  readonly manifestKind: string;
  /** How we check it: identity and key policies as themselves; other kinds are `undefined`. */
  readonly kind: PolicyKind | undefined;
  readonly text: string;
}

/** The corpus folder, or `undefined` when none is available. */
export function findCorpusDir(): string | undefined {
  const candidates = [
    process.env["KMS_CEDAR_CORPUS"],
    fileURLToPath(new URL("../../../shared/corpus", import.meta.url)), // shared/ beside the clone (CI)
    fileURLToPath(new URL("../../corpus", import.meta.url)),
    "/work/shared/corpus",
  ];
  return candidates.find((dir) => dir !== undefined && dir !== "" && existsSync(join(dir, "MANIFEST.tsv")));
}

/** Every corpus file in manifest order. */
export function readCorpus(dir: string): CorpusEntry[] {
  const [header, ...rows] = readFileSync(join(dir, "MANIFEST.tsv"), "utf8").trimEnd().split("\n").map((line) => line.split("\t"));
  const fileColumn = header?.indexOf("file") ?? -1;
  const kindColumn = header?.indexOf("kind") ?? -1;
  if (fileColumn < 0 || kindColumn < 0) throw new Error(`${dir}/MANIFEST.tsv has no file or kind column`);
  return rows.map((row) => {
    const file = row[fileColumn] ?? "";
    const manifestKind = row[kindColumn] ?? "";
    const kind = manifestKind === "identity-policy" ? "identity" : manifestKind === "kms-key-policy" ? "key" : undefined;
    return { file, manifestKind, kind, text: readFileSync(join(dir, file), "utf8") };
  });
}

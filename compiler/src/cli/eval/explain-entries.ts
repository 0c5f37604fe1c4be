// `--explain` for `eval` and `authorize`: every entry explained by each engine (docs/explain.md),
// as JSON rows (the explanation in place of the decision; with several engines one per engine) and
// as text lines under each decision line (the first engine's explanation).
import type { ExplanationResult } from "@kms-cedar/runtime";
import type { RequestEntry } from "../../bundle/read-requests.js";
import type { TextStyle } from "../render/text-style.js";
import { describeExplanation } from "./describe-explanation.js";

export interface ExplainingEngine {
  readonly name: string;
  readonly explain: (request: unknown) => ExplanationResult;
}

/** The JSON rows and the text lines of `entries`, given the decision table's rows and lines. */
export function explainEntries(
  entries: readonly RequestEntry[], engines: readonly ExplainingEngine[], table: { readonly rows: readonly unknown[]; readonly lines: readonly string[] }, style: TextStyle,
): { rows: unknown[]; lines: string[] } {
  const rows: unknown[] = [];
  const lines: string[] = [];
  entries.forEach((entry, i) => {
    const explained = engines.map((engine) => explainEntry(entry, engine));
    if (engines.length === 1) rows.push(explained[0]);
    else {
      const row: Record<string, unknown> = {};
      engines.forEach((engine, k) => (row[engine.name] = explained[k]));
      row["agree"] = (table.rows[i] as { agree?: boolean }).agree;
      rows.push(row);
    }
    lines.push([table.lines[i]!, ...describeExplanation(explained[0]!, "      ", style)].join("\n"));
  });
  return { rows, lines };
}

function explainEntry(entry: RequestEntry, engine: ExplainingEngine): ExplanationResult {
  if (entry.kind === "malformed") return { error: entry.error };
  if (entry.kind === "request") return engine.explain(entry.request);
  return engine.explain({ operation: entry.operation, checks: entry.checks });
}

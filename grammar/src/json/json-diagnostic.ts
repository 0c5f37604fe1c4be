// Builds a grammar diagnostic from a registry code: severity and default help come from the registry,
// so every message of the JSON front end stays consistent with `diagnostic-codes.ts`.
import type { Diagnostic, RelatedSpan } from "../diagnostic.js";
import { jsonDiagnosticInfo } from "./diagnostic-codes.js";

/** A diagnostic of the JSON front end covering `[start, end)`; `help` overrides the registry's. */
export function jsonDiagnostic(
  code: string,
  message: string,
  start: number,
  end: number,
  help?: string,
  related?: readonly RelatedSpan[],
): Diagnostic {
  const info = jsonDiagnosticInfo(code);
  const diagnostic: Diagnostic = {
    code,
    severity: info.severity,
    message,
    span: { start, end },
    help: help ?? info.help,
  };
  return related === undefined ? diagnostic : { ...diagnostic, related };
}

/** Quotes user text for a message: in backticks, shortened when long, line breaks made visible. */
export function quoteSource(text: string): string {
  const oneLine = text.replace(/\r?\n|\r/g, "\\n");
  const short = oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
  return "`" + short + "`";
}

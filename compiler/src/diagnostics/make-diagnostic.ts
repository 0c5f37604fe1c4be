// Builds a Diagnostic from a registry entry, so severity and code always come from the registry.
import type { Diagnostic, DiagnosticInfo, RelatedSpan, Span } from "@kms-cedar/grammar";

/** A diagnostic for `info` at `span`; `message` is specific to the occurrence (lowercase, user input in backticks). */
export function makeDiagnostic(
  info: DiagnosticInfo,
  span: Span,
  message: string,
  extra: { readonly help?: string; readonly related?: readonly RelatedSpan[] } = {},
): Diagnostic {
  const help = extra.help ?? info.help;
  return {
    code: info.code,
    severity: info.severity,
    message,
    span,
    ...(help === undefined ? {} : { help }),
    ...(extra.related === undefined ? {} : { related: extra.related }),
  };
}

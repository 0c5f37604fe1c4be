// Parses and checks every policy of a loaded bundle (all checks, all errors at once), moving the
// diagnostics' spans into the text of the file that holds each policy. Phase: checks.
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import type { LoadedBundle, PolicySource } from "../bundle/load-bundle.js";
import { checkPolicyText } from "../checks/check-policy.js";
import type { PolicyDocument } from "../syntax/policy-syntax.js";

/** A diagnostic of a bundle: which file its span points into, and which policy it is about. */
export interface BundleDiagnostic extends Diagnostic {
  readonly file: string;
  readonly location?: string;
}

export interface CheckedPolicy {
  readonly source: PolicySource;
  readonly document: PolicyDocument | undefined;
}

export interface CheckedBundle {
  readonly loaded: LoadedBundle;
  readonly policies: readonly CheckedPolicy[];
  readonly diagnostics: readonly BundleDiagnostic[];
}

export function checkSources(loaded: LoadedBundle): CheckedBundle {
  const diagnostics: BundleDiagnostic[] = loaded.diagnostics.map((d) => ({ ...d, file: loaded.file }));
  const policies = loaded.policies.map((source): CheckedPolicy => {
    const text = source.text.slice(source.start, source.end);
    const shift = (span: Span): Span => ({ start: span.start + source.start, end: span.end + source.start });
    const report = (d: Diagnostic): void => {
      diagnostics.push({
        ...d,
        span: shift(d.span),
        ...(d.related !== undefined ? { related: d.related.map((r) => ({ ...r, span: shift(r.span) })) } : {}),
        file: source.file,
        location: source.location,
      });
    };
    // The same entry point as `kms-cedar check`, so a policy compiles exactly when it checks clean.
    const checked = checkPolicyText(text, source.kind);
    checked.diagnostics.forEach(report);
    return { source, document: checked.document };
  });
  return { loaded, policies, diagnostics };
}

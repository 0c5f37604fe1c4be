// Parses and checks every policy of a loaded bundle (all checks, all errors at once), moving the
// diagnostics' spans into the text of the file that holds each policy. Phase: checks.
import type { Diagnostic } from "@kms-cedar/grammar";
import { checkPolicySource } from "../bundle/check-policy-source.js";
import type { LoadedBundle, PolicySource } from "../bundle/load-bundle.js";
import type { CheckPolicyResult } from "../checks/check-policy.js";
import type { PolicyDocument } from "../syntax/policy-syntax.js";
import { sessionPolicySizeDiagnostics } from "../checks/check-layer-policy.js";

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

/** How one policy is checked (the front door passes a memo, so a file named twice is parsed once). */
export type CheckSource = (source: PolicySource) => CheckPolicyResult;

export function checkSources(loaded: LoadedBundle, check: CheckSource = (source) => checkPolicySource(source)): CheckedBundle {
  const diagnostics: BundleDiagnostic[] = loaded.diagnostics.map((d) => ({ ...d, file: loaded.file }));
  const policies = loaded.policies.map((source): CheckedPolicy => {
    // The same entry point as `kms-cedar check`, so a policy compiles exactly when it checks clean.
    const checked = check(source);
    for (const d of checked.diagnostics) diagnostics.push({ ...d, file: source.file, location: source.location });
    return { source, document: checked.document };
  });
  // session-policy.md §5: a session's policies together (docs/request-model.md "Layers").
  for (const found of sessionPolicySizeDiagnostics(loaded.policies)) {
    diagnostics.push({ ...found.diagnostic, file: found.file, location: `principals[${found.owner}].sessionPolicies` });
  }
  return { loaded, policies, diagnostics };
}

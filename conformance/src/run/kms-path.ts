// Names the KMS path a request takes (docs/request-model.md, spec §5.3–§5.5), for the report's
// path table, and the statements an Allow went through (the reference's reason paths).
// Phase: conformance report.
import type { DecisionResult } from "@kms-cedar/runtime";
import { checkShape, isOperation } from "../compare/request-shape.js";

/** The KMS paths, in report order. */
export const KMS_PATHS = [
  "key, same account", "key, cross-account", "key, cross-account, action not cross-account capable",
  "key, root caller, same account", "key, root caller, cross-account", "key, service caller",
  "RetireGrant (Denies only, never allowed)", "alias half (IAM only)", "no resource (IAM only)",
  "operation ReEncrypt", "operation CreateAlias", "operation DeleteAlias", "operation UpdateAlias", "request error",
] as const;

/** The path of one request given the reference's result. */
export function kmsPath(request: unknown, reference: DecisionResult): string {
  if (isOperation(request)) return `operation ${String(request.operation).replace(/^kms:/, "")}`;
  if ("error" in reference) return "request error";
  const s = checkShape(request);
  if (s.targetKind === "none") return "no resource (IAM only)";
  if (s.targetKind === "alias") return "alias half (IAM only)";
  if (s.actionClass === "retire-grant") return "RetireGrant (Denies only, never allowed)";
  if (s.callerKind === "service") return "key, service caller";
  if (s.callerKind === "root") return s.cross ? "key, root caller, cross-account" : "key, root caller, same account";
  if (!s.cross) return "key, same account";
  return s.actionClass === "key-cross" ? "key, cross-account" : "key, cross-account, action not cross-account capable";
}

/** How an Allow was reached: the distinct reason paths of the reference (`identity + key-account`, …). */
export function allowVia(reference: DecisionResult): string | undefined {
  if ("error" in reference || reference.decision !== "Allow") return undefined;
  const paths = [...new Set(reference.reasons.map((r) => r.path ?? "?"))].sort();
  return paths.length === 0 ? "(no statement named)" : paths.join(" + ");
}

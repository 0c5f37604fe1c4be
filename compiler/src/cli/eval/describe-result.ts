// One line of `eval`'s text output: index, decision, a short summary of the request, and the
// statements that decided (`keys[ARN] statement 1 (Sid "EnableIAM")`, statements numbered from 1).
import type { DecisionResult, Reason } from "@kms-cedar/runtime";
import type { RequestEntry } from "../../bundle/read-requests.js";
import type { TextStyle } from "../render/text-style.js";
import { printableLine } from "../render/printable-line.js";

/** `[3] Allow         kms:Decrypt by … on … — keys[…] statement 1 (Sid "EnableIAM")`. */
export function describeResult(index: number, width: number, entry: RequestEntry, result: DecisionResult, style: TextStyle): string {
  const label = `[${index}]`.padEnd(width + 2);
  const summary = summarizeEntry(entry);
  if ("error" in result) return `${label} ${style.error("error".padEnd(12))} ${summary} — ${printableLine(`${result.error.code}: ${result.error.message}`)}`;
  const decision = result.decision.padEnd(12);
  const painted = result.decision === "Allow" ? style.good(decision) : result.decision === "ExplicitDeny" ? style.error(decision) : style.warning(decision);
  const why = result.reasons.length > 0 ? result.reasons.map(describeReason).join("; ") : "nothing allows it";
  return `${label} ${painted} ${summary} — ${why}`;
}

/** `keys[ARN] statement 1 (Sid "EnableIAM")` (1-based statement number), printable on a terminal line. */
export function describeReason(reason: Reason): string {
  return printableLine(reasonText(reason));
}

function reasonText(reason: Reason): string {
  const sid = reason.sid !== undefined ? ` (Sid ${JSON.stringify(reason.sid)})` : "";
  const gate = reason.path === "gate" ? " (gate)" : "";
  // docs/request-model.md "Layers": a grant, and a ceiling without an applicable Allow, name no statement.
  if (reason.path === "grant") return `${reason.policy} (grant)`;
  if (reason.path === "no-allow") return `${reason.policy}: no applicable Allow (${reason.layer ?? "layer"})`;
  const layer = reason.layer !== undefined ? ` (${reason.layer})` : "";
  return `${reason.policy} statement ${reason.statement + 1}${sid}${gate}${layer}`;
}

/** `kms:Decrypt by PRINCIPAL on RESOURCE`, or `kms:ReEncrypt (2 checks)` for an operation, printable on a terminal line. */
export function summarizeEntry(entry: RequestEntry): string {
  return printableLine(entryText(entry));
}

function entryText(entry: RequestEntry): string {
  if (entry.kind === "request") return `${entry.request.action} by ${entry.request.principal} on ${entry.request.resource}`;
  if (entry.kind === "operation") {
    const first = entry.checks[0];
    const by = first ? ` by ${first.principal}` : "";
    return `${entry.operation} (${entry.checks.length} checks)${by}`;
  }
  return "malformed request";
}

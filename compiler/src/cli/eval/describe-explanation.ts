// The text of `eval --explain` / `authorize --explain` under a decision line (docs/explain.md): for an
// Allow the statements that contributed on each side, for an ExplicitDeny the Deny statements, for an
// ImplicitDeny the Allow statements that came closest on each side with the first test each failed,
// where it is (line:column) and the request value it saw. Statements are numbered from 1.
import type { ClosestStatement, ExplanationResult, Explanation, Reason, SeenValue, Span } from "@kms-cedar/runtime";
import type { TextStyle } from "../render/text-style.js";
import { printableLine } from "../render/printable-line.js";

const PATHS: Readonly<Record<string, string>> = {
  "key-direct": "key policy, names the caller",
  "key-account": "key policy, names the caller's account (delegates to IAM)",
  identity: "identity policy",
  deny: "Deny",
};

/** Indented lines explaining `result` (nothing for an error entry, which the decision line shows). */
export function describeExplanation(result: ExplanationResult, indent: string, style: TextStyle): string[] {
  if ("error" in result) return [];
  if ("checks" in result) {
    return result.checks.flatMap((check, i) => [`${indent}check ${i + 1}: ${check.decision}`, ...describeOne(check, `${indent}  `, style)]);
  }
  return describeOne(result, indent, style);
}

function describeOne(e: Explanation, indent: string, style: TextStyle): string[] {
  const lines: string[] = [];
  if (e.decision !== "ImplicitDeny") {
    for (const r of e.reasons) lines.push(`${indent}${r.effect === "Deny" ? style.error("applies") : style.good("applies")}: ${statementName(r)}${at(r.span)} — ${PATHS[r.path ?? ""] ?? r.path ?? ""}`);
  } else if (e.closest !== undefined) {
    lines.push(...side("key policy", e.closest.key, indent, style), ...side("identity policies", e.closest.identity, indent, style));
  }
  for (const note of e.notes ?? []) lines.push(`${indent}${style.warning("note")}: ${printableLine(note)}`);
  return lines;
}

function side(name: string, list: readonly ClosestStatement[], indent: string, style: TextStyle): string[] {
  if (list.length === 0) return [`${indent}${name}: no Allow statement consulted for this request names its action`];
  return list.map((c) => {
    const head = `${indent}${name}, closest: ${statementName(c)}${at(c.span)}`;
    if (c.failed === undefined) return `${head} — ${style.good("applies")} (${c.tests} of ${c.tests} tests)`;
    const test = c.failed.test;
    const what = printableLine(test.kind === "condition" ? `condition ${test.operator} ${JSON.stringify(test.key)}` : test.kind);
    return `${head} — passed ${c.passed} of ${c.tests} tests; ${style.warning("first failed")}: ${what}${at(c.failed.span)}, saw ${seenText(c.failed.seen)}`;
  });
}

function statementName(s: Pick<Reason, "policy" | "statement" | "sid">): string {
  return printableLine(`${s.policy} statement ${s.statement + 1}${s.sid !== undefined ? ` (Sid ${JSON.stringify(s.sid)})` : ""}`);
}

function at(span: Span | undefined): string {
  return span?.line === undefined ? "" : ` at ${span.line}:${span.column ?? 1}`;
}

function seenText(seen: SeenValue): string {
  if (seen.kind === "absent") return "no value (the key is absent)";
  if (seen.kind === "ambiguous") return "an ambiguous key (two entries differ only in case, or the value is unknown)";
  return printableLine(seen.values.length === 1 ? JSON.stringify(seen.values[0]) : JSON.stringify(seen.values));
}

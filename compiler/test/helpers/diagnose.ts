// Test helper: every diagnostic of a policy text, as checkPolicyText would give them.
import type { Diagnostic } from "@kms-cedar/grammar";
import { checkPolicyText } from "../../src/checks/check-policy.js";
import type { PolicyKind } from "../../src/syntax/policy-syntax.js";

export function diagnose(text: string, kind: PolicyKind): Diagnostic[] {
  return checkPolicyText(text, kind).diagnostics;
}

/** `code: underlined text` for each diagnostic, in position order: compact and readable in assertions. */
export function summarize(text: string, diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code))
    .map((d) => `${d.code}: ${text.slice(d.span.start, d.span.end)}`);
}

/** A 2012-10-17 identity policy with one Allow statement on kms:Decrypt and `*`, plus `extra` members. */
export function identityStatement(extra: string): string {
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"${extra === "" ? "" : `,${extra}`}}]}`;
}

/** A 2012-10-17 key policy with one Allow statement for the account, plus `extra` members. */
export function keyStatement(extra: string): string {
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:Decrypt","Resource":"*"${extra === "" ? "" : `,${extra}`}}]}`;
}

export const identityCondition = (condition: string): string => identityStatement(`"Condition":${condition}`);
export const keyCondition = (condition: string): string => keyStatement(`"Condition":${condition}`);

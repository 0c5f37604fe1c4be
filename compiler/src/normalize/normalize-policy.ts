// Normalizes one checked policy document into the model (DESIGN §1): arrays everywhere, condition
// keys lower-cased, actions expanded (NotAction as a complement), values typed, spans with line and
// column in the file. Phase: normalize; assumes the checks reported no error, so it cannot fail.
import type { BaseOperator } from "@kms-cedar/grammar";
import { allowsVariables, operatorFamily } from "../checks/operator-family.js";
import type { ModelCondition, ModelPolicy, ModelPrincipal, ModelResource, ModelStatement } from "../model/policy-model.js";
import type { PolicyDocument, PrincipalElement, Statement } from "../syntax/policy-syntax.js";
import { normalizeActions } from "./normalize-actions.js";
import { normalizeValue, VARIABLES_VERSION } from "./normalize-value.js";
import type { TextPosition } from "./text-position.js";

/** Where a policy sits in the bundle and in its file. */
export interface PolicyPlace {
  readonly location: string;
  readonly kind: "key" | "identity";
  readonly owner: string;
  readonly file?: string;
  /** Maps the document's offsets to file spans. */
  readonly position: TextPosition;
}

export function normalizePolicy(document: PolicyDocument, place: PolicyPlace): ModelPolicy {
  const version = document.version?.value;
  // DEVIATION: §1.2, A1 — variables only under 2012-10-17; a missing Version reads as 2008-10-17.
  const variables = version === VARIABLES_VERSION;
  const statements = document.statements.map((s) => normalizeStatement(s, variables, place));
  return {
    location: place.location,
    kind: place.kind,
    owner: place.owner,
    ...(place.file !== undefined ? { file: place.file } : {}),
    version,
    statements,
  };
}

function normalizeStatement(s: Statement, variables: boolean, place: PolicyPlace): ModelStatement {
  const at = (span: { start: number; end: number }) => place.position.span(span.start, span.end);
  const resourceList = s.resource ?? s.notResource;
  const resource: ModelResource | undefined = resourceList === undefined ? undefined : {
    negated: s.resource === undefined,
    patterns: resourceList.items.map((item) => normalizeValue(item.value, variables)),
    span: at(resourceList.span),
  };
  const conditions: ModelCondition[] = [];
  for (const entry of s.condition?.operators ?? []) {
    const op = entry.operator;
    if (op === undefined) continue; // INVARIANT: the checks rejected unknown operators
    // AWS: §4.2 — variables only in String, ARN and Bool values (the rule the checks applied).
    const withVariables = variables && allowsVariables(operatorFamily(op.base));
    for (const key of entry.keys) {
      conditions.push({
        ...(op.qualifier !== undefined ? { qualifier: op.qualifier } : {}),
        base: op.base as BaseOperator,
        ifExists: op.ifExists,
        key: key.key.value.toLowerCase(),
        values: key.values.map((v) => normalizeValue(v.text, withVariables)),
        span: at(key.span),
      });
    }
  }
  const principal = place.kind === "key" && s.principal !== undefined ? normalizePrincipal(s.principal, at) : undefined;
  return {
    index: s.index,
    ...(s.sid !== undefined ? { sid: s.sid.value } : {}),
    effect: s.effect?.value === "Allow" ? "Allow" : "Deny",
    span: at(s.node.span),
    ...(principal !== undefined ? { principal } : {}),
    actions: normalizeActions(s.action, s.notAction),
    ...(resource !== undefined ? { resource } : {}),
    conditions,
  };
}

function normalizePrincipal(p: PrincipalElement, at: (span: { start: number; end: number }) => ModelPrincipal["span"]): ModelPrincipal {
  let any = p.wildcard?.value === "*";
  const aws = new Set<string>();
  const service = new Set<string>();
  for (const entry of p.entries) {
    for (const item of entry.values.items) {
      if (entry.type.value === "AWS") {
        if (item.value === "*") any = true;
        else aws.add(item.value);
      } else if (entry.type.value === "Service") service.add(item.value);
      // Federated and CanonicalUser principals never name a KMS caller (spec §1.5).
    }
  }
  return { any, aws: [...aws].sort(), service: [...service].sort(), span: at(p.span) };
}

// Which kind a single policy file is when the user did not say: a key policy if any statement has
// `Principal` or `NotPrincipal` (identity policies must not), else an identity policy.
import type { JsonValue } from "@kms-cedar/grammar";
import type { PolicyKind } from "../syntax/policy-syntax.js";

/** The inferred kind and the reason, for the "checked as" note. */
export interface InferredKind {
  readonly kind: PolicyKind;
  readonly reason: string;
}

/** Infers the kind of a policy from its (possibly partial) syntax tree. */
export function inferPolicyKind(root: JsonValue | undefined): InferredKind {
  const statements = statementObjects(root);
  for (const statement of statements) {
    for (const member of statement.members) {
      const name = member.key.value;
      if (name === "Principal" || name === "NotPrincipal") {
        return { kind: "key", reason: `a statement has \`${name}\`` };
      }
    }
  }
  return { kind: "identity", reason: "no statement has `Principal` or `NotPrincipal`" };
}

function statementObjects(root: JsonValue | undefined) {
  if (root?.kind !== "object") return [];
  const statement = root.members.find((m) => m.key.value === "Statement")?.value;
  if (statement?.kind === "object") return [statement];
  if (statement?.kind === "array") return statement.elements.flatMap((e) => (e.kind === "object" ? [e] : []));
  return [];
}

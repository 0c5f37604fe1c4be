// The description of an uploaded policy (StaticPolicyDefinition.description, at most 150
// characters): our name and the statement it comes from. When the bundle location makes it too
// long, the location is left out (the manifest keeps it) — a documented shorter form, never a cut.
import type { DecisionGraph } from "@kms-cedar/runtime";
import type { AvpManifestPolicy } from "@kms-cedar/runtime/avp";
import { AVP_QUOTAS } from "@kms-cedar/runtime/avp";

/** The longest description that fits, from the most to the least detailed form. */
export function describePolicy(policy: Omit<AvpManifestPolicy, "file" | "bytes">, graph: DecisionGraph): string {
  const { name, reason, role } = policy;
  const forms: string[] = [];
  if (reason !== undefined) {
    const sid = reason.sid === undefined ? "" : ` ${JSON.stringify(reason.sid)}`;
    forms.push(
      `${name}: ${reason.effect} statement ${reason.statement}${sid} in ${reason.policy}`,
      `${name}: ${reason.effect} statement ${reason.statement}${sid} (location in avp-manifest.json)`,
      `${name}: ${reason.effect} statement ${reason.statement} (Sid and location in avp-manifest.json)`,
    );
  } else if (role === "gate") {
    const p = /^gate-p(\d+)/.exec(name);
    const location = p === null ? undefined : graph.policies[Number(p[1])]?.location;
    if (location !== undefined) forms.push(`${name}: gate of ${location}: ImplicitDeny unless it names the caller or its account`);
    forms.push(`${name}: gate of a key policy: ImplicitDeny unless it names the caller or its account`);
  } else if (role === "cross-account") {
    forms.push(`${name}: ImplicitDeny for a caller from another account on a single-account action`);
  } else {
    forms.push(`${name}: the root user's identity side counts as allowed`);
  }
  const fitting = forms.find((f) => f.length <= AVP_QUOTAS.descriptionLength);
  // INVARIANT: the last form has a fixed text and a name the emitter chose (a few dozen characters).
  if (fitting === undefined) throw new Error(`INVARIANT: no description of \`${name}\` fits ${AVP_QUOTAS.descriptionLength} characters`);
  return fitting;
}

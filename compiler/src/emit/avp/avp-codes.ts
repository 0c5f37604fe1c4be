// Registry entries of the AVP profile (`compile --target avp`): KC31xx "AVP's quotas cannot hold
// this exactly" (the profile splits policies where an exact equivalent exists and refuses the rest,
// never truncates) and KC9311, its self-check (a bug report).
import type { DiagnosticInfo } from "@kms-cedar/grammar";

const error = "error" as const;

export const AVP_CODES = {
  policyTooLarge: { code: "KC3101", slug: "avp-policy-too-large", severity: error, summary: "a Cedar policy is over AVP's policy size quota (10,000 bytes) and has no exact split", help: "a permit or forbid is split at a disjunction of its `when`, a conjunction of its `unless`, or its action list; a key policy's gate (`forbid … unless` one disjunction) cannot be split: shorten the key policy or use the embedded runtime" },
  resourceTotalTooLarge: { code: "KC3102", slug: "avp-resource-total-too-large", severity: error, summary: "the policies that name one resource are over AVP's policy size per resource quota (200,000 bytes)", help: "the quota is adjustable through AWS Support; or split the bundle into several policy stores" },
  unspecifiedTotalTooLarge: { code: "KC3103", slug: "avp-unspecified-total-too-large", severity: error, summary: "the policies that name no resource are over AVP's quota for the unspecified resource (200,000 bytes)", help: "identity policies and the fixed rules name no resource; the quota is adjustable through AWS Support, or split the bundle" },
  schemaTooLarge: { code: "KC3104", slug: "avp-schema-too-large", severity: error, summary: "the schema is over AVP's schema size quota (100,000 bytes)", help: "the schema declares every context attribute the policies read; split the bundle into several policy stores" },
  tooManyParents: { code: "KC3105", slug: "avp-too-many-parents", severity: error, summary: "a caller would have more than the 99 transitive parents AVP accepts in a request", help: "a caller's parents are its role, its account (two entities) and every identity policy attached to it; attach fewer policies" },
  profileInvalid: { code: "KC9311", slug: "avp-profile-invalid", severity: error, summary: "internal error: the AVP profile of the Cedar output does not validate", help: "this is a bug in kms-cedar; please report it with the bundle" },
} as const satisfies Record<string, DiagnosticInfo>;

export type AvpCode = keyof typeof AVP_CODES;

/** Every KC31xx and KC9311 entry, for the diagnostic registry. */
export const AVP_DIAGNOSTICS: readonly DiagnosticInfo[] = Object.values(AVP_CODES);

// The Amazon Verified Permissions profile's names (docs/deployment.md): AVP takes a schema with ONE
// namespace, and not one that is empty or includes `aws`, `amazon` or `cedar`. The Cedar output uses
// four (Iam, Sts, Aws, Kms), so the profile renames every entity type into `Kms`, one to one, in the
// schema, the policies and the request encoder alike. Actions keep their names.
import { CedarType } from "../cedar/cedar-names.js";

/** The one namespace of the AVP profile. */
export const AVP_NAMESPACE = "Kms";

/** Cedar entity type → AVP entity type (a bijection; types already in `Kms` keep their name). */
export const AVP_TYPE: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, {
  [CedarType.account]: "Kms::IamAccount",
  [CedarType.root]: "Kms::IamRoot",
  [CedarType.user]: "Kms::IamUser",
  [CedarType.role]: "Kms::IamRole",
  [CedarType.policy]: "Kms::IamPolicy",
  [CedarType.session]: "Kms::StsAssumedRole",
  [CedarType.federated]: "Kms::StsFederatedUser",
  [CedarType.service]: "Kms::ServicePrincipal",
  [CedarType.key]: "Kms::Key",
  [CedarType.alias]: "Kms::Alias",
  [CedarType.noResource]: "Kms::NoResource",
  [CedarType.action]: "Kms::Action",
}));

/** The AVP name of a Cedar entity type; throws on a type the Cedar output never uses (a bug). */
export function avpType(cedarType: string): string {
  const renamed = AVP_TYPE[cedarType];
  if (renamed === undefined) throw new Error(`INVARIANT: no AVP name for Cedar entity type \`${cedarType}\``);
  return renamed;
}

/** Whether AVP accepts `name` as a schema namespace (not empty, none of `aws`, `amazon`, `cedar` in it, in any case). */
export function isAllowedAvpNamespace(name: string): boolean {
  // AVP's wording is "includes the following values"; read as a case-insensitive substring, the strictest reading.
  return name !== "" && !/aws|amazon|cedar/i.test(name);
}

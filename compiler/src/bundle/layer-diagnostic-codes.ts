// Registry of the diagnostics of the authorization-chain layers (docs/semantics/, docs/request-model.md
// "Layers"): KC2930–KC2949 the bundle members (organization, boundaries, session policies, endpoints,
// grants), KC2950–KC2959 the rules of each policy kind (SCP, RCP, session, endpoint), KC2960 the refusal
// to emit Cedar for a layer the Cedar backend does not decide yet. Phase: checks (KC2960: compile).
// Never renumbered.
import type { DiagnosticInfo } from "@kms-cedar/grammar";

/** The codes, by name. */
export const LayerCode = {
  organizationShape: "KC2930",
  organizationBadAccount: "KC2931",
  organizationDuplicate: "KC2932",
  organizationTooDeep: "KC2933",
  boundaryWrongPrincipal: "KC2934",
  sessionPoliciesWrongPrincipal: "KC2935",
  sessionPoliciesTooMany: "KC2936",
  federatedByInvalid: "KC2937",
  sessionPoliciesAndPolicies: "KC2938",
  endpointShape: "KC2939",
  grantShape: "KC2940",
  grantDuplicateName: "KC2941",
  grantBadOperation: "KC2942",
  grantBadPrincipal: "KC2943",
  grantBadConstraints: "KC2944",
  grantServiceNeedsSourceArn: "KC2945",
  awsManagedNotBoolean: "KC2946",
  orgPolicyVersion: "KC2950",
  orgPolicyTooLarge: "KC2951",
  scpAllowResource: "KC2952",
  rcpEffectNotDeny: "KC2953",
  rcpPrincipalNotStar: "KC2954",
  rcpUnsupportedElement: "KC2955",
  rcpActionStar: "KC2956",
  rcpRetireGrant: "KC2957",
  sessionPoliciesTooLarge: "KC2958",
  endpointPolicyTooLarge: "KC2959",
  layerNotCompiled: "KC2960",
} as const;

const error = "error" as const;
const warning = "warning" as const;

/** One registry entry per code, in code order. */
export const LAYER_DIAGNOSTICS: readonly DiagnosticInfo[] = [
  { code: "KC2930", slug: "organization-shape", severity: error, summary: "`organization` is malformed", help: "write `{\"managementAccount\": \"ACCOUNT\", \"root\": {\"id\": \"r-…\", \"scps\": [...], \"rcps\": [...], \"children\": [{\"ou\": \"ou-…\", \"children\": [{\"account\": \"ACCOUNT\"}]}]}}`" },
  { code: "KC2931", slug: "organization-bad-account", severity: error, summary: "an account id of `organization` is not 12 digits" },
  { code: "KC2932", slug: "organization-duplicate", severity: error, summary: "an account or OU appears twice in `organization`" },
  { code: "KC2933", slug: "organization-too-deep", severity: error, summary: "OUs are nested more than five levels under the root", help: "AWS Organizations: \"OU maximum nesting in a root: Five levels of OUs deep under a root\" (docs/semantics/scp.md §3)" },
  { code: "KC2934", slug: "boundary-wrong-principal", severity: error, summary: "a permissions boundary belongs to an IAM user or role", help: "docs/semantics/permission-boundary.md §5: root users, sessions, federated users and services have no boundary of their own" },
  { code: "KC2935", slug: "session-policies-wrong-principal", severity: error, summary: "session policies belong to a role session or federated-user ARN" },
  { code: "KC2936", slug: "session-policies-too-many", severity: error, summary: "a session has at most 11 session policies (10 managed plus 1 inline)" },
  { code: "KC2937", slug: "federated-by-invalid", severity: error, summary: "`federatedBy` goes under a federated-user ARN and names an IAM user of the same account" },
  { code: "KC2938", slug: "session-policies-and-policies", severity: error, summary: "a session lists both `policies` (added to its role's, deviation 38) and `sessionPolicies` (narrowing)", help: "move the session's documents to `sessionPolicies`: AWS session policies only narrow" },
  { code: "KC2939", slug: "endpoint-shape", severity: error, summary: "an `endpoints` entry is malformed", help: "write `\"endpoints\": {\"vpce-0a1b2c3d\": {\"policy\": \"endpoint.json\", \"vpc\": \"vpc-1234\"}}`" },
  { code: "KC2940", slug: "grant-shape", severity: error, summary: "a grant is malformed", help: "a grant has `name`, `operations`, one of `granteePrincipal`/`granteeServicePrincipal`, optional `retiringPrincipal`/`retiringServicePrincipal` and `constraints`" },
  { code: "KC2941", slug: "grant-duplicate-name", severity: error, summary: "two grants of one key have the same name" },
  { code: "KC2942", slug: "grant-bad-operation", severity: error, summary: "a grant operation must be one of the 17 grant operations, each once", help: "Decrypt, DeriveSharedSecret, Encrypt, GenerateDataKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateDataKeyWithoutPlaintext, GenerateMac, ReEncryptFrom, ReEncryptTo, Sign, Verify, VerifyMac, CreateGrant, DescribeKey, GetPublicKey, RetireGrant (without `kms:`)" },
  { code: "KC2943", slug: "grant-bad-principal", severity: error, summary: "a grant's grantee or retiring principal must be an account root, IAM user, role, role session or federated-user ARN, or a service principal in the `…ServicePrincipal` member" },
  { code: "KC2944", slug: "grant-bad-constraints", severity: error, summary: "grant constraints are malformed", help: "`constraints` has at most one of `encryptionContextEquals`/`encryptionContextSubset` (1 to 8 string pairs, values up to 384 characters) and an optional `sourceArn`" },
  { code: "KC2945", slug: "grant-service-needs-source-arn", severity: error, summary: "a grant to a service principal needs a `sourceArn` constraint and a retiring principal", help: "AWS: \"The SourceArn constraint is always required when the grant specifies a GranteeServicePrincipal\" (docs/semantics/grants.md §5)" },
  { code: "KC2946", slug: "aws-managed-not-boolean", severity: error, summary: "`awsManaged` must be `true` or `false`" },
  { code: "KC2950", slug: "org-policy-version", severity: error, summary: "an SCP or RCP must have `Version` `2012-10-17`" },
  { code: "KC2951", slug: "org-policy-too-large", severity: error, summary: "an SCP or RCP is over 5 120 bytes once insignificant whitespace is removed", help: "docs/semantics/scp.md §5: AWS pages say 5 120 characters and 5 120 bytes; the stricter reading is enforced" },
  { code: "KC2952", slug: "scp-allow-resource", severity: warning, summary: "an SCP `Allow` names resources other than `*`", help: "the SCP syntax page says Allow statements may only use `\"Resource\": \"*\"`; evaluated as written (it can only allow less)" },
  { code: "KC2953", slug: "rcp-effect-not-deny", severity: error, summary: "a customer RCP statement must be `Deny`", help: "only the implicit RCPFullAWSAccess allows (docs/semantics/rcp.md §3); do not list it" },
  { code: "KC2954", slug: "rcp-principal-not-star", severity: error, summary: "an RCP statement must have `\"Principal\": \"*\"`", help: "restrict principals with conditions (docs/semantics/rcp.md §5)" },
  { code: "KC2955", slug: "rcp-unsupported-element", severity: error, summary: "`NotPrincipal` and `NotAction` are not supported in RCPs" },
  { code: "KC2956", slug: "rcp-action-star", severity: error, summary: "an RCP `Action` must name a service, not `*`" },
  { code: "KC2957", slug: "rcp-retire-grant", severity: warning, summary: "RCPs do not control `kms:RetireGrant`: this action has no effect here" },
  { code: "KC2958", slug: "session-policies-too-large", severity: error, summary: "a session's policies together are over 2 048 characters once whitespace is removed" },
  { code: "KC2959", slug: "endpoint-policy-too-large", severity: error, summary: "a VPC endpoint policy is over 20 480 characters, whitespace included" },
  { code: "KC2960", slug: "layer-not-compiled", severity: error, summary: "a backend does not decide this layer yet", help: "compiling would ignore it and could Allow what AWS denies; the graph decides every layer, Cedar all but a federated user's federating user (`federatedBy`); decide such a bundle with `kms-cedar eval --engine graph` or `--engine reference` (docs/request-model.md \"Layers\")" },
];

// Registry of the bundle loader's diagnostic codes (KC2901–KC2999: bundle shape and the files it
// names). Phase: checks (input files). The compiler's registry merges this list; never renumbered.
import type { DiagnosticInfo } from "@kms-cedar/grammar";

/** The codes, by name. */
export const BundleCode = {
  notAnObject: "KC2901",
  unknownMember: "KC2902",
  sectionNotObject: "KC2903",
  entryNotObject: "KC2904",
  missingPolicy: "KC2905",
  unknownEntryMember: "KC2906",
  badPolicyValue: "KC2907",
  policiesNotArray: "KC2908",
  badKeyArn: "KC2909",
  badPrincipalArn: "KC2910",
  unreadablePolicyFile: "KC2911",
  emptyPath: "KC2912",
  rootPrincipalPolicies: "KC2913",
  emptyBundle: "KC2914",
  unreadableObject: "KC2915",
} as const;

/** One registry entry per code, in code order. */
export const BUNDLE_DIAGNOSTICS: readonly DiagnosticInfo[] = [
  {
    code: "KC2901", slug: "bundle-not-an-object", severity: "error",
    summary: "a bundle must be a JSON object",
    help: "write `{\"keys\": {KEY-ARN: {\"policy\": ...}}, \"principals\": {ARN: {\"policies\": [...]}}}`",
  },
  {
    code: "KC2902", slug: "bundle-unknown-member", severity: "error",
    summary: "unknown member in a bundle",
    help: "a bundle has `keys`, `principals`, `organization` and `endpoints` (docs/request-model.md \"Layers\")",
  },
  {
    code: "KC2903", slug: "bundle-section-not-object", severity: "error",
    summary: "`keys` and `principals` must be objects keyed by ARN",
  },
  {
    code: "KC2904", slug: "bundle-entry-not-object", severity: "error",
    summary: "a bundle entry must be an object",
    help: "write `{\"policy\": \"file.json\"}` for a key, `{\"policies\": [\"file.json\"]}` for a principal",
  },
  {
    code: "KC2905", slug: "bundle-missing-policy", severity: "error",
    summary: "a bundle entry has no policy",
  },
  {
    code: "KC2906", slug: "bundle-unknown-entry-member", severity: "error",
    summary: "unknown member in a bundle entry",
  },
  {
    code: "KC2907", slug: "bundle-bad-policy-value", severity: "error",
    summary: "a policy must be a path (string) or an inline policy document (object)",
  },
  {
    code: "KC2908", slug: "bundle-policies-not-array", severity: "error",
    summary: "`policies` must be an array",
  },
  {
    code: "KC2909", slug: "bundle-bad-key-arn", severity: "error",
    summary: "a member of `keys` must be a key ARN",
    help: "a key ARN looks like `arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`",
  },
  {
    code: "KC2910", slug: "bundle-bad-principal-arn", severity: "error",
    summary: "a member of `principals` must be the ARN of a user, role, role session or federated user",
  },
  {
    code: "KC2911", slug: "unreadable-policy-file", severity: "error",
    summary: "a policy file named in the bundle cannot be read",
    help: "paths are relative to the bundle file",
  },
  {
    code: "KC2912", slug: "bundle-empty-path", severity: "error",
    summary: "a policy path is empty",
  },
  {
    code: "KC2913", slug: "root-principal-policies", severity: "warning",
    summary: "identity policies listed for an account root are never used",
    help: "requests from the root user pass the identity side without policies (spec §5.3)",
  },
  {
    code: "KC2914", slug: "empty-bundle", severity: "warning",
    summary: "the bundle has no keys and no principals",
  },
  {
    code: "KC2915", slug: "bundle-object-unreadable", severity: "error",
    summary: "a bundle object given in code cannot be read as JSON",
    help: "give plain data, as `JSON.parse` makes it: no getter or Proxy that throws, no cycle, no BigInt",
  },
];

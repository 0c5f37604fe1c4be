// Reads the layer members of a bundle (docs/request-model.md "Layers", docs/semantics/bundle-proposal.md)
// from its syntax tree: `organization` (SCPs and RCPs per root, OU and account), `endpoints` (VPC
// endpoint policies by endpoint id), a key's `grants` and `awsManaged`, and a principal's `boundary`,
// `sessionPolicies` and `federatedBy`. Pure; every shape mistake goes to `report` (all at once, with
// positions). Each member that introduces a layer is recorded as a use, so that the compiler can refuse
// what the graph and Cedar backends do not decide yet (KC2960).
import type { JsonObject, JsonString, JsonValue, Report, Span } from "@kms-cedar/grammar";
import { BundleCode } from "./bundle-diagnostic-codes.js";
import { LayerCode } from "./layer-diagnostic-codes.js";

/** The policy kinds of the layers: how a policy of the bundle is checked (docs/semantics/). */
export type PolicyLayer = "scp" | "rcp" | "boundary" | "session" | "endpoint";

/** A member that introduces a layer the backends do not decide yet. */
export interface LayerUse {
  readonly layer: "organization" | "endpoints" | "grants" | "boundary" | "sessionPolicies" | "federatedBy";
  readonly span: Span;
}

/** A policy a layer member names, as read-bundle.ts records it. */
export interface LayerPolicy {
  readonly location: string;
  readonly layer: PolicyLayer;
  readonly owner: string;
  readonly value: JsonValue;
}

/** Where the reader puts what it finds. */
export interface LayerSink {
  readonly report: Report;
  readonly policies: LayerPolicy[];
  readonly uses: LayerUse[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ENDPOINT_ID = /^vpce-[0-9a-z]+$/;
const VPC_ID = /^vpc-[0-9a-z]+$/;
const SERVICE_NAME = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/;
/** Grantee and retiring principals (grants.md §5): root, user, role, role session, federated user. */
const GRANT_PRINCIPAL = /^arn:aws[a-z-]*:(iam::\d{12}:(root|(user|role)\/([^\s*?/]+\/)*[^\s*?/]+)|sts::\d{12}:(assumed-role\/[^\s*?/]+\/[^\s*?/]+|federated-user\/[^\s*?/]+))$/;
const USER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):user\/([^\s*?/]+\/)*[^\s*?/]+$/;
const ARN = /^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;
const GRANT_OPERATIONS = new Set([
  "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
  "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac",
  "CreateGrant", "DescribeKey", "GetPublicKey", "RetireGrant",
]);
/** scp.md §3: "Five levels of OUs deep under a root". */
const MAX_OU_DEPTH = 5;

// ---------------------------------------------------------------------------------------------------
// organization

/** `organization`: `{ managementAccount?, root: node }` (scp.md §3, rcp.md §3). */
export function readOrganization(member: { key: JsonString; value: JsonValue | undefined }, sink: LayerSink): void {
  sink.uses.push({ layer: "organization", span: member.key.span });
  const value = member.value;
  if (value === undefined) return;
  if (value.kind !== "object") return shape(sink, "`organization` must be an object", value.span);
  let root: JsonValue | undefined;
  for (const m of unique(value)) {
    if (m.key.value === "managementAccount") {
      if (m.value?.kind !== "string" || !ACCOUNT_ID.test(m.value.value)) {
        error(sink, LayerCode.organizationBadAccount, "`managementAccount` must be a 12-digit account id", (m.value ?? m.key).span);
      }
    } else if (m.key.value === "root") {
      root = m.value;
    } else {
      shape(sink, `unknown member \`${m.key.value}\` in \`organization\``, m.key.span, "`organization` has `managementAccount` and `root`");
    }
  }
  if (root === undefined) return shape(sink, "`organization` has no `root`", member.key.span);
  const seen = new Set<string>();
  readNode(root, "root", 0, seen, sink);
}

/** A node: the root (`id`), an OU (`ou`) or an account leaf (`account`); `scps`, `rcps`, `children`. */
function readNode(node: JsonValue, role: "root" | "child", depth: number, seen: Set<string>, sink: LayerSink): void {
  if (node.kind !== "object") return shape(sink, "an organization node must be an object", node.span);
  const members = unique(node);
  const named = (name: string) => members.find((m) => m.key.value === name);
  const idMember = role === "root" ? named("id") : named("ou") ?? named("account");
  const isAccount = role === "child" && named("account") !== undefined;
  if (role === "child" && named("ou") !== undefined && named("account") !== undefined) {
    return shape(sink, "a node is an OU (`ou`) or an account (`account`), not both", node.span);
  }
  if (role === "child" && idMember === undefined) return shape(sink, "an organization node needs `ou` or `account`", node.span);
  let id = "root";
  if (idMember !== undefined) {
    if (idMember.value?.kind !== "string" || idMember.value.value === "") {
      return shape(sink, `\`${idMember.key.value}\` must be a non-empty string`, (idMember.value ?? idMember.key).span);
    }
    id = idMember.value.value;
    if (isAccount && !ACCOUNT_ID.test(id)) {
      error(sink, LayerCode.organizationBadAccount, `\`${id}\` is not a 12-digit account id`, idMember.value.span);
    }
    if (seen.has(id)) error(sink, LayerCode.organizationDuplicate, `\`${id}\` appears twice in \`organization\``, idMember.value.span);
    seen.add(id);
  }
  // Beyond five OU levels under the root (the root is depth 0, an OU at depth 6 is too deep).
  if (role === "child" && !isAccount && depth > MAX_OU_DEPTH) {
    error(sink, LayerCode.organizationTooDeep, `OU \`${id}\` is nested ${depth} levels under the root`, node.span);
  }
  const allowed = new Set(role === "root" ? ["id", "scps", "rcps", "children"] : isAccount ? ["account", "scps", "rcps"] : ["ou", "scps", "rcps", "children"]);
  for (const m of members) {
    if (!allowed.has(m.key.value)) {
      shape(sink, `unknown member \`${m.key.value}\` in organization node \`${id}\``, m.key.span,
        isAccount ? "an account node has `account`, `scps` and `rcps`" : "a node has `scps`, `rcps` and `children`");
      continue;
    }
    if (m.value === undefined) continue;
    if (m.key.value === "scps" || m.key.value === "rcps") {
      const layer = m.key.value === "scps" ? "scp" : "rcp";
      policyList(m.value, `organization[${id}].${m.key.value}`, layer, id, sink);
    } else if (m.key.value === "children") {
      if (m.value.kind !== "array") {
        shape(sink, "`children` must be an array of nodes", m.value.span);
        continue;
      }
      for (const child of m.value.elements) readNode(child, "child", depth + 1, seen, sink);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// endpoints

/** `endpoints`: `{ "vpce-…": { policy, vpc? } }` (vpc-endpoint-policy.md §2). */
export function readEndpoints(member: { key: JsonString; value: JsonValue | undefined }, sink: LayerSink): void {
  sink.uses.push({ layer: "endpoints", span: member.key.span });
  const value = member.value;
  if (value === undefined) return;
  if (value.kind !== "object") return error(sink, LayerCode.endpointShape, "`endpoints` must be an object keyed by endpoint id", value.span);
  for (const m of unique(value)) {
    const id = m.key.value;
    if (!ENDPOINT_ID.test(id)) {
      error(sink, LayerCode.endpointShape, `\`${id}\` is not a VPC endpoint id`, m.key.span, "an endpoint id looks like `vpce-0a1b2c3d4e5f`");
      continue;
    }
    if (m.value === undefined) continue;
    if (m.value.kind !== "object") {
      error(sink, LayerCode.endpointShape, "an endpoint entry must be an object", m.value.span);
      continue;
    }
    let policy = false;
    for (const e of unique(m.value)) {
      if (e.key.value === "policy") {
        policy = true;
        if (e.value !== undefined) policyValue(e.value, `endpoints[${id}]`, "endpoint", id, sink);
      } else if (e.key.value === "vpc") {
        if (e.value?.kind !== "string" || !VPC_ID.test(e.value.value)) {
          error(sink, LayerCode.endpointShape, "`vpc` must be a VPC id such as `vpc-1234`", (e.value ?? e.key).span);
        }
      } else {
        error(sink, LayerCode.endpointShape, `unknown member \`${e.key.value}\` in endpoint \`${id}\``, e.key.span);
      }
    }
    if (!policy) error(sink, LayerCode.endpointShape, `endpoint \`${id}\` has no \`policy\``, m.key.span);
  }
}

// ---------------------------------------------------------------------------------------------------
// keys: grants, awsManaged

/** A key entry's `grants` (grants.md §5): every grant checked, all errors at once. */
export function readGrants(member: { key: JsonString; value: JsonValue | undefined }, keyArn: string, sink: LayerSink): void {
  sink.uses.push({ layer: "grants", span: member.key.span });
  const value = member.value;
  if (value === undefined) return;
  if (value.kind !== "array") return error(sink, LayerCode.grantShape, "`grants` must be an array of grants", value.span);
  const names = new Set<string>();
  for (const grant of value.elements) readGrant(grant, keyArn, names, sink);
}

function readGrant(grant: JsonValue, keyArn: string, names: Set<string>, sink: LayerSink): void {
  if (grant.kind !== "object") return error(sink, LayerCode.grantShape, "a grant must be an object", grant.span);
  const members = unique(grant);
  const get = (name: string) => members.find((m) => m.key.value === name);
  const known = new Set(["name", "operations", "granteePrincipal", "granteeServicePrincipal", "retiringPrincipal", "retiringServicePrincipal", "constraints"]);
  for (const m of members) {
    if (!known.has(m.key.value)) error(sink, LayerCode.grantShape, `unknown member \`${m.key.value}\` in a grant`, m.key.span);
  }
  const name = get("name");
  if (name?.value?.kind !== "string" || name.value.value === "") {
    error(sink, LayerCode.grantShape, "a grant needs a non-empty string `name`", (name?.value ?? grant).span);
  } else if (names.has(name.value.value)) {
    error(sink, LayerCode.grantDuplicateName, `key \`${keyArn}\` has two grants named \`${name.value.value}\``, name.value.span);
  } else {
    names.add(name.value.value);
  }
  readOperations(get("operations"), grant.span, sink);
  const grantee = get("granteePrincipal");
  const granteeService = get("granteeServicePrincipal");
  if ((grantee === undefined) === (granteeService === undefined)) {
    error(sink, LayerCode.grantBadPrincipal, "a grant has exactly one of `granteePrincipal` and `granteeServicePrincipal`", grant.span);
  }
  const retiring = get("retiringPrincipal");
  const retiringService = get("retiringServicePrincipal");
  if (retiring !== undefined && retiringService !== undefined) {
    error(sink, LayerCode.grantBadPrincipal, "a grant has at most one of `retiringPrincipal` and `retiringServicePrincipal`", retiringService.key.span);
  }
  for (const m of [grantee, retiring]) {
    if (m === undefined) continue;
    if (m.value?.kind !== "string" || !GRANT_PRINCIPAL.test(m.value.value)) {
      error(sink, LayerCode.grantBadPrincipal, `\`${m.key.value}\` must be an account root, IAM user, role, role session or federated-user ARN`,
        (m.value ?? m.key).span, "not a group, an organization, a service or a wildcard (grants.md §2)");
    }
  }
  for (const m of [granteeService, retiringService]) {
    if (m === undefined) continue;
    if (m.value?.kind !== "string" || !SERVICE_NAME.test(m.value.value)) {
      error(sink, LayerCode.grantBadPrincipal, `\`${m.key.value}\` must be a service principal such as \`logs.amazonaws.com\``, (m.value ?? m.key).span);
    }
  }
  const constraints = get("constraints");
  const sourceArn = readConstraints(constraints, sink);
  if (granteeService !== undefined && (!sourceArn || (retiring === undefined && retiringService === undefined))) {
    error(sink, LayerCode.grantServiceNeedsSourceArn, "a grant to a service principal needs `constraints.sourceArn` and a retiring principal", granteeService.key.span);
  }
}

function readOperations(member: { key: JsonString; value: JsonValue | undefined } | undefined, grantSpan: Span, sink: LayerSink): void {
  if (member === undefined) return error(sink, LayerCode.grantBadOperation, "a grant needs `operations`", grantSpan);
  const value = member.value;
  if (value === undefined) return;
  if (value.kind !== "array" || value.elements.length === 0) {
    return error(sink, LayerCode.grantBadOperation, "`operations` must be a non-empty array of grant operations", value.span);
  }
  const seen = new Set<string>();
  for (const op of value.elements) {
    if (op.kind !== "string" || !GRANT_OPERATIONS.has(op.value)) {
      const text = op.kind === "string" ? `\`${op.value}\`` : "this value";
      error(sink, LayerCode.grantBadOperation, `${text} is not a grant operation`, op.span,
        op.kind === "string" && op.value.startsWith("kms:") ? "write the operation without `kms:`" : undefined);
    } else if (seen.has(op.value)) {
      error(sink, LayerCode.grantBadOperation, `\`${op.value}\` is listed twice`, op.span);
    } else {
      seen.add(op.value);
    }
  }
}

/** Checks `constraints`; true when it has a well-formed `sourceArn`. */
function readConstraints(member: { key: JsonString; value: JsonValue | undefined } | undefined, sink: LayerSink): boolean {
  const value = member?.value;
  if (value === undefined) return false;
  if (value.kind !== "object") {
    error(sink, LayerCode.grantBadConstraints, "`constraints` must be an object", value.span);
    return false;
  }
  let sourceArn = false;
  const members = unique(value);
  const contexts = members.filter((m) => m.key.value === "encryptionContextEquals" || m.key.value === "encryptionContextSubset");
  if (contexts.length > 1) {
    error(sink, LayerCode.grantBadConstraints, "use `encryptionContextEquals` or `encryptionContextSubset`, not both", contexts[1]!.key.span);
  }
  for (const m of members) {
    if (m.key.value === "sourceArn") {
      if (m.value?.kind !== "string" || !ARN.test(m.value.value)) {
        error(sink, LayerCode.grantBadConstraints, "`sourceArn` must be an ARN", (m.value ?? m.key).span);
      } else {
        sourceArn = true;
      }
    } else if (contexts.includes(m)) {
      const pairs = m.value;
      if (pairs === undefined) continue;
      if (pairs.kind !== "object" || pairs.members.length === 0 || pairs.members.length > 8) {
        error(sink, LayerCode.grantBadConstraints, `\`${m.key.value}\` must be an object of 1 to 8 string pairs`, pairs.span);
        continue;
      }
      for (const p of pairs.members) {
        if (p.value?.kind !== "string") error(sink, LayerCode.grantBadConstraints, "an encryption context value must be a string", (p.value ?? p.key).span);
        else if ([...p.value.value].length > 384) error(sink, LayerCode.grantBadConstraints, "an encryption context value is at most 384 characters", p.value.span);
      }
    } else {
      error(sink, LayerCode.grantBadConstraints, `unknown constraint \`${m.key.value}\``, m.key.span,
        "constraints are `encryptionContextEquals`, `encryptionContextSubset` and `sourceArn`");
    }
  }
  return sourceArn;
}

/** A key entry's `awsManaged` (rcp.md §2: RCPs skip AWS managed keys). */
export function readAwsManaged(value: JsonValue | undefined, sink: LayerSink): void {
  if (value !== undefined && value.kind !== "boolean") error(sink, LayerCode.awsManagedNotBoolean, "`awsManaged` must be `true` or `false`", value.span);
}

// ---------------------------------------------------------------------------------------------------
// principals: boundary, sessionPolicies, federatedBy

/** The principal forms the layer members depend on (docs/request-model.md "The caller"). */
export type PrincipalForm = "user" | "role" | "session" | "federated" | "root";

/** One layer member of a principal entry. */
export function readPrincipalLayer(
  member: { key: JsonString; value: JsonValue | undefined }, arn: string, form: PrincipalForm, hasPolicies: boolean, sink: LayerSink,
): void {
  const name = member.key.value as "boundary" | "sessionPolicies" | "federatedBy";
  sink.uses.push({ layer: name, span: member.key.span });
  const value = member.value;
  if (name === "boundary") {
    if (form !== "user" && form !== "role") {
      error(sink, LayerCode.boundaryWrongPrincipal, `\`${arn}\` cannot have a permissions boundary`, member.key.span,
        "a boundary belongs to an IAM user or role; a session is capped by its role's");
    }
    if (value !== undefined) policyValue(value, `principals[${arn}].boundary`, "boundary", arn, sink);
    return;
  }
  if (name === "sessionPolicies") {
    if (form !== "session" && form !== "federated") {
      error(sink, LayerCode.sessionPoliciesWrongPrincipal, `\`${arn}\` is not a session: it cannot have session policies`, member.key.span);
    }
    if (hasPolicies && (form === "session" || form === "federated")) {
      error(sink, LayerCode.sessionPoliciesAndPolicies, `\`${arn}\` lists both \`policies\` and \`sessionPolicies\``, member.key.span);
    }
    if (value === undefined) return;
    if (value.kind === "array" && value.elements.length > 11) {
      error(sink, LayerCode.sessionPoliciesTooMany, `${value.elements.length} session policies; at most 11`, value.span);
    }
    policyList(value, `principals[${arn}].sessionPolicies`, "session", arn, sink);
    return;
  }
  // federatedBy
  const account = /^arn:aws[a-z-]*:sts::(\d{12}):/.exec(arn)?.[1];
  const user = value?.kind === "string" ? USER_ARN.exec(value.value) : null;
  if (form !== "federated" || user === null || user[1] !== account) {
    error(sink, LayerCode.federatedByInvalid, "`federatedBy` goes under a federated-user ARN and names an IAM user ARN of the same account", (value ?? member.key).span);
  }
}

// ---------------------------------------------------------------------------------------------------
// helpers

function policyList(value: JsonValue, location: string, layer: PolicyLayer, owner: string, sink: LayerSink): void {
  if (value.kind !== "array") {
    shapeFor(layer, sink, `\`${location}\` must be an array of policies`, value.span);
    return;
  }
  value.elements.forEach((element, i) => policyValue(element, `${location}[${i}]`, layer, owner, sink));
}

function policyValue(value: JsonValue, location: string, layer: PolicyLayer, owner: string, sink: LayerSink): void {
  if (value.kind === "object" || (value.kind === "string" && value.value.trim() !== "")) {
    sink.policies.push({ location, layer, owner, value });
    return;
  }
  shapeFor(layer, sink, "a policy must be a path or an inline policy document", value.span);
}

/** A list that is not an array (organization: KC2930; session policies: KC2908), or a value that is no policy (KC2907). */
function shapeFor(layer: PolicyLayer, sink: LayerSink, message: string, span: Span): void {
  const list = message.includes("must be an array");
  const code = !list ? BundleCode.badPolicyValue : layer === "session" ? BundleCode.policiesNotArray : LayerCode.organizationShape;
  error(sink, code, message, span);
}

function shape(sink: LayerSink, message: string, span: Span, help?: string): void {
  error(sink, LayerCode.organizationShape, message, span, help);
}

function error(sink: LayerSink, code: string, message: string, span: Span, help?: string): void {
  sink.report(help === undefined ? { code, severity: "error", message, span } : { code, severity: "error", message, span, help });
}

/** Members in source order, later duplicates left out (the parser reports them). */
function unique(object: JsonObject): JsonObject["members"] {
  const seen = new Set<string>();
  return object.members.filter((member) => {
    if (seen.has(member.key.value)) return false;
    seen.add(member.key.value);
    return true;
  });
}

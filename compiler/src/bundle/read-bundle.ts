// Reads the shape of a bundle (DESIGN §2) from its syntax tree: which policies it names, for which
// key or principal, with which bundle location. Pure; shape mistakes go to `report`, and the
// entries they affect are left out. Files are not read here (load-bundle.ts does that).
import type { JsonObject, JsonString, JsonValue, Report, Span } from "@kms-cedar/grammar";
import type { PolicyKind } from "../syntax/policy-syntax.js";
import { classifyPrincipalArn, isKeyArn } from "./arn-shapes.js";
import { BundleCode } from "./bundle-diagnostic-codes.js";
import {
  readAwsManaged, readEndpoints, readGrants, readOrganization, readPrincipalLayer,
  type LayerSink, type LayerUse, type PolicyLayer, type PrincipalForm,
} from "./read-layers.js";

/** One policy a bundle names: where it sits in the bundle and what it is. */
export interface PolicyReference {
  /** `keys[ARN]` or `principals[ARN][i]` (i = index in that principal's `policies`). */
  readonly location: string;
  readonly kind: PolicyKind;
  /** The key ARN or principal ARN it belongs to. */
  readonly owner: string;
  /** A path (relative to the bundle file) or an inline policy document. */
  readonly value: JsonString | JsonObject;
  /** Set for a policy of a layer (docs/request-model.md "Layers"): SCP, RCP, boundary, session or endpoint policy. */
  readonly layer?: PolicyLayer;
}

/** What a bundle declares, in source order; `principals` lists every principal, even with no policy. */
export interface BundleShape {
  readonly references: readonly PolicyReference[];
  readonly keys: readonly string[];
  readonly principals: readonly string[];
  /** Members that introduce a layer the graph and Cedar backends do not decide yet (KC2960 at compile time). */
  readonly layerUses?: readonly LayerUse[];
}

/** Whether a parsed file is a bundle rather than a policy: an object with `keys`/`principals`, no `Statement`. */
export function looksLikeBundle(root: JsonValue | undefined): boolean {
  if (root?.kind !== "object") return false;
  const names = root.members.map((m) => m.key.value);
  return (names.includes("keys") || names.includes("principals")) && !names.includes("Statement");
}

/** Reads a bundle's tree; reports every shape mistake. */
export function readBundle(root: JsonValue, reportTo: Report): BundleShape {
  let errors = 0;
  const report: Report = (diagnostic) => {
    if (diagnostic.severity === "error") errors++;
    reportTo(diagnostic);
  };
  const references: PolicyReference[] = [];
  const keys: string[] = [];
  const principals: string[] = [];
  if (root.kind !== "object") {
    error(report, BundleCode.notAnObject, "a bundle must be a JSON object", root.span);
    return { references, keys, principals };
  }
  const sink: LayerSink = { report, policies: [], uses: [] };
  const seen = new Set<string>();
  for (const member of root.members) {
    const name = member.key.value;
    if (seen.has(name)) continue; // INVARIANT: the parser reports duplicate keys (KC1024)
    seen.add(name);
    if (name === "$schema") {
      // The bundle's JSON Schema (compiler/schemas/bundle.schema.json), for editors; nothing else reads it.
      if (member.value !== undefined && member.value.kind !== "string") {
        error(report, BundleCode.unknownMember, "`$schema` must be a string", member.value.span,
          "write the path or URL of the bundle schema, e.g. `node_modules/@kms-cedar/compiler/schemas/bundle.schema.json`");
      }
      continue;
    }
    if (name === "organization" || name === "endpoints") {
      if (name === "organization") readOrganization(member, sink);
      else readEndpoints(member, sink);
      continue;
    }
    if (name !== "keys" && name !== "principals") {
      error(report, BundleCode.unknownMember, `unknown bundle member \`${name}\``, member.key.span,
        "a bundle has `keys`, `principals`, `organization` and `endpoints` (and `$schema`)");
      continue;
    }
    const section = member.value;
    if (section === undefined) continue;
    if (section.kind !== "object") {
      error(report, BundleCode.sectionNotObject, `\`${name}\` must be an object keyed by ARN`, section.span);
      continue;
    }
    if (name === "keys") readKeys(section, report, references, keys, sink);
    else readPrincipals(section, report, references, principals, sink);
  }
  for (const policy of sink.policies) {
    const kind = policy.layer === "rcp" || policy.layer === "endpoint" ? "key" : "identity";
    if (policy.value.kind === "object" || policy.value.kind === "string") {
      references.push({ location: policy.location, kind, owner: policy.owner, value: policy.value, layer: policy.layer });
    }
  }
  const declared = root.members.reduce((n, m) => n + (m.key.value !== "$schema" && m.value?.kind === "object" ? m.value.members.length : 0), 0);
  if (declared === 0 && errors === 0) {
    report({ code: BundleCode.emptyBundle, severity: "warning", message: "the bundle has no keys and no principals", span: root.span });
  }
  return sink.uses.length === 0 ? { references, keys, principals } : { references, keys, principals, layerUses: sink.uses };
}

function readKeys(section: JsonObject, report: Report, out: PolicyReference[], keys: string[], sink: LayerSink): void {
  for (const member of uniqueMembers(section)) {
    const arn = member.key.value;
    if (!isKeyArn(arn)) {
      error(report, BundleCode.badKeyArn, `\`${arn}\` is not a key ARN`, member.key.span,
        "a key ARN looks like `arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`");
      continue;
    }
    const entry = entryObject(member.value, report, "policy");
    if (entry === undefined) continue;
    keys.push(arn);
    // docs/request-model.md "Layers": a key entry may add `grants` and `awsManaged`.
    for (const extra of uniqueMembers(entry)) {
      if (extra.key.value === "grants") readGrants(extra, arn, sink);
      else if (extra.key.value === "awsManaged") readAwsManaged(extra.value, sink);
    }
    const policy = onlyMember(entry, "policy", report, member.key.span, `key \`${arn}\``, KEY_LAYER_MEMBERS);
    const value = policy && policyValue(policy, report);
    if (value) out.push({ location: `keys[${arn}]`, kind: "key", owner: arn, value });
  }
}

function readPrincipals(section: JsonObject, report: Report, out: PolicyReference[], principals: string[], sink: LayerSink): void {
  for (const member of uniqueMembers(section)) {
    const arn = member.key.value;
    const form = classifyPrincipalArn(arn);
    if (form === "invalid") {
      error(report, BundleCode.badPrincipalArn, `\`${arn}\` is not the ARN of a user, role, role session or federated user`,
        member.key.span,
        "write `arn:aws:iam::ACCOUNT:role/NAME`, `…:user/NAME`, `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION` or `…:federated-user/NAME`");
      continue;
    }
    if (form === "root") {
      report({
        code: BundleCode.rootPrincipalPolicies, severity: "warning",
        message: `identity policies listed for the account root \`${arn}\` are never used`, span: member.key.span,
        help: "requests from the root user pass the identity side without policies (spec §5.3)",
      });
    }
    const entry = entryObject(member.value, report, "policies");
    if (entry === undefined) continue;
    principals.push(arn);
    // docs/request-model.md "Layers": a principal entry may add `boundary`, `sessionPolicies`, `federatedBy`;
    // with one of them, `policies` may be left out.
    const layerMembers = uniqueMembers(entry).filter((m) => PRINCIPAL_LAYER_MEMBERS.has(m.key.value));
    const hasPolicies = entry.members.some((m) => m.key.value === "policies");
    for (const extra of layerMembers) readPrincipalLayer(extra, arn, principalForm(arn), hasPolicies, sink);
    if (layerMembers.length > 0 && !hasPolicies) {
      const strays = uniqueMembers(entry).filter((m) => !PRINCIPAL_LAYER_MEMBERS.has(m.key.value));
      for (const stray of strays) {
        error(report, BundleCode.unknownEntryMember, `unknown member \`${stray.key.value}\` in the entry of principal \`${arn}\``, stray.key.span,
          "an entry has `policies`, `boundary`, `sessionPolicies` and `federatedBy`");
      }
      continue;
    }
    const policies = onlyMember(entry, "policies", report, member.key.span, `principal \`${arn}\``, PRINCIPAL_LAYER_MEMBERS);
    if (policies === undefined) continue;
    if (policies.kind !== "array") {
      error(report, BundleCode.policiesNotArray, "`policies` must be an array", policies.span,
        "write `\"policies\": [\"policy.json\"]`, even for one policy");
      continue;
    }
    policies.elements.forEach((element, index) => {
      const value = policyValue(element, report);
      if (value) out.push({ location: `principals[${arn}][${index}]`, kind: "identity", owner: arn, value });
    });
  }
}

function entryObject(value: JsonValue | undefined, report: Report, member: string): JsonObject | undefined {
  if (value === undefined) return undefined;
  if (value.kind === "object") return value;
  const example = member === "policy" ? "{\"policy\": \"key-policy.json\"}" : "{\"policies\": [\"app.json\"]}";
  error(report, BundleCode.entryNotObject, "a bundle entry must be an object", value.span, `write \`${example}\``);
  return undefined;
}

const KEY_LAYER_MEMBERS: ReadonlySet<string> = new Set(["grants", "awsManaged"]);
const PRINCIPAL_LAYER_MEMBERS: ReadonlySet<string> = new Set(["boundary", "sessionPolicies", "federatedBy"]);

function principalForm(arn: string): PrincipalForm {
  if (/:root$/.test(arn)) return "root";
  if (/:assumed-role\//.test(arn)) return "session";
  if (/:federated-user\//.test(arn)) return "federated";
  return /:iam::\d{12}:user\//.test(arn) ? "user" : "role";
}

/** The value of `name` in `entry`; reports a missing `name` and any other member (besides `layerMembers`, read elsewhere). */
function onlyMember(entry: JsonObject, name: string, report: Report, ownerSpan: Span, owner: string, layerMembers: ReadonlySet<string>): JsonValue | undefined {
  let found: JsonValue | undefined;
  let present = false;
  for (const member of uniqueMembers(entry)) {
    if (layerMembers.has(member.key.value)) continue;
    if (member.key.value === name) {
      present = true;
      found = member.value;
    } else {
      error(report, BundleCode.unknownEntryMember, `unknown member \`${member.key.value}\` in the entry of ${owner}`,
        member.key.span, `an entry has only \`${name}\``);
    }
  }
  if (!present) error(report, BundleCode.missingPolicy, `${owner} has no \`${name}\``, ownerSpan);
  return found;
}

function policyValue(value: JsonValue, report: Report): JsonString | JsonObject | undefined {
  if (value.kind === "object") return value;
  if (value.kind === "string") {
    if (value.value.trim() !== "") return value;
    error(report, BundleCode.emptyPath, "a policy path is empty", value.span);
    return undefined;
  }
  error(report, BundleCode.badPolicyValue, "a policy must be a path or an inline policy document", value.span,
    "write a path relative to the bundle file (`\"app.json\"`) or a policy object (`{\"Version\": …, \"Statement\": […]}`)");
  return undefined;
}

/** Members in source order, later duplicates left out (the parser reports them). */
function uniqueMembers(object: JsonObject): JsonObject["members"] {
  const seen = new Set<string>();
  return object.members.filter((member) => {
    if (seen.has(member.key.value)) return false;
    seen.add(member.key.value);
    return true;
  });
}

function error(report: Report, code: string, message: string, span: Span, help?: string): void {
  report(help === undefined ? { code, severity: "error", message, span } : { code, severity: "error", message, span, help });
}

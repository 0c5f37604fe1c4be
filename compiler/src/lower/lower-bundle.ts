// Lowers the policy model to the decision graph (DESIGN §3, §5): one node per test occurrence (the
// merge-equal-tests pass hash-conses them), statements with their actions, policies indexed by
// action, the KMS catalog copied in so the runtime needs nothing else. Phase: lower; cannot fail.
import { GRAPH_FORMAT, GRAPH_VERSION } from "@kms-cedar/runtime";
import type { DecisionGraph, GraphAction, GraphLayers, GraphNode, GraphPolicy, GraphStatement } from "@kms-cedar/runtime";
import { listKmsActions } from "../catalog/index.js";
import type { ModelBundle, ModelStatement } from "../model/policy-model.js";
import { indexStatements } from "./index-statements.js";

/** The catalog as the graph carries it (docs/request-model.md, spec §5.4). */
export function lowerCatalog(): GraphAction[] {
  return listKmsActions().map((a) => ({
    name: `kms:${a.name}`,
    target: a.resource === "alias+key" ? "alias" : a.resource,
    keyPolicy: a.policyType !== "iam-only",
    policyAllows: a.policyType !== "grant",
    crossAccount: a.crossAccount,
  }));
}

/** Lowers the model; `layers` (lower-layers.ts) is set when the bundle has layers, and points into `model.policies`. */
export function lowerBundle(model: ModelBundle, actions: readonly GraphAction[] = lowerCatalog(), layers?: GraphLayers): DecisionGraph {
  const nodes: GraphNode[] = [];
  const statements: GraphStatement[] = [];
  const add = (node: GraphNode): number => nodes.push(node) - 1;
  model.policies.forEach((policy, p) => {
    for (const s of policy.statements) statements.push(lowerStatement(s, p, policy.kind, add, policy.layer !== undefined));
  });
  const policies: GraphPolicy[] = model.policies.map((policy) => ({
    location: policy.location,
    kind: policy.kind,
    owner: policy.owner,
    ...(policy.file !== undefined ? { file: policy.file } : {}),
    ...(policy.layer !== undefined ? { layer: policy.layer } : {}),
    byAction: {},
  }));
  // Keyed by ARNs from the bundle: no prototype (a member named `__proto__` stays a member).
  const keys = Object.create(null) as Record<string, number>;
  for (const key of model.keys) keys[key.arn] = key.policy;
  const principals = Object.create(null) as Record<string, readonly number[]>;
  for (const principal of model.principals) principals[principal.arn] = principal.policies;
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    actions,
    policies: indexStatements(actions, policies, statements),
    keys,
    principals,
    nodes,
    statements,
    ...(layers !== undefined ? { layers } : {}),
  };
}

function lowerStatement(s: ModelStatement, p: number, kind: "key" | "identity", add: (n: GraphNode) => number, layer: boolean): GraphStatement {
  const origin = (span: ModelStatement["span"]) => [{ policy: p, span }];
  const tests: number[] = [];
  if (s.resource !== undefined) {
    tests.push(add({
      kind: "resource", negated: s.resource.negated, patterns: s.resource.patterns,
      // AWS: §1.7, §5.2 — a key policy's Resource is matched with the key-policy rule (graph-types.ts).
      // An RCP's or endpoint policy's Resource is matched as in an identity policy (docs/semantics/rcp.md, vpc-endpoint-policy.md).
      ...(kind === "key" && !layer ? { keyPolicy: true as const } : {}),
      origin: origin(s.resource.span),
    }));
  }
  for (const c of s.conditions) {
    tests.push(add({
      kind: "condition",
      ...(c.qualifier !== undefined ? { qualifier: c.qualifier } : {}),
      base: c.base,
      ifExists: c.ifExists,
      key: c.key,
      values: c.values,
      origin: origin(c.span),
    }));
  }
  const principal = s.principal === undefined ? undefined
    : add({ kind: "principal", any: s.principal.any, aws: s.principal.aws, service: s.principal.service, origin: origin(s.principal.span) });
  // AWS: §1.3 — a key-policy statement without Resource (or without Action) has no effect.
  // An RCP or endpoint statement without Resource or Principal is one IAM would reject: fail closed (spec §0.2),
  // an Allow never applies, a Deny applies (no resource test; no principal node: it names every caller, see
  // compile-layers.ts).
  const effective = kind === "identity" || (layer
    ? s.effect === "Deny" || (s.resource !== undefined && principal !== undefined)
    : s.resource !== undefined && principal !== undefined);
  return {
    policy: p,
    statement: s.index,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.effect,
    span: s.span,
    actions: effective ? s.actions : [],
    ...(principal !== undefined ? { principal } : {}),
    tests,
  };
}

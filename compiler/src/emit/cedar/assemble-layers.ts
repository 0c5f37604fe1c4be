// The Cedar policies of the layers (docs/cedar-mapping.md "Layers", docs/semantics/README.md §1.2):
//   - every Deny statement of every layer is a forbid headed by the layer's scope (`deny-<layer>-*`,
//     ExplicitDeny); RCP and endpoint Denies apply when their Principal names the caller or its account;
//   - an SCP level (every policy at it) and an endpoint policy without an applicable Allow are gate
//     forbids `unless { some Allow applies }` (`scp-gate-*`, `endpoint-gate-*`, role `layer-gate`: ImplicitDeny);
//   - a boundary and a caller's session policies are gates of role `ceiling` (`boundary-gate-*`,
//     `session-gate-*`): they cap only some paths, so the runtime asks them in a second set, only when
//     every satisfied permit is capped; in one plain Cedar set they would only deny more (never allow more);
//   - a grant is a permit on its key for its grantee and operations (`grant-*`, capped) and a disjunct
//     of the key's gate (it opens the key side on its own, grants.md §3).
// Phase: emit; bundle order, deterministic ids.
import type { DecisionGraph, GraphGrant, GraphStatement, PrincipalNode, Reason } from "@kms-cedar/runtime";
import { actionId, CedarType, parseCallerName, sessionRoleId } from "@kms-cedar/runtime/cedar-names";
import { and, FALSE, or, printExpr, relation, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { contextAttr, contextHas, entity } from "./cedar-literal.js";
import type { EmittedPolicy } from "./assemble-policies.js";
import { ActionSets, reasonOf } from "./assemble-policies.js";
import type { ConditionPlan } from "./plan-conditions.js";
import { emitPrincipal } from "./emit-principal.js";
import { emitTest } from "./emit-test.js";
import type { Effect } from "./emit-test.js";
import type { CedarGrant, CedarLayers } from "./cedar-layers.js";

type Layer = "scp" | "rcp" | "boundary" | "session" | "endpoint";

/** The context attribute (Bool) our encoder sets on every request of a bundle with layers. */
export const LAYERS_PLACED = "#layers";

/** The layer policies, in output order (SCPs, RCPs, endpoints, boundaries, session policies). */
export function assembleLayers(graph: DecisionGraph, conditions: ConditionPlan, plan: CedarLayers, uniqueId: (base: string) => string): EmittedPolicy[] {
  const actions = new ActionSets(graph);
  const out: EmittedPolicy[] = [];
  const statementsOf = (p: number): GraphStatement[] => graph.statements.filter((s) => s.policy === p && s.actions.length > 0);
  const tests = (s: GraphStatement, effect: Effect): Expr => and(...s.tests.map((n) => emitTest(conditions.strategies.get(n)!, effect, conditions.views)));
  const actionTest = (names: readonly string[]): Expr => (names.length === actions.all.length ? TRUE : relation(actions.scope(names)));
  const principalOf = (s: GraphStatement) => (s.principal === undefined ? undefined : emitPrincipal(graph.nodes[s.principal] as PrincipalNode));

  /** The Deny statements of policy `p` as forbids in `scope`; `resourceKind`: an RCP or endpoint policy (its Principal applies). */
  const denies = (p: number, layer: Layer, scope: string, resourceKind: boolean): void => {
    for (const s of statementsOf(p).filter((x) => x.effect === "Deny")) {
      // A resource-kind Deny applies when its Principal names the caller or its account (rcp.md §3);
      // without a Principal (the checks reject it) it applies to everyone: fail closed.
      const terms = resourceKind ? principalOf(s) : undefined;
      const who = !resourceKind ? TRUE : terms === undefined ? TRUE : or(terms.direct, terms.account);
      const id = uniqueId(`deny-${layer}-p${p}-s${s.statement}`);
      const head = `forbid (principal in ${entity(CedarType.policy, scope)}, ${actions.scope(s.actions)}, resource)`;
      out.push({ id, role: "deny", reason: { ...reasonOf(graph, s), layer }, text: policyText(comment(graph, s, layer), id, head, "when", and(who, tests(s, "Deny"))) });
    }
  };
  /** The Allow statements of a policy as one disjunction (for a gate); `endpoint`: its principal rule. */
  const allows = (p: number, endpoint: boolean): Expr[] => {
    return statementsOf(p).filter((s) => s.effect === "Allow").map((s) => {
      let who: Expr = TRUE;
      if (endpoint) {
        // vpc-endpoint-policy.md §3 (Our rule): an account principal in an endpoint Allow names only its root user.
        const terms = principalOf(s);
        who = terms === undefined ? FALSE : or(terms.direct, and(terms.account, relation(`principal is ${CedarType.root}`)));
      }
      return and(who, actionTest(s.actions), tests(s, "Allow"));
    });
  };
  const gate = (base: string, role: "layer-gate" | "ceiling", scope: string, reason: Reason, why: string, open: readonly Expr[]): void => {
    const id = uniqueId(base);
    const head = `forbid (principal in ${entity(CedarType.policy, scope)}, action, resource)`;
    out.push({ id, role, reason, text: policyText([`// ${why}`], id, head, "unless", or(...open)) });
  };
  const gap = (policy: string, layer: Layer): Reason => ({ policy, statement: 0, effect: "Deny", path: "no-allow", layer });

  // An encoder that does not place requests in the layer scopes would skip their forbids (fail-open in another
  // Cedar engine): ours says it did with `context["#layers"]`; without it every request is denied (fail closed).
  const placed = uniqueId("layers-placed");
  out.push({
    id: placed, role: "layer-gate",
    text: `// The encoder placed the request in the layer scopes (manifest \`layers\`); else nothing is allowed.\n@id("${placed}")\nforbid (principal, action, resource)\nunless { context has "${LAYERS_PLACED}" };`,
  });
  plan.scpLevels.forEach((level, n) => {
    for (const p of level.policies) denies(p, "scp", level.scope, false);
    // scp.md §3: every level of the path must have an applicable Allow.
    gate(`scp-gate-${n}`, "layer-gate", level.scope, gap(level.gap, "scp"), `Implicit deny: no SCP at ${asciiOf(level.gap)} allows the request.`,
      level.policies.flatMap((p) => allows(p, false)));
  });
  for (const level of plan.rcpLevels) for (const p of level.policies) denies(p, "rcp", level.scope, true);
  plan.endpoints.forEach((endpoint, n) => {
    denies(endpoint.policy, "endpoint", endpoint.scope, true);
    gate(`endpoint-gate-${n}`, "layer-gate", endpoint.scope, gap(graph.policies[endpoint.policy]!.location, "endpoint"),
      `Implicit deny: the policy of ${asciiOf(endpoint.id)} does not allow the request.`, allows(endpoint.policy, true));
  });
  plan.boundaries.forEach((boundary, n) => {
    denies(boundary.policy, "boundary", boundary.scope, false);
    gate(`boundary-gate-${n}`, "ceiling", boundary.scope, gap(graph.policies[boundary.policy]!.location, "boundary"),
      "Ceiling (asked only when every allowing path is capped): the permissions boundary allows the request.", allows(boundary.policy, false));
  });
  plan.sessions.forEach((session, n) => {
    for (const p of session.policies) denies(p, "session", session.scope, false);
    // session-policy.md §2: a role session without session policies is not capped; a federated user is, by none.
    if (session.policies.length === 0 && !session.federated) return;
    gate(`session-gate-${n}`, "ceiling", session.scope, gap(session.gap, "session"),
      "Ceiling (asked only when every allowing path is capped): some session policy allows the request.",
      session.policies.flatMap((p) => allows(p, false)));
  });
  return out;
}

/** The permits of the grants (capped, same account), in bundle order. */
export function assembleGrants(graph: DecisionGraph, grants: readonly CedarGrant[], uniqueId: (base: string) => string): EmittedPolicy[] {
  const out: EmittedPolicy[] = [];
  grants.forEach((grant, n) => {
    const test = grantTest(graph, grant);
    if (test === FALSE) return;
    const id = uniqueId(`grant-${n}`);
    const head = `permit (principal, action, resource == ${entity(CedarType.key, grant.key)})`;
    // grants.md §3: in the key's account a grant allows on its own (cross-account it opens the key gate only).
    const body = and(relation("principal.account == resource.account"), test);
    const reason: Reason = { policy: `keys[${grant.key}].grants[${grant.grant.name}]`, statement: 0, effect: "Allow", path: "grant", layer: "grant" };
    out.push({ id, role: "grant", capped: true, reason, text: policyText([`// Grant ${asciiOf(JSON.stringify(grant.grant.name))} on this key.`], id, head, "when", body) });
  });
  return out;
}

/** A grant's test without its key: the grantee, the operations, the constraints (grants.md §2). */
export function grantTest(graph: DecisionGraph, grant: CedarGrant): Expr {
  const known = new Set(graph.actions.filter((a) => a.policyAllows).map((a) => a.name));
  const operations = grant.grant.operations.map((op) => `kms:${op}`).filter((name) => known.has(name));
  if (operations.length === 0) return FALSE;
  const who = granteeTest(grant.grant);
  const action = relation(operations.length === 1
    ? `action == ${entity(CedarType.action, actionId(operations[0]!))}`
    : `action in [${operations.map((name) => entity(CedarType.action, actionId(name))).join(", ")}]`);
  // The constraints are evaluated by the encoder into one Boolean (manifest `layers.grants`): an absent value allows nothing.
  const constraints = grant.attribute === undefined ? TRUE : and(relation(contextHas(grant.attribute)), relation(contextAttr(grant.attribute)));
  return and(who, action, constraints);
}

/** grants.md §2 `granteeMatches` (Our rule): exact ARNs; a role also matches its sessions (by name); a service with SourceArn. */
function granteeTest(grant: GraphGrant): Expr {
  const service = grant.granteeServicePrincipal;
  const principal = grant.granteePrincipal;
  if ((service === undefined) === (principal === undefined)) return FALSE;
  if (service !== undefined) {
    // grants.md §1: a service grantee needs a SourceArn constraint (evaluated with the constraints).
    return grant.constraints?.sourceArn !== undefined ? relation(`principal == ${entity(CedarType.service, service)}`) : FALSE;
  }
  if (principal === undefined) return FALSE;
  const named = parseCallerName(principal);
  if (named === undefined || named.kind === "service") return FALSE;
  if (named.kind === "role") {
    const pathless = sessionRoleId(named.partition, named.account, named.roleName);
    return or(relation(`principal == ${entity(CedarType.role, principal)}`), relation(`principal is ${CedarType.session} in ${entity(CedarType.role, pathless)}`));
  }
  const type = { root: CedarType.root, user: CedarType.user, session: CedarType.session, federated: CedarType.federated }[named.kind];
  return relation(`principal == ${entity(type, principal)}`);
}

function policyText(comments: readonly string[], id: string, head: string, clause: "when" | "unless", body: Expr): string {
  const top = `${comments.join("\n")}\n@id("${id}")\n${head}`;
  if (clause === "when") return body === TRUE ? `${top};` : `${top}\nwhen { ${printExpr(body)} };`;
  return body === FALSE ? `${top};` : `${top}\nunless { ${printExpr(body)} };`;
}

function comment(graph: DecisionGraph, s: GraphStatement, layer: Layer): string[] {
  const sid = s.sid === undefined ? "" : ` ${JSON.stringify(s.sid)}`;
  return [`// ${layer.toUpperCase()} ${s.effect}${sid} (statement ${s.statement}) in ${asciiOf(graph.policies[s.policy]!.location)}`];
}

/** One ASCII line (cedar-wasm's formatter overflows on long runs of non-ASCII, cedar-limits.ts). */
function asciiOf(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, " ").replace(/[^\x20-\x7e]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

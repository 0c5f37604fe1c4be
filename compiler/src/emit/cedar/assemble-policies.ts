// Assembles the Cedar policy set from the decision graph with the KMS algebra of DESIGN §3:
//   permits: identity Allows; the same-account direct path of key-policy Allows; the root user;
//   forbids: Deny statements (`deny-*`, explicit), one gate per key `unless { KD ∨ KA }` (`gate-*`,
//   implicit), one cross-account rule (implicit) and one rule for the actions no policy can allow
//   (`grant-only`, implicit: RetireGrant). Phase: emit; source order, deterministic ids.
import type { DecisionGraph, GraphStatement, Reason } from "@kms-cedar/runtime";
import type { PolicyRole } from "@kms-cedar/runtime/cedar-names";
import { ActionGroup, actionId, CedarType, policyEntityId } from "@kms-cedar/runtime/cedar-names";
import { and, FALSE, or, printChain, printConjunct, printDisjunct, printExpr, relation, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { entity, inChunks } from "./cedar-literal.js";
import type { ConditionPlan } from "./plan-conditions.js";
import { emitPrincipal } from "./emit-principal.js";
import { emitTest } from "./emit-test.js";
import type { Effect } from "./emit-test.js";
import { assembleGrants, assembleLayers, grantTest } from "./assemble-layers.js";
import type { CedarLayers } from "./cedar-layers.js";

export interface EmittedPolicy {
  readonly id: string;
  readonly role: PolicyRole;
  readonly reason?: Reason;
  readonly text: string;
  /** An Allow path ceilings cap (docs/cedar-mapping.md "Layers"); set only in a bundle with layers. */
  readonly capped?: boolean;
}

interface Scope {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
}

/** Every policy of the set, in output order; `layers` (cedar-layers.ts) when the graph has layers Cedar places. */
export function assemblePolicies(graph: DecisionGraph, plan: ConditionPlan, layers?: CedarLayers): EmittedPolicy[] {
  const capped = layers === undefined ? {} : { capped: true };
  const actions = new ActionSets(graph);
  const out: EmittedPolicy[] = [];
  const ids = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const tests = (s: GraphStatement, effect: Effect): Expr =>
    and(...s.tests.map((n) => emitTest(plan.strategies.get(n)!, effect, plan.views)));

  graph.policies.forEach((policy, p) => {
    if (policy.layer !== undefined) return; // assembleLayers
    const statements = graph.statements.filter((s) => s.policy === p);
    const keyArns = Object.keys(graph.keys).filter((arn) => graph.keys[arn] === p);
    const onKeys = keyResource(keyArns);
    const gate: string[] = [];
    for (const s of statements) {
      const reason = reasonOf(graph, s);
      const comment = commentOf(graph, s);
      const base = `p${p}-s${s.statement}`;
      if (policy.kind === "identity") {
        const names = s.actions;
        if (names.length === 0) continue;
        const scope = { principal: `principal in ${entity(CedarType.policy, policyEntityId(policy.location))}`, action: actions.scope(names), resource: "resource" };
        const role = s.effect === "Deny" ? "deny" : "allow";
        const id = uniqueId(`${role}-${base}`);
        out.push({ id, role, reason, ...(role === "allow" ? capped : {}), text: policyText(comment, id, s.effect === "Deny" ? "forbid" : "permit", scope, tests(s, s.effect)) });
        continue;
      }
      // A key policy is consulted only for the key-policy actions on its own key (spec §5.4).
      const names = s.actions.filter((a) => actions.keyPolicy.has(a));
      if (names.length === 0 || s.principal === undefined || keyArns.length === 0) continue;
      const terms = emitPrincipal(graph.nodes[s.principal] as Parameters<typeof emitPrincipal>[0]);
      const action = actions.scope(names);
      if (s.effect === "Deny") {
        // A key-policy Deny applies when it names the caller directly or names its account (A22).
        const who = or(terms.direct, terms.account);
        const id = uniqueId(`deny-${base}`);
        const { scope, rest } = principalScope(who, action, onKeys.scope);
        out.push({ id, role: "deny", reason, text: policyText(comment, id, "forbid", scope, and(rest, onKeys.test, tests(s, "Deny"))) });
        continue;
      }
      const body = tests(s, "Allow");
      // AWS: §5.3 fact 5 — naming the caller directly grants it in the key's own account. With layers the
      // uncapped forms (KDfree) and the capped ones (KDcap) are two permits (permission-boundary.md §3).
      const directs = layers === undefined ? [{ who: terms.direct, suffix: "", cap: {} }]
        : [{ who: terms.free, suffix: "", cap: {} }, { who: terms.capped, suffix: "-capped", cap: capped }];
      for (const { who, suffix, cap } of directs) {
        if (who === FALSE) continue;
        const id = uniqueId(`allow-${base}${suffix}`);
        const { scope, rest } = principalScope(who, action, onKeys.scope);
        const same = relation("principal.account == resource.account");
        out.push({ id, role: "allow", reason, ...cap, text: policyText(comment, id, "permit", scope, and(rest, onKeys.test, same, body)) });
      }
      const disjunct = and(or(terms.direct, terms.account), actions.test(names), body);
      const conjunction = disjunct.kind === "and" ? `(${printExpr(disjunct)})` : printDisjunct(disjunct);
      gate.push(`${commentOf(graph, s, false).map((c) => `\n  ${c}\n  `).join("")}${conjunction}`);
    }
    if (policy.kind === "key" && keyArns.length > 0) {
      // grants.md §3: a grant on the key opens the key side as a key-policy statement naming the caller does.
      for (const grant of layers?.grants ?? []) {
        if (!keyArns.includes(grant.key)) continue;
        const disjunct = and(relation(`resource == ${entity(CedarType.key, grant.key)}`), grantTest(graph, grant));
        if (disjunct !== FALSE) gate.push(`\n  // Grant ${JSON.stringify(grant.grant.name).replace(/[^\x20-\x7e]/gu, "?")}\n  (${printExpr(disjunct)})`);
      }
      const id = uniqueId(`gate-p${p}`);
      const comment = ["// Gate: denied unless this key's policy names the caller or its account (KD or KA)."];
      const scope = { principal: "principal", action: `action in ${entity(CedarType.action, ActionGroup.keyPolicy)}`, resource: onKeys.scope };
      const body = gate.length === 0 ? "false" : printChain(gate, " ||");
      const extra = onKeys.test === TRUE ? "" : `${printConjunct(onKeys.test)} && `;
      out.push({ id, role: "gate", text: `${comment.join("\n")}\n@id("${id}")\nforbid (${scope.principal}, ${scope.action}, ${scope.resource})\nunless { ${extra === "" ? body : `${extra}(${body})`} };` });
    }
  });
  if (layers !== undefined) {
    out.push(...assembleGrants(graph, layers.grants, uniqueId));
    out.push(...assembleLayers(graph, plan, layers, uniqueId));
  }
  out.push({
    id: uniqueId("cross-account"),
    role: "cross-account",
    text: `// A caller from another account can only use the cross-account actions (spec §5.4).\n@id("cross-account")\n` +
      `forbid (principal, action in ${entity(CedarType.action, ActionGroup.singleAccount)}, resource)\nwhen { principal.account != resource.account };`,
  });
  const grantOnly = graph.actions.filter((a) => !a.policyAllows).map((a) => entity(CedarType.action, actionId(a.name)));
  if (grantOnly.length > 0) {
    // AWS: §5.4, seed 004 — "A policy alone cannot allow access to this operation" (RetireGrant).
    // DEVIATION: §5.4, §5.7 — grants are not modelled, so no permit may allow it; Deny forbids still say ExplicitDeny.
    const scope = grantOnly.length === 1 ? `action == ${grantOnly[0]}` : `action in [${grantOnly.join(", ")}]`;
    out.push({
      id: uniqueId("grant-only"),
      role: "grant-only",
      text: `// Only a grant can allow these actions (spec §5.4); grants are not modelled, so no policy allows them.
` +
        `@id("grant-only")
forbid (principal, ${scope}, resource);`,
    });
  }
  out.push({
    id: uniqueId("root"),
    role: "root",
    text: `// The root user's identity side counts as allowed (spec §5.3); key policies still decide through the gates.\n` +
      `@id("root")\npermit (principal is ${CedarType.root}, action, resource);`,
  });
  return out;
}

/** Catalog action sets and how to write a statement's actions. */
export class ActionSets {
  readonly all: readonly string[];
  readonly keyPolicy: ReadonlySet<string>;

  constructor(graph: DecisionGraph) {
    this.all = graph.actions.map((a) => a.name);
    this.keyPolicy = new Set(graph.actions.filter((a) => a.keyPolicy).map((a) => a.name));
  }

  scope(names: readonly string[]): string {
    if (names.length === this.all.length) return "action";
    if (names.length === this.keyPolicy.size && names.every((n) => this.keyPolicy.has(n))) {
      return `action in ${entity(CedarType.action, ActionGroup.keyPolicy)}`;
    }
    const list = names.map((n) => entity(CedarType.action, actionId(n)));
    return list.length === 1 ? `action == ${list[0]}` : `action in [${list.join(", ")}]`;
  }

  /** The action test of a key-policy statement inside its gate (whose scope is all key-policy actions). */
  test(names: readonly string[]): Expr {
    const scope = this.scope(names);
    return scope.startsWith(`action in ${entity(CedarType.action, ActionGroup.keyPolicy)}`) ? TRUE : relation(scope);
  }
}

/** `resource == Kms::Key::"K"` for a key policy's key (a scope), or a test when several keys share it. */
export function keyResource(arns: readonly string[]): { scope: string; test: Expr } {
  if (arns.length === 1) return { scope: `resource == ${entity(CedarType.key, arns[0]!)}`, test: TRUE };
  const runs = inChunks(arns.map((a) => entity(CedarType.key, a)));
  return { scope: `resource is ${CedarType.key}`, test: or(...runs.map((run) => relation(`resource in [${run.join(", ")}]`))) };
}

/** Moves a single `principal in E` / `principal == E` into the scope. */
function principalScope(who: Expr, action: string, resource: string): { scope: Scope; rest: Expr } {
  if (who === TRUE) return { scope: { principal: "principal", action, resource }, rest: TRUE };
  if (who.kind === "leaf" && /^principal (in|==) [A-Za-z:]+::"/.test(who.text) && !who.text.includes("[")) {
    return { scope: { principal: who.text, action, resource }, rest: TRUE };
  }
  return { scope: { principal: "principal", action, resource }, rest: who };
}

function policyText(comment: readonly string[], id: string, effect: "permit" | "forbid", scope: Scope, body: Expr): string {
  const head = `${comment.join("\n")}\n@id("${id}")\n${effect} (${scope.principal}, ${scope.action}, ${scope.resource})`;
  return body === TRUE ? `${head};` : `${head}\nwhen { ${printExpr(body)} };`;
}

/** The reason a policy emitted for statement `s` gives (the statement as the graph names it). */
export function reasonOf(graph: DecisionGraph, s: GraphStatement): Reason {
  return {
    policy: graph.policies[s.policy]!.location,
    statement: s.statement,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.effect,
    ...(s.span !== undefined ? { span: s.span } : {}),
  };
}

/** `// Allow "Sid" (statement 0) in keys[ARN], file line 5` — one ASCII line, safe for a Cedar comment. */
function commentOf(graph: DecisionGraph, s: GraphStatement, withLocation = true): string[] {
  const policy = graph.policies[s.policy]!;
  const sid = s.sid === undefined ? "" : ` ${JSON.stringify(s.sid)}`;
  const file = policy.file === undefined || policy.file.startsWith("<") ? "" : `${policy.file} `;
  const line = s.span?.line === undefined ? "" : `${file}line ${s.span.line}`;
  const where = [withLocation ? ` in ${policy.location}` : "", line === "" ? "" : `, ${line}`].join("");
  // Non-ASCII is escaped: cedar-wasm's formatter overflows on a long run of it (cedar-limits.ts).
  const text = `// ${s.effect}${sid} (statement ${s.statement})${where}`.replace(/[\r\n\u2028\u2029]/g, " ");
  return [text.replace(/[^\x20-\x7e]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`)];
}

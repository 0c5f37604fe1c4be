// The principal ARNs a graph's bundle names, wherever it names them (docs/request-model.md "The caller",
// KR0012): the `principals` entries (identity policies), the Principal elements of key, endpoint and RCP
// policies (principal nodes, and `droppedPrincipals` for the statements the compiler left out), and the
// layers (boundaries, session policies, `federatedBy`, grantees and retiring principals). Read by the
// graph evaluator and, through the compiler, written into the Cedar manifest (`namedRoles`).
import type { DecisionGraph } from "./graph-types.js";

/** Every principal string the graph holds, in graph order, repeats included (bare account ids too). */
export function graphPrincipalArns(graph: DecisionGraph): string[] {
  const out = Object.keys(graph.principals);
  for (const node of graph.nodes) if (node.kind === "principal") out.push(...node.aws);
  out.push(...(graph.droppedPrincipals ?? []));
  const layers = graph.layers;
  if (layers === undefined) return out;
  for (const [arn, entry] of Object.entries(layers.principals)) {
    out.push(arn);
    if (entry.federatedBy !== undefined) out.push(entry.federatedBy);
  }
  for (const key of Object.values(layers.keys)) {
    for (const grant of key.grants ?? []) {
      if (grant.granteePrincipal !== undefined) out.push(grant.granteePrincipal);
      if (grant.retiringPrincipal !== undefined) out.push(grant.retiringPrincipal);
    }
  }
  return out;
}

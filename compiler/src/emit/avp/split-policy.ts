// Splits a Cedar policy (JSON form) that is over AVP's policy size quota into parts whose union
// decides exactly as it does: permits are ORed and so are forbids, so a policy that applies when
// X ∨ Y becomes one for X and one for Y. Three exact rewrites, tried in this order:
//   `when { A && (B || C) && D }`  → `when { A && B && D }`, `when { A && C && D }` (distributivity);
//   `unless { A && B }`            → `unless { A }`, `unless { B }` (¬(A ∧ B) = ¬A ∨ ¬B);
//   `action in [a, b, …]`          → one part per half of the list.
// Each part keeps the other conjuncts in their order (so every has-guard still precedes what it
// guards); emit-avp strictly validates every part again. Returns undefined when no rewrite applies.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** Two policies that together decide as `policy` does, or undefined when none of the rewrites applies. */
export function splitPolicy(policy: Obj): [Obj, Obj] | undefined {
  const conditions = policy["conditions"] as Obj[] | undefined;
  if (Array.isArray(conditions) && conditions.length === 1) {
    const [clause] = conditions as [Obj];
    const conjuncts = flatten(clause["body"]!, "&&");
    if (clause["kind"] === "when") {
      // The largest disjunctive conjunct gives the most even halves.
      let best = -1;
      conjuncts.forEach((c, i) => {
        if (flatten(c, "||").length >= 2 && (best < 0 || size(c) > size(conjuncts[best]!))) best = i;
      });
      if (best >= 0) {
        const [left, right] = halves(flatten(conjuncts[best]!, "||"));
        const part = (d: Json[]): Obj => withBody(policy, clause, join(conjuncts.map((c, i) => (i === best ? join(d, "||") : c)), "&&"));
        return [part(left), part(right)];
      }
    } else if (conjuncts.length >= 2) {
      const [left, right] = halves(conjuncts);
      return [withBody(policy, clause, join(left, "&&")), withBody(policy, clause, join(right, "&&"))];
    }
  }
  const action = policy["action"] as Obj | undefined;
  if (action?.["op"] === "in" && Array.isArray(action["entities"]) && action["entities"].length >= 2) {
    const [left, right] = halves(action["entities"]);
    const scoped = (list: Json[]): Obj => ({ ...policy, action: list.length === 1 ? { op: "==", entity: list[0]! } : { op: "in", entities: list } });
    return [scoped(left), scoped(right)];
  }
  return undefined;
}

/** The operands of a left- or right-nested chain of `op`. */
function flatten(e: Json, op: "&&" | "||"): Json[] {
  if (e !== null && typeof e === "object" && !Array.isArray(e) && op in e) {
    const { left, right } = e[op] as { left: Json; right: Json };
    return [...flatten(left, op), ...flatten(right, op)];
  }
  return [e];
}

function join(operands: readonly Json[], op: "&&" | "||"): Json {
  return operands.reduce((acc, e) => ({ [op]: { left: acc, right: e } }));
}

/** Splits a list in two at the point that balances their JSON sizes best (both non-empty). */
function halves(list: readonly Json[]): [Json[], Json[]] {
  const total = list.reduce<number>((n, e) => n + size(e), 0);
  let acc = 0;
  let cut = 1;
  for (let i = 0; i < list.length - 1; i++) {
    acc += size(list[i]!);
    cut = i + 1;
    if (acc * 2 >= total) break;
  }
  return [list.slice(0, cut), list.slice(cut)];
}

function withBody(policy: Obj, clause: Obj, body: Json): Obj {
  return { ...policy, conditions: [{ ...clause, body }] };
}

function size(e: Json): number {
  return JSON.stringify(e).length;
}

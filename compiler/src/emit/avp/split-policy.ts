// Splits a Cedar policy (AVP profile text, read into its parts) that is over AVP's policy size quota
// into two whose union decides exactly as it does: permits are ORed and so are forbids, so a policy
// that applies when X ∨ Y becomes one for X and one for Y. Three exact rewrites, in this order:
//   `when { A && (B || C) && D }`  → `when { A && B && D }`, `when { A && C && D }` (distributivity);
//   `unless { A && B }`            → `unless { A }`, `unless { B }` (¬(A ∧ B) = ¬A ∨ ¬B);
//   `action in [a, b, …]`          → one part per half of the list.
// Each part keeps the other conjuncts in their order (every has-guard still precedes what it guards);
// a conjunct holding a top-level `if` is never split. emit-avp strictly validates both parts before
// it accepts them. Returns undefined when no rewrite applies.
import { hasTopLevelWord, isWrapped, splitTopLevel } from "./cedar-text.js";
import { operands } from "./avp-policy.js";
import type { AvpPolicyParts } from "./avp-policy.js";

/** Two policies that together decide as `policy` does, or undefined when none of the rewrites applies. */
export function splitPolicy(policy: AvpPolicyParts): [AvpPolicyParts, AvpPolicyParts] | undefined {
  const condition = policy.condition;
  if (condition !== undefined && !hasTopLevelWord(condition.body, "if")) {
    const conjuncts = operands(condition.body, "&&");
    if (condition.kind === "when") {
      // The largest disjunctive conjunct gives the most even halves.
      let best = -1;
      conjuncts.forEach((c, i) => {
        if (!hasTopLevelWord(c, "if") && operands(c, "||").length >= 2 && (best < 0 || c.length > conjuncts[best]!.length)) best = i;
      });
      if (best >= 0) {
        const [left, right] = halves(operands(conjuncts[best]!, "||"));
        const part = (d: string[]): AvpPolicyParts => ({
          ...policy, condition: { kind: "when", body: conjuncts.map((c, i) => (i === best ? group(d, "||") : group([c], "&&"))).join(" && ") },
        });
        return [part(left), part(right)];
      }
    } else if (conjuncts.length >= 2) {
      const [left, right] = halves(conjuncts);
      return [
        { ...policy, condition: { kind: "unless", body: left.map((c) => group([c], "&&")).join(" && ") } },
        { ...policy, condition: { kind: "unless", body: right.map((c) => group([c], "&&")).join(" && ") } },
      ];
    }
  }
  const list = /^action\s+in\s+\[([\s\S]*)\]$/.exec(policy.action.trim());
  if (list !== null) {
    const actions = splitTopLevel(list[1]!, ",").filter((a) => a !== "");
    if (actions.length >= 2) {
      const [left, right] = halves(actions);
      const scoped = (l: string[]): AvpPolicyParts => ({ ...policy, action: l.length === 1 ? `action == ${l[0]}` : `action in [${l.join(", ")}]` });
      return [scoped(left), scoped(right)];
    }
  }
  return undefined;
}

/** Operands joined by `op`, each and the whole in parentheses (so precedence never changes where they land). */
function group(items: readonly string[], op: "&&" | "||"): string {
  const wrap = (x: string): string => (isWrapped(x) ? x : `(${x})`);
  return items.length === 1 ? wrap(items[0]!) : `(${items.map(wrap).join(` ${op} `)})`;
}

/** Splits a list in two at the point that balances their text sizes best (both non-empty). */
function halves(list: readonly string[]): [string[], string[]] {
  const total = list.reduce((n, e) => n + e.length, 0);
  let acc = 0;
  let cut = 1;
  for (let i = 0; i < list.length - 1; i++) {
    acc += list[i]!.length;
    cut = i + 1;
    if (acc * 2 >= total) break;
  }
  return [list.slice(0, cut), list.slice(cut)];
}

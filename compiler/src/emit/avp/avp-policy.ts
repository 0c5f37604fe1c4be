// One emitted Cedar policy in the AVP profile's form, as text: comments and annotations dropped
// (AVP names policies itself; the description says where each comes from), entity types renamed
// into the profile's namespace (runtime AVP_TYPE), read into its parts (effect, scope, condition)
// so that emit-avp can measure it and split-policy can split it. Every result is strictly
// validated by emit-avp against the renamed schema, so a missed name is a KC9311 bug report.
import { AVP_TYPE } from "@kms-cedar/runtime/avp";
import { isWrapped, segments, splitTopLevel } from "./cedar-text.js";

export interface AvpPolicyParts {
  readonly effect: "permit" | "forbid";
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The one `when` / `unless` clause, if any (the emitter writes at most one). */
  readonly condition?: { readonly kind: "when" | "unless"; readonly body: string };
}

const TYPE_NAME = /(?<![A-Za-z0-9_:])([A-Z][A-Za-z0-9_]*::[A-Z][A-Za-z0-9_]*)(?![A-Za-z0-9_])/g;
const ANNOTATION = /@[A-Za-z_][A-Za-z0-9_]*\s*\(\s*$/;

/** The policy text with comments and annotations dropped and every entity type renamed. */
export function renamePolicyText(text: string): string {
  const parts = segments(text);
  let out = "";
  let closeAnnotation = false;
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i]!;
    if (s.kind === "string") {
      out += s.text;
      continue;
    }
    let code = s.text.replace(/\s+/g, " ");
    if (closeAnnotation) code = code.replace(/^\s*\)/, ""), (closeAnnotation = false);
    // `@id("…")`: its opening ends this segment, its string is next (dropped), its `)` opens the one after.
    const open = ANNOTATION.exec(code);
    if (open !== null && parts[i + 1]?.kind === "string" && /^\s*\)/.test(parts[i + 2]?.text ?? "")) {
      code = code.slice(0, open.index);
      i += 1;
      closeAnnotation = true;
    }
    out += code.replace(TYPE_NAME, (name: string) => AVP_TYPE[name] ?? name);
  }
  return out.trim();
}

/** Reads a renamed policy (`effect (p, a, r) [when|unless { … }];`) into its parts. */
export function readPolicy(text: string): AvpPolicyParts {
  const m = /^(permit|forbid)\s*\(/.exec(text);
  if (m === null || !text.endsWith(";")) throw new Error(`INVARIANT: not an emitted policy: ${text.slice(0, 80)}`);
  const rest = text.slice(m[0].length - 1, -1).trim();
  // The scope is the first wrapped group; what follows is the condition clause.
  const close = scopeEnd(rest);
  const scope = splitTopLevel(rest.slice(1, close), ",");
  if (scope.length !== 3) throw new Error("INVARIANT: a policy scope has three parts");
  const tail = rest.slice(close + 1).trim();
  const clause = /^(when|unless)\s*\{([\s\S]*)\}$/.exec(tail);
  if (tail !== "" && clause === null) throw new Error(`INVARIANT: one when/unless clause expected: ${tail.slice(0, 80)}`);
  return {
    effect: m[1] as "permit" | "forbid", principal: scope[0]!, action: scope[1]!, resource: scope[2]!,
    ...(clause !== null ? { condition: { kind: clause[1] as "when" | "unless", body: clause[2]!.trim() } } : {}),
  };
}

/** The policy text of its parts. */
export function printPolicy(p: AvpPolicyParts): string {
  const head = `${p.effect} (${p.principal}, ${p.action}, ${p.resource})`;
  return p.condition === undefined ? `${head};` : `${head} ${p.condition.kind} { ${p.condition.body} };`;
}

/** The operands of `text` joined at its top level by `op`, unwrapping one pair of parentheses around the whole. */
export function operands(text: string, op: "&&" | "||"): string[] {
  const t = text.trim();
  const pieces = splitTopLevel(t, op);
  if (pieces.length > 1) return pieces;
  return isWrapped(t) ? operands(t.slice(1, -1), op) : [t];
}

/** The resource entity the scope names (`Kms::Key::"arn"`), or undefined for the unspecified resource. */
export function scopedResource(resource: string): string | undefined {
  const m = /(?:==|\bin)\s+([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*::"(?:[^"\\]|\\.)*")\s*$/.exec(resource);
  return m === null ? undefined : m[1];
}

function scopeEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  throw new Error("INVARIANT: unclosed policy scope");
}

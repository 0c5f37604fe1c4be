// Sample requests that follow what was pasted: for each statement, a request it should apply to (its
// principal, one of its actions, the attached key or a bundle key, a context meeting its conditions),
// and requests that miss it (a condition not met, another caller, an action it does not name). Each is
// then decided by the reference evaluator and labelled with the decision it actually gets, so a label
// never claims what the engines do not say. Heuristic by design: a sample is a starting point to edit.
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { type Bundle, type DecisionGraph, type DecisionResult, type GraphNode, type GraphValue, type Request } from "@kms-cedar/runtime";

export interface SampleRequest {
  /** `Allow: …`, `ExplicitDeny: …`, `ImplicitDeny: …` or `error KRxxxx: …`, from the reference's answer. */
  readonly label: string;
  readonly text: string;
  /** The reference's decision (or error code), for tests and the page. */
  readonly outcome: string;
}

/** What the samples need from an analysis. */
export interface SampleSource {
  readonly graph: DecisionGraph;
  readonly bundle: Bundle;
  /** The pasted text: context keys are spelled as it spells them (the graph keeps them lower-cased). */
  readonly text?: string;
}

/** Keys AWS derives from the caller: a context may not give them another value (KR0009), so samples never set them. */
const DERIVED_KEYS = new Set([
  "aws:principalarn", "aws:principalaccount", "kms:calleraccount", "aws:username", "aws:userid",
  "aws:principaltype", "aws:principalisawsservice", "aws:principalservicename", "aws:resourceaccount",
]);

/** Actions a sample prefers, when the statement names them, so samples read like everyday use. */
const PREFERRED = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:ListAliases", "kms:CreateKey", "kms:ListKeys"];

const OTHER_ACCOUNT_CALLER = "arn:aws:iam::444455556666:role/Outsider";
const MAX_SAMPLES = 8;
/** Statements of each effect a sample is made from (each sample is decided by the reference evaluator). */
const STATEMENTS_SAMPLED = 6;

/** Requests for `source`, Allow first, then the denies, then errors; at most eight, no two alike. */
export function sampleRequests(source: SampleSource): SampleRequest[] {
  const candidates: { note: string; request: Request }[] = [];
  const { graph } = source;
  const spell = spelling(source.text);
  for (const index of statementsToSample(graph)) {
    const statement = graph.statements[index];
    const base = statement !== undefined ? baseRequest(graph, index) : undefined;
    if (statement === undefined) continue;
    if (base === undefined) continue;
    const name = statement.sid !== undefined ? `"${statement.sid}"` : `statement ${statement.statement}`;
    const context = satisfyingContext(graph, statement.tests, spell);
    candidates.push({ note: `${name} applies`, request: withContext(base, context) });
    // The same request with each condition of the statement missed in turn: what the condition guards.
    for (const test of statement.tests) {
      const node = graph.nodes[test];
      if (node?.kind !== "condition" || DERIVED_KEYS.has(node.key)) continue;
      const key = spell(node.key);
      const missed = Object.assign(Object.create(null) as Record<string, string | string[]>, context);
      delete missed[key];
      const other = missingValue(node);
      if (other !== undefined) missed[key] = other;
      candidates.push({ note: `${name} with its ${node.base} on ${key} not met`, request: withContext(base, missed) });
      break;
    }
    // Another caller (key policies: one of another account), and an action the statement does not name.
    const policy = graph.policies[statement.policy];
    if (policy?.kind === "key" && statement.effect === "Allow") {
      candidates.push({ note: `${name} for a caller of another account`, request: withContext({ ...base, principal: OTHER_ACCOUNT_CALLER }, context) });
    }
    const fits = graph.actions.filter((a) => a.target === targetOf(base.resource) && !statement.actions.includes(a.name)).map((a) => a.name);
    const unnamed = PREFERRED.find((n) => fits.includes(n)) ?? fits[0];
    if (unnamed !== undefined) candidates.push({ note: `${unnamed}, which ${name} does not name`, request: withContext({ ...base, action: unnamed }, context) });
  }
  const seen = new Set<string>();
  const decided: (SampleRequest & { rank: number })[] = [];
  for (const { note, request } of candidates) {
    const text = JSON.stringify(request, null, 2);
    if (seen.has(text)) continue;
    seen.add(text);
    const outcome = outcomeOf(safeDecide(source.bundle, request));
    // KR0004: an identity policy alone cannot decide a key action; say what would.
    // KR0012: a role ARN as caller the input makes ambiguous; the fix is in the request.
    const hint = outcome === "error KR0004" ? " (the input has no policy for this key: paste a bundle with the key policy to decide key actions)"
      : outcome === "error KR0012" ? " (the input names a session of this role, or the role under another path: give a session ARN as principal)" : "";
    decided.push({ label: `${outcome}: ${note}${hint}`, text, outcome, rank: RANK.get(outcome) ?? 3 });
  }
  // The first request of each outcome, then the others in order: both ways show even for many statements.
  const outcomes = new Set<string>();
  const picked = decided.filter((d) => !outcomes.has(d.outcome) && outcomes.add(d.outcome) !== undefined);
  const all = [...picked, ...decided.filter((d) => !picked.includes(d))].slice(0, MAX_SAMPLES);
  return all.sort((a, b) => a.rank - b.rank).map(({ label, text, outcome }) => ({ label, text, outcome }));
}

/** The first Allow and the first Deny statements, in source order: a large input gets samples in little time. */
function statementsToSample(graph: DecisionGraph): number[] {
  const allow: number[] = [];
  const deny: number[] = [];
  graph.statements.forEach((s, i) => {
    const list = s.effect === "Allow" ? allow : deny;
    if (list.length < STATEMENTS_SAMPLED) list.push(i);
  });
  return [...allow, ...deny].sort((a, b) => a - b);
}

const RANK: ReadonlyMap<string, number> = new Map([["Allow", 0], ["ExplicitDeny", 1], ["ImplicitDeny", 2]]);

function safeDecide(bundle: Bundle, request: Request): DecisionResult {
  try {
    return evaluateReference(bundle, request);
  } catch (failure) {
    return { error: { code: "internal", message: failure instanceof Error ? failure.message : String(failure) } };
  }
}

function outcomeOf(result: DecisionResult): string {
  return "error" in result ? `error ${result.error.code}` : result.decision;
}

function withContext(request: Omit<Request, "context">, context: Record<string, string | string[]>): Request {
  return { principal: request.principal, action: request.action, resource: request.resource, context };
}

function targetOf(resource: string): "key" | "none" | "alias" {
  if (resource === "*" || resource.endsWith(":*")) return "none";
  return resource.includes(":alias/") ? "alias" : "key";
}

/** The principal, action and resource a statement applies to, or `undefined` when none can be found. */
function baseRequest(graph: DecisionGraph, index: number): Omit<Request, "context"> | undefined {
  const statement = graph.statements[index];
  const policy = statement !== undefined ? graph.policies[statement.policy] : undefined;
  if (statement === undefined || policy === undefined) return undefined;
  if (policy.kind === "key") {
    const principal = keyPolicyCaller(graph, statement.principal, policy.owner);
    const action = pickAction(graph, statement.actions, "key");
    return principal !== undefined && action !== undefined ? { principal, action, resource: policy.owner } : undefined;
  }
  // An identity policy: a key of the bundle for key actions, else no specific resource.
  const keys = Object.keys(graph.keys);
  const keyAction = keys.length > 0 ? pickAction(graph, statement.actions, "key") : undefined;
  if (keyAction !== undefined) return { principal: policy.owner, action: keyAction, resource: keyFor(graph, statement.tests, keys) };
  const none = pickAction(graph, statement.actions, "none");
  if (none !== undefined) return { principal: policy.owner, action: none, resource: "*" };
  // Only key actions and no key in the input: the request names a key the input has no policy for.
  const any = pickAction(graph, statement.actions, "key");
  return any !== undefined ? { principal: policy.owner, action: any, resource: exampleKey(policy.owner) } : undefined;
}

function pickAction(graph: DecisionGraph, names: readonly string[], target: "key" | "none"): string | undefined {
  const fits = new Set(graph.actions.filter((a) => a.target === target && a.policyAllows).map((a) => a.name));
  return PREFERRED.find((n) => names.includes(n) && fits.has(n)) ?? names.find((n) => fits.has(n));
}

/** A caller a key-policy statement names: its first ARN, the root of its first account, a service, or one of the key's account. */
function keyPolicyCaller(graph: DecisionGraph, principalNode: number | undefined, key: string): string | undefined {
  const node = principalNode !== undefined ? graph.nodes[principalNode] : undefined;
  const account = /^arn:[^:]+:kms:[^:]*:(\d{12}):/.exec(key)?.[1] ?? "111122223333";
  if (node?.kind !== "principal" || node.any) return `arn:aws:iam::${account}:role/Example`;
  const concrete = node.aws.find((v) => !v.includes("*") && !v.includes("?"));
  if (concrete !== undefined) return /^\d{12}$/.test(concrete) ? `arn:aws:iam::${concrete}:root` : concrete;
  return node.service[0];
}

/** The first bundle key whose ARN one of the statement's Resource patterns matches (a plain `*` match is enough). */
function keyFor(graph: DecisionGraph, tests: readonly number[], keys: readonly string[]): string {
  const resource = tests.map((t) => graph.nodes[t]).find((n): n is Extract<GraphNode, { kind: "resource" }> => n?.kind === "resource");
  if (resource === undefined || resource.negated) return keys[0] ?? "*";
  const patterns = resource.patterns.filter((p): p is string => typeof p === "string").map(wildcardRegex);
  return keys.find((k) => patterns.some((p) => p.test(k))) ?? keys[0] ?? "*";
}

function exampleKey(owner: string): string {
  const account = /:(\d{12}):/.exec(owner)?.[1] ?? "111122223333";
  return `arn:aws:kms:us-west-2:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
}

function wildcardRegex(pattern: string): RegExp {
  const source = Array.from(pattern, (ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`);
}

/** A context meeting each condition of `tests` that samples can set (never a key derived from the caller). */
function satisfyingContext(graph: DecisionGraph, tests: readonly number[], spell: (key: string) => string): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const test of tests) {
    const node = graph.nodes[test];
    if (node?.kind !== "condition" || DERIVED_KEYS.has(node.key) || spell(node.key) in context) continue;
    const value = meetingValue(node);
    if (value !== undefined) context[spell(node.key)] = node.qualifier !== undefined ? [value] : value;
  }
  return context;
}

/** The spelling of a lower-cased condition key as the text first writes it (as a JSON string), else as it is. */
function spelling(text: string | undefined): (key: string) => string {
  const lower = text?.toLowerCase();
  const cache = new Map<string, string>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const at = lower?.indexOf(JSON.stringify(key)) ?? -1;
    // Same length after lower-casing only for ASCII keys, which condition keys are; check before trusting it.
    const found = text !== undefined && at >= 0 ? (JSON.parse(text.slice(at, at + JSON.stringify(key).length)) as unknown) : undefined;
    const spelled = typeof found === "string" && found.toLowerCase() === key ? found : key;
    cache.set(key, spelled);
    return spelled;
  };
}

type Condition = Extract<GraphNode, { kind: "condition" }>;

/** A value the condition holds for (`undefined`: leave the key out, which the negated operators and IfExists accept). */
function meetingValue(node: Condition): string | undefined {
  const first = node.values.map(plain).find((v) => v !== undefined);
  const base = node.base;
  if (base === "Null") return first === "false" ? "example" : undefined;
  if (base.includes("Not") || node.ifExists || first === undefined) return undefined;
  if (base.startsWith("Numeric")) return shiftNumber(first, base);
  if (base.startsWith("Date")) return shiftDate(first, base);
  if (base === "IpAddress") return first.replace(/\/\d+$/, "");
  if (base.includes("Like") || base.startsWith("Arn")) return first.replace(/[*?]/g, "x");
  return first;
}

/** A value the condition does not hold for, or `undefined` to leave the key out. */
function missingValue(node: Condition): string | undefined {
  const first = node.values.map(plain).find((v) => v !== undefined);
  if (node.base === "Null") return first === "true" ? "example" : undefined;
  if (node.base.includes("Not") && first !== undefined) return meetingValue({ ...node, base: node.base.replace("Not", "") });
  if (node.base === "Bool") return first === "true" ? "false" : "true";
  if (node.base.startsWith("String") || node.base.startsWith("Arn")) return `not-${first ?? "it"}`;
  return undefined;
}

function plain(value: GraphValue): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function shiftNumber(text: string, base: string): string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  return base === "NumericLessThan" ? String(n - 1) : base === "NumericGreaterThan" ? String(n + 1) : text;
}

function shiftDate(text: string, base: string): string {
  const t = Date.parse(text);
  if (Number.isNaN(t)) return text;
  const day = 86_400_000;
  if (base === "DateLessThan") return new Date(t - day).toISOString();
  if (base === "DateGreaterThan") return new Date(t + day).toISOString();
  return text;
}

// The callers worth asking about: one per class of callers that no test of either graph can tell
// apart (docs/request-model.md "The caller"). Principals are tested only through exact ARN strings
// (key-policy Principal nodes, bundle lookup, literal aws:PrincipalArn values), role keys
// (partition:account:name), accounts and partitions (root ARNs, bare ids, the key's account, the
// account-derived keys) and the caller kind; so every kind in every (partition, account class) with
// a fresh name, plus every ARN and service mentioned, covers every class. Accounts are the regions
// of the account tests over 12-digit strings (string-regions.ts), so patterns on kms:CallerAccount
// are exact too.
import { DERIVED_KEYS, parseCaller } from "@kms-cedar/runtime";
import type { ConditionNode, DecisionGraph } from "@kms-cedar/runtime";
import { domainNfa, literalNfa } from "../atoms/pattern-nfa.js";
import { stringRegions } from "../atoms/string-regions.js";
import { AnalysisCode, refuse } from "../diagnostics.js";
import { plainValues } from "./graph-tests.js";
import { familyOf, stringPattern } from "./key-dimension.js";

/** Keys whose value is an account id derived from the caller or the resource. */
export const ACCOUNT_KEYS = new Set(["aws:principalaccount", "kms:calleraccount", "aws:resourceaccount"]);
/** Keys whose value is a function of the caller kind alone (any operator is exact on them). */
const KIND_KEYS = new Set(["aws:principaltype", "aws:principalisawsservice"]);
/** Keys derived from the caller's name: only literal (wildcard-free) tests are accepted, and their values become callers. */
const NAME_KEYS = new Set(["aws:principalarn", "aws:username", "aws:userid", "aws:principalservicename"]);

export interface Mentions {
  readonly partitions: Set<string>;
  readonly accounts: Set<string>;
  readonly regions: Set<string>;
  readonly arns: Set<string>;
  readonly services: Set<string>;
  readonly userNames: Set<string>;
  readonly federated: Set<string>;
}

export function emptyMentions(): Mentions {
  return { partitions: new Set(["aws"]), accounts: new Set(), regions: new Set(), arns: new Set(), services: new Set(), userNames: new Set(), federated: new Set() };
}

const ACCOUNT_RE = /^\d{12}$/;

/** Notes the partition, account and Region of an ARN-like string (literal parts only). */
export function noteArn(m: Mentions, arn: string): void {
  const parts = arn.split(":");
  if (parts.length < 5 || parts[0] !== "arn") return;
  if (/^[a-z][a-z0-9-]*$/.test(parts[1]!)) m.partitions.add(parts[1]!);
  if (/^[a-z0-9-]+$/.test(parts[3]!)) m.regions.add(parts[3]!);
  if (ACCOUNT_RE.test(parts[4]!)) m.accounts.add(parts[4]!);
}

/** Collects the principals, accounts and partitions the graphs name, and checks the caller-derived key tests. */
export function collectMentions(graphs: readonly DecisionGraph[], conditions: ReadonlyMap<string, readonly ConditionNode[]>, m = emptyMentions()): Mentions {
  for (const g of graphs) {
    for (const arn of Object.keys(g.keys)) noteArn(m, arn);
    // The layers look callers up by account (SCPs, RCPs) and by principal ARN (boundaries, session policies, federating users).
    const org = g.layers?.organization;
    for (const a of [...Object.keys(org?.accounts ?? {}), ...(org?.managementAccount !== undefined ? [org.managementAccount] : [])]) m.accounts.add(a);
    for (const [arn, entry] of Object.entries(g.layers?.principals ?? {})) {
      for (const v of [arn, ...(entry.federatedBy !== undefined ? [entry.federatedBy] : [])]) {
        m.arns.add(v);
        noteArn(m, v);
      }
    }
    for (const arn of Object.keys(g.principals)) {
      m.arns.add(arn);
      noteArn(m, arn);
    }
    for (const n of g.nodes) {
      if (n.kind !== "principal") continue;
      for (const v of n.aws) {
        if (ACCOUNT_RE.test(v)) m.accounts.add(v);
        else {
          noteArn(m, v);
          if (parseCaller(v) !== undefined) m.arns.add(v);
        }
      }
      for (const s of n.service) m.services.add(s);
    }
  }
  for (const [key, nodes] of conditions) {
    if (!(DERIVED_KEYS as readonly string[]).includes(key) || ACCOUNT_KEYS.has(key) || KIND_KEYS.has(key)) continue;
    if (!NAME_KEYS.has(key)) continue;
    for (const n of nodes) {
      if (n.base === "Null") continue;
      if (familyOf(n.base, key) !== "string") refuse(AnalysisCode.derivedKey, `\`${key}\` is tested with \`${n.base}\``);
      for (const v of plainValues(n.values, `a condition on \`${key}\``)) {
        const wild = n.base.startsWith("StringEquals") || n.base === "StringNotEquals" ? false : /[*?]/.test(v);
        if (wild) refuse(AnalysisCode.derivedKey, `\`${key}\` is tested with the pattern \`${v}\` (only literal values are modelled)`);
        if (key === "aws:principalarn") {
          noteArn(m, v);
          if (parseCaller(v) !== undefined) m.arns.add(v);
        } else if (key === "aws:username") m.userNames.add(v);
        else if (key === "aws:principalservicename") m.services.add(v);
        else if (ACCOUNT_RE.test(v)) m.accounts.add(v);
        else if (/^\d{12}:[^/:]+$/.test(v)) m.federated.add(v);
      }
    }
  }
  return m;
}

/** The account classes: regions of every account test over 12-digit strings. */
export function accountCandidates(m: Mentions, conditions: ReadonlyMap<string, readonly ConditionNode[]>): string[] {
  const patterns = new Map<string, ReturnType<typeof stringPattern>>();
  for (const a of m.accounts) patterns.set(`=${a}`, { nfa: literalNfa(a), label: a, id: `=${a}` });
  for (const key of ACCOUNT_KEYS) {
    for (const n of conditions.get(key) ?? []) {
      if (n.base === "Null") continue;
      if (familyOf(n.base, key) !== "string") refuse(AnalysisCode.derivedKey, `\`${key}\` is tested with \`${n.base}\``);
      for (const v of plainValues(n.values, `a condition on \`${key}\``)) {
        const p = stringPattern(n.base, v);
        patterns.set(p.id, p);
      }
    }
  }
  const regions = stringRegions([...patterns.values()].map((p) => p.nfa), domainNfa([{ cls: "digit", count: 12 }]));
  return regions.map((r) => r.witness).sort();
}

function fresh(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}${i}`;
  return name;
}

/** Every candidate caller (see the header for why these cover every class). */
export function principalCandidates(m: Mentions, accounts: readonly string[], serviceLinked = false): string[] {
  const out = new Set<string>();
  const text = [...m.arns].join("\n");
  const taken = (name: string): boolean => text.includes(name);
  const user = fresh("fresh-user", taken);
  const role = fresh("fresh-role", taken);
  const session = fresh("fresh-session", taken);
  const fed = fresh("fresh-federated", taken);
  const partitions = [...m.partitions, fresh("aws-fresh", (p) => m.partitions.has(p))];
  for (const p of partitions) {
    for (const a of accounts) {
      out.add(`arn:${p}:iam::${a}:root`);
      out.add(`arn:${p}:iam::${a}:user/${user}`);
      out.add(`arn:${p}:iam::${a}:role/${role}`);
      // SCPs and RCPs skip a service-linked role (path /aws-service-role/): a class of its own when an organization is modelled.
      if (serviceLinked) out.add(`arn:${p}:iam::${a}:role/aws-service-role/${role}`);
      out.add(`arn:${p}:sts::${a}:assumed-role/${role}/${session}`);
      out.add(`arn:${p}:sts::${a}:federated-user/${fed}`);
      for (const name of m.userNames) if (/^[^/:]+$/.test(name)) out.add(`arn:${p}:iam::${a}:user/${name}`);
    }
  }
  for (const v of m.federated) {
    const [a, name] = v.split(":");
    for (const p of m.partitions) out.add(`arn:${p}:sts::${a}:federated-user/${name}`);
  }
  for (const arn of m.arns) {
    const c = parseCaller(arn);
    if (c === undefined || c.kind === "service") continue;
    out.add(arn);
    if (c.kind === "role") out.add(`arn:${c.partition}:sts::${c.account}:assumed-role/${c.roleName}/${session}`);
    if (c.kind === "session") out.add(`arn:${c.partition}:iam::${c.account}:role/${c.roleName}`);
  }
  for (const s of m.services) if (/^[^:/\s]+\.amazonaws\.com$/.test(s)) out.add(s);
  out.add(`${fresh("fresh-service", (s) => m.services.has(`${s}.amazonaws.com`))}.amazonaws.com`);
  return [...out];
}

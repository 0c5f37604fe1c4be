// Decides every entry of a requests file with each engine and lays the answers out: JSON rows
// (a decision per entry, or `{ reference, graph, cedar, agree }` with several engines) and text
// lines, counting the entries on which the engines disagree.
import { decideOperation } from "@kms-cedar/runtime";
import type { DecisionResult, Request } from "@kms-cedar/runtime";
import type { RequestEntry } from "../../bundle/read-requests.js";
import type { TextStyle } from "../render/text-style.js";
import { decisionsAgree } from "../../api/decisions-agree.js";
import { describeResult } from "./describe-result.js";

/** One engine: its name (a JSON key under several engines) and how it decides a request. */
export interface NamedEngine {
  readonly name: string;
  readonly decide: (request: Request) => DecisionResult;
  /** Decides a list in order (the authorizers' batch API); used instead of `decide` when present. */
  readonly decideMany?: (requests: readonly Request[]) => DecisionResult[];
}

export interface EvalTable {
  /** One per entry, in input order. */
  readonly rows: readonly unknown[];
  /** One per entry (two when engines disagree), in input order. */
  readonly lines: readonly string[];
  readonly disagreements: number;
}

/** Decides `entries` with `engines` (at least one). */
export function tabulateResults(entries: readonly RequestEntry[], engines: readonly NamedEngine[], style: TextStyle): EvalTable {
  const width = String(Math.max(entries.length - 1, 0)).length;
  const rows: unknown[] = [];
  const lines: string[] = [];
  let disagreements = 0;
  const decided = engines.map((engine) => decideAll(entries, engine));
  entries.forEach((entry, i) => {
    const answers = decided.map((results) => results[i]!);
    const first = answers[0];
    // INVARIANT: at least one engine.
    if (first === undefined) throw new Error("internal error: no engine");
    const line = describeResult(i, width, entry, first, style);
    if (engines.length === 1) {
      rows.push(first);
      lines.push(line);
      return;
    }
    const agree = answers.every((answer) => decisionsAgree(first, answer));
    const row: Record<string, unknown> = {};
    engines.forEach((engine, k) => (row[engine.name] = answers[k]));
    row["agree"] = agree;
    rows.push(row);
    if (agree) {
      lines.push(line);
      return;
    }
    disagreements++;
    const each = engines.map((engine, k) => `${engine.name}=${outcome(answers[k])}`).join(" ");
    lines.push(`${line}\n${" ".repeat(width + 3)}${style.error("DISAGREE")}: ${each}`);
  });
  return { rows, lines, disagreements };
}

/** Every entry's answer with one engine: one `decideMany` call over all the requests and checks. */
function decideAll(entries: readonly RequestEntry[], engine: NamedEngine): DecisionResult[] {
  const decideMany = engine.decideMany;
  if (decideMany === undefined) return entries.map((entry) => decideEntry(entry, engine.decide));
  const flat: Request[] = [];
  for (const entry of entries) {
    if (entry.kind === "request") flat.push(entry.request);
    else if (entry.kind !== "malformed") flat.push(...entry.checks);
  }
  const results = decideMany(flat);
  let next = 0;
  return entries.map((entry) => decideEntry(entry, () => results[next++]!));
}

/** The result of one entry: an operation is the worst of its checks (the runtime's rule), a malformed entry its error. */
export function decideEntry(entry: RequestEntry, decide: (request: Request) => DecisionResult): DecisionResult {
  if (entry.kind === "malformed") return { error: entry.error };
  if (entry.kind === "request") return decide(entry.request);
  return decideOperation(entry, decide);
}

function outcome(result: DecisionResult | undefined): string {
  if (result === undefined) return "none";
  return "error" in result ? `error(${result.error.code})` : result.decision;
}

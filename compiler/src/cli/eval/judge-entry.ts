// `kms-cedar test`: one entry of a requests file decided by every engine and compared with its
// `expect` annotation. An entry passes when every engine gives exactly the expected decision (or the
// expected request error code).
import type { DecisionResult } from "@kms-cedar/runtime";
import type { ExpectedOutcome, RequestEntry } from "../../bundle/read-requests.js";
import type { NamedEngine } from "./tabulate-results.js";
import { decideEntry } from "./tabulate-results.js";

/** The verdict on one entry. */
export interface EntryVerdict {
  readonly index: number;
  readonly description?: string;
  /** `undefined` when the entry has no `expect` (it is skipped). */
  readonly expected?: string;
  /** Each engine's outcome: a decision or `error KRxxxx`. */
  readonly outcomes: Readonly<Record<string, string>>;
  readonly status: "pass" | "fail" | "skip";
}

/** `Allow`, `ImplicitDeny`, … or `error KR0002`. */
export function outcomeText(result: DecisionResult | ExpectedOutcome): string {
  return "error" in result ? `error ${typeof result.error === "string" ? result.error : result.error.code}` : result.decision;
}

/** Decides `entry` (the `index`th of its file) with every engine and judges it against its `expect`. */
export function judgeEntry(entry: RequestEntry, index: number, engines: readonly NamedEngine[]): EntryVerdict {
  const outcomes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const engine of engines) outcomes[engine.name] = outcomeText(decideEntry(entry, engine.decide));
  const description = entry.annotations?.description;
  const expect = entry.annotations?.expect;
  const common = { index, outcomes, ...(description !== undefined ? { description } : {}) };
  // Annotations that cannot be read (`expect`, `description`) fail the entry: a typo must not silently skip a test.
  if (entry.annotations?.unreadableAnnotations === true) return { ...common, expected: "readable annotations (`expect`, `description`)", status: "fail" };
  if (expect === undefined) return { ...common, status: "skip" };
  const expected = outcomeText(expect);
  const pass = engines.every((engine) => outcomes[engine.name] === expected);
  return { ...common, expected, status: pass ? "pass" : "fail" };
}

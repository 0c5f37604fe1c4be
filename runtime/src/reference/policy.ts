// Reads a policy document (a plain JSON value) into its statements (spec §1.1–§1.3). A document
// IAM would reject as a whole is kept as one unreadable statement, which the decision treats as a
// Deny that applies to everything (fail closed).

import { isObject, ownProperty } from "./json-shape.js";
import type { Effect } from "./types.js";
import { isWellFormedJson } from "./well-formed.js";

/** One statement of a policy, with what the reasons need. */
export interface StatementView {
  /** Index in the `Statement` array (0 when `Statement` is a single object). */
  readonly index: number;
  readonly sid: string | undefined;
  /** AWS: §1.3 — exactly "Allow" allows; anything else is read as "Deny" (fail closed). */
  readonly effect: Effect;
  /** The statement object, or undefined when it cannot be read at all (not an object). */
  readonly body: Record<string, unknown> | undefined;
}

export interface PolicyView {
  /** The bundle location: `keys[ARN]` or `principals[ARN][i]`. */
  readonly location: string;
  readonly version: string | undefined;
  readonly statements: readonly StatementView[];
}

const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const TOP_LEVEL_MEMBERS = new Set(["Version", "Id", "Statement"]);

/**
 * AWS: §1.1 — `Version` (optional, §1.2: missing = 2008-10-17), `Id` (a string, ignored) and
 * `Statement` (one object or a non-empty array). Any other shape makes the whole document
 * unreadable.
 */
export function readPolicy(document: unknown, location: string): PolicyView {
  const unreadable: PolicyView = {
    location, version: undefined, statements: [{ index: 0, sid: undefined, effect: "Deny", body: undefined }],
  };
  if (!isObject(document)) return unreadable;
  // A string that is not well-formed Unicode (a lone surrogate) cannot be stored: the document is unreadable.
  if (!isWellFormedJson(document)) return unreadable;
  if (Object.keys(document).some((member) => !TOP_LEVEL_MEMBERS.has(member))) return unreadable;
  const version = ownProperty(document, "Version");
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.has(version))) return unreadable;
  // DEVIATION: §1.1, A2 — a string `Id` is accepted and ignored, in identity policies too (the grammar page forbids it there).
  const id = ownProperty(document, "Id");
  if (id !== undefined && typeof id !== "string") return unreadable;
  const raw = ownProperty(document, "Statement");
  const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : [];
  if (list.length === 0) return unreadable;
  return {
    location,
    version: version as string | undefined,
    // By index, not `map`: a hole of a sparse array built in code is a statement too (JSON's `null`), not skipped.
    statements: Array.from({ length: list.length }, (_, index) => readStatement(list[index], index)),
  };
}

function readStatement(statement: unknown, index: number): StatementView {
  if (!isObject(statement)) return { index, sid: undefined, effect: "Deny", body: undefined };
  const sid = ownProperty(statement, "Sid");
  return {
    index,
    sid: typeof sid === "string" ? sid : undefined,
    effect: ownProperty(statement, "Effect") === "Allow" ? "Allow" : "Deny",
    body: statement,
  };
}

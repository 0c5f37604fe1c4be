// Reports keys repeated within one JSON object (compared after decoding escapes, as JSON.parse
// does: `"a"` and `"\u0061"` are the same key). Phase: grammar. AWS: §1.1 (no repeated keys).
import type { Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic, quoteSource } from "./json-diagnostic.js";
import type { JsonMember } from "./syntax-tree.js";

// PERF: policy objects are small; below this size a nested loop beats building a Map.
const SMALL_OBJECT = 8;

function reportDuplicate(member: JsonMember, first: JsonMember, report: Report): void {
  const key = member.key;
  report(jsonDiagnostic(JsonCode.duplicateKey, `duplicate key ${quoteSource(key.raw)}`, key.span.start, key.span.end,
    undefined, [{ span: first.key.span, message: "first defined here" }]));
}

/** Reports every member whose key already appeared earlier in `members`, pointing at the first. */
export function reportDuplicateKeys(members: readonly JsonMember[], report: Report): void {
  // DEVIATION: §1.1, §1.12, A9 — how AWS reads a repeated key is undocumented (JSON.parse keeps the last): we reject it.
  const count = members.length;
  if (count < 2) return;
  if (count <= SMALL_OBJECT) {
    for (let i = 1; i < count; i++) {
      const key = members[i]!.key.value;
      for (let j = 0; j < i; j++) {
        if (members[j]!.key.value === key) {
          reportDuplicate(members[i]!, members[j]!, report);
          break;
        }
      }
    }
    return;
  }
  const firstByKey = new Map<string, JsonMember>();
  for (const member of members) {
    const first = firstByKey.get(member.key.value);
    if (first === undefined) firstByKey.set(member.key.value, member);
    else reportDuplicate(member, first, report);
  }
}

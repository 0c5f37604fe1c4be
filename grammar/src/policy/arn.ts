// ARN sub-grammar (spec §1.7, §2.9): `arn:partition:service:region:account:resource`, split at the
// first five colons; the resource part is the rest of the string and may itself contain colons.
// Wildcards are kept as written: this only splits, matching is the caller's business.
import type { Arn } from "./arn.types.js";

/** Splits an ARN (or ARN pattern); `undefined` unless it starts with `arn:` and has six components. */
export function parseArn(text: string): Arn | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(":", start);
    if (colon < 0) return undefined;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  if (parts[0] !== "arn") return undefined;
  return {
    partition: parts[1] ?? "",
    service: parts[2] ?? "",
    region: parts[3] ?? "",
    account: parts[4] ?? "",
    resource: text.slice(start),
  };
}


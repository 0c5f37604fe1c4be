// Whether this build offers the Cedar engine (for the report). The engine itself is readied by the
// compiler front door's engine harness (compiler/src/api/prepare-engines.ts). Phase: conformance harness.
import { createCedarAuthorizer } from "@kms-cedar/runtime";

/** Whether this build offers the Cedar engine at all, and if not why. */
export function cedarAvailability(): { available: true } | { available: false; reason: string } {
  if (typeof createCedarAuthorizer !== "function") return { available: false, reason: "@kms-cedar/runtime does not export `createCedarAuthorizer`" };
  return { available: true };
}

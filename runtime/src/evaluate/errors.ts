// Errors for requests the graph evaluator cannot decide (docs/request-model.md "Errors"): never a
// decision, never an Allow.
import type { DecisionError } from "../contracts.js";

/** The request-error codes shared by every engine. */
export const RequestErrorCode = {
  malformedPrincipal: "KR0001",
  unknownAction: "KR0002",
  malformedResource: "KR0003",
  unknownKey: "KR0004",
  actionDoesNotFit: "KR0005",
  badContextValue: "KR0006",
  malformedRequest: "KR0007",
} as const;

/** Builds an error entry; `subject` (user input) is quoted in backticks. */
export function requestError(code: string, message: string, subject?: string): DecisionError {
  const text = subject === undefined ? message : `${message} \`${subject}\``;
  return { error: { code, message: text } };
}

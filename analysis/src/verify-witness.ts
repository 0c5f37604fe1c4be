// Every reported witness is real: the reference evaluator, the graph and Cedar decide it as the
// analysis says, in OLD and in NEW. A disagreement is a bug somewhere: refused (KA0012), never printed as a finding.
import type { Request } from "@kms-cedar/runtime";
import type { AnalysisInput } from "./analysis-input.js";
import { AnalysisCode, refuse } from "./diagnostics.js";
import { outcomeOf } from "./outcome.js";
import type { Outcome } from "./outcome.js";

const ENGINE_NAMES = ["reference", "graph", "cedar"] as const;

export function verifyWitness(input: AnalysisInput, request: Request, expected: Outcome): void {
  input.engines.forEach((decide, i) => {
    const got = outcomeOf(decide(request));
    if (got !== expected) {
      refuse(AnalysisCode.engines, `${ENGINE_NAMES[i]} decides ${got} in \`${input.name}\` where the analysis expects ${expected}: ${JSON.stringify(request)}`);
    }
  });
}

// The statement index (relevant-statements.ts) answers exactly what a scan of every statement
// answers, for every (action, resource, caller) of generated key and identity policies, sessions included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCaller } from "@kms-cedar/runtime";
import { prepareInput, RequestSpace } from "@kms-cedar/analysis";
import { relevantStatements, relevantStatementsByScan } from "../src/space/relevant-statements.js";
import { bundleOf, ROLE, statements } from "./policy-generators.js";

const shape = (list: ReturnType<typeof relevantStatements>): string[] => list.map((s) => `${s.allow} ${[...s.byKey.keys()].join(",")}`);

describe("the statement index", () => {
  it("gives the scan's statements for every triple", () => {
    let triples = 0;
    fc.assert(fc.property(statements, statements, (x, y) => {
      const a = prepareInput("a", bundleOf(x)).graph;
      // A second graph whose identity policy sits on a session's role by another path, and on a user.
      const b = prepareInput("b", { ...bundleOf(y), principals: {
        "arn:aws:iam::111122223333:role/path/App": { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "kms:Decrypt", Resource: "*" }] }] },
        "arn:aws:iam::111122223333:user/Bob": { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }] },
        [ROLE]: { policies: [{ Version: "2012-10-17", Statement: y.map((s) => ({ ...s, Principal: undefined })) }] },
      } }).graph;
      const graphs = [a, b];
      const space = new RequestSpace(graphs);
      const callerOf = (arn: string) => parseCaller(arn);
      for (const action of space.actions) {
        for (const resource of space.resourcesFor(action.target)) {
          for (const principal of space.principals) {
            triples++;
            expect(shape(relevantStatements(graphs, action.name, resource, principal, callerOf))).toEqual(shape(relevantStatementsByScan(graphs, action.name, resource, principal, callerOf)));
          }
        }
      }
    }), { numRuns: 4, seed: 20261211 });
    expect(triples).toBeGreaterThan(1000);
  });
});

// decideMany (decide-many.ts) on both authorizers: the answers of decide, entry by entry, and a hostile
// list read once — its length once, each entry once — with an entry whose reading throws answered as
// decide answers such an input (KR0007), never an exception that hides the other entries' decisions.
import { compileBundle } from "@kms-cedar/compiler";
import { describe, expect, it } from "vitest";
import { createAuthorizer, createCedarAuthorizer, type Bundle, type DecisionResult } from "../src/index.js";

const A = "111122223333";
const ALICE = `arn:aws:iam::${A}:user/Alice`;
const K1 = `arn:aws:kms:us-east-1:${A}:key/k1`;
// Alice may Decrypt K1 with project=alpha, and is denied ScheduleKeyDeletion outright.
const bundle = {
  keys: { [K1]: { policy: { Version: "2012-10-17", Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }] } } },
  principals: {
    [ALICE]: {
      policies: [{
        Version: "2012-10-17", Statement: [
          { Effect: "Allow", Action: "kms:Decrypt", Resource: K1, Condition: { StringEquals: { "kms:EncryptionContext:project": "alpha" } } },
          { Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
        ],
      }],
    },
  },
} as unknown as Bundle;

const outcome = (r: DecisionResult): string => ("error" in r ? r.error.code : r.decision);
const request = (action: string, project?: string) =>
  ({ principal: ALICE, action, resource: K1, context: project === undefined ? {} : { "kms:EncryptionContext:project": project } });
const throwingEntry = (list: unknown[], at: number): unknown[] => {
  Object.defineProperty(list, at, { enumerable: true, get: () => { throw new Error("boom"); } });
  return list;
};

describe("decideMany", () => {
  const compiled = compileBundle(bundle);
  const engines = [["graph", createAuthorizer(compiled.graph!)], ["cedar", createCedarAuthorizer(compiled.cedar!)]] as const;
  const list = [request("kms:Decrypt", "alpha"), request("kms:Decrypt", "beta"), request("kms:ScheduleKeyDeletion"), { principal: ALICE }, 42];

  for (const [name, engine] of engines) {
    it(`${name}: answers what decide answers, entry by entry`, () => {
      const answers = engine.decideMany(list).map(outcome);
      expect(answers).toEqual(["Allow", "ImplicitDeny", "ExplicitDeny", "KR0007", "KR0007"]);
      expect(answers).toEqual(list.map((r) => outcome(engine.decide(r))));
      expect(engine.decideMany([])).toEqual([]);
    });

    it(`${name}: an entry whose reading throws is that entry's KR0007; the others are decided`, () => {
      const hostile = throwingEntry([...list.slice(0, 3)], 1);
      expect(engine.decideMany(hostile).map(outcome)).toEqual(["Allow", "KR0007", "ExplicitDeny"]);
      const trapped = new Proxy([...list.slice(0, 3)], { get: (t, k) => (k === "0" ? (() => { throw new Error("boom"); })() : Reflect.get(t, k)) });
      expect(engine.decideMany(trapped).map(outcome)).toEqual(["KR0007", "ImplicitDeny", "ExplicitDeny"]);
    });

    it(`${name}: reads the list once: its length once, each entry once`, () => {
      const reads: string[] = [];
      let length = 3;
      // A length that grows on each read, and entries that change on each read: one reading decides.
      const target = [...list.slice(0, 3)];
      const shifty = new Proxy(target, {
        get: (t, k) => {
          reads.push(String(k));
          if (k === "length") return length++;
          if (typeof k === "string" && /^\d+$/.test(k)) return reads.filter((r) => r === k).length === 1 ? t[Number(k)] : request("kms:Decrypt", "alpha");
          return Reflect.get(t, k);
        },
      });
      expect(engine.decideMany(shifty).map(outcome)).toEqual(["Allow", "ImplicitDeny", "ExplicitDeny"]);
      expect(reads.filter((r) => r === "length")).toEqual(["length"]);
      expect(["0", "1", "2"].map((i) => reads.filter((r) => r === i).length)).toEqual([1, 1, 1]);
    });

    it(`${name}: a list that is not an array, or whose length cannot be read, is a TypeError (a caller bug)`, () => {
      expect(() => engine.decideMany({ 0: list[0], length: 1 } as never)).toThrow(TypeError);
      const noLength = new Proxy([], { get: (t, k) => (k === "length" ? (() => { throw new Error("boom"); })() : Reflect.get(t, k)) });
      expect(() => engine.decideMany(noLength)).toThrow(TypeError);
    });
  }
});

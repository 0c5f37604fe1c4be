import { compileBundle, checkPolicyText } from "@kms-cedar/compiler";
import { analyzeText, checkBundle, loadPlainBundle } from "@kms-cedar/compiler/api";
import { it } from "vitest";
import { createAuthorizer, createCedarAuthorizer } from "../../src/index.js";
import { evaluateReference, explainReference } from "../../src/reference/index.js";
const A = "111122223333"; const ALICE = `arn:aws:iam::${A}:user/Alice`; const K1 = `arn:aws:kms:us-west-2:${A}:key/k1`;
const pol = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ALICE }, Action: "kms:Decrypt", Resource: "*" }] };
const boom = () => { throw new Error("boom"); };
const hostiles: Record<string, () => unknown> = {
  "bundle getter": () => { const b: any = {}; Object.defineProperty(b, "keys", { enumerable: true, get: boom }); return b; },
  "key getter": () => { const keys: any = {}; Object.defineProperty(keys, K1, { enumerable: true, get: boom }); return { keys }; },
  "policy getter": () => ({ keys: { [K1]: { get policy() { return boom(); } } } }),
  "statement proxy": () => ({ keys: { [K1]: { policy: { Version: "2012-10-17", Statement: new Proxy([], { get: boom }) } } } }),
  "ownKeys proxy": () => ({ keys: new Proxy({}, { ownKeys: boom }) }),
  "lone surrogate key": () => ({ keys: { [K1 + "\ud800"]: { policy: pol } } }),
  "proto key": () => JSON.parse(`{"keys":{"__proto__":{"policy":${JSON.stringify(pol)}}}}`),
  "cycle": () => { const p: any = { Version: "2012-10-17", Statement: [] }; p.Statement.push(p); return { keys: { [K1]: { policy: p } } }; },
  "cycle2": () => { const b: any = { keys: { [K1]: { policy: pol } } }; b.keys[K1].self = b; return b; },
  "dag": () => { let x: any = "kms:Decrypt"; for (let i = 0; i < 40; i++) x = [x, x]; return { keys: { [K1]: { policy: { ...pol, Statement: [{ ...pol.Statement[0], Action: x }] } } } }; },
  "deep": () => { let o: any = pol; for (let i = 0; i < 100000; i++) o = { Statement: o }; return { keys: { [K1]: { policy: o } } }; },
};
const req = { principal: ALICE, action: "kms:Decrypt", resource: K1 };
it("probe", () => {
  for (const [name, make] of Object.entries(hostiles)) {
    for (const [entry, f] of Object.entries({
      compileBundle: (b: unknown) => compileBundle(b as never).diagnostics.slice(0, 1).map((d) => d.code).join(),
      evaluateReference: (b: unknown) => JSON.stringify(evaluateReference(b as never, req as never)).slice(0, 80),
      explainReference: (b: unknown) => JSON.stringify(explainReference(b as never, req as never)).slice(0, 80),
      loadPlainBundle: (b: unknown) => JSON.stringify(loadPlainBundle(b as never)).slice(0, 80),
    })) {
      try { console.log(name, entry, "->", f(make())); } catch (e) { console.log(name, entry, "THREW", String(e).slice(0, 100)); }
    }
  }
});

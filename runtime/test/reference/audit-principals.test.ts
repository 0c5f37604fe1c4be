// Audit (H9): every Principal form (§1.5) against every caller kind (docs/request-model.md), through the
// §5.3 decision: KD (principalMatchesDirect), KA (principalIsAccount), the identity side, same vs
// cross account, a cross-account capable action and one that is not (§5.4), and the same forms in
// a key-policy Deny (A22: direct or account). Expected values are written from the §5.3 helper
// table, not computed by the evaluator's own matcher.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, B, BOB, EXT, EXT_ROLE, K1, ROOT_A, ROOT_B, allow, decision, doc, grant, outcome } from "./fixtures.js";

const FED = `arn:aws:sts::${A}:federated-user/Fed`;
const ROLE_CALLER = APP_ROLE; // a role ARN given as the request principal (request model: exact role ARN)
const SERVICE = "logs.amazonaws.com";

interface Caller {
  readonly name: string;
  readonly arn: string;
  readonly account: string | undefined; // undefined: a service (acts in the key's account)
  /** Where its identity policies are listed in the bundle (none for root and services). */
  readonly identityAt: string | undefined;
  readonly root: boolean;
}
const CALLERS: readonly Caller[] = [
  { name: "user Bob (A)", arn: BOB, account: A, identityAt: BOB, root: false },
  { name: "session App/s1 (A)", arn: APP, account: A, identityAt: APP_ROLE, root: false },
  { name: "role App (A)", arn: ROLE_CALLER, account: A, identityAt: APP_ROLE, root: false },
  { name: "federated Fed (A)", arn: FED, account: A, identityAt: FED, root: false },
  { name: "root (A)", arn: ROOT_A, account: A, identityAt: undefined, root: true },
  { name: "session Ext/s1 (B)", arn: EXT, account: B, identityAt: EXT_ROLE, root: false },
  { name: "root (B)", arn: ROOT_B, account: B, identityAt: undefined, root: true },
  { name: "service logs", arn: SERVICE, account: undefined, identityAt: undefined, root: false },
];

/** A Principal form and, from the §5.3 helper table, whom it names directly (KD) and by account (KA). */
interface Form {
  readonly name: string;
  readonly principal: unknown;
  readonly direct: readonly string[]; // caller ARNs named directly
  readonly account: readonly string[]; // caller ARNs whose account is named
  /**
   * Role ARNs as callers this form makes ambiguous (KR0012, docs/request-model.md "The caller"): it names a
   * session of the role, or the role under another path.
   */
  readonly refuses?: readonly string[];
}
const ALL = CALLERS.map((c) => c.arn);
const IN_A = CALLERS.filter((c) => c.account === A).map((c) => c.arn);
const IN_B = CALLERS.filter((c) => c.account === B).map((c) => c.arn);
const FORMS: readonly Form[] = [
  { name: '"*"', principal: "*", direct: ALL, account: [] },
  { name: '{"AWS":"*"}', principal: { AWS: "*" }, direct: ALL, account: [] },
  { name: "bare account A", principal: { AWS: A }, direct: [], account: IN_A },
  { name: "root ARN of A", principal: { AWS: ROOT_A }, direct: [], account: IN_A },
  { name: "root ARN of B", principal: { AWS: ROOT_B }, direct: [], account: IN_B },
  { name: "bare account B in a list", principal: { AWS: ["999999999999", B] }, direct: [], account: IN_B },
  { name: "user Bob", principal: { AWS: BOB }, direct: [BOB], account: [] },
  { name: "user bob (other case)", principal: { AWS: `arn:aws:iam::${A}:user/bob` }, direct: [], account: [] },
  { name: "role App", principal: { AWS: APP_ROLE }, direct: [APP, ROLE_CALLER], account: [] },
  { name: "role App with a path", principal: { AWS: `arn:aws:iam::${A}:role/team/App` }, direct: [APP], account: [], refuses: [ROLE_CALLER] },
  { name: "role App in another partition", principal: { AWS: `arn:aws-cn:iam::${A}:role/App` }, direct: [], account: [] },
  { name: "session App/s1", principal: { AWS: APP }, direct: [APP], account: [], refuses: [ROLE_CALLER] },
  { name: "session App/s2", principal: { AWS: `arn:aws:sts::${A}:assumed-role/App/s2` }, direct: [], account: [], refuses: [ROLE_CALLER] },
  { name: "federated Fed", principal: { AWS: FED }, direct: [FED], account: [] },
  { name: "role Ext (B)", principal: { AWS: EXT_ROLE }, direct: [EXT], account: [] },
  { name: "service logs", principal: { Service: SERVICE }, direct: [SERVICE], account: [] },
  { name: "service logs under AWS", principal: { AWS: SERVICE }, direct: [], account: [] },
  { name: "unique id (A35)", principal: { AWS: "AROAEXAMPLEID123456" }, direct: [], account: [] },
  { name: "CanonicalUser", principal: { CanonicalUser: "79a59df900b949e55d96a1e698fbaced" }, direct: [], account: [] },
  { name: "Federated", principal: { Federated: "cognito-identity.amazonaws.com" }, direct: [], account: [] },
  { name: "root ARN of A and user Bob", principal: { AWS: [ROOT_A, BOB] }, direct: [BOB], account: IN_A },
];

const ACTIONS = [
  { action: "kms:Decrypt", crossAccount: true },
  { action: "kms:ScheduleKeyDeletion", crossAccount: false },
];

/** AWS: §5.3 kmsDecision (no Deny): the direct path in the key's account, else KD/KA with the identity side. */
function expectedAllow(form: Form, caller: Caller, identityAllows: boolean, crossAccount: boolean): string {
  if (form.refuses?.includes(caller.arn) === true) return "KR0012";
  const same = caller.account === undefined || caller.account === A;
  if (!same && !crossAccount) return "ImplicitDeny";
  const direct = form.direct.includes(caller.arn);
  const account = form.account.includes(caller.arn);
  const identity = caller.root || (identityAllows && caller.identityAt !== undefined);
  if (same && direct) return "Allow";
  return (direct || account) && identity ? "Allow" : "ImplicitDeny";
}

function bundleFor(keyStatements: object[], caller: Caller, identityAllows: boolean): object {
  const principals = identityAllows && caller.identityAt !== undefined ? { [caller.identityAt]: { policies: [doc(allow("kms:*"))] } } : {};
  return { keys: { [K1]: { policy: doc(...keyStatements) } }, principals };
}

describe("§1.5/§5.3 — Allow: every Principal form × every caller × identity side × action class", () => {
  for (const form of FORMS) {
    it(`Principal ${form.name}`, () => {
      for (const caller of CALLERS) {
        for (const identityAllows of [false, true]) {
          for (const { action, crossAccount } of ACTIONS) {
            const bundle = bundleFor([grant("Allow", form.principal, "kms:*")], caller, identityAllows);
            const got = outcome(bundle, { principal: caller.arn, action, resource: K1 });
            const want = expectedAllow(form, caller, identityAllows, crossAccount);
            expect(got, `${caller.name}, identity ${identityAllows ? "allows" : "silent"}, ${action}`).toBe(want);
          }
        }
      }
    });
  }
});

describe("§5.3 principalMatchesAny / A22 — Deny: a key-policy Deny applies when it names the caller directly or its account", () => {
  for (const form of FORMS) {
    it(`Deny Principal ${form.name}`, () => {
      for (const caller of CALLERS) {
        // Everyone is allowed directly and by identity; only the Deny can change the outcome.
        const bundle = bundleFor([grant("Allow", "*", "kms:*"), grant("Deny", form.principal, "kms:Decrypt")], caller, true);
        const got = outcome(bundle, { principal: caller.arn, action: "kms:Decrypt", resource: K1 });
        const applies = form.direct.includes(caller.arn) || form.account.includes(caller.arn);
        expect(got, caller.name).toBe(form.refuses?.includes(caller.arn) === true ? "KR0012" : applies ? "ExplicitDeny" : "Allow");
      }
    });
  }
});

describe("§1.5 — partial wildcards and malformed Principal elements fail closed", () => {
  it.each([
    // unreadable: what the element names cannot be read, so it could name a session of any role (KR0012).
    { name: "user/*", principal: { AWS: `arn:aws:iam::${A}:user/*` }, unreadable: true },
    { name: "role/App*", principal: { AWS: `arn:aws:iam::${A}:role/App*` }, unreadable: true },
    { name: "Service *", principal: { Service: "*" }, unreadable: false },
    { name: "empty map", principal: {}, unreadable: false },
    { name: "empty list", principal: { AWS: [] }, unreadable: true },
    { name: "unknown principal key", principal: { Aws: "*" }, unreadable: true },
    { name: "a number", principal: { AWS: 111122223333 }, unreadable: true },
  ])("$name: an Allow never applies, a Deny applies to everyone", ({ principal, unreadable }) => {
    for (const caller of CALLERS) {
      const allowOnly = bundleFor([grant("Allow", principal, "kms:*")], caller, true);
      expect(outcome(allowOnly, { principal: caller.arn, action: "kms:Decrypt", resource: K1 }), caller.name).not.toBe("Allow");
      const denying = bundleFor([grant("Allow", "*", "kms:*"), grant("Deny", principal, "kms:*")], caller, true);
      // A role ARN as caller: the element could name a session of its role, so the request is refused (KR0012).
      const refused = unreadable && caller.arn === ROLE_CALLER;
      expect(outcome(denying, { principal: caller.arn, action: "kms:Decrypt", resource: K1 }), caller.name).toBe(refused ? "KR0012" : "ExplicitDeny");
    }
  });
});

// ABAC paths: a tag administrator can grant (by tagging) and revoke (by untagging) a developer's
// access that an aws:ResourceTag condition controls; a caller that may not tag has no path.
import { describe, expect, it } from "vitest";
import { abacDot, abacPaths, prepareInput } from "@kms-cedar/analysis";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { KEY } from "./policy-generators.js";

const DEV = "arn:aws:iam::111122223333:role/Dev";
const TAGGER = "arn:aws:iam::111122223333:role/TagAdmin";
const OTHER = "arn:aws:iam::111122223333:role/Reader";
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const bundle = {
  keys: { [KEY]: { policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }) } },
  principals: {
    [DEV]: { policies: [doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Purpose": "Test" } } })] },
    [TAGGER]: { policies: [doc({ Effect: "Allow", Action: ["kms:TagResource", "kms:UntagResource"], Resource: "*", Condition: { StringEquals: { "aws:RequestTag/Purpose": "Test" } } })] },
    [OTHER]: { policies: [doc({ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" })] },
  },
};

describe("abac", () => {
  const paths = abacPaths(prepareInput("abac", bundle).graph);

  it("tagging with the controlled value grants the developer kms:Decrypt", () => {
    const tag = paths.find((p) => p.actor === TAGGER && p.change === "kms:TagResource purpose=Test");
    expect(tag?.key).toBe(KEY);
    expect(tag?.grants).toEqual(expect.arrayContaining([{ principal: DEV, actions: ["kms:Decrypt"] }]));
  });

  it("untagging revokes it; a caller without tag permissions has no path", () => {
    expect(paths.find((p) => p.actor === TAGGER && p.change.startsWith("kms:UntagResource"))?.revokes).toEqual(expect.arrayContaining([{ principal: DEV, actions: ["kms:Decrypt"] }]));
    expect(paths.some((p) => p.actor === OTHER || p.actor === DEV)).toBe(false);
    // The tagger's RequestTag condition: tagging with another value grants nothing.
    expect(paths.some((p) => p.actor === TAGGER && p.change.startsWith("kms:TagResource") && !p.change.endsWith("=Test"))).toBe(false);
  });

  it("draws the paths as DOT", () => {
    const dot = abacDot(paths);
    expect(dot).toContain(`"${TAGGER}" -> "${KEY}" [label="kms:TagResource purpose=Test"]`);
    expect(dot).toContain(`"${KEY}" -> "${DEV}"`);
  });
});

// Alias operations are two checks (CreateAlias, DeleteAlias: the alias ARN, IAM only, and the key) or
// three (UpdateAlias: the alias, the key it points to, the key it will point to), all of which must
// allow, in one shared request context (docs/request-model.md §5.5; AWS: "principals who manage
// aliases must have permission to call the alias operation on the alias and on all affected KMS keys").
describe("abac: alias operations need the alias half and every key half", () => {
  const K1 = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
  const K2 = "arn:aws:kms:us-west-2:111122223333:key/2222bbbb-2222-2222-2222-222222222222";
  const ALIASES = "arn:aws:kms:us-west-2:111122223333:alias/";
  const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;
  const ACTIONS = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"];
  const allow = (Resource: string | string[], Condition?: object) => ({ Effect: "Allow", Action: ACTIONS, Resource, ...(Condition ? { Condition } : {}) });
  const rootKeyPolicy = { policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }) };
  const aliasBundle = (keys: readonly string[]) => ({
    keys: Object.fromEntries(keys.map((k) => [k, rootKeyPolicy])),
    principals: {
      // Decrypts keys that have a prod alias.
      [role("Dev")]: { policies: [doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:*:111122223333:key/*", Condition: { "ForAnyValue:StringLike": { "kms:ResourceAliases": "alias/prod-*" } } })] },
      // Both halves for prod aliases.
      [role("ProdAliaser")]: { policies: [doc(allow(["arn:aws:kms:*:111122223333:key/*", `${ALIASES}prod-*`]))] },
      // Every key, but only test aliases: the alias half refuses a prod alias.
      [role("TestAliaser")]: { policies: [doc(allow(["arn:aws:kms:*:111122223333:key/*", `${ALIASES}test-*`]))] },
      // The alias half alone: no key half.
      [role("AliasOnly")]: { policies: [doc(allow(`${ALIASES}*`))] },
      // The key half only from 10/8, the alias half only from elsewhere: never both in one request.
      [role("SplitIp")]: { policies: [doc(
        allow("arn:aws:kms:*:111122223333:key/*", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }),
        allow(`${ALIASES}*`, { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }),
      )] },
      // Everything, but creating a prod alias is denied on the alias.
      [role("NoCreateProd")]: { policies: [doc(allow("*"), { Effect: "Deny", Action: "kms:CreateAlias", Resource: `${ALIASES}prod-*` })] },
    },
  });
  const one = aliasBundle([K1]);
  const onePaths = abacPaths(prepareInput("aliases", one).graph);
  /** Dev's kms:Decrypt and nothing else: the role and its sessions (the space's callers of the role). */
  const devDecrypt = (list: readonly { principal: string; actions: string[] }[] | undefined): boolean =>
    list !== undefined && list.some((g) => g.principal === role("Dev"))
    && list.every((g) => (g.principal === role("Dev") || g.principal.startsWith("arn:aws:sts::111122223333:assumed-role/Dev/")) && g.actions.join() === "kms:Decrypt");
  const of = (paths: typeof onePaths, actor: string, change: string) => paths.filter((p) => p.actor === role(actor) && p.change.startsWith(change));

  it("a role with both halves for prod aliases grants Dev kms:Decrypt by creating one, and revokes it by deleting it", () => {
    const create = of(onePaths, "ProdAliaser", "kms:CreateAlias alias/prod-");
    expect(create.map((p) => p.key)).toEqual([K1]);
    expect(devDecrypt(create[0]?.grants)).toBe(true);
    expect(devDecrypt(of(onePaths, "ProdAliaser", "kms:DeleteAlias alias/prod-")[0]?.revokes)).toBe(true);
    // The reference evaluator, independently: the operation is allowed.
    const name = create[0]!.change.slice("kms:CreateAlias ".length);
    const op = (principal: string, n: string) => ({ operation: "kms:CreateAlias", checks: [
      { principal, action: "kms:CreateAlias", resource: `${ALIASES}${n.slice("alias/".length)}` },
      { principal, action: "kms:CreateAlias", resource: K1 },
    ] });
    expect(evaluateReference(one, op(role("ProdAliaser"), name))).toMatchObject({ decision: "Allow" });
    // The alias half is what refuses TestAliaser (its key half allows).
    expect(evaluateReference(one, op(role("TestAliaser"), name))).toMatchObject({ decision: "ImplicitDeny" });
    expect(evaluateReference(one, op(role("TestAliaser"), name).checks[1]!)).toMatchObject({ decision: "Allow" });
  });

  it("the alias half changes the answer: a role allowed on every key but only on test aliases has no path", () => {
    expect(onePaths.filter((p) => p.actor === role("TestAliaser"))).toEqual([]);
  });

  it("no path without the key half, with halves that need contradictory contexts, or with a Deny on the alias", () => {
    expect(onePaths.filter((p) => p.actor === role("AliasOnly"))).toEqual([]);
    expect(onePaths.filter((p) => p.actor === role("SplitIp"))).toEqual([]);
    expect(of(onePaths, "NoCreateProd", "kms:CreateAlias")).toEqual([]);
    expect(devDecrypt(of(onePaths, "NoCreateProd", "kms:DeleteAlias alias/prod-")[0]?.revokes)).toBe(true);
  });

  it("UpdateAlias needs a second key of the bundle: it moves a prod alias from one key to the other", () => {
    expect(of(onePaths, "ProdAliaser", "kms:UpdateAlias")).toEqual([]);
    const paths = abacPaths(prepareInput("aliases", aliasBundle([K1, K2])).graph);
    const onto = of(paths, "ProdAliaser", "kms:UpdateAlias alias/prod-").filter((p) => p.key === K1 && p.change.endsWith(`from ${K2}`));
    expect(devDecrypt(onto[0]?.grants)).toBe(true);
    const away = of(paths, "ProdAliaser", "kms:UpdateAlias alias/prod-").filter((p) => p.key === K1 && p.change.endsWith(`to ${K2}`));
    expect(devDecrypt(away[0]?.revokes)).toBe(true);
    expect(paths.filter((p) => p.actor === role("TestAliaser") || p.actor === role("SplitIp"))).toEqual([]);
  });
});

// cedar-wasm's limits (runtime/src/cedar/cedar-limits.ts): the measure bounds what traps the engine,
// text at the limits is handled by every cedar-wasm call we make, text over them is refused before
// cedar-wasm sees it, and a trap that happens anyway leaves earlier authorizers deciding.
import { describe, expect, it } from "vitest";
import type { CedarManifest, Request } from "@kms-cedar/runtime";
import { cedarRecoveries, createCedarAuthorizer, loadCedar } from "@kms-cedar/runtime";
import {
  CEDAR_LIMITS, cedarLimitProblems, MANIFEST_FORMAT, MANIFEST_VERSION, measureCedarText,
} from "@kms-cedar/runtime/cedar-names";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/k1`;
const USER = `arn:aws:iam::${A}:user/Bob`;
const schema = `
namespace Iam { entity Account in [Account]; entity Policy; entity Root, User in [Account, Policy] { account: String }; entity Role in [Account, Policy] { account: String }; }
namespace Sts { entity AssumedRole in [Iam::Role, Iam::Policy] { account: String }; entity FederatedUser in [Iam::Account, Iam::Policy] { account: String }; }
namespace Aws { entity Service { account: String }; }
namespace Kms {
  type Context = { "s"?: String };
  entity Key, Alias, NoResource { account: String, arn: String };
  action "Decrypt" appliesTo { principal: [Iam::Root, Iam::User, Iam::Role, Sts::AssumedRole, Sts::FederatedUser, Aws::Service], resource: [Key], context: Context };
}`;
const manifest: CedarManifest = {
  format: MANIFEST_FORMAT, version: MANIFEST_VERSION,
  actions: [{ name: "kms:Decrypt", target: "key", keyPolicy: true, crossAccount: true }],
  keys: [KEY],
  identity: [{ principal: USER, policies: [`principals[${USER}][0]`] }],
  policies: [{ id: "allow-1", role: "allow", reason: { policy: `principals[${USER}][0]`, statement: 0, effect: "Allow" } }],
  attributes: [{ name: "s", kind: "string", key: "s", derived: false, constants: [] }],
  markers: [],
};
/** One permit whose condition is `context has "s" && (body)`, `body` reading `context["s"]`. */
const permitWhen = (body: string): string =>
  `@id("allow-1") permit (principal in Iam::Policy::"principals[${USER}][0]", action, resource) when { context has "s" && (${body}) };`;
const engineFor = (body: string) => createCedarAuthorizer({ policies: permitWhen(body), schema, manifest });
const ask = (s: string): Request => ({ principal: USER, action: "kms:Decrypt", resource: KEY, context: { s } });
const decision = (result: unknown): unknown => (result as { decision?: string }).decision ?? result;

const eq = (i: number): string => `context["s"] == "v${i}"`;
const chain = (n: number): string => Array.from({ length: n }, (_, i) => eq(i)).join(" || ");
const parens = (levels: number): string => `${"(".repeat(levels)}${eq(0)}${")".repeat(levels)}`;
const set = (n: number): string => `[${Array.from({ length: n }, (_, i) => `"v${i}"`).join(", ")}].contains(context["s"])`;

describe("measureCedarText", () => {
  it("counts a chain one per operator, a bracket level six, an if two", () => {
    expect(measureCedarText(`permit (principal, action, resource) when { ${chain(300)} };`).depth).toBeGreaterThanOrEqual(300 * 2);
    expect(measureCedarText(`permit (principal, action, resource) when { ${parens(100)} };`).depth).toBeGreaterThanOrEqual(600);
    const ifs = `permit (principal, action, resource) when { ${"if true then ".repeat(50)}true${" else false".repeat(50)} };`;
    expect(measureCedarText(ifs).depth).toBeGreaterThanOrEqual(100);
  });

  it("measures each shape that traps cedar-wasm at least 2.9 times its depth limit", () => {
    // The smallest trapping sizes measured (see the module's header): 370 chained operands, 130 parentheses, 350 ifs.
    const trapping = [chain(370), parens(130), `${"if true then ".repeat(350)}true${" else false".repeat(350)}`];
    for (const body of trapping) expect(measureCedarText(permitWhen(body)).depth).toBeGreaterThanOrEqual(2.9 * CEDAR_LIMITS.depth);
    expect(measureCedarText(set(2_900)).list).toBeGreaterThanOrEqual(2.9 * CEDAR_LIMITS.list);
  });

  it("counts list elements per bracket, and non-ASCII per literal or comment", () => {
    expect(measureCedarText(set(2500)).list).toBe(2500);
    expect(measureCedarText(`"${"é".repeat(700)}" // ${"中".repeat(900)}\n"${"é".repeat(10)}"`).nonAscii).toBe(900);
    expect(measureCedarText(`"${"\\u{e9}".repeat(5000)}"`).nonAscii).toBe(0);
  });

  it("ignores brackets, commas and operators inside string literals and comments", () => {
    const text = `permit (principal, action, resource) when { context["s"] == "((([[,,,||&&\\"" }; // ((( ,,, ||`;
    const plain = `permit (principal, action, resource) when { context["s"] == "x" };`;
    expect(measureCedarText(text)).toEqual(measureCedarText(plain));
  });

  it("balanced groups of eight keep 100,000 operands far under the depth limit", () => {
    const group = (items: string[]): string => {
      if (items.length <= 8) return items.join(" || ");
      const size = Math.ceil(items.length / 8);
      const parts: string[] = [];
      for (let i = 0; i < items.length; i += size) parts.push(`(${group(items.slice(i, i + size))})`);
      return group(parts);
    };
    const text = permitWhen(group(Array.from({ length: 100_000 }, (_, i) => eq(i))));
    expect(measureCedarText(text).depth).toBeLessThan(CEDAR_LIMITS.depth * 0.6);
  });
});

describe("cedar-wasm at and over the limits", () => {
  const earlier = engineFor(`context["s"] == "early"`);

  // The largest text of each kind that the limits accept, with the cedar-wasm calls we make on it.
  const atLimit: readonly { name: string; body: string; hit: string }[] = [
    { name: "an operator chain", body: chain(CEDAR_LIMITS.depth / 2 - 10), hit: "v0" },
    { name: "nested parentheses", body: parens(Math.floor((CEDAR_LIMITS.depth - 20) / 6)), hit: "v0" },
    { name: "nested ifs", body: `${"if true then ".repeat(CEDAR_LIMITS.depth / 2 - 15)}${eq(0)}${" else false".repeat(CEDAR_LIMITS.depth / 2 - 15)}`, hit: "v0" },
    { name: "a set literal", body: set(CEDAR_LIMITS.list), hit: "v0" },
    { name: "a non-ASCII literal", body: `context["s"] == "${"é".repeat(CEDAR_LIMITS.nonAscii)}"`, hit: "é".repeat(CEDAR_LIMITS.nonAscii) },
  ];
  for (const { name, body, hit } of atLimit) {
    it(`${name} at the limit is formatted, validated and decided; an earlier authorizer still decides`, () => {
      const text = permitWhen(body);
      expect(cedarLimitProblems(text, { formatter: true })).toEqual([]);
      const cedar = loadCedar();
      expect(cedar.formatPolicies({ policyText: text, lineWidth: 100, indentWidth: 2 }).type).toBe("success");
      const validation = cedar.validate({ schema, policies: { staticPolicies: { p: text } }, validationSettings: { mode: "strict" } });
      expect(validation.type === "success" && validation.validationErrors).toEqual([]);
      const engine = engineFor(body);
      expect(decision(engine.decide(ask(hit)))).toBe("Allow");
      expect(decision(engine.decide(ask("other")))).toBe("ImplicitDeny");
      expect(decision(earlier.decide(ask("early")))).toBe("Allow");
    });
  }

  it("over a limit, createCedarAuthorizer refuses before cedar-wasm sees the text; earlier authorizers still decide", () => {
    const before = cedarRecoveries();
    for (const body of [chain(2_000), parens(300), set(5_000)]) {
      expect(() => engineFor(body)).toThrow(/cannot load Cedar policies: .*over cedar-wasm's limit/);
    }
    expect(cedarRecoveries()).toBe(before);
    expect(decision(earlier.decide(ask("early")))).toBe("Allow");
    expect(decision(earlier.decide(ask("late")))).toBe("ImplicitDeny");
  });

  it("a trap inside cedar-wasm (as a bug would cause) throws once; earlier authorizers then still decide", () => {
    const before = cedarRecoveries();
    // Straight to cedar-wasm, past the guard: 300 levels of parentheses trap its parser.
    const trapping = permitWhen(parens(300));
    expect(() => loadCedar().checkParsePolicySet({ staticPolicies: { p: trapping } })).toThrow();
    expect(cedarRecoveries()).toBe(before + 1);
    expect(decision(earlier.decide(ask("early")))).toBe("Allow");
    expect(decision(engineFor(`context["s"] == "new"`).decide(ask("new")))).toBe("Allow");
  });
});

// fast-check arbitraries for requests against the generated bundles: every caller kind (session
// behind a role with a path, role, user, root, external session, service), key / alias / no-resource
// targets, contexts with values from the policy pools (arrays, empty arrays, case-variant duplicate
// names, non-string values), and multi-check operations.
import fc from "fast-check";
import { A, ACTIONS, APP_ROLE, B, BOB, KEY_A, KEY_B, SERVICE } from "./bundle-arbitraries.js";
import { KEYS } from "./condition-arbitraries.js";

/** Picks from weighted constants. */
function weighted<T>(...choices: readonly (readonly [number, T])[]): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));
}

const principalArb = weighted<string>(
  [6, `arn:aws:sts::${A}:assumed-role/App/s1`], [1, APP_ROLE], [3, BOB], [1, `arn:aws:iam::${A}:root`],
  [1, `arn:aws:iam::${B}:root`], [2, `arn:aws:sts::${B}:assumed-role/Ext/s1`], [1, SERVICE], [1, "ec2.amazonaws.com"],
  [1, `arn:aws:iam::${A}:user/Nobody`], [1, "not a principal"],
);

/** A resource that fits the action most of the time (a misfit is error KR0005). */
function resourceFor(action: string): fc.Arbitrary<string> {
  const misfit: readonly [number, string] = [1, `arn:aws:kms:us-west-2:${A}:key/unknown`];
  if (action === "kms:CreateKey" || action === "kms:ListKeys") {
    return weighted([4, "*"], [3, `arn:aws:kms:us-west-2:${A}:*`], [2, `arn:aws:kms:us-west-2:${B}:*`], misfit);
  }
  if (action === "kms:CreateAlias") {
    return weighted([4, `arn:aws:kms:us-west-2:${A}:alias/red-key`], [1, `arn:aws:kms:us-west-2:${B}:alias/x`], [4, KEY_A], [1, KEY_B], [1, "*"]);
  }
  return weighted([12, KEY_A], [4, KEY_B], misfit, [1, "*"], [1, "arn:aws:s3:::bucket"]);
}
// `aws:username` is derived from the principal (docs/request-model.md): requests do not give it.
const EXTRA_KEYS = ["aws:PrincipalTag/team"];

/** A context value: from the key's pool, sometimes an array (also for single-valued keys), rarely not a string. */
function valueArb(pool: readonly string[], multi: boolean): fc.Arbitrary<unknown> {
  const one = fc.constantFrom(...pool);
  const list = fc.array(one, { minLength: 0, maxLength: 3 });
  return fc.oneof(
    { weight: multi ? 5 : 40, arbitrary: one },
    { weight: multi ? 40 : 10, arbitrary: list },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(7, null, [["nested"]]) },
  );
}

const contextArb = fc.array(
  fc.record({
    spec: fc.constantFrom(...KEYS.map((k) => ({ key: k.key, pool: k.pool, multi: k.multi })),
      ...EXTRA_KEYS.map((key) => ({ key, pool: ["red", "bob", "1111aaaa", "*", "IT"], multi: false }))),
    keyCase: fc.constantFrom("as-is", "as-is", "as-is", "lower"),
  }).chain((r) => valueArb(r.spec.pool, r.spec.multi).map((value) => ({
    key: r.keyCase === "lower" ? r.spec.key.toLowerCase() : r.spec.key,
    value,
  }))),
  { minLength: 0, maxLength: 6 },
).map((entries) => {
  const context: Record<string, unknown> = {};
  for (const e of entries) context[e.key] = e.value;
  return context;
});

/** One check. Non-string context values are rare (an error, KR0006). */
export const checkArb = fc.constantFrom(...ACTIONS, "kms:Frobnicate").chain((action) => fc.record({
  principal: principalArb,
  action: fc.constant(action),
  resource: resourceFor(action),
  context: contextArb,
}));

/** A request or, now and then, an operation of two checks by the same caller (spec §5.5). */
export const requestArb = fc.oneof(
  { weight: 9, arbitrary: checkArb },
  {
    weight: 1,
    arbitrary: fc.tuple(checkArb, checkArb).map(([first, second]) => ({
      operation: "kms:ReEncrypt",
      checks: [
        { ...first, action: "kms:ReEncryptFrom", resource: KEY_A },
        { ...second, principal: first.principal, action: "kms:ReEncryptTo", resource: KEY_B },
      ],
    })),
  },
);

// fast-check arbitraries for requests on generated bundles: callers of every kind in both accounts,
// key / alias / no-resource targets, single checks and multi-part operations (§5.5), and contexts
// built from the keys the bundle mentions: missing, empty and multi-valued keys, case variants of
// key names (and rarely two variants at once, A18), rarely a value that is not a string (KR0006).
// Phase: conformance generators.
import fc from "fast-check";
import { withCallerKeys } from "./caller-keys.js";
import { CONDITION_KEYS, PROTOTYPE_NAMES, VARIABLE_KEYS } from "./condition-keys.js";
import { malformedRequestArb } from "./hostile-requests.js";
import {
  ALIAS_A, ALIAS_A2, ALIAS_B, ALL_KMS_ACTIONS, HOT_ACTIONS, KEY_A1, KEY_A2, KEY_B, NO_RESOURCE_A, NO_RESOURCE_B,
  ROLE_ADMIN, ROLE_APP, ROLE_EXT, ROOT_A, ROOT_B, SERVICE_EC2, SERVICE_LOGS, SESSION_ADMIN, SESSION_APP, SESSION_EXT,
  USER_BOB, USER_CAROL_B, USER_NOBODY, FEDERATED_FED, SESSION_APP_B, SESSION_EXT_A, actionClassOf,
} from "./fixtures.js";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";
import { mentionedKeys } from "./bundle-keys.js";
import { sometimes } from "./sometimes.js";
import { operatorName } from "./operators.js";
import type { OperatorVariant } from "./operators.js";
import { placedStatements, steeredCheckArb } from "./steered-requests.js";
import type { PlacedStatement } from "./steered-requests.js";

export type Context = Record<string, unknown>;
export interface Check { principal: string; action: string; resource: string; context: Context }
export interface OperationRequest { operation: string; checks: Check[] }
export type GeneratedRequest = Check | OperationRequest;

interface ValueSource { readonly key: string; readonly values: readonly string[]; readonly multi: boolean }

/** Every key a request may carry, with its values (condition keys and variable keys merged). */
const SOURCES: ReadonlyMap<string, ValueSource> = (() => {
  const map = new Map<string, ValueSource>();
  for (const k of CONDITION_KEYS) map.set(k.key.toLowerCase(), { key: k.key, values: k.contextValues, multi: k.multi });
  for (const v of VARIABLE_KEYS) {
    const prior = map.get(v.key.toLowerCase());
    map.set(v.key.toLowerCase(), {
      key: v.key, multi: false, values: [...new Set([...(prior?.values ?? []), ...v.contextValues])],
    });
  }
  return map;
})();

const UNKNOWN_KEY_A = `arn:aws:kms:us-west-2:111122223333:key/9999ffff-9999-9999-9999-999999999999`;

const callerArb = fc.oneof(
  ...([
    [SESSION_APP, 4], [ROLE_APP, 1], [SESSION_ADMIN, 2], [ROLE_ADMIN, 1], [USER_BOB, 3], [FEDERATED_FED, 1], [ROOT_A, 1],
    [USER_NOBODY, 1], [SESSION_EXT, 3], [ROLE_EXT, 1], [USER_CAROL_B, 2], [ROOT_B, 1], [SERVICE_LOGS, 1], [SERVICE_EC2, 1],
    [SESSION_APP_B, 2], [SESSION_EXT_A, 1],
  ] as const).map(([arn, weight]) => ({ weight, arbitrary: fc.constant<string>(arn) })),
);

const actionArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<string>(...HOT_ACTIONS) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_KMS_ACTIONS) });

// KEY_A2 is not in every bundle: a request on it is then an unknown key (KR0004), now and then on purpose.
const keyArb = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(KEY_A1, KEY_B) }, { weight: 1, arbitrary: fc.constant(KEY_A2) });

/** Resources of each kind; a check picks the kind its action needs (spec §1.7), now and then a misfit. */
const resourcePicksArb = fc.record({
  key: keyArb,
  none: fc.constantFrom("*", NO_RESOURCE_A, NO_RESOURCE_A, NO_RESOURCE_B),
  alias: fc.constantFrom(ALIAS_A, ALIAS_A2, ALIAS_B),
  aliasOrKey: fc.boolean(),
  misfit: sometimes(fc.constantFrom(KEY_A1, ALIAS_A, "*", UNKNOWN_KEY_A, "arn:aws:s3:::bucket-1"), 2),
});

function pickResource(action: string, p: { key: string; none: string; alias: string; aliasOrKey: boolean; misfit: string | null }): string {
  if (p.misfit !== null) return p.misfit;
  const cls = actionClassOf(action);
  return cls === "no-resource" ? p.none : cls === "alias" && p.aliasOrKey ? p.alias : p.key;
}

function valueArb(source: ValueSource): fc.Arbitrary<unknown> {
  const one = fc.constantFrom(...source.values);
  return source.multi
    ? fc.oneof({ weight: 8, arbitrary: fc.array(one, { minLength: 0, maxLength: 3 }) }, { weight: 2, arbitrary: one })
    : fc.oneof(
      { weight: 12, arbitrary: one },
      { weight: 1, arbitrary: one.map((v) => [v]) },
      { weight: 2, arbitrary: fc.uniqueArray(one, { minLength: 2, maxLength: 2 }) },
      // The same value twice in a single-valued key: still one value, not several.
      { weight: 2, arbitrary: one.map((v) => [v, v]) },
      { weight: 1, arbitrary: fc.constant([]) },
    );
}

const spellArb = fc.constantFrom("as-is", "as-is", "as-is", "as-is", "as-is", "lower", "upper");
const spell = (key: string, how: string): string => (how === "lower" ? key.toLowerCase() : how === "upper" ? key.toUpperCase() : key);

/** A context over `keys` (lower-cased names): each present two times in three, plus an unrelated key now and then. */
export function contextArb(keys: readonly string[]): fc.Arbitrary<Context> {
  const sources = keys.map((k) => SOURCES.get(k)).filter((s): s is ValueSource => s !== undefined);
  const others = [...SOURCES.values()];
  const entry = (s: ValueSource) => fc.record({ how: spellArb, value: valueArb(s), present: fc.integer({ min: 0, max: 2 }) });
  return fc.record({
    entries: fc.tuple(...sources.map(entry)),
    extra: sometimes(fc.constantFrom(...others).chain((s) => valueArb(s).map((value) => ({ key: s.key, value }))), 25),
    ambiguous: sometimes(fc.tuple(fc.constantFrom(...(sources.length > 0 ? sources : others)), fc.string({ maxLength: 3 })), 3),
    broken: sometimes(fc.constantFrom<unknown>(7, null, [["nested"]], {}, true), 1),
    // A member named like a property of Object.prototype (an unknown key: ignored, never a crash).
    prototypeNamed: sometimes(fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom<unknown>("red", ["red"], "")), 8),
  }).map(({ entries, extra, ambiguous, broken, prototypeNamed }) => {
    const context: Context = {};
    entries.forEach((e, i) => {
      if (e.present > 0) context[spell(sources[i]!.key, e.how)] = e.value;
    });
    if (extra !== null && !Object.keys(context).some((k) => k.toLowerCase() === extra.key.toLowerCase())) context[extra.key] = extra.value;
    if (ambiguous !== null) {
      // A18: two entries whose names differ only in case.
      const [s, v] = ambiguous;
      context[s.key.toLowerCase()] = v;
      context[s.key.toUpperCase()] = s.values[0];
    }
    if (broken !== null) context["aws:PrincipalTag/team"] = broken;
    if (prototypeNamed !== null) Object.defineProperty(context, prototypeNamed[0], { value: prototypeNamed[1], enumerable: true, writable: true, configurable: true });
    return context;
  });
}

/** One check with contexts from `context`; rarely a malformed principal, action or resource. */
export function checkArb(context: fc.Arbitrary<Context>): fc.Arbitrary<Check> {
  return fc.record({
    principal: fc.oneof({ weight: 200, arbitrary: callerArb }, { weight: 1, arbitrary: fc.constantFrom("not a principal", "arn:aws:iam::111122223333:group/Devs") }),
    action: fc.oneof({ weight: 200, arbitrary: actionArb }, { weight: 1, arbitrary: fc.constantFrom("kms:Nope", "s3:GetObject", "KMS:DECRYPT") }),
    resource: resourcePicksArb,
    context,
  }).map((c) => ({ principal: c.principal, action: c.action, resource: pickResource(c.action, c.resource), context: c.context }));
}

/** A multi-part operation (spec §5.5) by one caller. */
export function operationArb(ctx: fc.Arbitrary<Context>): fc.Arbitrary<OperationRequest> {
  return fc.record({
    principal: callerArb, kind: fc.constantFrom("ReEncrypt", "ReEncrypt", "CreateAlias", "DeleteAlias", "UpdateAlias"),
    k1: keyArb, k2: keyArb, alias: fc.constantFrom(ALIAS_A, ALIAS_A2, ALIAS_B), c1: ctx, c2: ctx, c3: ctx,
  }).map((o): OperationRequest => {
    const check = (action: string, resource: string, context: Context): Check => ({ principal: o.principal, action, resource, context });
    if (o.kind === "ReEncrypt") {
      const same = o.k1 === o.k2 ? "true" : "false";
      return {
        operation: "kms:ReEncrypt",
        checks: [
          check("kms:ReEncryptFrom", o.k1, { ...o.c1, "kms:ReEncryptOnSameKey": same }),
          check("kms:ReEncryptTo", o.k2, { ...o.c2, "kms:ReEncryptOnSameKey": same }),
        ],
      };
    }
    const action = `kms:${o.kind}`;
    const checks = [check(action, o.alias, o.c1), check(action, o.k1, o.c2)];
    if (o.kind === "UpdateAlias") checks.push(check(action, o.k2, o.c3));
    return { operation: action, checks };
  });
}

/**
 * A request on `bundle`: a check aimed at one of its statements (most often), a check drawn from
 * the whole fixture world, or, one in ten, an operation.
 */
export function requestArb(bundle: PlainBundleShape, focus?: OperatorVariant): fc.Arbitrary<GeneratedRequest> {
  const context = contextArb(mentionedKeys(bundle));
  const placed = placedStatements(bundle as never);
  // Statements that test the focus operator are aimed at four times as often: they are what the case is about.
  const tests = (p: PlacedStatement): boolean => focus !== undefined && Object.keys((p.statement["Condition"] ?? {}) as object).includes(operatorName(focus));
  // PERF: one arbitrary per statement, built once per bundle (no `chain` per request).
  const aimed = placed.length === 0 ? checkArb(context)
    : fc.oneof(...placed.map((p) => ({ weight: tests(p) ? 4 : 1, arbitrary: steeredCheckArb(p, context, Object.keys(bundle.keys ?? {})) })));
  // Caller-derived keys in a context must agree with the principal (DESIGN §2): else KR0009.
  return fc.oneof(
    { weight: 7, arbitrary: withCallerKeys(aimed) },
    { weight: 3, arbitrary: withCallerKeys(checkArb(context)) },
    { weight: 1, arbitrary: operationArb(context) },
  );
}

/** A request for a generated case: mostly well formed (`requestArb`), one in twenty malformed (a request error in every engine). */
export function caseRequestArb(bundle: PlainBundleShape, focus?: OperatorVariant): fc.Arbitrary<unknown> {
  const wellFormed = requestArb(bundle, focus);
  return fc.oneof(
    { weight: 19, arbitrary: wellFormed as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: malformedRequestArb(wellFormed).map((m) => m.request) },
  );
}

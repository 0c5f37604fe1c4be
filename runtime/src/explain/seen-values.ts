// What a condition test saw in a request, for engines that do not keep the request's context in a
// readable form (the Cedar engine sees typed views): the request model's own reading — keys
// case-insensitive, empty lists absent, case variants ambiguous, keys derived from the caller — done
// with the runtime's ContextReader over the keys the explanation may name (docs/explain.md).
import type { Request } from "../contracts.js";
import { ContextReader } from "../evaluate/context-reader.js";
import type { RequestDerived } from "../evaluate/context-reader.js";
import { EvalState } from "../evaluate/eval-state.js";
import { callerDerived, resourceDerived, setsCallerAccount, uniqueRoles } from "../request/derived-keys.js";
import { parseCaller } from "../request/read-caller.js";
import { parseTarget } from "../request/read-target.js";
import { requestContext } from "../request/read-shape.js";
import { callerInOrganization, callerUserIdUnknown, isCreateGrant, keysAwsSets, resourceInOrganization } from "../request/unknown-keys.js";
import type { OrganizationAccounts } from "../request/unknown-keys.js";
import type { SeenValue } from "./explanation.js";

/** Reads the values of `keys` (lower-cased condition keys) in requests of a bundle with these principals. */
export function createSeenReader(
  keys: Iterable<string>, principalArns: Iterable<string>, organization?: OrganizationAccounts,
): (request: Request) => (key: string) => SeenValue {
  const slots = new Map<string, number>();
  for (const key of keys) if (!slots.has(key)) slots.set(key, slots.size);
  const roles = uniqueRoles(principalArns);
  const reader = new ContextReader(slots);
  const st = new EvalState(slots.size, 0);
  return (request) => {
    const caller = parseCaller(request.principal);
    const target = parseTarget(request.resource);
    st.begin(request.resource);
    if (caller !== undefined && target !== undefined) {
      const derived: RequestDerived = {
        caller: callerDerived(caller, (roleKey) => roles.get(roleKey) ?? undefined),
        resource: resourceDerived(target.kind, target.account),
        setsCallerAccount: target.kind !== "alias" && setsCallerAccount(request.action.toLowerCase(), target.kind),
        // Deviations 49, 50, 51 (request/unknown-keys.ts): as the engine read them.
        unknownIfLeftOut: keysAwsSets(
          callerInOrganization(organization, caller), resourceInOrganization(organization, target.kind, target.account), isCreateGrant(request.action.toLowerCase()),
          callerUserIdUnknown(caller),
        ),
      };
      // INVARIANT: the engine decided this request, so its context fits the derived keys (no KR0009).
      reader.load(st, requestContext(request), derived);
    }
    return (key) => st.seen(slots.get(key));
  };
}

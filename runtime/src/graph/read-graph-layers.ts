// Checks a graph's `layers` member (docs/graph-format.md "Layers") for readGraph: every member and its
// type, every policy index in range and pointing at a policy of the right layer, each layer policy
// reached, grants well-formed. Returns the member rebuilt with prototype-free maps.
// Throws through `fail` (readGraph turns that into `{ error }`).
import type {
  GraphEndpoint, GraphGrant, GraphGrantConstraints, GraphKeyLayers, GraphLayers, GraphOrgLevel, GraphPrincipalLayers, PolicyLayer,
} from "./graph-types.js";

/** The policies as readGraph read them: what the layers may point at. */
export interface LayerPolicyView {
  readonly kind: "key" | "identity";
  readonly layer?: PolicyLayer;
}

/** The 17 grant operations (docs/semantics/grants.md §2). */
export const GRANT_OPERATIONS: ReadonlySet<string> = new Set([
  "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
  "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac",
  "CreateGrant", "DescribeKey", "GetPublicKey", "RetireGrant",
]);

const KIND_OF_LAYER: Readonly<Record<PolicyLayer, "key" | "identity">> = {
  scp: "identity", boundary: "identity", session: "identity", rcp: "key", endpoint: "key",
};

/** Checks `raw` (the graph's `layers`); `fail` throws. */
export function checkLayers(raw: unknown, policies: readonly LayerPolicyView[], fail: (message: string) => never): GraphLayers {
  const reached = policies.map(() => 0);
  const policy = (v: unknown, layer: PolicyLayer, where: string): number => {
    if (!Number.isSafeInteger(v) || (v as number) < 0 || (v as number) >= policies.length) fail(`${where} refers to a missing policy`);
    const p = v as number;
    if (policies[p]!.layer !== layer || policies[p]!.kind !== KIND_OF_LAYER[layer]) fail(`${where} names a policy that is not a ${layer} policy`);
    reached[p]!++;
    return p;
  };
  const obj = (v: unknown, allowed: readonly string[], required: readonly string[], where: string): Record<string, unknown> => {
    if (!isObject(v)) fail(`${where} is not an object`);
    const o = v as Record<string, unknown>;
    for (const name of Object.keys(o)) if (!allowed.includes(name)) fail(`${where} has an unknown member \`${name}\``);
    for (const name of required) if (!Object.prototype.hasOwnProperty.call(o, name) || o[name] === undefined) fail(`${where} lacks \`${name}\``);
    return o;
  };
  const text = (v: unknown, where: string): string => (typeof v === "string" ? v : fail(`${where} is not a string`));
  const list = (v: unknown, where: string): unknown[] => (Array.isArray(v) ? v : fail(`${where} is not an array`));
  const map = <T>(v: unknown, where: string, each: (value: unknown, name: string) => T): Record<string, T> => {
    if (!isObject(v)) fail(`${where} is not an object`);
    const out = Object.create(null) as Record<string, T>;
    for (const name of Object.keys(v as object)) out[name] = each((v as Record<string, unknown>)[name], name);
    return out;
  };

  const top = obj(raw, ["organization", "principals", "endpoints", "keys"], ["principals", "keys"], "`layers`");
  let organization: GraphLayers["organization"];
  if (top["organization"] !== undefined) {
    const o = obj(top["organization"], ["managementAccount", "accounts"], ["accounts"], "`layers.organization`");
    const accounts = map(o["accounts"], "`layers.organization.accounts`", (levels, account) =>
      list(levels, `accounts[${account}]`).map((l, i): GraphOrgLevel => {
        const where = `accounts[${account}][${i}]`;
        const level = obj(l, ["location", "scps", "rcps"], ["location", "rcps"], where);
        const scps = level["scps"] === undefined ? undefined : list(level["scps"], `${where}.scps`).map((p) => policy(p, "scp", `${where}.scps`));
        const rcps = list(level["rcps"], `${where}.rcps`).map((p) => policy(p, "rcp", `${where}.rcps`));
        return { location: text(level["location"], `${where}.location`), ...(scps === undefined ? {} : { scps }), rcps };
      }));
    organization = {
      ...(o["managementAccount"] === undefined ? {} : { managementAccount: text(o["managementAccount"], "`managementAccount`") }),
      accounts,
    };
  }
  const principals = map(top["principals"], "`layers.principals`", (v, arn): GraphPrincipalLayers => {
    const where = `layers.principals[${arn}]`;
    const e = obj(v, ["boundary", "sessionPolicies", "federatedBy"], [], where);
    return {
      ...(e["boundary"] === undefined ? {} : { boundary: policy(e["boundary"], "boundary", `${where}.boundary`) }),
      ...(e["sessionPolicies"] === undefined ? {} : {
        sessionPolicies: list(e["sessionPolicies"], `${where}.sessionPolicies`).map((p) => policy(p, "session", `${where}.sessionPolicies`)),
      }),
      ...(e["federatedBy"] === undefined ? {} : { federatedBy: text(e["federatedBy"], `${where}.federatedBy`) }),
    };
  });
  const endpoints = top["endpoints"] === undefined ? undefined : map(top["endpoints"], "`layers.endpoints`", (v, id): GraphEndpoint => {
    const e = obj(v, ["policy", "vpc"], ["policy"], `layers.endpoints[${id}]`);
    return { policy: policy(e["policy"], "endpoint", `layers.endpoints[${id}].policy`), ...(e["vpc"] === undefined ? {} : { vpc: text(e["vpc"], "vpc") }) };
  });
  const keys = map(top["keys"], "`layers.keys`", (v, arn): GraphKeyLayers => {
    const where = `layers.keys[${arn}]`;
    const e = obj(v, ["awsManaged", "grants"], [], where);
    if (e["awsManaged"] !== undefined && e["awsManaged"] !== true) fail(`${where}.awsManaged must be true when present`);
    const names = new Set<string>();
    const grants = e["grants"] === undefined ? undefined : list(e["grants"], `${where}.grants`).map((g, i) => {
      const grant = checkGrant(g, `${where}.grants[${i}]`, { obj, text, list, fail });
      if (names.has(grant.name)) fail(`${where} has two grants named \`${grant.name}\``);
      names.add(grant.name);
      return grant;
    });
    return { ...(e["awsManaged"] === true ? { awsManaged: true as const } : {}), ...(grants === undefined ? {} : { grants }) };
  });
  reached.forEach((n, p) => {
    // An organization level's policies are on the path of every account under it: listed once or more.
    if (policies[p]!.layer !== undefined && n === 0) fail(`policies[${p}] (a ${policies[p]!.layer} policy) is not listed under \`layers\``);
  });
  return { ...(organization === undefined ? {} : { organization }), principals, ...(endpoints === undefined ? {} : { endpoints }), keys };
}

interface Readers {
  obj(v: unknown, allowed: readonly string[], required: readonly string[], where: string): Record<string, unknown>;
  text(v: unknown, where: string): string;
  list(v: unknown, where: string): unknown[];
  fail(message: string): never;
}

function checkGrant(g: unknown, where: string, r: Readers): GraphGrant {
  const members = ["name", "operations", "granteePrincipal", "granteeServicePrincipal", "retiringPrincipal", "retiringServicePrincipal", "constraints"];
  const e = r.obj(g, members, ["name", "operations"], where);
  const operations = r.list(e["operations"], `${where}.operations`).map((op) => r.text(op, `${where}.operations`));
  if (operations.length === 0 || !operations.every((op) => GRANT_OPERATIONS.has(op))) r.fail(`${where}.operations must list grant operations`);
  // grants.md §1: exactly one grantee.
  if ((e["granteePrincipal"] === undefined) === (e["granteeServicePrincipal"] === undefined)) r.fail(`${where} must have exactly one grantee`);
  const optional = (name: string): Record<string, string> => (e[name] === undefined ? {} : { [name]: r.text(e[name], `${where}.${name}`) });
  let constraints: GraphGrantConstraints | undefined;
  if (e["constraints"] !== undefined) {
    const c = r.obj(e["constraints"], ["encryptionContextEquals", "encryptionContextSubset", "sourceArn"], [], `${where}.constraints`);
    if (c["encryptionContextEquals"] !== undefined && c["encryptionContextSubset"] !== undefined) r.fail(`${where}.constraints has both encryption-context constraints`);
    const pairs = (v: unknown, w: string): [string, string][] => {
      const list = r.list(v, w).map((p) => {
        const pair = r.list(p, w);
        if (pair.length !== 2) r.fail(`${w} has a pair that is not [key, value]`);
        return [r.text(pair[0], w), r.text(pair[1], w)] as [string, string];
      });
      if (list.length === 0 || list.length > 8 || new Set(list.map(([k]) => k)).size !== list.length) r.fail(`${w} must have 1 to 8 pairs with distinct keys`);
      return list;
    };
    constraints = {
      ...(c["encryptionContextEquals"] === undefined ? {} : { encryptionContextEquals: pairs(c["encryptionContextEquals"], `${where}.encryptionContextEquals`) }),
      ...(c["encryptionContextSubset"] === undefined ? {} : { encryptionContextSubset: pairs(c["encryptionContextSubset"], `${where}.encryptionContextSubset`) }),
      ...(c["sourceArn"] === undefined ? {} : { sourceArn: r.text(c["sourceArn"], `${where}.sourceArn`) }),
    };
  }
  return {
    name: r.text(e["name"], `${where}.name`), operations,
    ...optional("granteePrincipal"), ...optional("granteeServicePrincipal"),
    ...optional("retiringPrincipal"), ...optional("retiringServicePrincipal"),
    ...(constraints === undefined ? {} : { constraints }),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

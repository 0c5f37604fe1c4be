// Distinct requests for the seed ABAC bundle (bench/decide-bundles.ts, `seedAbac`), generated from a
// seed, and the hand-written closure baseline: a plain JS function that decides exactly this bundle
// (the physical limit the graph evaluator is measured against). The benchmark checks the closure
// agrees with the graph evaluator on every request before timing anything.
import type { Request } from "@kms-cedar/runtime";
import { A } from "./decide-bundles.js";
import { createRandom } from "./prng.js";

const KEY = `arn:aws:kms:ap-southeast-1:${A}:key/0000aaaa-0000-0000-0000-000000000000`;
const ACTIONS = ["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:GenerateDataKey"];
const PROJECTS = ["Alpha", "Alpha", "Beta", "alpha", "Gamma", undefined];

/** `count` distinct requests: sessions of App (mostly) and of other roles and accounts, varied tags and context. */
export function seedRequests(count: number, seed = 14): Request[] {
  const rnd = createRandom(seed);
  const out: Request[] = [];
  for (let n = 0; n < count; n++) {
    const roll = rnd.next();
    const account = roll < 0.95 ? A : "444455556666";
    const role = roll < 0.85 ? "App" : roll < 0.9 ? "Other" : "App";
    const context: Record<string, string> = {};
    const project = rnd.pick(PROJECTS);
    if (project !== undefined) context["aws:ResourceTag/Project"] = project;
    context["aws:SourceIp"] = `10.${rnd.int(256)}.${rnd.int(256)}.${rnd.int(256)}`;
    context["aws:PrincipalTag/team"] = `team${rnd.int(100)}`;
    context["aws:CurrentTime"] = new Date(Date.UTC(2026, 0, 1) + rnd.int(365 * 86400) * 1000).toISOString().replace(".000Z", "Z");
    context["aws:RequestId"] = `req-${n}`;
    out.push({ principal: `arn:aws:sts::${account}:assumed-role/${role}/session-${n}`, action: rnd.pick(ACTIONS), resource: KEY, context });
  }
  return out;
}

export type ClosureDecision = "Allow" | "ImplicitDeny" | "ExplicitDeny" | "error";

const APP_ACTIONS = new Set(["kms:decrypt", "kms:generatedatakeywithoutplaintext"]);
const RESOURCE_PREFIX = `arn:aws:kms:ap-southeast-1:${A}:key/`;

/**
 * The seed bundle decided by hand: the key policy delegates to IAM for account A (default root
 * statement), and role App may Decrypt / GenerateDataKeyWithoutPlaintext keys of ap-southeast-1 tagged
 * Project=Alpha. So a caller of account A that is a session of App, on the one key, with that tag,
 * for one of those actions, is allowed; every other request of these shapes is an implicit deny.
 */
export function seedClosure(request: Request): ClosureDecision {
  const principal = request.principal;
  if (request.resource !== KEY) return "error";
  // arn:aws:sts::<account>:assumed-role/<role>/<session>
  if (!principal.startsWith("arn:aws:sts::")) return "error";
  const colon = principal.indexOf(":", 13);
  if (colon < 0) return "error";
  if (principal.slice(13, colon) !== A) return "ImplicitDeny"; // another account: the key policy names only A
  const rest = principal.slice(colon + 1);
  if (!rest.startsWith("assumed-role/")) return "error";
  const slash = rest.indexOf("/", 13);
  if (rest.slice(13, slash) !== "App") return "ImplicitDeny";
  if (!APP_ACTIONS.has(request.action.toLowerCase())) return "ImplicitDeny";
  if (!request.resource.startsWith(RESOURCE_PREFIX)) return "ImplicitDeny";
  return request.context?.["aws:ResourceTag/Project"] === "Alpha" ? "Allow" : "ImplicitDeny";
}

// The rules of each layer's policy kind, on top of the identity-policy rules (SCPs, boundaries, session
// policies) or the key-policy rules (RCPs, endpoint policies) the document is already checked with:
// docs/semantics/scp.md §5, rcp.md §5, session-policy.md §5, vpc-endpoint-policy.md §4. Phase: checks.
// Pure; every finding at once, with positions into `text`.
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import { LAYER_DIAGNOSTICS, LayerCode } from "../bundle/layer-diagnostic-codes.js";
import type { PolicySource } from "../bundle/load-bundle.js";
import type { PolicyLayer } from "../bundle/read-layers.js";
import type { PolicyDocument } from "../syntax/policy-syntax.js";

/** scp.md §5 / rcp.md §5: 5 120 (bytes of the minified document: the stricter of the pages' two readings). */
const ORG_POLICY_MAX_BYTES = 5_120;
/** vpc-endpoint-policy.md §1: "cannot exceed 20,480 characters, including white space". */
const ENDPOINT_POLICY_MAX_CHARACTERS = 20_480;
/** session-policy.md §5: inline and managed session policies together "can't exceed 2,048 characters". */
export const SESSION_POLICIES_MAX_CHARACTERS = 2_048;

/** The findings of `layer`'s own rules on one document (`text` is the document's text). */
export function checkLayerPolicy(text: string, layer: PolicyLayer, document: PolicyDocument | undefined): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (code: string, span: Span, message: string): void => {
    const info = LAYER_DIAGNOSTICS.find((i) => i.code === code);
    found.push({ code, severity: info?.severity ?? "error", message, span, ...(info?.help === undefined ? {} : { help: info.help }) });
  };
  const whole: Span = { start: 0, end: text.length };
  if (layer === "endpoint" && [...text].length > ENDPOINT_POLICY_MAX_CHARACTERS) {
    report(LayerCode.endpointPolicyTooLarge, whole, `the endpoint policy has ${[...text].length} characters; at most ${ENDPOINT_POLICY_MAX_CHARACTERS}`);
  }
  if (layer !== "scp" && layer !== "rcp") return found;
  const kindName = layer === "scp" ? "SCP" : "RCP";
  const bytes = Buffer.byteLength(minified(text), "utf8");
  if (bytes > ORG_POLICY_MAX_BYTES) {
    report(LayerCode.orgPolicyTooLarge, whole, `the ${kindName} has ${bytes} bytes without insignificant whitespace; at most ${ORG_POLICY_MAX_BYTES}`);
  }
  if (document === undefined) return found;
  if (document.version?.value !== "2012-10-17") {
    report(LayerCode.orgPolicyVersion, document.version?.span ?? document.node.span, `an ${kindName} must have \`"Version": "2012-10-17"\``);
  }
  for (const statement of document.statements) {
    const at = statement.node.span;
    if (layer === "scp") {
      // scp.md §5 (Our rule, AWS pages disagree): warn, evaluate as written.
      const effect = statement.effect?.value;
      if (effect === "Allow" && statement.notResource !== undefined) {
        report(LayerCode.scpAllowResource, statement.notResource.key.span, "an SCP `Allow` with `NotResource`: the SCP syntax page allows only `\"Resource\": \"*\"` there");
      }
      for (const item of effect === "Allow" ? statement.resource?.items ?? [] : []) {
        if (item.value !== "*") report(LayerCode.scpAllowResource, item.span, `an SCP \`Allow\` names \`${item.value}\`: the SCP syntax page allows only \`*\` there`);
      }
      continue;
    }
    // RCP rules (rcp.md §5).
    if (statement.effect !== undefined && statement.effect.value !== "Deny") {
      report(LayerCode.rcpEffectNotDeny, statement.effect.span, "a customer RCP statement must be `Deny` (RCPFullAWSAccess is implicit)");
    }
    const principal = statement.principal;
    if (principal === undefined) {
      if (statement.notPrincipal === undefined) report(LayerCode.rcpPrincipalNotStar, at, "the RCP statement has no `Principal`; write `\"Principal\": \"*\"`");
    } else if (principal.wildcard?.value !== "*" || principal.entries.length > 0) {
      report(LayerCode.rcpPrincipalNotStar, principal.span, "an RCP `Principal` must be exactly `\"*\"`; restrict principals with conditions");
    }
    if (statement.notPrincipal !== undefined) report(LayerCode.rcpUnsupportedElement, statement.notPrincipal.key.span, "`NotPrincipal` is not supported in RCPs");
    if (statement.notAction !== undefined) report(LayerCode.rcpUnsupportedElement, statement.notAction.key.span, "`NotAction` is not supported in RCPs");
    for (const item of statement.action?.items ?? []) {
      if (item.value === "*") report(LayerCode.rcpActionStar, item.span, "an RCP `Action` must name a service (`kms:*`), not `*`");
      else if (item.value.toLowerCase() === "kms:retiregrant") report(LayerCode.rcpRetireGrant, item.span, "RCPs do not control `kms:RetireGrant`: this action has no effect");
    }
  }
  return found;
}

/** The diagnostic for session policies of one session that are together over the limit, or undefined. */
export function checkSessionPoliciesSize(texts: readonly string[], span: Span): Diagnostic | undefined {
  const characters = texts.reduce((n, text) => n + [...minified(text)].length, 0);
  if (characters <= SESSION_POLICIES_MAX_CHARACTERS) return undefined;
  return {
    code: LayerCode.sessionPoliciesTooLarge, severity: "error", span,
    message: `the session policies have ${characters} characters without whitespace; at most ${SESSION_POLICIES_MAX_CHARACTERS} together`,
  };
}

/** For every session whose `sessionPolicies` are together over the limit: the diagnostic, in the file of its first policy. */
export function sessionPolicySizeDiagnostics(policies: readonly PolicySource[]): { file: string; owner: string; diagnostic: Diagnostic }[] {
  const sessions = new Map<string, PolicySource[]>();
  for (const source of policies) {
    if (source.layer === "session") sessions.set(source.owner, [...(sessions.get(source.owner) ?? []), source]);
  }
  const found: { file: string; owner: string; diagnostic: Diagnostic }[] = [];
  for (const [owner, sources] of sessions) {
    const first = sources[0]!;
    const diagnostic = checkSessionPoliciesSize(sources.map((s) => s.text.slice(s.start, s.end)), { start: first.start, end: first.end });
    if (diagnostic !== undefined) found.push({ file: first.file, owner, diagnostic });
  }
  return found;
}

/** The text without whitespace outside strings (what AWS counts). */
function minified(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (ch === "\"") {
        inString = false;
      }
    } else if (ch === "\"") {
      inString = true;
      out += ch;
    } else if (!/\s/u.test(ch)) {
      out += ch;
    }
  }
  return out;
}

// Test helpers for the Cedar emitter: compile a bundle (or one inline policy) to Cedar, and build the
// Cedar engine from the result. Inline policies are pretty-printed by the loader, so a diagnostic's
// span can be read back from `JSON.stringify(policy, null, 2)`.
import { expect } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createCedarAuthorizer } from "@kms-cedar/runtime";
import type { Bundle, CedarAuthorizer } from "@kms-cedar/runtime";
import { emitCedar } from "../../src/emit/cedar/emit-cedar.js";
import type { EmitCedarOptions, EmitCedarResult } from "../../src/emit/cedar/emit-cedar.js";

export const A = "111122223333";
export const B = "444455556666";
export const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
export const KEY_B = `arn:aws:kms:us-west-2:${B}:key/2222bbbb-2222-2222-2222-222222222222`;
export const ROLE = `arn:aws:iam::${A}:role/App`;
export const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;
/** The default key policy statement: the account delegates to IAM (spec Appendix A, DKP). */
export const DKP = { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" };

/** A bundle: KEY with the default key policy, ROLE with `statements` as its one identity policy. */
export function identityBundle(...statements: readonly object[]): Bundle {
  return {
    keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [DKP] } } },
    principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: statements }] } },
  };
}

/** A bundle: KEY with `statements` as its key policy. */
export function keyBundle(...statements: readonly object[]): Bundle {
  return { keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: statements } } } };
}

/** Compiles a bundle to Cedar; fails the test if the bundle itself does not compile. */
export function toCedar(bundle: Bundle, options: EmitCedarOptions = {}): EmitCedarResult {
  const compiled = compileBundle(bundle);
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return emitCedar(compiled.graph!, options);
}

/** The Cedar engine of a bundle (which must compile to Cedar without errors). */
export function cedarEngine(bundle: Bundle): CedarAuthorizer {
  const out = toCedar(bundle);
  expect(out.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.help ?? ""}`)).toEqual([]);
  return createCedarAuthorizer({ policies: out.files!.policies, schema: out.files!.schema, manifest: out.files!.manifest });
}

/** The text diagnostics on `bundle` point into (its spans are offsets in it). */
export function identityText(bundle: Bundle): string {
  // A bundle object is read as the bundle file it stands for: spans point into its pretty-printed text.
  return JSON.stringify(bundle, null, 2);
}

/**
 * One policy of the Cedar output by id, from its `@id` to its final `;`, with every run of white
 * space (the formatter's layout) squashed to one blank, so tests can state the expected text on one line.
 */
export function policyById(policies: string, id: string): string {
  const chunk = policies.split(/\n\n/).find((c) => c.includes(`@id("${id}")`));
  expect(chunk, `no policy \`${id}\``).toBeDefined();
  return squash(chunk!.slice(chunk!.indexOf(`@id("${id}")`)));
}

/** Drops `//` comments and collapses white space (and the formatter's breaks inside brackets). */
export function squash(text: string): string {
  return text.replace(/^\s*\/\/.*$/gm, "").replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")").replace(/\[ /g, "[").replace(/ \]/g, "]").trim();
}

// `compile --target avp` over the examples and every corpus policy that passes the checks: each
// gives a policy store within AVP's quotas (checked again here from the files themselves) or a
// KC31xx diagnostic naming the quota, never an internal error. Prints the counts and the largest sizes.
import { join } from "node:path";
import { AVP_QUOTAS } from "@kms-cedar/runtime/avp";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import type { CompileResult } from "@kms-cedar/compiler";
import { findCorpusDir, readCorpus } from "../../scripts/corpus-files.js";

const dir = findCorpusDir();
const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const QUOTA_CODES = ["KC3101", "KC3102", "KC3103", "KC3104", "KC3105"];

/** The store's files obey every store quota; returns its largest policy and schema sizes. */
function checkStore(result: CompileResult, what: string): { policy: number; schema: number; unspecified: number } {
  const files = result.avp!.files.files;
  const schema = JSON.parse(files.find((f) => f.name === "put-schema.json")!.contents) as { definition: { cedarJson: string } };
  const schemaBytes = Buffer.byteLength(schema.definition.cedarJson);
  expect(schemaBytes, what).toBeLessThanOrEqual(AVP_QUOTAS.schemaBytes);
  expect(Object.keys(JSON.parse(schema.definition.cedarJson) as object), what).toEqual(["Kms"]);
  const perResource = new Map<string, number>();
  let largest = 0;
  for (const p of result.avp!.manifest.policies) {
    const { definition } = JSON.parse(files.find((f) => f.name === p.file)!.contents) as { definition: { static: { statement: string; description: string } } };
    const bytes = Buffer.byteLength(definition.static.statement);
    expect(bytes, what).toBe(p.bytes);
    expect(bytes, what).toBeLessThanOrEqual(AVP_QUOTAS.policyBytes);
    expect(definition.static.description.length, what).toBeLessThanOrEqual(AVP_QUOTAS.descriptionLength);
    expect(definition.static.statement, `${what}: no name outside the profile's namespace`).not.toMatch(/\b(Iam|Sts|Aws)::/);
    perResource.set(p.resource ?? "", (perResource.get(p.resource ?? "") ?? 0) + bytes);
    largest = Math.max(largest, bytes);
  }
  for (const total of perResource.values()) expect(total, what).toBeLessThanOrEqual(AVP_QUOTAS.bytesPerResource);
  expect(result.avp!.manifest.sizes.mostTransitiveParents, what).toBeLessThanOrEqual(AVP_QUOTAS.transitiveParents);
  return { policy: largest, schema: schemaBytes, unspecified: perResource.get("") ?? 0 };
}

describe("compile --target avp", () => {
  it("gives the examples a store within AVP's quotas", () => {
    const result = compileBundle("examples/abac/bundle.json", { avp: true });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const sizes = checkStore(result, "examples/abac");
    expect(sizes.policy).toBeGreaterThan(0);
  });

  it.skipIf(dir === undefined)("gives every compilable corpus policy a store within the quotas or a diagnostic naming the quota", () => {
    const counts = { stores: 0, refused: 0, rejectedByChecks: 0, byCode: {} as Record<string, number> };
    const largest = { policy: 0, schema: 0, unspecified: 0 };
    for (const entry of readCorpus(dir!)) {
      if (entry.kind === undefined) continue;
      const path = join(dir!, entry.file);
      const bundle = entry.kind === "key" ? { keys: { [KEY]: { policy: path } } } : { principals: { [ROLE]: { policies: [path] } } };
      let result: CompileResult;
      try {
        result = compileBundle(bundle, { avp: true });
      } catch {
        continue; // a crash before the AVP phase is the Cedar corpus test's to report
      }
      if (result.graph === undefined) {
        counts.rejectedByChecks++;
        continue;
      }
      const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
      if (result.avp !== undefined) {
        expect(errors, entry.file).toEqual([]);
        counts.stores++;
        const sizes = checkStore(result, entry.file);
        largest.policy = Math.max(largest.policy, sizes.policy);
        largest.schema = Math.max(largest.schema, sizes.schema);
        largest.unspecified = Math.max(largest.unspecified, sizes.unspecified);
        continue;
      }
      // No store: every error names one of AVP's quotas (a KC31xx code), never an internal error.
      expect(errors.length, entry.file).toBeGreaterThan(0);
      expect(errors.filter((c) => !QUOTA_CODES.includes(c)), entry.file).toEqual([]);
      counts.refused++;
      for (const c of new Set(errors)) counts.byCode[c] = (counts.byCode[c] ?? 0) + 1;
    }
    console.log(`avp corpus: ${counts.stores} stores within AVP's quotas, ${counts.refused} refused (${JSON.stringify(counts.byCode)}), ${counts.rejectedByChecks} rejected by the checks; ` +
      `largest policy ${largest.policy} B (quota ${AVP_QUOTAS.policyBytes}), schema ${largest.schema} B (quota ${AVP_QUOTAS.schemaBytes}), unspecified-resource total ${largest.unspecified} B (quota ${AVP_QUOTAS.bytesUnspecifiedResource})`);
    expect(counts.stores).toBeGreaterThan(100);
  }, 900_000);
});

// `kms-cedar check`: exit statuses, code frames with the underline under the right text, the kind
// note for single files, and the JSON report's shape.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { underlinedTexts } from "./frame-helpers.js";
import { REPO, runKmsCedar, tempFiles } from "./run-cli-process.js";

describe("kms-cedar check", () => {
  it("passes the ABAC example bundle: exit 0, no colors when piped, a summary over the 4 files", () => {
    const run = runKmsCedar(["check", "examples/abac/bundle.json"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, \d+ warnings? in 4 files$/m);
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("reports bundle shape errors with code frames pointing into the bundle, exit 1", () => {
    const run = runKmsCedar(["check", "examples/broken/bundle.json"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("error[KC2909]: `arn:aws:kms:us-west-2:111122223333:alias/app` is not a key ARN\n --> examples/broken/bundle.json:3:5\n");
    expect(run.stdout).toContain("error[KC2908]: `policies` must be an array\n  --> examples/broken/bundle.json:14:57\n");
    const underlined = underlinedTexts(run.stdout);
    expect(underlined).toContain('"arn:aws:kms:us-west-2:111122223333:alias/app"');
    expect(underlined).toContain('"identity-policy.json"');
    expect(run.stdout).toMatch(/^[1-9]\d* errors?, \d+ warnings? in \d+ files?$/m);
  });

  it("reports a JSON syntax error, exit 1, and says which kind it assumed", () => {
    const run = runKmsCedar(["check", "examples/broken/syntax-error.json"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("note: checked `examples/broken/syntax-error.json` as an identity policy (no statement has `Principal` or `NotPrincipal`; use --kind to choose)");
    expect(run.stdout).toMatch(/^error\[KC1\d{3}\]: /m);
    expect(run.stdout).toContain(" --> examples/broken/syntax-error.json:");
  });

  it("infers a key policy from Principal, and takes --kind when given", () => {
    const inferred = runKmsCedar(["check", "examples/abac/key-policy.json"]);
    expect(inferred.stdout).toContain("as a key policy (a statement has `Principal`; use --kind to choose)");
    const given = runKmsCedar(["check", "examples/abac/key-policy.json", "--kind", "key"]);
    expect(given.stdout).not.toContain("note: checked");
  });

  it("points inline-document diagnostics into the bundle text", () => {
    const run = runKmsCedar(["check", "examples/broken/bundle.json"]);
    expect(run.stdout).toMatch(/ --> examples\/broken\/bundle.json:8:23\n/);
    expect(underlinedTexts(run.stdout)).toContain('"Permit"');
  });

  it("shows every error of a broken policy at once, each underlined", () => {
    const run = runKmsCedar(["check", "examples/broken/identity-policy.json", "examples/broken/syntax-error.json"]);
    expect(run.status).toBe(1);
    const codes = [...run.stdout.matchAll(/^error\[(KC\d{4})\]/gm)].map((m) => m[1]);
    expect(codes).toEqual(["KC2039", "KC2031", "KC2060", "KC2090", "KC1015", "KC1016"]);
    expect(underlinedTexts(run.stdout)).toEqual(['"Use project keys"', '"allow"', '"key/*"', '"stringEquals"', '"Action"', ","]);
    expect(run.stdout).toContain(" --> examples/broken/identity-policy.json:6:17\n");
    expect(run.stdout).toMatch(/^6 errors, 0 warnings in 2 files$/m);
  });

  it("prints one JSON report for machines: files in command-line order, spans with line and column", () => {
    const run = runKmsCedar(["check", "examples/abac/app-role.json", "examples/broken/bundle.json", "--format", "json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      files: { file: string; kind: string; inferred?: boolean; locations?: string[]; diagnostics: { code: string; severity: string; message: string; span: Record<string, number> }[] }[];
      summary: { errors: number; warnings: number };
    };
    expect(report.files.map((f) => [f.file, f.kind])).toEqual([
      ["examples/abac/app-role.json", "identity"],
      ["examples/broken/bundle.json", "bundle"],
      ["examples/broken/bundle.json", "key"], // the inline key policy; the alias "key" is rejected, its file unchecked
    ]);
    expect(report.files[0]?.inferred).toBe(true);
    expect(report.files[2]?.locations).toEqual(["keys[arn:aws:kms:us-west-2:111122223333:key/3333cccc-3333-3333-3333-333333333333]"]);
    const bad = report.files[1]?.diagnostics.find((d) => d.code === "KC2909");
    expect(bad).toMatchObject({ severity: "error", message: "`arn:aws:kms:us-west-2:111122223333:alias/app` is not a key ARN" });
    expect(bad?.span).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 51 });
    const text = readFileSync(join(REPO, "examples/broken/bundle.json"), "utf8");
    expect(text.slice(bad?.span["start"], bad?.span["end"])).toBe('"arn:aws:kms:us-west-2:111122223333:alias/app"');
    const all = report.files.flatMap((f) => f.diagnostics);
    expect(report.summary.errors).toBe(all.filter((d) => d.severity === "error").length);
    expect(report.summary.warnings).toBe(all.filter((d) => d.severity === "warning").length);
  });

  it("exits 2 when a policy file named by a bundle cannot be read, with a frame on the path", () => {
    const dir = tempFiles({ "b.json": '{"keys": {"arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111": {"policy": "gone.json"}}}' });
    const run = runKmsCedar(["check", join(dir, "b.json")]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("error[KC2911]: cannot read `gone.json`: no such file or directory");
    expect(underlinedTexts(run.stdout)).toEqual(['"gone.json"']);
  });
});

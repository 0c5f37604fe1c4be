// `kms-cedar check --format sarif`: the SARIF 2.1.0 log's rules, levels and regions. Regions are checked
// by reading the region's text back out of the source (code points, independent of LineIndex).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, DiagnosticInfo } from "@kms-cedar/grammar";
import { describe, expect, it } from "vitest";
import type { CheckedFile } from "../../src/api/check-bundle.js";
import { checkSarif } from "../../src/cli/render/check-sarif.js";
import { REPO, runKmsCedar } from "./run-cli-process.js";

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface Location { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region } }
interface Result {
  ruleId: string; ruleIndex?: number; level: string; message: { text: string };
  locations: Location[]; relatedLocations?: (Location & { id: number; message: { text: string } })[];
}
interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; name: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
    results: Result[];
  }[];
}

/** The text a 1-based, end-exclusive region covers, columns in code points. */
function regionText(text: string, region: Region): string {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let line = region.startLine; line <= region.endLine; line++) {
    const chars = Array.from(lines[line - 1] ?? "");
    const from = line === region.startLine ? region.startColumn - 1 : 0;
    const to = line === region.endLine ? region.endColumn - 1 : chars.length;
    out.push(chars.slice(from, to).join(""));
  }
  return out.join("\n");
}

const RULES: DiagnosticInfo[] = [
  { code: "KC1001", slug: "unexpected-character", severity: "error", summary: "unexpected character" },
  { code: "KC2020", slug: "missing-version", severity: "warning", summary: "the policy has no `Version`", help: "add it" },
  { code: "KC2099", slug: "some-info", severity: "info", summary: "an info" },
];

function diagnostic(text: string, underlined: string, code: string, severity: Diagnostic["severity"], extra: Partial<Diagnostic> = {}): Diagnostic {
  const start = text.indexOf(underlined);
  if (start < 0) throw new Error(`\`${underlined}\` is not in the text`);
  return { code, severity, message: `message of ${code}`, span: { start, end: start + underlined.length }, ...extra };
}

describe("checkSarif", () => {
  // Line 2 has a character outside the BMP before the span: code-point columns differ from UTF-16 ones.
  const text = '{\r\n  "Sid": "😀x", "Bad": "Permit",\n  "Multi": "a\nb"\r}';
  const spanBad = diagnostic(text, '"Permit"', "KC1001", "error", {
    help: "write `Allow`",
    related: [{ span: { start: text.indexOf('"Sid"'), end: text.indexOf('"Sid"') + 5 }, message: "first here" }],
  });
  const spanMulti = diagnostic(text, '"a\nb"', "KC2020", "warning");
  const spanInfo = diagnostic(text, "😀x", "KC2099", "info");
  const unknown = diagnostic(text, '"Bad"', "KC2999", "error");
  const file: CheckedFile = { file: "policies/my key.json", kind: "key", text, diagnostics: [spanInfo, unknown, spanBad, spanMulti] };
  const log = checkSarif([file, { file: "missing.json", error: "cannot read `missing.json`: no such file or directory" }], {
    version: "1.2.3", cwd: "/work/repo", rules: RULES,
  }) as Log;
  const run = log.runs[0]!;

  it("is a SARIF 2.1.0 log whose driver lists the registry's rules in order, with default levels", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("kms-cedar");
    expect(run.tool.driver.version).toBe("1.2.3");
    expect(run.tool.driver.rules.map((r) => [r.id, r.name, r.defaultConfiguration.level])).toEqual([
      ["KC1001", "unexpected-character", "error"], ["KC2020", "missing-version", "warning"], ["KC2099", "some-info", "note"],
    ]);
    expect(run.columnKind).toBe("unicodeCodePoints");
    expect(run.originalUriBaseIds["%SRCROOT%"]?.uri).toBe("file:///work/repo/");
  });

  it("gives every result its rule, level, message with help, and a region that covers exactly the span", () => {
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ["KC2099", 2, "note"], ["KC2999", undefined, "error"], ["KC1001", 0, "error"], ["KC2020", 1, "warning"],
    ]);
    const covered = run.results.map((r) => regionText(text, r.locations[0]!.physicalLocation.region!));
    expect(covered).toEqual(["😀x", '"Bad"', '"Permit"', '"a\nb"']);
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 2, startColumn: 11, endLine: 2, endColumn: 13 });
    expect(run.results[3]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 12, endLine: 4, endColumn: 3 });
    expect(run.results[2]!.message.text).toBe("message of KC1001\nhelp: write `Allow`");
  });

  it("turns related spans into relatedLocations and paths into %SRCROOT%-relative URIs", () => {
    const related = run.results[2]!.relatedLocations!;
    expect(related).toHaveLength(1);
    expect(related[0]!.message.text).toBe("first here");
    expect(regionText(text, related[0]!.physicalLocation.region!)).toBe('"Sid"');
    expect(run.results[2]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "policies/my%20key.json", uriBaseId: "%SRCROOT%" });
  });

  it("reports an unreadable file as a failed-execution notification, not a result", () => {
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => [n.level, n.message.text])).toEqual([
      ["error", "cannot read `missing.json`: no such file or directory"],
    ]);
    expect(run.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uri !== "missing.json")).toBe(true);
  });

  it("gives an absolute path a file: URI", () => {
    const absolute = checkSarif([{ ...file, file: "/tmp/x y/p.json" }], { version: "dev", cwd: "/", rules: RULES }) as Log;
    expect(absolute.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "file:///tmp/x%20y/p.json" });
  });
});

// The registry (compiler/src/diagnostics/registry.ts) must load for the CLI test.
const registryLoads = await import("../../src/diagnostics/registry.js").then(() => true, () => false);

describe("kms-cedar check --format sarif", () => {
  it.skipIf(!registryLoads)("writes a SARIF log of a broken bundle, exit 1, regions on the offending text", () => {
    const run = runKmsCedar(["check", "examples/broken/bundle.json", "--format", "sarif"]);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as Log;
    const sarif = log.runs[0]!;
    const ruleIds = sarif.tool.driver.rules.map((r) => r.id);
    expect(ruleIds).toContain("KC2909");
    expect(ruleIds).toEqual([...ruleIds].sort());
    const notKey = sarif.results.find((r) => r.ruleId === "KC2909")!;
    expect(notKey.level).toBe("error");
    expect(sarif.tool.driver.rules[notKey.ruleIndex!]!.id).toBe("KC2909");
    const where = notKey.locations[0]!.physicalLocation;
    expect(where.artifactLocation).toEqual({ uri: "examples/broken/bundle.json", uriBaseId: "%SRCROOT%" });
    const source = readFileSync(join(REPO, "examples/broken/bundle.json"), "utf8");
    expect(regionText(source, where.region!)).toBe('"arn:aws:kms:us-west-2:111122223333:alias/app"');
    expect(where.region).toMatchObject({ startLine: 3, startColumn: 5, endLine: 3 });
  });

  it("is offered by --help and refused for other commands' --format", () => {
    expect(runKmsCedar(["check", "--help"]).stdout).toContain("--format <text|json|sarif>");
    const refused = runKmsCedar(["compile", "examples/abac/bundle.json", "-o", "out/sarif-test", "--format", "sarif"]);
    expect(refused.status).toBe(2);
  });
});

// The output of `check --format sarif`: one SARIF 2.1.0 log for CI code scanning. Rules come from the
// diagnostic registry, results carry regions computed from the spans (rendering phase only).
// Assumes display paths are relative to `cwd` or absolute (bundle/read-text-file.ts `displayPath`).
import type { Diagnostic, DiagnosticInfo, Severity, Span } from "@kms-cedar/grammar";
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckedFile } from "../../api/check-bundle.js";
import type { UnreadableFile } from "./check-report.js";
import { LineIndex } from "./line-index.js";

/** What the log says about the run besides the findings. */
export interface SarifContext {
  /** The compiler's version (`tool.driver.version`). */
  readonly version: string;
  /** Working directory: relative paths are resolved against it (`%SRCROOT%`). */
  readonly cwd: string;
  /** Every known code, in the order `tool.driver.rules` lists them. */
  readonly rules: readonly DiagnosticInfo[];
}

type SarifLevel = "error" | "warning" | "note";

/** SARIF 2.1.0 region: 1-based, `endColumn` is the column just past the region. */
interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The base of relative artifact URIs: the working directory (`originalUriBaseIds`). */
export const SRCROOT = "%SRCROOT%";

/** The SARIF log of a `check` run: findings of the checked files, unreadable files as notifications. */
export function checkSarif(items: readonly (CheckedFile | UnreadableFile)[], context: SarifContext): object {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.code, i]));
  const results: object[] = [];
  const notifications: object[] = [];
  for (const item of items) {
    if ("error" in item) {
      notifications.push({ level: "error", message: { text: item.error }, locations: [{ physicalLocation: { artifactLocation: artifact(item.file) } }] });
      continue;
    }
    const index = new LineIndex(item.text);
    for (const diagnostic of item.diagnostics) results.push(toResult(diagnostic, item.file, index, ruleIndex));
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "kms-cedar",
          version: context.version,
          ...(/^\d+\.\d+\.\d+/.test(context.version) ? { semanticVersion: context.version } : {}),
          rules: context.rules.map(toRule),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
      // Columns count characters (code points), as in code frames and `--format json`.
      columnKind: "unicodeCodePoints",
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      results,
    }],
  };
}

/** `info` has no SARIF level of its own: it is a `note`. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === "info" ? "note" : severity;
}

function toRule(info: DiagnosticInfo): object {
  return {
    id: info.code,
    name: info.slug,
    shortDescription: { text: info.summary },
    ...(info.help !== undefined ? { help: { text: info.help } } : {}),
    defaultConfiguration: { level: sarifLevel(info.severity) },
  };
}

function toResult(diagnostic: Diagnostic, file: string, index: LineIndex, ruleIndex: ReadonlyMap<string, number>): object {
  const at = ruleIndex.get(diagnostic.code);
  const text = diagnostic.help !== undefined ? `${diagnostic.message}\nhelp: ${diagnostic.help}` : diagnostic.message;
  return {
    ruleId: diagnostic.code,
    ...(at !== undefined ? { ruleIndex: at } : {}),
    level: sarifLevel(diagnostic.severity),
    message: { text },
    locations: [location(file, index, diagnostic.span)],
    ...(diagnostic.related !== undefined && diagnostic.related.length > 0
      ? { relatedLocations: diagnostic.related.map((r, i) => ({ id: i + 1, ...location(file, index, r.span), message: { text: r.message } })) }
      : {}),
  };
}

function location(file: string, index: LineIndex, span: Span): { physicalLocation: object } {
  return { physicalLocation: { artifactLocation: artifact(file), region: region(index, span) } };
}

/** The region of `span` in `index`'s text. */
export function region(index: LineIndex, span: Span): SarifRegion {
  const start = index.position(span.start);
  const end = index.position(Math.max(span.end, span.start));
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** A relative path becomes a relative URI against `%SRCROOT%`; an absolute one a `file:` URI. */
export function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).join("/").split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

/** `directory` as a `file:` URI ending in `/` (the value of `%SRCROOT%`). */
export function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith("/") ? href : `${href}/`;
}

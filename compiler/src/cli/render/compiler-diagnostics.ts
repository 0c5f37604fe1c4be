// Renders diagnostics of the compiler phases (graph, Cedar) with code frames: each names the file
// its span points into; one without a file (a whole-bundle or internal problem) is a plain line.
import type { LoadedBundle } from "../../bundle/load-bundle.js";
import type { CompilerDiagnostic } from "../adapters/compiler-pipeline.js";
import { toJsonDiagnostic } from "./diagnostic-json.js";
import { LineIndex } from "./line-index.js";
import { renderDiagnostic } from "./render-diagnostic.js";
import type { TextStyle } from "./text-style.js";

/** Text blocks for `diagnostics`, spans resolved against the texts of `loaded`. */
export function renderCompilerDiagnostics(diagnostics: readonly CompilerDiagnostic[], loaded: LoadedBundle, style: TextStyle): string {
  const texts = new Map<string, string>([[loaded.file, loaded.text]]);
  for (const policy of loaded.policies) texts.set(policy.file, policy.text);
  const indexes = new Map<string, LineIndex>();
  return diagnostics.map((d) => {
    const text = d.file === undefined ? undefined : texts.get(d.file);
    if (d.file === undefined || text === undefined) {
      const where = d.location !== undefined ? ` (${d.location})` : "";
      const help = d.help !== undefined ? `\n  = help: ${d.help}` : "";
      return `${d.severity}[${d.code}]: ${d.message}${where}${help}\n`;
    }
    let index = indexes.get(d.file);
    if (index === undefined) indexes.set(d.file, (index = new LineIndex(text)));
    return renderDiagnostic(d, { file: d.file, index }, style);
  }).join("\n");
}

/** The JSON form: `{ "diagnostics": [ { file?, location?, code, severity, message, help?, span } ] }`. */
export function compilerDiagnosticsJson(diagnostics: readonly CompilerDiagnostic[], loaded: LoadedBundle): object {
  const texts = new Map<string, string>([[loaded.file, loaded.text]]);
  for (const policy of loaded.policies) texts.set(policy.file, policy.text);
  return {
    diagnostics: diagnostics.map((d) => {
      const text = d.file === undefined ? undefined : texts.get(d.file);
      return {
        ...(d.file !== undefined ? { file: d.file } : {}),
        ...(d.location !== undefined ? { location: d.location } : {}),
        ...(text !== undefined ? toJsonDiagnostic(new LineIndex(text), d) : { code: d.code, severity: d.severity, message: d.message, span: d.span }),
      };
    }),
  };
}

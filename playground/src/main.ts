// The playground page: paste a policy or bundle, see diagnostics inline, the decision graph, the
// emitted Cedar, and decide a request with every engine side by side. Everything runs in the page;
// nothing is sent anywhere. Wiring only: the work is in analyze-input, decide-engines and the views.
import type { Request } from "@kms-cedar/runtime";
import { analyzeInput, type Analysis } from "./analyze-input.js";
import { prepareCedarEngine, type CedarEngineFactory } from "./cedar-engine.js";
import { initCedarWeb } from "./cedar-web.js";
import { decideAll, prepareEngines, type EngineName, type EngineSetup } from "./decide-engines.js";
import { renderDecisions } from "./decision-view.js";
import { layoutGraph } from "@kms-cedar/compiler/render";
import { renderGraphSvg } from "@kms-cedar/compiler/render";
import { escapeHtml } from "@kms-cedar/compiler/render";
import { SAMPLE_BROKEN, SAMPLE_BUNDLE, SAMPLE_REQUESTS } from "./samples.js";
import { renderSourceView } from "./source-view.js";

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
};

const policy = $<HTMLTextAreaElement>("policy");
const kind = $<HTMLSelectElement>("kind");
const sample = $<HTMLSelectElement>("sample");
const requestText = $<HTMLTextAreaElement>("request");
const requestSample = $<HTMLSelectElement>("request-sample");
const pureCedar = $<HTMLInputElement>("pure-cedar");

let analysis: Analysis | undefined;
let engines: Record<EngineName, EngineSetup> | undefined;
let cedarFactory: CedarEngineFactory | undefined;
let revision = 0;

function analyze(): void {
  const chosen: { kind?: "key" | "identity" } = kind.value === "key" || kind.value === "identity" ? { kind: kind.value } : {};
  try {
    analysis = analyzeInput(policy.value, { ...chosen, pureCedar: pureCedar.checked });
  } catch (failure) {
    // INVARIANT: the compiler returns diagnostics and never throws; show a bug as what it is.
    $("summary").className = "summary error";
    $("summary").textContent = `internal error: ${failure instanceof Error ? failure.message : String(failure)}`;
    return;
  }
  engines = prepareEngines(analysis, cedarFactory);
  const warnings = analysis.diagnostics.filter((d) => d.severity === "warning").length;
  const summary = $("summary");
  summary.className = analysis.errors > 0 ? "summary error" : warnings > 0 ? "summary warning" : "summary ok";
  summary.textContent = `${analysis.shape === "bundle" ? "bundle" : `${analysis.shape} policy`}: ${analysis.errors} error${analysis.errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}${analysis.note !== undefined ? ` · ${analysis.note}` : ""}`;
  $("source").innerHTML = renderSourceView(analysis.text, analysis.diagnostics);
  $("graph").innerHTML = analysis.graph !== undefined
    ? renderGraphSvg(layoutGraph(analysis.graph))
    : '<p class="empty">no decision graph: fix the errors first</p>';
  $("graph-text").textContent = analysis.graphText ?? "";
  $("dot").textContent = analysis.dot ?? "";
  $("cedar").textContent = cedarText(analysis);
  decide();
  document.body.dataset["revision"] = String(++revision);
}

function cedarText(current: Analysis): string {
  if (current.graph === undefined) return "fix the errors first: nothing is compiled";
  const cedar = current.cedar;
  if (cedar?.files === undefined) return cedar?.unavailable ?? "Cedar: not available";
  const share = cedar.share;
  const native = share === undefined ? ""
    : `// native Cedar: ${share.conditions.native} of ${share.conditions.native + share.conditions.derived} conditions, ${share.resources.native} of ${share.resources.native + share.resources.derived} resource tests (the rest are derived attributes the encoder computes)\n\n`;
  return native + cedar.files.policies;
}

function decide(): void {
  const out = $("decisions");
  let request: unknown;
  try {
    request = JSON.parse(requestText.value);
  } catch (failure) {
    out.innerHTML = `<p class="request-error">the request is not JSON: ${escapeHtml(failure instanceof Error ? failure.message : String(failure))}</p>`;
    return;
  }
  if (engines === undefined) return;
  out.innerHTML = renderDecisions(decideAll(engines, request as Request));
}

function showTab(name: string): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>(".tabs button")) {
    const selected = button.dataset["tab"] === name;
    button.setAttribute("aria-selected", String(selected));
    $(`tab-${button.dataset["tab"] ?? ""}`).hidden = !selected;
  }
}

function debounce(action: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(action, ms);
  };
}

SAMPLE_REQUESTS.forEach((r, i) => requestSample.add(new Option(r.label, String(i))));
policy.value = SAMPLE_BUNDLE;
requestText.value = SAMPLE_REQUESTS[0]?.text ?? "{}";
policy.addEventListener("input", debounce(analyze, 200));
kind.addEventListener("change", analyze);
pureCedar.addEventListener("change", analyze);
requestText.addEventListener("input", debounce(decide, 200));
$("decide").addEventListener("click", decide);
sample.addEventListener("change", () => {
  policy.value = sample.value === "broken" ? SAMPLE_BROKEN : SAMPLE_BUNDLE;
  analyze();
});
requestSample.addEventListener("change", () => {
  requestText.value = SAMPLE_REQUESTS[Number(requestSample.value)]?.text ?? "{}";
  decide();
});
for (const button of document.querySelectorAll<HTMLButtonElement>(".tabs button")) {
  button.addEventListener("click", () => showTab(button.dataset["tab"] ?? "graph"));
}
showTab("graph");
// cedar-wasm first (the compiler validates the Cedar it emits with it), from beside the page.
$("summary").textContent = "loading cedar-wasm…";
const cedarReady = await initCedarWeb(new URL("cedar_wasm_bg.wasm", document.baseURI));
cedarFactory = cedarReady ? prepareCedarEngine() : undefined;
document.body.dataset["cedar"] = cedarFactory !== undefined ? "ready" : "unavailable";
analyze();

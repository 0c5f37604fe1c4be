// The playground page: one policy editor (CodeMirror, diagnostics and help in it), the key or principal
// ARN a single policy is attached to, sample requests made from what was pasted, the three engines side
// by side, and the decision graph with what decided the request highlighted. The work runs in a Web
// Worker (worker.ts); this file only wires the page. Everything runs in the page; nothing is sent anywhere.
import { renderDecisions } from "./decision-view.js";
import type { DiffView, SideView } from "./diff-versions.js";
import { diffSummary, renderDiff } from "./diff-view.js";
import { createPolicyEditor, type PolicyEditor } from "./editor.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { STARTING_POINTS, SAMPLE_BUNDLE } from "./samples.js";
import type { AnalysisView, CedarView, DecideView, DiagnosticsView, Highlight } from "./session.js";
import { bundleWithDefaultKeyPolicy } from "./wrap-in-bundle.js";
import { escapeHtml } from "@kms-cedar/compiler/render";

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
};

const kind = $<HTMLSelectElement>("kind");
const keyArn = $<HTMLInputElement>("key-arn");
const principalArn = $<HTMLInputElement>("principal-arn");
const start = $<HTMLSelectElement>("sample");
const requestText = $<HTMLTextAreaElement>("request");
const requestSample = $<HTMLSelectElement>("request-sample");
const pureCedar = $<HTMLInputElement>("pure-cedar");
const fitGraph = $<HTMLInputElement>("fit-graph");

const worker = new Worker(new URL("worker.js", document.baseURI), { type: "module" });
const send = (message: ToWorker): void => worker.postMessage(message);

let asked = 0; // the id of the last analysis asked for
let decideAsked = 0;
let analysis: AnalysisView | undefined;
let jumpToFirstError = false;
/** Whether the request box holds a sample unchanged (then a new analysis replaces it with the new first sample). */
let requestIsSample = true;
let revision = 0;
let analyzeStarted = 0;

/** Set while the page itself replaces the text (a starting point): other changes are the visitor's. */
let replacing = false;

const editor = createPolicyEditor($("editor"), SAMPLE_BUNDLE, (_text, how) => {
  if (!replacing) start.value = "";
  if (how.paste) {
    jumpToFirstError = true;
    analyzeNow();
  } else {
    analyzeSoon();
  }
});

/** One analysis at a time: a change made meanwhile is analysed when it is back (no backlog on a large text). */
let inFlight = false;
let changedMeanwhile = false;

function analyzeNow(): void {
  if (inFlight) {
    changedMeanwhile = true;
    return;
  }
  inFlight = true;
  const chosen: { kind?: "key" | "identity" } = kind.value === "key" || kind.value === "identity" ? { kind: kind.value } : {};
  analyzeStarted = performance.now();
  document.body.dataset["busy"] = "analyzing";
  $("summary").classList.add("busy");
  document.body.dataset["asked"] = String(asked + 1);
  send({ type: "analyze", id: ++asked, input: { text: editor.text(), ...chosen, key: keyArn.value, principal: principalArn.value, pureCedar: pureCedar.checked } });
}

let timer: ReturnType<typeof setTimeout> | undefined;
function analyzeSoon(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(analyzeNow, 250);
}

/** The analysis each decision asked for was made against (the page marks decisions of the current one). */
const decidedAgainst = new Map<number, number>();

function decide(): void {
  decidedAgainst.set(++decideAsked, complete ? asked : -1);
  send({ type: "decide", id: decideAsked, request: requestText.value });
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  if (message.type === "ready") {
    document.body.dataset["cedar"] = message.cedar ? "ready" : "unavailable";
  } else if (message.type === "analysis") {
    inFlight = false;
    // Its spans are offsets into the text it was asked for: show it only if nothing changed since.
    if (changedMeanwhile) {
      changedMeanwhile = false;
      analyzeNow();
    } else if (message.id === asked) {
      showAnalysis(message.view);
    }
  } else if (message.type === "cedar") {
    if (message.id === asked && !inFlight) showCedar(message.view);
  } else if (message.type === "diff") {
    if (message.id === diffAsked) showDiff(message.view);
  } else if (message.type === "decision") {
    if (message.id === decideAsked) showDecision(message.view, decidedAgainst.get(message.id) ?? 0);
    decidedAgainst.delete(message.id);
  } else {
    if (message.of === "analyze") inFlight = false;
    const where = message.of === "diff" ? $("diff-summary") : $("summary");
    where.className = "summary error";
    where.textContent = `internal error: ${message.message}`;
    delete document.body.dataset[message.of === "diff" ? "diffBusy" : "busy"];
  }
};
worker.onerror = (event) => {
  $("summary").className = "summary error";
  $("summary").textContent = `the playground's worker failed: ${event.message}`;
};

/** Whether the shown analysis is complete (its Cedar step done, or none to do): decisions then count for tests. */
let complete = false;

function showAnalysis(view: AnalysisView): void {
  analysis = view;
  complete = !view.cedarPending;
  const elapsed = Math.round(performance.now() - analyzeStarted);
  delete document.body.dataset["busy"];
  document.body.dataset["shape"] = view.shape;
  document.body.dataset["analysisMs"] = String(elapsed);
  showAttachment(view);
  showDiagnostics(view, view, `checked, compiled and laid out in the worker in ${view.ms} ms; shown ${elapsed} ms after the change`, `${view.ms} ms`);
  const firstError = view.diagnostics.find((d) => d.severity === "error");
  if (jumpToFirstError && firstError !== undefined) editor.jumpTo(firstError.span.start);
  jumpToFirstError = false;
  $("graph").innerHTML = view.svg ?? `<p class="empty">${escapeHtml(view.noGraph ?? "")}</p>`;
  $("graph-text").textContent = view.graphText;
  $("dot").textContent = view.dot;
  $("cedar").textContent = view.cedarText;
  showSamples(view);
  decide();
}

/** The Cedar step: its diagnostics join the others, the Cedar tab fills, and the request is decided again. */
function showCedar(view: CedarView | undefined): void {
  complete = true;
  if (analysis !== undefined && view !== undefined) {
    showDiagnostics(analysis, view, `compiled in ${analysis.ms} ms, Cedar emitted and validated in ${view.ms} ms, in the worker`, `${analysis.ms} + ${view.ms} ms`);
    $("cedar").textContent = view.cedarText;
  }
  decide();
}

/** The diagnostics in the editor and the summary line above it. */
function showDiagnostics(view: AnalysisView, found: DiagnosticsView, timingTitle: string, timing: string): void {
  // The spans are offsets into the text analysed: the page asks again (and shows nothing) when it changed since.
  editor.showDiagnostics(found.diagnostics);
  const summary = $("summary");
  summary.className = view.attachError !== undefined || found.errors > 0 ? "summary error" : found.warnings > 0 ? "summary warning" : "summary ok";
  const what = view.shape === "bundle" ? "bundle" : `${view.shape} policy`;
  const counts = `${found.errors} error${found.errors === 1 ? "" : "s"}, ${found.warnings} warning${found.warnings === 1 ? "" : "s"}`;
  const shown = found.total > found.diagnostics.length ? ` (the first ${found.diagnostics.length} are marked in the editor)` : "";
  summary.innerHTML = `<span class="counts">${escapeHtml(`${what}: ${counts}${shown}`)}</span>`
    + (view.note !== undefined ? ` <span class="note">· ${escapeHtml(view.note)}</span>` : "")
    + (found.errors > 0 ? ' <button type="button" id="first-error">go to the first error</button>' : "")
    + ` <span class="timing" title="${escapeHtml(timingTitle)}">${escapeHtml(timing)}</span>`;
  const firstError = found.diagnostics.find((d) => d.severity === "error");
  document.getElementById("first-error")?.addEventListener("click", () => firstError !== undefined && editor.jumpTo(firstError.span.start));
}

/** The key ARN field for a key policy, the principal ARN field for an identity policy, neither for a bundle. */
function showAttachment(view: AnalysisView): void {
  $("attach-key").hidden = view.shape !== "key";
  $("attach-principal").hidden = view.shape !== "identity";
  const field = view.shape === "key" ? keyArn : principalArn;
  field.placeholder = view.attachError === undefined && view.attachedTo !== undefined && field.value.trim() === "" ? view.attachedTo : field.placeholder;
  field.setAttribute("aria-invalid", String(view.attachError !== undefined));
  const problem = $("attach-error");
  problem.hidden = view.attachError === undefined;
  problem.textContent = view.attachError ?? "";
  $("attached").textContent = view.shape === "bundle" ? ""
    : view.attachError === undefined && view.attachedTo !== undefined ? `attached to ${view.attachedTo}${(view.shape === "key" ? keyArn : principalArn).value.trim() === "" ? " (a placeholder: set your own)" : ""}` : "";
}

function showSamples(view: AnalysisView): void {
  requestSample.replaceChildren(...view.samples.map((s, i) => new Option(s.label, String(i))));
  requestSample.disabled = view.samples.length === 0;
  if (view.samples.length === 0) requestSample.add(new Option(view.errors > 0 || view.attachError !== undefined ? "(fix the errors for sample requests)" : "(no sample request)", ""));
  if (requestIsSample) requestText.value = view.samples[0]?.text ?? requestText.value;
  $("needs-key").hidden = keyNeeded(view) === undefined;
}

/** For an identity policy alone with a sample on a key (KR0004): the principal and the key. */
function keyNeeded(view: AnalysisView): { principal: string; key: string } | undefined {
  const sample = view.shape === "identity" ? view.samples.find((s) => s.outcome === "error KR0004") : undefined;
  const key: unknown = sample !== undefined ? (JSON.parse(sample.text) as { resource?: unknown }).resource : undefined;
  return typeof key === "string" && view.attachedTo !== undefined ? { principal: view.attachedTo, key } : undefined;
}

function showDecision(view: DecideView, against: number): void {
  const out = $("decisions");
  if ("requestError" in view) {
    out.innerHTML = `<p class="request-error">${escapeHtml(view.requestError)}</p>`;
    highlight({ statements: [], nodes: [] });
  } else {
    out.innerHTML = renderDecisions(view.answers);
    highlight(view.highlight);
  }
  // Tests wait for a new revision decided against the last analysis asked for.
  document.body.dataset["decided"] = String(against);
  document.body.dataset["revision"] = String(++revision);
}

/** Marks the statements and tests that decided the request in the graph picture. */
function highlight(marks: Highlight): void {
  const svg = $("graph").querySelector("svg");
  if (svg === null) return;
  for (const old of svg.querySelectorAll(".decided")) old.classList.remove("decided");
  const statements = new Set(marks.statements.map((i) => `s${i}`));
  const nodes = new Set(marks.nodes.map((i) => `n${i}`));
  for (const g of svg.querySelectorAll<SVGGElement>("g.statement")) if (statements.has(g.dataset["statement"] ?? "")) g.classList.add("decided");
  for (const g of svg.querySelectorAll<SVGGElement>("g.node")) if (nodes.has(g.dataset["node"] ?? "")) g.classList.add("decided");
  for (const path of svg.querySelectorAll<SVGPathElement>("path.edge")) {
    if (statements.has(path.dataset["from"] ?? "") && nodes.has(path.dataset["to"] ?? "")) path.classList.add("decided");
  }
  svg.classList.toggle("has-decided", statements.size > 0);
  svg.querySelector("g.statement.decided")?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function showTab(name: string): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>(".tabs button")) {
    const selected = button.dataset["tab"] === name;
    button.setAttribute("aria-selected", String(selected));
    $(`tab-${button.dataset["tab"] ?? ""}`).hidden = !selected;
  }
}

let requestTimer: ReturnType<typeof setTimeout> | undefined;
requestText.addEventListener("input", () => {
  requestIsSample = false;
  if (requestTimer !== undefined) clearTimeout(requestTimer);
  requestTimer = setTimeout(decide, 200);
});
$("decide").addEventListener("click", decide);
requestSample.addEventListener("change", () => {
  const chosen = analysis?.samples[Number(requestSample.value)];
  if (chosen === undefined) return;
  requestText.value = chosen.text;
  requestIsSample = true;
  decide();
});
start.addEventListener("change", () => {
  jumpToFirstError = true;
  requestIsSample = true;
  replacing = true;
  editor.setText(STARTING_POINTS.get(start.value) ?? SAMPLE_BUNDLE);
  replacing = false;
});
for (const input of [kind, pureCedar]) input.addEventListener("change", analyzeNow);
for (const field of [keyArn, principalArn]) {
  field.addEventListener("input", () => {
    requestIsSample = true;
    analyzeSoon();
  });
}
$("add-key-policy").addEventListener("click", () => {
  const needed = analysis !== undefined ? keyNeeded(analysis) : undefined;
  const bundle = needed !== undefined ? bundleWithDefaultKeyPolicy(editor.text(), needed.principal, needed.key) : undefined;
  if (bundle === undefined) return;
  requestIsSample = true;
  editor.setText(bundle);
});
fitGraph.addEventListener("change", () => $("tab-graph").classList.toggle("fit", fitGraph.checked));
for (const button of document.querySelectorAll<HTMLButtonElement>(".tabs button")) {
  button.addEventListener("click", () => showTab(button.dataset["tab"] ?? "graph"));
}
// The diff view: OLD and NEW in two editors (NEW starts as a copy of OLD, which starts as the Decide
// view's text), diffed in the worker by the analysis package; the newest asked diff is the one shown.
let diffEditors: { old: PolicyEditor; new: PolicyEditor } | undefined;
let diffAsked = 0;
let diffStarted = 0;
let diffTimer: ReturnType<typeof setTimeout> | undefined;

function diffSoon(): void {
  if (diffTimer !== undefined) clearTimeout(diffTimer);
  diffTimer = setTimeout(diffNow, 400);
}

function diffNow(): void {
  if (diffEditors === undefined) return;
  const chosen: { kind?: "key" | "identity" } = kind.value === "key" || kind.value === "identity" ? { kind: kind.value } : {};
  diffStarted = performance.now();
  document.body.dataset["diffBusy"] = "diffing";
  document.body.dataset["diffAsked"] = String(diffAsked + 1);
  const summary = $("diff-summary");
  summary.classList.add("busy");
  summary.textContent = "diffing: compiling both versions and deciding every request class…";
  send({ type: "diff", id: ++diffAsked, input: {
    oldText: diffEditors.old.text(), newText: diffEditors.new.text(), ...chosen, key: keyArn.value, principal: principalArn.value, pureCedar: pureCedar.checked,
  } });
}

function showDiff(view: DiffView): void {
  if (diffEditors === undefined) return;
  delete document.body.dataset["diffBusy"];
  const elapsed = Math.round(performance.now() - diffStarted);
  showSide(diffEditors.old, $("diff-old-status"), view.old);
  showSide(diffEditors.new, $("diff-new-status"), view.new);
  const { text, tone } = diffSummary(view);
  const summary = $("diff-summary");
  summary.className = `summary ${tone}`;
  summary.innerHTML = `<span class="counts">${escapeHtml(text)}</span> <span class="timing" title="in the worker, including compiling both versions and confirming the witnesses">${view.ms} ms; shown ${elapsed} ms after the change</span>`;
  $("diff-result").innerHTML = renderDiff(view);
  document.body.dataset["diffStatus"] = view.status;
  document.body.dataset["diffShown"] = String(diffAsked);
}

function showSide(editor: PolicyEditor, status: HTMLElement, side: SideView): void {
  editor.showDiagnostics(side.diagnostics);
  status.className = side.errors > 0 || side.attachError !== undefined ? "side-status error" : "side-status";
  status.textContent = side.attachError ?? (side.errors > 0 ? `${side.errors} error${side.errors === 1 ? "" : "s"} (marked in the editor)` : "");
}

function showMode(mode: string): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>(".modes button")) button.setAttribute("aria-selected", String(button.dataset["mode"] === mode));
  $("decide-view").hidden = mode !== "decide";
  $("diff-view").hidden = mode !== "diff";
  document.body.dataset["mode"] = mode;
  if (mode !== "diff" || diffEditors !== undefined) return;
  const text = editor.text();
  diffEditors = { old: createPolicyEditor($("diff-old"), text, diffSoon), new: createPolicyEditor($("diff-new"), text, diffSoon) };
  diffNow();
}

for (const button of document.querySelectorAll<HTMLButtonElement>(".modes button")) {
  button.addEventListener("click", () => showMode(button.dataset["mode"] ?? "decide"));
}
$("diff-run").addEventListener("click", diffNow);
$("diff-copy").addEventListener("click", () => diffEditors?.new.setText(diffEditors.old.text()));

showTab("graph");
$("summary").textContent = "loading the compiler and cedar-wasm…";
analyzeNow();

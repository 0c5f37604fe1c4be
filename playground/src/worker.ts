// The playground's Web Worker: cedar-wasm, the compiler and the three engines live here, so the page
// stays responsive while a large paste is checked and compiled. Messages are plain data (protocol.ts),
// handled one at a time in order. An analysis is answered in two steps: the checks, graph and samples
// first, then Cedar (the slow part of a large input), which is skipped when a newer analysis waits.
import { prepareCedarEngine } from "./cedar-engine.js";
import { initCedarWeb } from "./cedar-web.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { PlaygroundSession } from "./session.js";

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const queue: ToWorker[] = [];
let running = false;

// cedar-wasm first (the compiler validates the Cedar it emits with it), from beside the page.
const ready = initCedarWeb(new URL("cedar_wasm_bg.wasm", self.location.href)).then((ok) => {
  scope.postMessage({ type: "ready", cedar: ok });
  return new PlaygroundSession(ok ? prepareCedarEngine() : undefined);
});

scope.onmessage = (event) => {
  queue.push(event.data);
  if (!running) void drain();
};

/** A macrotask: messages posted meanwhile reach the queue. */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function drain(): Promise<void> {
  running = true;
  const session = await ready;
  for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
    try {
      if (message.type === "decide") {
        scope.postMessage({ type: "decision", id: message.id, view: session.decide(message.request) });
        continue;
      }
      if (message.type === "diff") {
        // A newer diff waits: this one's answer would be dropped by the page anyway (a diff can take seconds).
        if (queue.some((m) => m.type === "diff")) continue;
        scope.postMessage({ type: "diff", id: message.id, view: session.diff(message.input) });
        continue;
      }
      const view = session.analyze(message.input);
      scope.postMessage({ type: "analysis", id: message.id, view });
      if (!view.cedarPending) continue;
      await yieldToMessages();
      if (queue.some((m) => m.type === "analyze")) continue; // a newer text: its own Cedar will follow
      scope.postMessage({ type: "cedar", id: message.id, view: session.addCedar() });
    } catch (failure) {
      // INVARIANT: the compiler and the engines return diagnostics and error entries; show a bug as what it is.
      scope.postMessage({ type: "failure", of: message.type, id: message.id, message: failure instanceof Error ? failure.message : String(failure) });
    }
  }
  running = false;
}

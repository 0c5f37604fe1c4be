// The playground's Web Worker: cedar-wasm, the compiler and the three engines live here, so the page
// stays responsive while a large paste is checked and compiled. Messages are plain data (protocol.ts).
import { prepareCedarEngine } from "./cedar-engine.js";
import { initCedarWeb } from "./cedar-web.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { PlaygroundSession } from "./session.js";

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

// cedar-wasm first (the compiler validates the Cedar it emits with it), from beside the page.
const ready = initCedarWeb(new URL("cedar_wasm_bg.wasm", self.location.href)).then((ok) => {
  scope.postMessage({ type: "ready", cedar: ok });
  return new PlaygroundSession(ok ? prepareCedarEngine() : undefined);
});

scope.onmessage = (event) => {
  const message = event.data;
  void ready.then((session) => {
    try {
      if (message.type === "analyze") scope.postMessage({ type: "analysis", id: message.id, view: session.analyze(message.input) });
      else scope.postMessage({ type: "decision", id: message.id, view: session.decide(message.request) });
    } catch (failure) {
      // INVARIANT: the compiler and the engines return diagnostics and error entries; show a bug as what it is.
      scope.postMessage({ type: "failure", of: message.type, id: message.id, message: failure instanceof Error ? failure.message : String(failure) });
    }
  });
};

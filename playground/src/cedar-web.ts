// cedar-wasm's web build in the page: fetched and instantiated once from the .wasm shipped beside
// the bundle (DESIGN §6). The runtime asks for the Node build through `createRequire`; the
// node:module stand-in (src/node-shims/module.ts) hands it this module once it is ready.
import initCedar, * as cedarWeb from "@cedar-policy/cedar-wasm/web";

let ready = false;

/** Instantiates cedar-wasm from `wasmUrl`; resolves to whether it worked (never rejects). */
export async function initCedarWeb(wasmUrl: URL): Promise<boolean> {
  if (ready) return true;
  try {
    await initCedar({ module_or_path: wasmUrl });
    ready = true;
  } catch {
    ready = false;
  }
  return ready;
}

/** cedar-wasm's API, or `undefined` until `initCedarWeb` has succeeded. */
export function cedarWebModule(): typeof cedarWeb | undefined {
  return ready ? cedarWeb : undefined;
}

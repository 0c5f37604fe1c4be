// Browser stand-in for `node:module` (esbuild alias in scripts/build-playground.ts): `createRequire` serves
// only `@cedar-policy/cedar-wasm/nodejs`, answered with the web build initialised by the page, and
// `node:v8`, whose V8 flag (a Node 20 workaround in runtime/src/cedar/load-cedar.ts) means nothing here.
import { cedarWebModule } from "../cedar-web.js";

/** A `require` that knows two modules: cedar-wasm, and `node:v8` as a no-op. */
export function createRequire(_from: string | URL): (id: string) => unknown {
  return (id: string) => {
    if (id === "node:v8") return { setFlagsFromString: (_flag: string): void => undefined };
    if (id !== "@cedar-policy/cedar-wasm/nodejs") throw new Error(`the playground cannot require \`${id}\``);
    const cedar = cedarWebModule();
    if (cedar === undefined) throw new Error("cedar-wasm is not loaded in this page");
    return cedar;
  };
}

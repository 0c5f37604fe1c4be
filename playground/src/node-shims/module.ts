// Browser stand-in for `node:module` (esbuild alias in scripts/build-playground.ts): `createRequire` serves
// only `@cedar-policy/cedar-wasm/nodejs`, answered with the web build initialised by the page.
import { cedarWebModule } from "../cedar-web.js";

/** A `require` that knows one module: cedar-wasm. */
export function createRequire(_from: string | URL): (id: string) => unknown {
  return (id: string) => {
    if (id !== "@cedar-policy/cedar-wasm/nodejs") throw new Error(`the playground cannot require \`${id}\``);
    const cedar = cedarWebModule();
    if (cedar === undefined) throw new Error("cedar-wasm is not loaded in this page");
    return cedar;
  };
}

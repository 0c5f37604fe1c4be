// `npm run playground`: builds the playground and serves playground/dist/ on 127.0.0.1 (port from
// `--port N` or PORT, default 8090; 0 picks a free one). Static files only, nothing else.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { buildPlayground } from "./build-playground.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".map": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
};

/** A static file server for `root` (GET and HEAD only, never outside `root`). */
export function createStaticServer(root: string): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body),
      () => res.writeHead(404, { "content-type": "text/plain" }).end("not found\n"),
    );
  });
}

/** Builds, then serves on 127.0.0.1:`port`; resolves once listening, with the URL. */
export async function servePlayground(port: number): Promise<{ server: Server; url: string }> {
  const root = await buildPlayground();
  const server = createStaticServer(root);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf("--port");
  const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env["PORT"] ?? 8090));
  const { url } = await servePlayground(port);
  console.log(`kms-cedar playground: ${url} (Ctrl-C to stop)`);
}

// `npm run playground`: builds the playground and serves playground/dist/ on 127.0.0.1 (port from
// `--port N` or PORT, default 8090; 0 picks a free one). Static files only, nothing else. A bad
// request is answered 400; a bad or busy port is one line on stderr and exit status 2.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { buildPlayground, PLAYGROUND_DIST } from "./build-playground.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".map": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
};

/** The decoded path of a request URL, or `undefined` when it is malformed (`/%ZZ`, a NUL byte). */
function requestPath(url: string | undefined): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
    return path.includes("\0") ? undefined : path;
  } catch {
    return undefined;
  }
}

/**
 * A static file server for `root` (GET and HEAD only, never outside `root`); requests wait for `ready`
 * (the build), so the server can listen, and fail on a busy port, before the page is built.
 */
export function createStaticServer(root: string, ready: Promise<unknown> = Promise.resolve()): Server {
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
    const path = requestPath(req.url);
    if (path === undefined) return void res.writeHead(400, { "content-type": "text/plain" }).end("bad request\n");
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return void res.writeHead(403).end();
    ready.then(() => readFile(file)).then(
      (body) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body),
      () => res.writeHead(404, { "content-type": "text/plain" }).end("not found\n"),
    );
  });
}

/** `--port`/PORT as a port number (0 to 65535), or why it is not one. */
export function parsePort(text: string | undefined): { port: number } | { error: string } {
  if (text === undefined) return { port: 8090 };
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65_535) return { error: `the port must be a number from 0 to 65535, not \`${text}\`` };
  return { port: Number(text) };
}

/** Listens on 127.0.0.1:`port` (rejects at once on a busy port), then builds; resolves with the URL. */
export async function servePlayground(port: number): Promise<{ server: Server; url: string }> {
  let built!: (value: unknown) => void;
  const ready = new Promise((resolve) => (built = resolve));
  const server = createStaticServer(PLAYGROUND_DIST, ready);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  try {
    await buildPlayground(PLAYGROUND_DIST);
  } catch (failure) {
    server.close();
    throw failure;
  }
  built(undefined);
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Why listening failed, in one line. */
function describeListenError(failure: unknown, port: number): string {
  const code = (failure as { code?: unknown } | null)?.code;
  if (code === "EADDRINUSE") return `port ${port} is in use: give another with --port N or PORT=N (0 picks a free one)`;
  if (code === "EACCES") return `no permission to listen on port ${port}: use a port above 1023`;
  return failure instanceof Error ? failure.message.split("\n")[0] ?? String(failure) : String(failure);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf("--port");
  const parsed = parsePort(flag >= 0 ? process.argv[flag + 1] : process.env["PORT"]);
  if ("error" in parsed) {
    process.stderr.write(`kms-cedar playground: ${parsed.error}\n`);
    process.exit(2);
  }
  try {
    const { url } = await servePlayground(parsed.port);
    console.log(`kms-cedar playground: ${url} (Ctrl-C to stop)`);
  } catch (failure) {
    process.stderr.write(`kms-cedar playground: ${describeListenError(failure, parsed.port)}\n`);
    process.exit(2);
  }
}

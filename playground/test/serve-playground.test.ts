// The playground's static server: a malformed request path is answered 400 and the server keeps
// serving; a bad or busy port is one line on stderr and exit status 2, before anything is built.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createStaticServer, parsePort } from "../scripts/serve-playground.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "kms-cedar-serve-"));
writeFileSync(join(root, "index.html"), "<p>hi</p>");
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** GET `path` (sent as written, not re-encoded); resolves with the status. */
function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject).end();
  });
}

function serve(args: readonly string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/run-ts.js", "playground/scripts/serve-playground.ts", ...args], {
    cwd: REPO, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000,
  });
}

describe("the playground server", () => {
  it("answers 400 to a malformed path and keeps serving", async () => {
    const port = await listen(createStaticServer(root));
    expect(await get(port, "/%ZZ")).toBe(400);
    expect(await get(port, "/a%00b")).toBe(400);
    expect(await get(port, "/")).toBe(200);
    expect(await get(port, "/missing.js")).toBe(404);
  });

  it("reads --port and PORT as 0 to 65535", () => {
    expect(parsePort(undefined)).toEqual({ port: 8090 });
    expect(parsePort("0")).toEqual({ port: 0 });
    expect(parsePort("65535")).toEqual({ port: 65535 });
    expect(parsePort("65536")).toHaveProperty("error");
    expect(parsePort("http")).toHaveProperty("error");
    expect(parsePort("-1")).toHaveProperty("error");
  });

  it("exits 2 with one line on a bad PORT", () => {
    const run = serve([], { PORT: "eighty" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("kms-cedar playground: the port must be a number from 0 to 65535, not `eighty`\n");
  });

  it("exits 2 with one line on a busy port", async () => {
    const port = await listen(createServer());
    const run = serve(["--port", String(port)], {});
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`kms-cedar playground: port ${port} is in use: give another with --port N or PORT=N (0 picks a free one)\n`);
  });
});

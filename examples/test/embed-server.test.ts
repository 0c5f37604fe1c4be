// The embedding example (examples/embed/server.ts): started on 127.0.0.1 port 0, driven over loopback
// with the ABAC example's requests (expected decisions written in examples/abac/expected.json), plus
// the HTTP-level refusals. Every test closes what it opened.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileBundle, emitGraphJson } from "@kms-cedar/compiler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthorizationServer } from "../embed/server.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(REPO, path), "utf8"));
/**
 * The example's requests as the embedding API takes them: a requests *file* may annotate entries
 * with `description`, which is not part of a request (DESIGN §2) and which `decide()` refuses.
 */
const abacRequests = (): object[] =>
  (readJson("examples/abac/requests.json") as Record<string, unknown>[]).map(({ description: _description, ...request }) => request);

function compiledGraph(): string {
  const result = compileBundle("examples/abac/bundle.json", { baseDir: REPO });
  if (result.graph === undefined) throw new Error(`the ABAC example does not compile: ${JSON.stringify(result.diagnostics)}`);
  return emitGraphJson(result.graph);
}

async function post(base: string, body: string, method = "POST"): Promise<{ status: number; json: unknown }> {
  const response = await fetch(base, { method, body: method === "POST" ? body : null, headers: { connection: "close" } });
  return { status: response.status, json: await response.json() };
}

describe("examples/embed/server.ts in-process", () => {
  const graph = compiledGraph();
  const server = createAuthorizationServer(graph);
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("decides every ABAC example request as examples/abac/expected.json says", async () => {
    const requests = abacRequests();
    const expected = readJson("examples/abac/expected.json") as { decision: string }[];
    expect(requests).toHaveLength(expected.length);
    const decided: unknown[] = [];
    for (const request of requests) {
      const { status, json } = await post(base, JSON.stringify(request));
      expect(status).toBe(200);
      decided.push((json as { decision?: string }).decision);
    }
    expect(decided).toEqual(expected.map((e) => e.decision));
  });

  it("returns the reasons of an Allow and the error entry of a malformed request", async () => {
    const allow = (await post(base, JSON.stringify(abacRequests()[0]))).json as { reasons: { sid?: string }[] };
    expect(allow.reasons.map((r) => r.sid)).toEqual(["Enable IAM User Permissions", "UseProjectAlphaKeys"]);
    const malformed = await post(base, JSON.stringify({ principal: "arn:aws:iam::111122223333:role/App" }));
    expect(malformed.status).toBe(200);
    expect(malformed.json).toMatchObject({ error: { code: "KR0007" } });
  });

  it("refuses a request/operation hybrid and a lone surrogate with their error entries (issue 10)", async () => {
    const [allowed] = abacRequests();
    const hybrid = await post(base, JSON.stringify({ ...allowed, principal: "arn:aws:iam::111122223333:role/Nobody", checks: [allowed] }));
    expect(hybrid.json).toMatchObject({ error: { code: "KR0007" } });
    const lone = await post(base, JSON.stringify({ ...allowed, context: { "kms:EncryptionContext:x": "\ud800" } }));
    expect(lone.json).toMatchObject({ error: { code: "KR0008" } });
  });

  it("refuses a member written twice (KR0007), as the CLI does, though JSON.parse would keep the last", async () => {
    const [allowed] = abacRequests() as Record<string, unknown>[];
    const body = JSON.stringify(allowed).replace('"action":', '"action":"kms:ScheduleKeyDeletion","action":');
    expect(JSON.parse(body)).toEqual(allowed);
    expect((await post(base, body)).json).toMatchObject({ error: { code: "KR0007", message: "malformed request: member `action` appears twice" } });
    // Inside the context too, and with a name spelt with an escape.
    const inContext = JSON.stringify(allowed).replace('"context":{', '"context":{"aws:Resource\\u0054ag/Project":"Beta",');
    expect((await post(base, inContext)).json).toMatchObject({ error: { code: "KR0007" } });
    expect((await post(base, JSON.stringify(allowed))).json).toMatchObject({ decision: "Allow" });
  });

  it("refuses a body that is not UTF-8 (KC1026, 400) with the CLI's message, never decides it", async () => {
    // ED A0 80: the raw bytes of the lone surrogate U+D800, whose escape `\ud800` is KR0008; decoded
    // leniently they became U+FFFD and the request was allowed.
    const [allowed] = abacRequests() as Record<string, unknown>[];
    const [before, after] = JSON.stringify({ ...allowed, context: { "aws:ResourceTag/Project": "Alpha", "aws:PrincipalTag/team": "x@" } }).split("@");
    const body = Buffer.concat([Buffer.from(before!), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(after!)]);
    const response = await fetch(base, { method: "POST", body, headers: { connection: "close" } });
    expect(response.status).toBe(400);
    const column = before!.length + 1;
    expect(await response.json()).toEqual({
      error: { code: "KC1026", message: `not UTF-8: the bytes at 1:${column} (ED A0 80 22 …) are no UTF-8 character` },
    });
  });

  it("refuses other methods, bodies that are not JSON, and oversized bodies", async () => {
    expect((await post(base, "", "GET")).status).toBe(405);
    expect(await post(base, "{not json")).toEqual({ status: 400, json: { error: { code: "json", message: "the body is not JSON" } } });
    expect((await post(base, JSON.stringify({ pad: "x".repeat(70 * 1024) }))).status).toBe(413);
  });
});

describe("examples/embed/server.ts run as a program", () => {
  it("listens on the port it prints and answers one request", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kms-cedar-embed-"));
    const graphFile = join(dir, "graph.json");
    writeFileSync(graphFile, compiledGraph());
    const child = spawn(process.execPath, [join(REPO, "scripts/run-ts.js"), join(REPO, "examples/embed/server.ts"), graphFile, "0"], {
      cwd: REPO, stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("\n")) resolve(out);
        });
        child.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
      });
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line)?.[1];
      expect(port).toMatch(/^[1-9]\d*$/);
      const request = abacRequests()[4];
      const { json } = await post(`http://127.0.0.1:${port}/`, JSON.stringify(request));
      expect((json as { decision: string }).decision).toBe("ExplicitDeny");
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the embedding example's defaults", () => {
  it("read graph.json where the README's compile command (and `npm run demo`) writes it", () => {
    const repo = new URL("../../", import.meta.url);
    const server = readFileSync(new URL("examples/embed/server.ts", repo), "utf8");
    const readme = readFileSync(new URL("README.md", repo), "utf8");
    const demo = readFileSync(new URL("scripts/demo.js", repo), "utf8");
    const fallback = /const \[graphFile = "([^"]+)"/.exec(server)?.[1];
    const out = /npx kms-cedar compile examples\/abac\/bundle\.json -o (\S+)/.exec(readme)?.[1];
    expect(fallback).toBe(`${out}/graph.json`);
    expect(demo).toContain(`"-o", "${out}"`);
  });
});

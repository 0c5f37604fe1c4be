// Embedding example: an HTTP authorization endpoint on node:http and @kms-cedar/runtime. POST a request
// (DESIGN §2) as JSON, get the decision (or the error entry) back. Only the runtime is needed, no wasm.
// Run: node scripts/run-ts.js examples/embed/server.ts [out/abac/graph.json] [port]  (compile first:
// npx kms-cedar compile examples/abac/bundle.json -o out/abac, as the README and `npm run demo` do)
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { pathToFileURL } from "node:url";
import { createAuthorizer, decodeUtf8, duplicateMemberError } from "@kms-cedar/runtime";

const MAX_BODY_BYTES = 64 * 1024;

/** A server deciding POSTed requests with the decision graph in `graphJson` (the text of graph.json). */
export function createAuthorizationServer(graphJson: string): Server {
  const authorizer = createAuthorizer(graphJson); // compiled once; decide() is synchronous and cheap
  return createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body) + "\n");
    };
    if (req.method !== "POST") return reply(405, { error: { code: "method", message: "POST a request as JSON" } });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) return reply(413, { error: { code: "size", message: "request body too large" } });
      // Strictly (the CLI's decoder): bytes that are not UTF-8, such as the raw form of a lone surrogate,
      // are refused, never replaced by U+FFFD and decided.
      const decoded = decodeUtf8(Buffer.concat(chunks));
      if ("notUtf8" in decoded) return reply(400, { error: { code: decoded.notUtf8.code, message: decoded.notUtf8.message } });
      const body = decoded.text;
      let request: unknown;
      try {
        request = JSON.parse(body);
      } catch {
        return reply(400, { error: { code: "json", message: "the body is not JSON" } });
      }
      // JSON.parse keeps the last of a member written twice; the CLI refuses such a request (KR0007),
      // and so does this server, or it would decide what a proxy reading the first one never saw.
      const twice = duplicateMemberError(body);
      if (twice !== undefined) return reply(200, twice);
      // decide() reads the body with the runtime's one strict request reader (DESIGN §2): a stray
      // member, a request/operation hybrid or a lone surrogate is an error entry, never a decision.
      reply(200, authorizer.decide(request));
    });
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [graphFile = "out/abac/graph.json", port = "8080"] = process.argv.slice(2); // where `npm run demo` and the README compile to
  const server = createAuthorizationServer(readFileSync(graphFile, "utf8"));
  server.listen(Number(port), "127.0.0.1", () => {
    const address = server.address();
    console.log(`deciding on http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/ with ${graphFile}`);
  });
}

/**
 * A minimal stand-in for src/server used only while the real server cannot be imported: serves web/dist and
 * `GET /api/graph` / `GET /health` with the project's content security policy, so browser tests still exercise
 * the page under the same CSP.
 */
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";

const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".json": "application/json" };

export async function startFallbackServer(graph: KnowledgeGraph, webRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify(graph.export());
  const server = createServer(async (req, res) => {
    res.setHeader("content-security-policy", CSP);
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === "/api/graph") {
      res.writeHead(200, { "content-type": "application/json" }).end(body);
      return;
    }
    if (path === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", nodes: graph.order, edges: graph.size }));
      return;
    }
    const file = normalize(join(webRoot, path === "/" ? "index.html" : path));
    if (!file.startsWith(webRoot)) return void res.writeHead(400).end();
    try {
      const data = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(data);
    } catch {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: `no route ${path}` } }));
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}

/**
 * Bad requests a new user or a broken client sends: every one gets a 4xx JSON `{error: {code, message}}`, never
 * an empty body, HTML or a silently mangled value.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { seedGraph } from "../helpers/seed.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ graph: await seedGraph(), port: 0, webRoot: null });
});
afterAll(async () => {
  await server.close();
});

/** Sends raw bytes (a request `fetch` would refuse to send) and returns the status line, headers and body. */
function raw(request: Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((ok, fail) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", fail);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      const head = split < 0 ? text : text.slice(0, split);
      ok({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: split < 0 ? "" : text.slice(split + 4) });
    });
  });
}

async function send(path: string, init?: RequestInit): Promise<{ status: number; type: string; body: any; headers: Headers }> {
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, type, headers: res.headers, body: type.includes("json") ? JSON.parse(text) : text };
}

describe("requests Node's HTTP parser rejects are answered in JSON", () => {
  it("raw (not percent-encoded) Arabic bytes in the path → 400 JSON", async () => {
    const r = await raw(Buffer.concat([Buffer.from("GET /api/search?q="), Buffer.from("أربيل", "utf8"), Buffer.from(" HTTP/1.1\r\nHost: x\r\n\r\n")]));
    expect(r.status).toBe(400);
    expect(r.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(r.body).error.code).toBe("BAD_REQUEST_LINE");
  });

  it("a request line and headers over Node's limit → 431 JSON", async () => {
    const r = await raw(Buffer.from(`GET /api/nodes/${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(r.status).toBe(431);
    expect(JSON.parse(r.body).error.code).toBe("HEADERS_TOO_LARGE");
  });
});

describe("text that is not UTF-8", () => {
  it("a query string with bytes that are not UTF-8 (%FF) → 400 BAD_ENCODING, not a search for U+FFFD", async () => {
    const r = await send("/api/search?q=%FF%FE");
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BAD_ENCODING");
    expect(r.body.error.message).toContain("q");
  });

  it("well-formed UTF-8 and + for space still work", async () => {
    const r = await send(`/api/search?q=${encodeURIComponent("اربيل")}+&limit=2`);
    expect(r.status).toBe(200);
    expect(r.body.results[0].label).toBe("أربيل");
  });

  it("a JSON body with bytes that are not UTF-8 → 400 BAD_ENCODING", async () => {
    const body = Buffer.concat([Buffer.from('{"query":"RETURN '), Buffer.from([0xff]), Buffer.from('"}')]);
    const r = await send("/api/query", { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BAD_ENCODING");
  });
});

describe("wrong methods and unknown routes", () => {
  it("a known route with the wrong method → 405 JSON with Allow", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/api/graph", "GET, HEAD"],
      ["POST", "/api/nodes/x", "GET, HEAD"],
      ["GET", "/api/query", "POST"],
      ["PUT", "/api/export", "GET, HEAD, POST"],
      ["POST", "/health", "GET, HEAD"],
    ];
    for (const [method, path, allow] of cases) {
      const r = await send(path, { method });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get("allow")).toBe(allow);
      expect(r.body.error.code).toBe("METHOD_NOT_ALLOWED");
      expect(r.body.error.message).toContain(path);
    }
  });

  it("the 404 message names the full path asked for, not the part after /api", async () => {
    const r = await send("/api/nope");
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain("/api/nope");
  });
});

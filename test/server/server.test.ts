import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { nodeByLabel, seedGraph } from "../helpers/seed.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ graph: await seedGraph(), port: 0, webRoot: null });
});
afterAll(async () => {
  await server.close();
});

async function get(path: string): Promise<{ status: number; type: string; body: any; text: string }> {
  const res = await fetch(server.url + path);
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, type, text, body: type.includes("json") ? JSON.parse(text) : null };
}

describe("HTTP API over the seed graph", () => {
  it("binds the loopback interface on the port it was given (0 → a free port)", () => {
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("GET /health reports the graph's size", async () => {
    const r = await get("/health");
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("ok");
    expect(r.body.nodes).toBe(server.graph.order);
    expect(r.body.edges).toBe(server.graph.size);
  });

  it("GET /api/graph is graphology's serialisation with the documents", async () => {
    const r = await get("/api/graph");
    expect(r.status).toBe(200);
    expect(r.body.nodes).toHaveLength(server.graph.order);
    expect(r.body.edges).toHaveLength(server.graph.size);
    const docs = Object.values(r.body.attributes.documents) as { text: string }[];
    expect(docs).toHaveLength(1);
    expect(docs[0].text).toContain("تكريت");
  });

  it("GET /api/graph?slim=1 leaves out provenance and document texts; a bad slim value is 400 JSON", async () => {
    const slim = await get("/api/graph?slim=1");
    expect(slim.status).toBe(200);
    expect(slim.body.nodes).toHaveLength(server.graph.order);
    expect(slim.body.edges).toHaveLength(server.graph.size);
    expect(slim.body.nodes.filter((n: any) => n.attributes.provenance !== undefined)).toEqual([]);
    expect(slim.body.edges.filter((e: any) => e.attributes.provenance !== undefined)).toEqual([]);
    expect(slim.body.attributes.documents).toEqual({});
    expect(slim.text.length).toBeLessThan((await get("/api/graph")).text.length);
    const bad = await get("/api/graph?slim=yes");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("BAD_QUERY_PARAM");
  });

  it("GET /api/graph is served again after the graph changes (the cached text is dropped)", async () => {
    const before = (await get("/api/graph")).body.nodes.length;
    server.graph.addNode("place:اختبار", { label: "اختبار", type: "place", aliases: [], provenance: [] } as any);
    try {
      expect((await get("/api/graph")).body.nodes.length).toBe(before + 1);
    } finally {
      server.graph.dropNode("place:اختبار");
    }
    expect((await get("/api/graph")).body.nodes.length).toBe(before);
  });

  it("GET /api/search?q=الكاظمي ranks مصطفى الكاظمي first", async () => {
    const r = await get(`/api/search?q=${encodeURIComponent("الكاظمي")}`);
    expect(r.status).toBe(200);
    expect(r.body.results[0].label).toBe("مصطفى الكاظمي");
    expect(r.body.results[0].type).toBe("official");
  });

  it("search is Arabic-normalised: اربيل finds أربيل", async () => {
    const r = await get(`/api/search?q=${encodeURIComponent("اربيل")}`);
    expect(r.body.results.map((x: { label: string }) => x.label)).toContain("أربيل");
  });

  it("GET /api/nodes/:key gives attributes, typed neighbours and the source sentence with the mention's offsets", async () => {
    const key = nodeByLabel(server.graph, "تكريت", "place")!;
    expect(key).toBeDefined();
    const r = await get(`/api/nodes/${encodeURIComponent(key)}`);
    expect(r.status).toBe(200);
    expect(r.body.attributes.type).toBe("place");
    expect(r.body.neighbors.length).toBeGreaterThan(0);
    for (const n of r.body.neighbors) expect(typeof n.edgeType).toBe("string");
    const ev = r.body.evidence[0];
    expect(ev.sentence.slice(ev.mentionStart, ev.mentionEnd)).toBe("تكريت");
    expect(ev.title).toBe("بدء تشكيل مراكز التنسيق الامني بين الجيش والبيشمركة");
  });

  it("unknown node → 404 JSON", async () => {
    const r = await get("/api/nodes/does-not-exist");
    expect(r.status).toBe(404);
    expect(r.type).toContain("application/json");
    expect(r.body.error.code).toBe("NODE_NOT_FOUND");
    expect(r.body.error.message).toContain("does-not-exist");
  });

  it("unknown routes → 404 JSON, never HTML", async () => {
    for (const path of ["/api/nope", "/nope.html"]) {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(r.type).toContain("application/json");
      expect(r.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("malformed percent-encoding → 400 JSON", async () => {
    const r = await get("/api/nodes/%E0%A4%A");
    expect(r.status).toBe(400);
    expect(r.type).toContain("application/json");
    expect(typeof r.body.error.message).toBe("string");
  });

  it("bad search parameters → 400 JSON", async () => {
    expect((await get("/api/search")).status).toBe(400);
    expect((await get("/api/search?q=x&limit=0")).status).toBe(400);
    expect((await get("/api/search?q=x&type=planet")).body.error.code).toBe("BAD_QUERY_PARAM");
  });

  it("a body over the limit → 413 JSON; a body that is not JSON → 400 JSON", async () => {
    const big = await fetch(`${server.url}/api/query`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "x".repeat(2_000_000) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const bad = await fetch(`${server.url}/api/query`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("BAD_JSON");
  });

  it("GET /api/export?format=gexf is a GEXF download", async () => {
    const res = await fetch(`${server.url}/api/export?format=gexf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const text = await res.text();
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain("<gexf");
    expect(text).toContain("تكريت");
  });

  it("sends security headers with a CSP that allows the layout worker (worker-src blob:)", async () => {
    const res = await fetch(`${server.url}/health`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

describe("startServer settings", () => {
  it("refuses a bad port with a clear error", async () => {
    await expect(startServer({ graph: await seedGraph(), port: 70000, webRoot: null })).rejects.toMatchObject({ code: "BAD_OPTION" });
  });
  it("close() is safe to call twice", async () => {
    const s = await startServer({ graph: await seedGraph(), port: 0, webRoot: null });
    await s.close();
    await s.close();
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
  });
});

/**
 * POST /api/query over HTTP: the result shape on the seed graph, syntax errors with line and column, writes refused
 * without --allow-writes, caps, and /health staying responsive while a heavy query runs in the worker.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { readInputs } from "../../src/ingest/index.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { nodeByLabel, seedGraph } from "../helpers/seed.ts";
import { CLIQUE_ARTICLE, kg } from "./helpers.ts";

interface Answer {
  status: number;
  body: any;
}

async function post(server: RunningServer, body: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}/api/query`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

const SHORTEST = "MATCH p = shortestPath((a)-[*..6]-(b)) WHERE shabaka.match(a,'الكاظمي') AND shabaka.match(b,'داعش') RETURN p";
const TYPED = "MATCH p = shortestPath((a)-[*..6]-(b)) WHERE shabaka.match(a,'الكاظمي') AND shabaka.match(b,'داعش') AND none(r IN relationships(p) WHERE type(r) = 'MENTIONED_WITH') RETURN p";

describe("POST /api/query on the seed graph (read-only server)", () => {
  let server: RunningServer;
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    graph = await seedGraph();
    server = await startServer({ graph, port: 0, webRoot: null });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers {columns, rows, graph, stats, warnings}: a path from مصطفى الكاظمي to داعش", async () => {
    const r = await post(server, { query: SHORTEST });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["columns", "graph", "rows", "stats", "truncated", "warnings"]);
    expect(r.body.columns).toEqual(["p"]);
    expect(r.body.rows.length).toBeGreaterThanOrEqual(1);
    const kadhimi = nodeByLabel(graph, "مصطفى الكاظمي", "official")!;
    const isis = nodeByLabel(graph, "داعش", "force")!;
    for (const [p] of r.body.rows) {
      expect(p.nodes[0].id).toBe(kadhimi);
      expect(p.nodes[p.nodes.length - 1].id).toBe(isis);
    }
    expect(r.body.graph.nodes).toEqual(expect.arrayContaining([kadhimi, isis]));
    expect(r.body.graph.edges.length).toBeGreaterThanOrEqual(1);
    for (const e of r.body.graph.edges) expect(graph.hasEdge(e)).toBe(true);
    expect(r.body.stats.rows).toBe(r.body.rows.length);
  });

  it("the typed variant goes through typed relations only", async () => {
    const r = await post(server, { query: TYPED });
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBeGreaterThanOrEqual(1);
    const [p] = r.body.rows[0];
    expect(p.relationships.length).toBeGreaterThanOrEqual(2);
    for (const rel of p.relationships) expect(rel.type).not.toBe("MENTIONED_WITH");
    expect(p.nodes[0].properties.label).toBe("مصطفى الكاظمي");
    expect(p.nodes[p.nodes.length - 1].properties.label).toBe("داعش");
  });

  it("takes parameters", async () => {
    const r = await post(server, { query: "MATCH (n:official) WHERE shabaka.match(n, $name) RETURN n.label, n.type", params: { name: "الكاظمى" } });
    expect(r.status).toBe(200);
    expect(r.body.rows).toEqual([["مصطفى الكاظمي", "official"]]);
  });

  it("a syntax error is 400 QUERY_SYNTAX with line and column", async () => {
    const r = await post(server, { query: "MATCH (n)\nRETURN n.label,\n  ORDER BY n" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("QUERY_SYNTAX");
    expect(r.body.error.details).toEqual({ line: 3, column: 3 });
    expect(r.body.error.message).toMatch(/line 3, column 3/);
    const u = await post(server, { query: "MATCH (n) RETURN m" });
    expect([u.status, u.body.error.code, u.body.error.details]).toEqual([400, "QUERY_SYNTAX", { line: 1, column: 18 }]);
  });

  it("a runtime error is 400 QUERY_ERROR; a bad body is 400", async () => {
    const r = await post(server, { query: "RETURN toUpper(1) AS x" });
    expect([r.status, r.body.error.code]).toEqual([400, "QUERY_ERROR"]);
    for (const body of [{}, { query: "" }, { query: 5 }, { query: "RETURN 1", params: [1] }, ["RETURN 1"]]) {
      const b = await post(server, body);
      expect(b.status, JSON.stringify(body)).toBe(400);
      expect(b.body.error.code).toBe("BAD_REQUEST");
    }
  });

  it("write clauses are 403 WRITES_FORBIDDEN without --allow-writes, and change nothing", async () => {
    const before = [graph.order, graph.size];
    for (const q of ["CREATE (n:place {label: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.x = 1 RETURN n", "MERGE (n:place {label: 'y'})", "MATCH (n) REMOVE n.label"]) {
      const r = await post(server, { query: q });
      expect(r.status, q).toBe(403);
      expect(r.body.error.code).toBe("WRITES_FORBIDDEN");
    }
    expect([graph.order, graph.size]).toEqual(before);
  });

  it("the row cap truncates with a warning", async () => {
    const r = await post(server, { query: "UNWIND range(1, 20000) AS x RETURN x" });
    expect(r.status).toBe(200);
    expect(r.body.rows).toHaveLength(10_000);
    expect(r.body.truncated).toBe(true);
    expect(r.body.warnings.join(" ")).toMatch(/row cap of 10000/);
  });
});

describe("POST /api/query with --allow-writes", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ graph: kg([{ key: "a", type: "place", label: "بغداد" }], []), port: 0, webRoot: null, allowWrites: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it("runs writes on the served graph, and later reads see them", async () => {
    const before = await post(server, { query: "MATCH (n) RETURN count(n)" });
    expect(before.body.rows).toEqual([[1]]);
    const w = await post(server, { query: "CREATE (n:place {label: 'البصرة'})" });
    expect(w.status).toBe(200);
    expect(w.body.stats.nodesCreated).toBe(1);
    expect(server.graph.order).toBe(2);
    const after = await post(server, { query: "MATCH (n) RETURN n.label AS l ORDER BY l" });
    expect(after.body.rows).toEqual([["البصرة"], ["بغداد"]]);
  });
});

describe("a heavy query on the 12-entity clique", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "shabaka-clique-http-"));
    writeFileSync(join(dir, "clique.txt"), CLIQUE_ARTICLE);
    const { documents } = await readInputs([dir]);
    const graph = buildGraph(documents, await loadResources(resolve(import.meta.dirname, "../../graph-data")));
    server = await startServer({ graph, port: 0, webRoot: null });
    await post(server, { query: "RETURN 1" }); // starts the worker
  });
  afterAll(async () => {
    await server.close();
  });

  it("returns partial results, truncated, with a warning, while /health answers in under 100 ms", async () => {
    let done = false;
    const heavy = post(server, { query: "MATCH p = (a)-[:MENTIONED_WITH*]-(b) RETURN count(p) AS paths" }).finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    await new Promise((ok) => setTimeout(ok, 100));
    while (!done && latencies.length < 100) {
      const t0 = performance.now();
      const h = await fetch(`${server.url}/health`);
      expect(h.status).toBe(200);
      await h.json();
      latencies.push(performance.now() - t0);
      await new Promise((ok) => setTimeout(ok, 20));
    }
    const r = await heavy;
    expect(r.status).toBe(200);
    expect(r.body.truncated).toBe(true);
    expect(r.body.warnings.join(" ")).toMatch(/time budget of 2000 ms/);
    expect(r.body.rows[0][0]).toBeGreaterThan(1000);
    expect(latencies.length).toBeGreaterThanOrEqual(10);
    console.log(`/health during a heavy query: ${latencies.length} requests, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});

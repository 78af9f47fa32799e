/**
 * The export API: `GET /api/export?format=…` for the whole graph and `POST /api/export` with `{format, nodes}`,
 * `{format, query}` or `positions`; csv/neo4j as ZIP archives that fflate unzips; bad input as 400 JSON, write
 * queries as 403 JSON. A real server on port 0 (`startServer`), requests with fetch.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { buildFixtureGraph, buildHostileGraph } from "./fixtures.ts";
import { csvObjects, saxesParse } from "./helpers.ts";

let server: RunningServer;
let hostile: RunningServer;

beforeAll(async () => {
  server = await startServer({ graph: buildFixtureGraph(), port: 0, webRoot: null });
  hostile = await startServer({ graph: buildHostileGraph(), port: 0, webRoot: null });
});
afterAll(async () => {
  await server?.close();
  await hostile?.close();
});

async function post(body: unknown, base = server.url): Promise<Response> {
  return fetch(`${base}/api/export`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
}

const nodeIds = (xml: string) => saxesParse(xml).filter((e) => e.name === "node").map((e) => e.attributes.id).sort();
const edgeIds = (xml: string) => saxesParse(xml).filter((e) => e.name === "edge").map((e) => e.attributes.id).sort();

describe("GET /api/export", () => {
  it.each([
    ["gexf", "application/gexf+xml", "shabaka.gexf"],
    ["gexf-1.2", "application/gexf+xml", "shabaka-1.2.gexf"],
    ["graphml", "application/graphml+xml", "shabaka.graphml"],
  ])("format=%s is a well-formed %s download of the whole graph", async (format, type, filename) => {
    const res = await fetch(`${server.url}/api/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
    expect(res.headers.get("x-shabaka-export-counts")).toBe(`nodes=${server.graph.order}, edges=${server.graph.size}`);
    const text = await res.text();
    expect(nodeIds(text)).toEqual(server.graph.nodes().sort());
    expect(edgeIds(text)).toEqual(server.graph.edges().sort());
  });

  it("format=json is graphology's serialisation with a version", async () => {
    const res = await fetch(`${server.url}/api/export?format=json&cooccurrence=false`);
    const data = (await res.json()) as { version: number; nodes: unknown[]; edges: { attributes: { type: string } }[] };
    expect(data.version).toBe(1);
    expect(data.nodes).toHaveLength(server.graph.order);
    expect(data.edges).toHaveLength(server.graph.size - 1);
    expect(data.edges.some((e) => e.attributes.type === "MENTIONED_WITH")).toBe(false);
  });

  it("format=csv is a ZIP of nodes.csv and edges.csv that fflate unzips (BOM on request)", async () => {
    const res = await fetch(`${server.url}/api/export?format=csv&bom=true`);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="shabaka-csv.zip"');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(["edges.csv", "nodes.csv"]);
    expect([...files["nodes.csv"].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const nodes = csvObjects(strFromU8(files["nodes.csv"])); // TextDecoder drops the BOM, as spreadsheets do
    expect(nodes.map((n) => n.id).sort()).toEqual(server.graph.nodes().sort());
    expect([...files["edges.csv"].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvObjects(strFromU8(files["edges.csv"]))).toHaveLength(server.graph.size);
  });

  it("format=neo4j is a ZIP of the import files, with warnings.txt when characters were removed", async () => {
    const clean = unzipSync(new Uint8Array(await (await fetch(`${server.url}/api/export?format=neo4j`)).arrayBuffer()));
    expect(Object.keys(clean).sort()).toEqual(["edges.csv", "import.cypher", "nodes.csv", "schema.cypher"]);
    expect(strFromU8(clean["nodes.csv"]).split("\r\n")[0]).toMatch(/^id:ID,:LABEL,label:string,/);
    const dirty = unzipSync(new Uint8Array(await (await fetch(`${hostile.url}/api/export?format=neo4j`)).arrayBuffer()));
    expect(Object.keys(dirty).sort()).toEqual(["edges.csv", "import.cypher", "nodes.csv", "schema.cypher", "warnings.txt"]);
    expect(strFromU8(dirty["warnings.txt"])).toMatch(/nodes\.csv: removed \d+ forbidden character/);
  });

  it("answers a bad or missing format, a bad flag and an unknown parameter with 400 JSON", async () => {
    await expectError(await fetch(`${server.url}/api/export?format=pdf`), 400, "BAD_FORMAT");
    await expectError(await fetch(`${server.url}/api/export`), 400, "BAD_FORMAT");
    await expectError(await fetch(`${server.url}/api/export?format=csv&bom=maybe`), 400, "BAD_OPTION");
    await expectError(await fetch(`${server.url}/api/export?format=gexf&colour=red`), 400, "BAD_REQUEST");
  });
});

describe("POST /api/export", () => {
  it("{format, nodes} exports those nodes and the edges between them", async () => {
    const nodes = ["official:شخص ا", "ministry:وزاره الداخليه", "place:بغداد"];
    const res = await post({ format: "gexf", nodes });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="shabaka-view.gexf"');
    const text = await res.text();
    expect(nodeIds(text)).toEqual([...nodes].sort());
    expect(edgeIds(text)).toEqual(["e1", "e2"]);
  });

  it("{format, query} exports what a read-only query returns (nodes only → the edges between them)", async () => {
    const forces = await (await post({ format: "graphml", query: "MATCH (n:force) RETURN n" })).text();
    expect(nodeIds(forces)).toEqual(server.graph.filterNodes((_k, a) => a.type === "force").sort());
    expect(edgeIds(forces)).toEqual(["e11"]);
    const rels = await (await post({ format: "gexf-1.2", query: "MATCH (a)-[r:PARTICIPANT_IN {role: $role}]->(e) RETURN a, r, e", params: { role: "agent" } })).text();
    expect(edgeIds(rels)).toEqual(["e5"]);
    expect(nodeIds(rels)).toEqual(["event:d1:0", "ministry:وزاره الداخليه"]);
  });

  it("{format, query} with csv is a ZIP of the subgraph", async () => {
    const res = await post({ format: "csv", query: "MATCH (n:place) RETURN n" });
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(csvObjects(strFromU8(files["nodes.csv"])).map((n) => n.type)).toEqual(Array(5).fill("place"));
    expect(csvObjects(strFromU8(files["edges.csv"])).map((e) => e.id).sort()).toEqual(["e12", "e3", "e4"]);
  });

  it("writes the positions it is given (the web app's current layout)", async () => {
    const text = await (await post({ format: "gexf", nodes: ["place:بغداد", "place:بابل"], positions: { "place:بغداد": [12.5, -3] } })).text();
    const els = saxesParse(text);
    const i = els.findIndex((e) => e.name === "node" && e.attributes.id === "place:بغداد");
    const pos = els.slice(i).find((e) => e.name === "position")!;
    expect([pos.attributes.x, pos.attributes.y]).toEqual(["12.5", "-3"]);
  });

  it("refuses write queries with 403 and leaves the graph as it was", async () => {
    const before = [server.graph.order, server.graph.size];
    await expectError(await post({ format: "gexf", query: "CREATE (n:place {label: 'x'}) RETURN n" }), 403, "WRITES_FORBIDDEN");
    await expectError(await post({ format: "gexf", query: "MATCH (n) DETACH DELETE n" }), 403, "WRITES_FORBIDDEN");
    await expectError(await post({ format: "gexf", query: "MATCH (n) SET n.label = 'x' RETURN n" }), 403, "WRITES_FORBIDDEN");
    expect([server.graph.order, server.graph.size]).toEqual(before);
  });

  it("answers bad bodies with 400 JSON: unknown keys, unknown fields, bad formats, bad queries", async () => {
    await expectError(await post({ format: "gexf", nodes: ["nope"] }), 400, "UNKNOWN_NODE");
    await expectError(await post({ format: "gexf", nodes: ["place:بغداد"], edges: ["nope"] }), 400, "UNKNOWN_EDGE");
    await expectError(await post({ format: "gexf", positions: { nope: [1, 2] } }), 400, "UNKNOWN_NODE");
    await expectError(await post({ format: "gexf", positions: { "place:بغداد": [1, "2"] } }), 400, "BAD_OPTION");
    await expectError(await post({ format: "gexf", nodes: "place:بغداد" }), 400, "BAD_REQUEST");
    await expectError(await post({ format: "gexf", nodez: [] }), 400, "BAD_REQUEST");
    await expectError(await post({ format: "xlsx", nodes: [] }), 400, "BAD_FORMAT");
    await expectError(await post({ nodes: [] }), 400, "BAD_FORMAT");
    await expectError(await post([1, 2]), 400, "BAD_REQUEST");
    await expectError(await post({ format: "gexf", query: "MATCH (n RETURN n" }), 400, "QUERY_SYNTAX");
    await expectError(await post({ format: "gexf", query: "MATCH (n) RETURN n", nodes: [] }), 400, "BAD_REQUEST");
    await expectError(await post({ format: "gexf", params: {} }), 400, "BAD_REQUEST");
    await expectError(await post({ format: "gexf", edges: ["e1"] }), 400, "BAD_REQUEST");
  });
});

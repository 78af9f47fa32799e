/**
 * CSV (RFC 4180, UTF-8, optional BOM) and JSON (graphology's serialisation with a version field) exports:
 * read back by an independent RFC 4180 parser and by `Graph.from`, for the whole graph and for subgraphs.
 */
import Graph, { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { exportGraph, JSON_EXPORT_VERSION, type ExportResult } from "../../src/export/index.ts";
import { buildFixtureGraph, buildHostileGraph, HOSTILE } from "./fixtures.ts";
import { csvObjects, parseCsv } from "./helpers.ts";

const file = (r: ExportResult, name: string) => r.files.find((f) => f.filename === name)!.content();
const FORBIDDEN_G = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string) => s.replace(FORBIDDEN_G, "");

describe("CSV export", () => {
  it("writes nodes.csv and edges.csv that an RFC 4180 parser reads back exactly (quotes, commas, CRLF)", () => {
    const g = buildFixtureGraph();
    const r = exportGraph(g, "csv");
    expect(r.files.map((f) => f.filename)).toEqual(["nodes.csv", "edges.csv"]);
    const nodes = csvObjects(file(r, "nodes.csv"));
    expect(nodes).toHaveLength(g.order);
    for (const row of nodes) {
      const a = g.getNodeAttributes(row.id);
      expect(row.label).toBe(a.label);
      expect(row.type).toBe(a.type);
      expect(JSON.parse(row.aliases)).toEqual(a.aliases);
      expect(row.roles === "" ? undefined : JSON.parse(row.roles)).toEqual(a.roles);
      expect(Number(row.mentions)).toBe(a.mentions);
      expect(JSON.parse(row.provenance)).toEqual(a.provenance);
      expect(row.x === "" ? undefined : Number(row.x)).toBe(a.x);
    }
    const edges = csvObjects(file(r, "edges.csv"));
    expect(edges.map((e) => `${e.id}:${e.source}>${e.target}:${e.type}:${e.weight}:${e.evidence}`).sort()).toEqual(
      g.mapEdges((k, a, s, t) => `${k}:${s}>${t}:${a.type}:${a.weight}:${a.provenance.length}`).sort(),
    );
  });

  it("quotes only the fields that need it, doubles quotes and ends every record with CRLF", () => {
    const g = buildFixtureGraph();
    const text = file(exportGraph(g, "csv"), "nodes.csv");
    expect(text.startsWith("id,label,type,")).toBe(true);
    expect(text.split("\r\n").at(-1)).toBe("");
    expect(text).toContain(`"[""أ"", ""الناطق \\""الرسمي\\"""", ""back\\\\slash""]"`);
    expect(text).toMatch(/\r\nplace:بابل,بابل,place,Babil,/);
  });

  it("starts both files with a UTF-8 BOM only when asked", async () => {
    const g = buildFixtureGraph();
    const plain = exportGraph(g, "csv");
    const bom = exportGraph(g, "csv", { bom: true });
    for (const name of ["nodes.csv", "edges.csv"]) {
      expect(file(plain, name).charCodeAt(0)).not.toBe(0xfeff);
      expect(file(bom, name).charCodeAt(0)).toBe(0xfeff);
      expect(file(bom, name).slice(1)).toBe(file(plain, name));
    }
    const parts: Buffer[] = [];
    for await (const chunk of bom.files[0].stream()) parts.push(chunk as Buffer);
    const bytes = Buffer.concat(parts);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(file(plain, "nodes.csv"));
  });

  it("survives hostile content: embedded newlines stay inside quoted fields, forbidden characters are removed", () => {
    const g = buildHostileGraph();
    const r = exportGraph(g, "csv");
    const nodes = csvObjects(file(r, "nodes.csv"));
    expect(nodes).toHaveLength(g.order);
    const a = nodes.find((n) => n.id === "place:a")!;
    expect(JSON.parse(a.aliases)).toEqual([`بغداد|${HOSTILE.markup}`, "a, b", "tab\there", "line\nbreak\r\nend"]);
    expect(a.label).toBe(clean(g.getNodeAttribute("place:a", "label")));
    expect(nodes.find((n) => n.id === "force:c")!.size).toBe(""); // NaN not written
    expect(new Set(nodes.map((n) => n.id)).size).toBe(g.order);
    const edges = csvObjects(file(r, "edges.csv"));
    expect(edges.find((e) => e.id === "h2")!.source).toBe("event:bad<key~2");
    expect(r.warnings.join("\n")).toMatch(/nodes\.csv: removed \d+ forbidden character/);
    expect(parseCsv(file(r, "edges.csv"))[0]).toEqual(["id", "source", "target", "type", "weight", "evidence", "confidence", "role", "cooccurrence", "provenance"]);
  });
});

describe("JSON export", () => {
  it("is graphology's serialisation with a version field: Graph.from rebuilds the graph exactly", () => {
    const g = buildFixtureGraph();
    const data = JSON.parse(exportGraph(g, "json").files[0].content());
    expect(data.version).toBe(JSON_EXPORT_VERSION);
    expect(data.generator).toBe("Shabaka");
    const back = MultiDirectedGraph.from(data);
    expect(back.order).toBe(g.order);
    expect(back.size).toBe(g.size);
    expect(back.getAttributes()).toEqual(g.getAttributes());
    g.forEachNode((k, a) => expect(back.getNodeAttributes(k)).toEqual(a));
    g.forEachEdge((k, a, s, t) => {
      expect(back.getEdgeAttributes(k)).toEqual(a);
      expect([back.source(k), back.target(k)]).toEqual([s, t]);
    });
    expect(Graph.from(data).type).toBe("directed");
  });

  it("leaves non-finite numbers out and keeps every string (lone surrogates escaped)", () => {
    const g = buildHostileGraph();
    const r = exportGraph(g, "json");
    const text = r.files[0].content();
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(text).not.toMatch(/[\uD800-\uDFFF]/u);
    const back = MultiDirectedGraph.from(JSON.parse(text));
    expect(back.getNodeAttribute("person:b", "label")).toBe(g.getNodeAttribute("person:b", "label"));
    expect(back.hasNode(`event:bad${HOSTILE.backspace}<key`)).toBe(true);
    expect(back.getNodeAttribute("force:c", "size")).toBeUndefined();
    expect(back.getEdgeAttribute("h1", "weight")).toBeUndefined();
    expect(r.warnings.join("\n")).toMatch(/size ×1/);
  });

  it("keeps only the documents a subgraph refers to", () => {
    const g = buildFixtureGraph();
    const data = JSON.parse(exportGraph(g, "json", { subgraph: { nodes: ["force:داعش", "force:الجيش العراقي"] } }).files[0].content());
    expect(data.nodes.map((n: { key: string }) => n.key).sort()).toEqual(["force:الجيش العراقي", "force:داعش"]);
    expect(data.edges.map((e: { key: string }) => e.key)).toEqual(["e11"]);
    expect(Object.keys(data.attributes.documents)).toEqual(["d2"]);
  });
});

describe("subgraph selection (every format)", () => {
  const g = buildFixtureGraph();
  it("exports the listed nodes and the edges between them, or the listed edges with their ends", () => {
    const byNodes = exportGraph(g, "csv", { subgraph: { nodes: ["place:بابل", "place:بغداد", "event:d1:0"] } });
    expect(byNodes.counts).toEqual({ nodes: 3, edges: 2 });
    expect(csvObjects(file(byNodes, "edges.csv")).map((e) => e.id).sort()).toEqual(["e12", "e7"]);
    const byEdges = exportGraph(g, "gexf", { subgraph: { nodes: [], edges: ["e1"] } });
    expect(byEdges.counts).toEqual({ nodes: 2, edges: 1 });
    expect(exportGraph(g, "graphml", { includeCooccurrence: false }).counts).toEqual({ nodes: 12, edges: 11 });
  });

  it("refuses unknown node or edge keys and unknown formats with coded errors", () => {
    expect(() => exportGraph(g, "gexf", { subgraph: { nodes: ["nope"] } })).toThrow(expect.objectContaining({ code: "UNKNOWN_NODE", status: 400 }));
    expect(() => exportGraph(g, "gexf", { subgraph: { nodes: [], edges: ["nope"] } })).toThrow(expect.objectContaining({ code: "UNKNOWN_EDGE" }));
    expect(() => exportGraph(g, "pdf")).toThrow(expect.objectContaining({ code: "BAD_FORMAT" }));
    expect(() => exportGraph(g, "gexf", { date: "29/11/2026" })).toThrow(expect.objectContaining({ code: "BAD_OPTION" }));
    expect(() => exportGraph(g, "neo4j", { cypherBatchSize: 0 })).toThrow(expect.objectContaining({ code: "BAD_OPTION" }));
  });
});

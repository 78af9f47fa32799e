/**
 * Neo4j export: the CSV headers follow the `neo4j-admin database import` format (Neo4j Operations Manual,
 * "Import" → "CSV header format": `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:type` with the
 * documented property types, arrays `type[]` split on `--array-delimiter`), every value parses as its column's
 * type, and `import.cypher` parses with the project's own Cypher parser and, run by the project's own engine on
 * an empty graph, rebuilds the same nodes, labels, properties and relationships.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { exportGraph, type ExportResult } from "../../src/export/index.ts";
import { NODE_TYPES, RELATION_TYPES } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { parseQuery, runQuery } from "../../src/query/index.ts";
import { seedGraph } from "../helpers/seed.ts";
import { buildFixtureGraph, buildHostileGraph } from "./fixtures.ts";
import { csvObjects, parseCsv } from "./helpers.ts";

/** Property types of the import tool's header format (Operations Manual, "Import", "Property data types"). */
const NEO4J_TYPES = new Set(["int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
  "localtime", "time", "localdatetime", "datetime", "duration"]);
const FORBIDDEN_G = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string) => s.replace(FORBIDDEN_G, "");

const file = (r: ExportResult, name: string) => r.files.find((f) => f.filename === name)!.content();

/** Splits a header field `name:type` (the name may hold colons only before the last one). */
function field(h: string): { name: string; type: string } {
  const i = h.lastIndexOf(":");
  return { name: h.slice(0, i), type: h.slice(i + 1) };
}

/** Checks that `value` is a valid field of the header `type`, the way the importer would parse it. */
function expectTyped(value: string, type: string, delimiter: string, where: string): void {
  if (value === "") return; // empty field: no property
  const base = type.endsWith("[]") ? type.slice(0, -2) : type;
  const items = type.endsWith("[]") ? value.split(delimiter) : [value];
  for (const v of items) {
    if (base === "long" || base === "int") expect(v, where).toMatch(/^-?\d+$/);
    else if (base === "double" || base === "float") expect(Number.isFinite(Number(v)) && v.trim() === v && v !== "", where).toBe(true);
    else if (base === "boolean") expect(["true", "false"], where).toContain(v);
    else expect(base, where).toBe("string");
  }
}

const seed = await seedGraph();
const GRAPHS: [string, () => KnowledgeGraph][] = [["seed", () => seed], ["fixture", buildFixtureGraph], ["hostile", buildHostileGraph]];

describe.each(GRAPHS)("Neo4j CSV of the %s graph", (_name, build) => {
  const graph = build();
  const result = exportGraph(graph, "neo4j");
  const nodesText = file(result, "nodes.csv");
  const edgesText = file(result, "edges.csv");

  it("has nodes.csv headers of the import format, with a documented type on every property column", () => {
    const [header] = parseCsv(nodesText);
    expect(header.slice(0, 3)).toEqual(["id:ID", ":LABEL", "label:string"]);
    for (const h of header.slice(1)) {
      if (h === ":LABEL") continue;
      const { name, type } = field(h);
      expect(name, h).not.toBe("");
      expect(NEO4J_TYPES.has(type.replace(/\[\]$/, "")), h).toBe(true);
    }
    const types = Object.fromEntries(header.map((h) => [field(h).name, field(h).type]));
    expect(types).toMatchObject({ type: "string", labelEn: "string", aliases: "string[]", roles: "string[]", mentions: "long",
      firstSeen: "string", lastSeen: "string", confidence: "double", lat: "double", provenance: "string", x: "double" });
  });

  it("has edges.csv headers :START_ID, :END_ID, :TYPE and typed properties (the type is not repeated)", () => {
    const [header] = parseCsv(edgesText);
    expect(header.slice(0, 4)).toEqual([":START_ID", ":END_ID", ":TYPE", "id:string"]);
    for (const h of header.slice(3)) expect(NEO4J_TYPES.has(field(h).type.replace(/\[\]$/, "")), h).toBe(true);
    const types = Object.fromEntries(header.slice(3).map((h) => [field(h).name, field(h).type]));
    expect(types).toMatchObject({ weight: "double", evidence: "long", confidence: "double", role: "string", cooccurrence: "boolean" });
    expect(types.type).toBeUndefined();
  });

  it("writes every value as its column's type, labels as Node;<Type>, and relationships between known ids", () => {
    const [nodeHeader, ...nodeRows] = parseCsv(nodesText);
    const [edgeHeader, ...edgeRows] = parseCsv(edgesText);
    expect(nodeRows).toHaveLength(graph.order);
    expect(edgeRows).toHaveLength(graph.size);
    for (const row of nodeRows) {
      row.forEach((v, i) => {
        const h = nodeHeader[i];
        if (h === ":LABEL") {
          const [base, type] = v.split(";");
          expect(base).toBe("Node");
          expect(NODE_TYPES.map((t) => t[0].toUpperCase() + t.slice(1))).toContain(type);
        } else if (h !== "id:ID") expectTyped(v, field(h).type, ";", `${row[0]} ${h}`);
      });
    }
    const ids = new Set(nodeRows.map((r) => r[0]));
    expect(ids.size).toBe(graph.order);
    for (const row of edgeRows) {
      expect(ids.has(row[0]) && ids.has(row[1])).toBe(true);
      expect(RELATION_TYPES).toContain(row[2]);
      row.slice(3).forEach((v, i) => expectTyped(v, field(edgeHeader[i + 3]).type, ";", `${row[3]} ${edgeHeader[i + 3]}`));
    }
  });

  it("gives back each node's label, type, aliases and mentions", () => {
    const rows = new Map(csvObjects(nodesText).map((r) => [r["id:ID"], r]));
    graph.forEachNode((key, a) => {
      const r = rows.get(key) ?? rows.get(`${clean(key)}~2`)!;
      expect(r["label:string"]).toBe(clean(a.label));
      expect(r["type:string"]).toBe(a.type);
      expect(r["aliases:string[]"]).toBe(a.aliases.map(clean).filter((x) => x !== "").join(";"));
      expect(r["mentions:long"]).toBe(String(a.mentions));
    });
  });
});

describe("Neo4j array delimiter", () => {
  it("switches to the first delimiter no value holds (; then | then ¦) and says so in the warnings", () => {
    const g = buildFixtureGraph(); // its aliases already hold "|"; now one holds ";" too
    g.setNodeAttribute("place:بغداد", "aliases", ["بغداد; العاصمة", "دار السلام"]);
    const r = exportGraph(g, "neo4j");
    const row = csvObjects(file(r, "nodes.csv")).find((x) => x["id:ID"] === "place:بغداد")!;
    expect(row[":LABEL"]).toBe("Node¦Place");
    expect(row["aliases:string[]"].split("¦")).toEqual(["بغداد; العاصمة", "دار السلام"]);
    const other = csvObjects(file(r, "nodes.csv")).find((x) => x["id:ID"] === "ministry:وزاره الداخليه")!;
    expect(other["aliases:string[]"].split("¦")).toEqual(g.getNodeAttribute("ministry:وزاره الداخليه", "aliases"));
    expect(r.warnings.join("\n")).toContain('--array-delimiter="¦"');
    expect(exportGraph(buildFixtureGraph(), "neo4j").warnings).toEqual([]); // no ";" anywhere: the importer's default
  });
});

describe.each(GRAPHS)("import.cypher of the %s graph", (_name, build) => {
  const graph = build();
  const result = exportGraph(graph, "neo4j", { cypherBatchSize: 4 });
  const statements = file(result, "import.cypher").split(";\n\n").filter((s) => s.trim() !== "");

  it("is UNWIND … MERGE batches that parse with the project's Cypher parser", () => {
    const byType = new Map<string, number>();
    graph.forEachNode((_k, a) => byType.set(`n:${a.type}`, (byType.get(`n:${a.type}`) ?? 0) + 1));
    graph.forEachEdge((_k, a) => byType.set(`r:${a.type}`, (byType.get(`r:${a.type}`) ?? 0) + 1));
    const expected = [...byType.values()].reduce((s, n) => s + Math.ceil(n / 4), 0);
    expect(statements).toHaveLength(expected);
    for (const s of statements) {
      expect(s).toMatch(/^UNWIND \[\n[\s\S]*\n\] AS row\n(MERGE|MATCH)/);
      expect(s).toMatch(/\nMERGE /);
      const ast = parseQuery(s);
      expect(ast.parts.length).toBeGreaterThan(0);
    }
  });

  it("rebuilds the same nodes, labels, properties and relationships when run by the project's engine", () => {
    const g = new MultiDirectedGraph({ allowSelfLoops: true }) as unknown as KnowledgeGraph;
    for (const s of statements) runQuery(g, s, { allowWrites: true });
    expect(g.order).toBe(graph.order);
    expect(g.size).toBe(graph.size);
    const byId = new Map(g.mapNodes((k, a) => [(a as unknown as { id: string }).id, k] as const));
    graph.forEachNode((key, a) => {
      const k = byId.get(key) ?? byId.get(`${clean(key)}~2`)!;
      const b = g.getNodeAttributes(k) as unknown as Record<string, unknown>;
      expect(b.labels).toEqual(["Node", a.type[0].toUpperCase() + a.type.slice(1)]);
      expect(b.label).toBe(clean(a.label));
      expect(b.aliases).toEqual(a.aliases.map(clean).filter((x) => x !== ""));
      expect(b.mentions).toBe(a.mentions);
      expect(JSON.parse(b.provenance as string)).toEqual(a.provenance);
    });
    const rels = g.mapEdges((_k, a, s, t) => {
      const r = a as unknown as Record<string, unknown>;
      return `${String(g.getNodeAttribute(s, "id" as never))}>${String(g.getNodeAttribute(t, "id" as never))}:${String(r.type)}:${String(r.evidence)}`;
    });
    expect(rels.sort()).toEqual(graph.mapEdges((_k, a, s, t) => {
      const id = (n: string) => (byId.has(n) ? n : `${clean(n)}~2`);
      return `${id(s)}>${id(t)}:${a.type}:${a.provenance.length}`;
    }).sort());
  });

  it("keeps the uniqueness constraint (Neo4j DDL) in schema.cypher", () => {
    expect(file(result, "schema.cypher")).toBe("CREATE CONSTRAINT shabaka_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n");
  });
});

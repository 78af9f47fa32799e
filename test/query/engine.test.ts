/** The language of docs/query.md on a knowledge graph shaped like the built one (node `type` as the label). */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { CypherRuntimeError, CypherSyntaxError, parseQuery, runQuery, WritesForbiddenError } from "../../src/query/index.ts";
import { newsGraph } from "./helpers.ts";

const g = newsGraph();
const rows = (q: string, params: Record<string, unknown> = {}, graph: KnowledgeGraph = g): unknown[][] => runQuery(graph, q, { params }).rows;
const col = (q: string, params: Record<string, unknown> = {}): unknown[] => rows(q, params).map((r) => r[0]);

describe("MATCH", () => {
  it("matches node types as labels, relationship types and directions", () => {
    expect(col("MATCH (n:force) RETURN n.label AS l ORDER BY l")).toEqual(["الجيش العراقي", "القوات المسلحة", "داعش", "قوات البيشمركة"].sort());
    expect(rows("MATCH (o:official)-[:HEADS]->(x) RETURN o.label, x.label")).toEqual([["مصطفى الكاظمي", "القوات المسلحة"]]);
    expect(rows("MATCH (x)<-[:HEADS]-(o) RETURN x.label")).toEqual([["القوات المسلحة"]]);
    expect(rows("MATCH (x:force)-[:HEADS]->(o) RETURN x")).toEqual([]);
    expect(col("MATCH (:force {label: 'داعش'})-[r]-(x) RETURN type(r) AS t ORDER BY t")).toEqual(["MENTIONED_WITH", "MENTIONED_WITH", "OPPOSES", "OPPOSES"]);
    expect(col("MATCH (a)-[:OPPOSES|HEADS]->(b) RETURN count(*)")).toEqual([3]);
  });

  it("follows variable-length relationships with bounds, several patterns and path variables", () => {
    const lens = col("MATCH p = (o {label: 'مصطفى الكاظمي'})-[*1..3]->(x) RETURN length(p) AS n ORDER BY n");
    expect(lens).toEqual([1, 1, 1, 2]);
    expect(rows("MATCH (a:official), (b:place) WHERE (a)-[:PARTICIPANT_IN]->()-[:OCCURRED_IN]->(b) RETURN a.label, b.label")).toEqual([["مصطفى الكاظمي", "بغداد"]]);
    const p = rows("MATCH p = (:official {label: 'مصطفى الكاظمي'})-[:PARTICIPANT_IN]->(e)<-[:PARTICIPANT_IN]-(f) RETURN p, nodes(p)[2].label, [r IN relationships(p) | r.role]")[0];
    expect(p[1]).toBe("قوات البيشمركة");
    expect(p[2]).toEqual(["attendee", "attendee"]);
    expect((p[0] as { nodes: unknown[]; relationships: unknown[] }).nodes).toHaveLength(3);
  });

  it("OPTIONAL MATCH keeps rows with nulls", () => {
    expect(rows("MATCH (o:official) OPTIONAL MATCH (o)-[:HEADS]->(x) RETURN o.label AS o, x.label ORDER BY o")).toEqual([
      ["تحسين الخفاجي", null],
      ["مصطفى الكاظمي", "القوات المسلحة"],
    ]);
  });
});

describe("WHERE", () => {
  it("comparisons, boolean operators, null tests, IN and string predicates", () => {
    expect(col("MATCH (n) WHERE n.mentions >= 5 AND NOT n.type = 'official' RETURN n.label AS l ORDER BY l")).toEqual(["الجيش العراقي", "داعش"]);
    expect(col("MATCH (n) WHERE n.type = 'place' XOR n.mentions > 2 RETURN n.label AS l ORDER BY l").length).toBe(6);
    expect(col("MATCH (n) WHERE n.mentions IS NULL RETURN n.type")).toEqual(["event"]);
    expect(col("MATCH (n) WHERE n.type IN ['place'] AND n.labelEn STARTS WITH 'Bag' RETURN n.label")).toEqual(["بغداد"]);
    expect(col("MATCH (n) WHERE n.labelEn ENDS WITH 'Army' OR n.labelEn CONTAINS 'Pesh' RETURN n.labelEn AS l ORDER BY l")).toEqual(["Iraqi Army", "Peshmerga"]);
    expect(col("MATCH (n) WHERE n.labelEn =~ 'Iraqi.*' RETURN n.labelEn AS l ORDER BY l")).toEqual(["Iraqi Armed Forces", "Iraqi Army"]);
    expect(col("MATCH (n) WHERE n.labelEn =~ '(?i)iraqi a.*' RETURN n.labelEn AS l ORDER BY l")).toEqual(["Iraqi Armed Forces", "Iraqi Army"]);
    expect(col("MATCH (n) WHERE n.labelEn =~ 'iraqi.*' RETURN n.labelEn")).toEqual([]);
    expect(col("MATCH (f:force) WHERE (f)-[:OPPOSES]->(:force {label: 'داعش'}) RETURN f.label AS l ORDER BY l")).toEqual(["الجيش العراقي", "قوات البيشمركة"]);
    expect(col("MATCH (f:force) WHERE NOT (f)-[:OPPOSES]->() RETURN f.label AS l ORDER BY l")).toEqual(["القوات المسلحة", "داعش"]);
  });
});

describe("projection", () => {
  it("WITH, UNWIND, DISTINCT, aliases, *, ORDER BY, SKIP and LIMIT", () => {
    expect(col("MATCH (n) WITH n.type AS t, count(*) AS c WHERE c > 1 RETURN t ORDER BY t")).toEqual(["force", "official", "place"]);
    expect(col("UNWIND [3, 1, 2, 1] AS x RETURN DISTINCT x ORDER BY x DESC")).toEqual([3, 2, 1]);
    expect(rows("MATCH (n:place) WITH n.label AS name, n.labelEn AS en RETURN * ORDER BY en")).toEqual([["Anbar", "الأنبار"], ["Baghdad", "بغداد"]]);
    // Nulls sort last ascending, so first descending.
    expect(col("MATCH (n) RETURN n.mentions AS m ORDER BY m DESC LIMIT 3")).toEqual([null, 7, 6]);
    expect(col("MATCH (n) RETURN n.mentions AS m ORDER BY m DESC SKIP 2 LIMIT 2")).toEqual([6, 5]);
    expect(runQuery(g, "MATCH (n:official) RETURN n.label AS name, n.labelEn").columns).toEqual(["name", "n.labelEn"]);
  });

  it("aggregates: count, collect, min, max, sum, avg, grouped", () => {
    const [r] = rows("MATCH (n:force) RETURN count(n), count(DISTINCT n.type), min(n.mentions), max(n.mentions), sum(n.mentions), avg(n.mentions), collect(n.labelEn)");
    expect(r.slice(0, 6)).toEqual([4, 1, 2, 7, 19, 4.75]);
    expect((r[6] as string[]).sort()).toEqual(["ISIS", "Iraqi Armed Forces", "Iraqi Army", "Peshmerga"]);
    expect(rows("MATCH (a)-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY c DESC, t LIMIT 2")).toEqual([["MENTIONED_WITH", 3], ["OPPOSES", 2]]);
  });

  it("literals, lists, maps, parameters and CASE", () => {
    expect(rows("RETURN 1 + 2 * 3, 7 / 2, 7.0 / 2, 2 ^ 3, -5 % 3, 'a' + 'b', [1, 2] + [3], {a: 1, b: [true, null]}.b")).toEqual([[7, 3, 3.5, 8, -2, "ab", [1, 2, 3], [true, null]]]);
    expect(rows("MATCH (n) WHERE n.label = $name RETURN n.labelEn, $n + 1", { name: "داعش", n: 41 })).toEqual([["ISIS", 42]]);
    expect(col("MATCH (n:force) RETURN CASE WHEN n.mentions > 5 THEN 'many' WHEN n.mentions > 2 THEN 'some' ELSE 'few' END AS c ORDER BY c")).toEqual(["few", "many", "many", "some"]);
    expect(col("UNWIND [1, 2, 3] AS x RETURN CASE x WHEN 1 THEN 'one' ELSE 'other' END")).toEqual(["one", "other", "other"]);
    expect(col("RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10]")).toEqual([[20, 40, 60]]);
  });
});

describe("functions", () => {
  it("graph functions: id, elementId, labels, type, properties, keys, nodes, relationships, length, startNode, endNode", () => {
    const [r] = rows("MATCH p = (o:official)-[h:HEADS]->(f) RETURN id(o), elementId(f), labels(o), type(h), properties(f).labelEn, 'labelEn' IN keys(o), size(nodes(p)), size(relationships(p)), length(p), startNode(h).label, endNode(h).label");
    expect(r).toEqual(["o1", "f1", ["official"], "HEADS", "Iraqi Armed Forces", true, 2, 1, 1, "مصطفى الكاظمي", "القوات المسلحة"]);
  });

  it("scalar, string and list functions", () => {
    expect(rows("RETURN coalesce(null, 'x'), toLower('ABC'), toUpper('abc'), trim('  a b '), split('a,b,,c', ','), toString(12), toString(1.5), toInteger('42'), toInteger(3.9), toFloat('2.5'), toInteger('x')")).toEqual([
      ["x", "abc", "ABC", "a b", ["a", "b", "", "c"], "12", "1.5", 42, 3, 2.5, null],
    ]);
    expect(rows("RETURN head([1, 2, 3]), last([1, 2, 3]), head([]), range(0, 10, 5), size('كاظمي'), size([1, 2])")).toEqual([[1, 3, null, [0, 5, 10], 5, 2]]);
    expect(col("MATCH (n) WHERE exists(n.roles) RETURN n.label")).toEqual(["مصطفى الكاظمي"]);
  });

  it("type errors are QUERY_ERROR (400) with the TCK class", () => {
    expect(() => runQuery(g, "RETURN toUpper(1)")).toThrow(CypherRuntimeError);
    try {
      runQuery(g, "UNWIND [1] AS x RETURN x + {a: 1}");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CypherRuntimeError);
      expect((e as CypherRuntimeError).code).toBe("QUERY_ERROR");
      expect((e as CypherRuntimeError).status).toBe(400);
      expect((e as CypherRuntimeError).cypherClass).toBe("TypeError");
    }
  });
});

describe("errors and writes", () => {
  it("a syntax error has code QUERY_SYNTAX, line, column and a caret under the column", () => {
    const q = "MATCH (n)\nWHERE n.x = 1\nRETRN n";
    try {
      parseQuery(q);
      expect.unreachable();
    } catch (e) {
      const err = e as CypherSyntaxError;
      expect(err).toBeInstanceOf(CypherSyntaxError);
      expect(err.code).toBe("QUERY_SYNTAX");
      expect(err.status).toBe(400);
      expect([err.line, err.column]).toEqual([3, 1]);
      expect(err.message.split("\n").slice(-2)).toEqual(["RETRN n", "^"]);
    }
    const e2 = (() => {
      try {
        parseQuery("MATCH (n) RETURN n.label ORDER BY");
      } catch (e) {
        return e as CypherSyntaxError;
      }
    })();
    expect(e2).toBeInstanceOf(CypherSyntaxError);
    expect(e2!.line).toBe(1);
    expect(e2!.column).toBe(34);
  });

  it("semantic errors are syntax errors at the variable", () => {
    const err = (() => {
      try {
        runQuery(g, "MATCH (n)\nRETURN m");
      } catch (e) {
        return e as CypherSyntaxError;
      }
    })();
    expect(err?.cypherDetail).toBe("UndefinedVariable");
    expect([err?.line, err?.column]).toEqual([2, 8]);
  });

  it("refuses CREATE, MERGE, SET, REMOVE and DELETE without allowWrites and leaves the graph unchanged", () => {
    const before = [g.order, g.size];
    for (const q of ["CREATE (:place {label: 'x'})", "MERGE (n:place {label: 'y'})", "MATCH (n) SET n.x = 1", "MATCH (n) REMOVE n.label", "MATCH (n) DETACH DELETE n"]) {
      expect(() => runQuery(g, q), q).toThrow(WritesForbiddenError);
    }
    expect([g.order, g.size]).toEqual(before);
    expect(col("MATCH (n) WHERE n.x IS NOT NULL RETURN n")).toEqual([]);
  });

  it("runs write clauses with allowWrites and counts the changes", () => {
    const w = new MultiDirectedGraph() as unknown as KnowledgeGraph;
    const r = runQuery(w, "CREATE (a:A {name: 'a'})-[:T {w: 1}]->(b:B {name: 'b'})-[:T]->(c:C {name: 'c'})", { allowWrites: true });
    expect(r.stats).toMatchObject({ nodesCreated: 3, relationshipsCreated: 2, labelsAdded: 3, propertiesSet: 4 });
    runQuery(w, "MATCH (n:B) SET n.x = 5 REMOVE n.name", { allowWrites: true });
    expect(rows("MATCH (n:B) RETURN n.x, n.name", {}, w)).toEqual([[5, null]]);
    runQuery(w, "MERGE (a:A {name: 'a'}) MERGE (d:D {name: 'd'})", { allowWrites: true });
    expect(w.order).toBe(4);
    const del = runQuery(w, "MATCH (n:C) DETACH DELETE n", { allowWrites: true });
    expect(del.stats).toMatchObject({ nodesDeleted: 1, relationshipsDeleted: 1 });
    expect([w.order, w.size]).toEqual([3, 1]);
  });
});

describe("result shape", () => {
  it("returns columns, JSON rows, the graph elements the rows contain, stats and warnings", () => {
    const r = runQuery(g, "MATCH p = (o:official)-[:HEADS]->(f) RETURN p, o.label AS name, 2 ^ 70 AS big");
    expect(r.columns).toEqual(["p", "name", "big"]);
    expect(r.graph).toEqual({ nodes: ["o1", "f1"], edges: ["e0"] });
    const path = r.rows[0][0] as { nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[]; relationships: { id: string; type: string; start: string; end: string }[] };
    expect(path.nodes.map((n) => n.id)).toEqual(["o1", "f1"]);
    expect(path.nodes[0].labels).toEqual(["official"]);
    expect(path.nodes[0].properties.labelEn).toBe("Mustafa al-Kadhimi");
    expect(path.relationships[0]).toMatchObject({ id: "e0", type: "HEADS", start: "o1", end: "f1" });
    expect(r.rows[0][2]).toBe(2 ** 70);
    expect(r.stats.rows).toBe(1);
    expect(r.stats.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(r.warnings).toEqual([]);
    expect(r.truncated).toBe(false);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

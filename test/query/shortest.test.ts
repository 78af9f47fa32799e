/** shortestPath and allShortestPaths: lengths against a reference BFS, directions, bounds, and WHERE predicates. */
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { runQuery } from "../../src/query/index.ts";
import { kg, newsGraph } from "./helpers.ts";
import { mulberry32 as rng } from "../../src/prng.ts";

function randomGraph(seed: number, n: number, m: number): KnowledgeGraph {
  const r = rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ key: `v${i}`, type: "place", label: `v${i}` }));
  const edges: [string, string, string][] = [];
  for (let i = 0; i < m; i++) edges.push([`v${Math.floor(r() * n)}`, r() < 0.5 ? "A" : "B", `v${Math.floor(r() * n)}`]);
  return kg(nodes, edges);
}

/** Reference: BFS distance, following out-edges (directed) or both. */
function distance(g: KnowledgeGraph, s: string, t: string, directed: boolean): number | null {
  const d = new Map([[s, 0]]);
  let frontier = [s];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const v of directed ? g.outNeighbors(u) : g.neighbors(u)) {
        if (d.has(v)) continue;
        d.set(v, d.get(u)! + 1);
        next.push(v);
      }
    }
    frontier = next;
  }
  return d.get(t) ?? null;
}

describe("shortestPath", () => {
  it("has the BFS length, directed or not, with the end bound or not", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const g = randomGraph(seed, 40, 70);
      const r = rng(seed * 7);
      for (let k = 0; k < 5; k++) {
        const s = `v${Math.floor(r() * 40)}`;
        const t = `v${Math.floor(r() * 40)}`;
        if (s === t) continue;
        for (const directed of [true, false]) {
          const arrow = directed ? "->" : "-";
          const want = distance(g, s, t, directed);
          const bound = runQuery(g, `MATCH (a {label: $s}), (b {label: $t}) MATCH p = shortestPath((a)-[*..8]${arrow}(b)) RETURN length(p)`, { params: { s, t } });
          const scan = runQuery(g, `MATCH p = shortestPath((a)-[*..8]${arrow}(b)) WHERE a.label = $s AND b.label = $t RETURN length(p)`, { params: { s, t } });
          const expected = want === null || want > 8 ? [] : [[want]];
          expect(bound.rows, `${seed} ${s}${arrow}${t}`).toEqual(expected);
          expect(scan.rows, `${seed} ${s}${arrow}${t} (scan)`).toEqual(expected);
        }
      }
    }
  });

  it("returns a real path: consecutive relationships join its nodes", () => {
    const g = randomGraph(99, 30, 60);
    const r = runQuery(g, "MATCH p = shortestPath((a {label: 'v1'})-[*]-(b {label: 'v2'})) RETURN p");
    expect(r.rows.length).toBe(1);
    const p = r.rows[0][0] as { nodes: { id: string }[]; relationships: { start: string; end: string }[] };
    p.relationships.forEach((rel, i) => {
      expect([rel.start, rel.end].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
    });
  });

  it("allShortestPaths returns every path of the shortest length", () => {
    const g = kg(
      ["s", "a", "b", "c", "t"].map((k) => ({ key: k, type: "place", label: k })),
      [["s", "R", "a"], ["s", "R", "b"], ["a", "R", "t"], ["b", "R", "t"], ["s", "R", "c"], ["c", "R", "a"]],
    );
    const all = runQuery(g, "MATCH p = allShortestPaths((x {label: 's'})-[*]->(y {label: 't'})) RETURN [n IN nodes(p) | n.label] AS ns ORDER BY ns");
    expect(all.rows).toEqual([[["s", "a", "t"]], [["s", "b", "t"]]]);
    expect(runQuery(g, "MATCH p = shortestPath((x {label: 's'})-[*]->(y {label: 't'})) RETURN length(p)").rows).toEqual([[2]]);
    expect(runQuery(g, "MATCH p = shortestPath((x {label: 't'})-[*]->(y {label: 's'})) RETURN p").rows).toEqual([]);
    expect(runQuery(g, "MATCH p = shortestPath((x {label: 't'})<-[*]-(y {label: 's'})) RETURN length(p)").rows).toEqual([[2]]);
  });

  it("respects relationship types and the lower bound", () => {
    const g = kg(
      ["a", "b", "c"].map((k) => ({ key: k, type: "place", label: k })),
      [["a", "X", "c"], ["a", "Y", "b"], ["b", "Y", "c"]],
    );
    expect(runQuery(g, "MATCH p = shortestPath((x {label: 'a'})-[:Y*]->(y {label: 'c'})) RETURN length(p)").rows).toEqual([[2]]);
    expect(runQuery(g, "MATCH p = shortestPath((x {label: 'a'})-[*]->(y {label: 'c'})) RETURN length(p)").rows).toEqual([[1]]);
  });

  it("applies universal WHERE predicates during the search (shortest among the passing paths)", () => {
    const g = newsGraph();
    const q = (where: string): unknown[][] => runQuery(g, `MATCH p = shortestPath((a {label: 'مصطفى الكاظمي'})-[*..6]-(b {label: 'داعش'})) WHERE ${where} RETURN [r IN relationships(p) | type(r)]`).rows;
    expect(q("true")).toEqual([[["MENTIONED_WITH"]]]);
    expect(q("none(r IN relationships(p) WHERE type(r) = 'MENTIONED_WITH')")).toEqual([[["PARTICIPANT_IN", "PARTICIPANT_IN", "OPPOSES"]]]);
    expect(q("all(r IN relationships(p) WHERE type(r) <> 'MENTIONED_WITH')")).toEqual([[["PARTICIPANT_IN", "PARTICIPANT_IN", "OPPOSES"]]]);
    expect(q("NOT any(r IN relationships(p) WHERE type(r) = 'MENTIONED_WITH') AND none(n IN nodes(p) WHERE n.type = 'event')")).toEqual([]);
    expect(q("all(n IN nodes(p) WHERE n.type <> 'event')")).toEqual([[["MENTIONED_WITH"]]]);
    const viaList = runQuery(g, "MATCH p = shortestPath((a {label: 'مصطفى الكاظمي'})-[rs*..6]-(b {label: 'داعش'})) WHERE none(r IN rs WHERE type(r) = 'MENTIONED_WITH') RETURN length(p)");
    expect(viaList.rows).toEqual([[3]]);
  });

  it("enumerates paths by length for other path predicates, with a warning", () => {
    const g = newsGraph();
    const q = (where: string) => runQuery(g, `MATCH p = shortestPath((a {label: 'مصطفى الكاظمي'})-[*..6]-(b {label: 'داعش'})) WHERE ${where} RETURN [n IN nodes(p) | n.label]`);
    // No 2-hop path joins them; the next shortest has 3 hops.
    const r = q("length(p) > 1");
    expect(r.rows).toEqual([[["مصطفى الكاظمي", "اجتماع قوات البيشمركة ومصطفى الكاظمي", "قوات البيشمركة", "داعش"]]]);
    expect(r.warnings.join(" ")).toMatch(/enumerated by length/);
    expect(q("length(p) > 3").rows.map((r) => (r[0] as string[]).length)).toEqual([5]);
    expect(q("length(p) > 4").rows).toEqual([]);
    expect(q("size([n IN nodes(p) WHERE n.type = 'place']) > 0").rows).toEqual([]);
    const all = runQuery(g, "MATCH p = allShortestPaths((a {label: 'مصطفى الكاظمي'})-[*..6]-(b {label: 'داعش'})) WHERE length(p) > 1 RETURN length(p)");
    expect(all.rows).toEqual([[3]]);
  });
});

/**
 * The aggregation fast paths (a reused binding row per match, grouping and DISTINCT by value, count without a
 * value list) and pattern predicates expanded by pruning BFS give the answers a direct computation gives.
 */
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { runQuery } from "../../src/query/index.ts";
import { kg } from "./helpers.ts";
import { mulberry32 as rng } from "../../src/prng.ts";

/** Random multigraph: parallel edges, self-loops, two node types and two relation types. */
function multigraph(seed: number, n: number, m: number): { g: KnowledgeGraph; edges: [string, string][] } {
  const r = rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ key: `v${i}`, type: i % 3 === 0 ? "place" : "force", label: `v${i}` }));
  const edges: [string, string][] = [];
  for (let i = 0; i < m; i++) edges.push([`v${Math.floor(r() * n)}`, `v${Math.floor(r() * n)}`]);
  return { g: kg(nodes, edges.map(([s, t], i) => [s, i % 2 === 0 ? "A" : "B", t])), edges };
}

const typeOf = (k: string): string => (Number(k.slice(1)) % 3 === 0 ? "place" : "force");

describe("aggregation over matched rows", () => {
  it("groups, counts and collects as a direct computation does", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { g, edges } = multigraph(seed, 15, 40);
      // Undirected single hops: every edge once from each end (a self-loop once).
      const pairs: [string, string][] = edges.flatMap(([s, t]) => (s === t ? [[s, t]] : [[s, t], [t, s]]) as [string, string][]);
      const want = new Map<string, { rows: number; ends: Set<string> }>();
      for (const [a, b] of pairs) {
        const w = want.get(a) ?? { rows: 0, ends: new Set() };
        w.rows++;
        w.ends.add(b);
        want.set(a, w);
      }
      const r = runQuery(g, "MATCH (a)-[r]-(b) RETURN a.label AS a, count(*) AS rows, count(DISTINCT b) AS ends, collect(DISTINCT b.label) AS labels, count(r) AS rels ORDER BY a");
      const expected = [...want.keys()].sort().map((a) => [a, want.get(a)!.rows, want.get(a)!.ends.size, [...want.get(a)!.ends].sort(), want.get(a)!.rows]);
      expect(r.rows.map(([a, n, e, ls, rels]) => [a, n, e, [...(ls as string[])].sort(), rels]), String(seed)).toEqual(expected);
      // Grouped by a node (the group's first row is kept as a copy while the matcher reuses its row).
      const byNode = runQuery(g, "MATCH (a)-[]-(b) WITH a, count(*) AS n RETURN a.label AS a, a.type AS t, n ORDER BY a");
      expect(byNode.rows).toEqual(expected.map(([a, n]) => [a, typeOf(a as string), n]));
      // By two key columns.
      const two = runQuery(g, "MATCH (a)-[]-(b) RETURN a.type AS ta, b.type AS tb, count(*) AS n ORDER BY ta, tb");
      const tally = new Map<string, number>();
      for (const [a, b] of pairs) tally.set(`${typeOf(a)} ${typeOf(b)}`, (tally.get(`${typeOf(a)} ${typeOf(b)}`) ?? 0) + 1);
      expect(two.rows).toEqual([...tally.keys()].sort().map((k) => [...k.split(" "), tally.get(k)]));
    }
  });

  it("DISTINCT and grouping follow Cypher equivalence: 1 and 1.0 are one value, '1' another, null is skipped", () => {
    const g = kg([{ key: "x", type: "place", label: "x" }, { key: "y", type: "place", label: "y" }], [["x", "R", "y"]]);
    const one = (q: string): unknown[][] => runQuery(g, q).rows;
    expect(one("UNWIND [1, 1.0, '1', null, 2, '1'] AS v RETURN count(DISTINCT v), count(v), count(*)")).toEqual([[3, 5, 6]]);
    expect(one("UNWIND [1, 1.0, '1', 'a', 'a', [1], [1.0]] AS v RETURN v AS k, count(*) AS n ORDER BY n DESC, k")).toEqual([[[1], 2], ["a", 2], [1, 2], ["1", 1]]);
    expect(one("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN count(DISTINCT m), count(DISTINCT n), count(DISTINCT r)")).toEqual([[1, 2, 1]]);
    expect(one("MATCH (n), (m) RETURN count(DISTINCT [n, m]) AS pairs, count(DISTINCT {a: n.label}) AS maps")).toEqual([[4, 2]]);
  });

  it("DISTINCT sees one node whether its reference is the index's shared one or not, in either order", () => {
    const g = kg(["x", "y", "z"].map((k) => ({ key: k, type: "place", label: k })), [["x", "R", "y"], ["z", "R", "x"]]);
    // bs holds the shared references of a pruned expansion; c is matched by a scan (a reference of its own).
    const q = (list: string): unknown[][] => runQuery(g, `MATCH ({label: 'x'})-[*1..1]-(b) WITH collect(DISTINCT b) AS bs MATCH (c {label: 'y'}) UNWIND ${list} AS n RETURN count(DISTINCT n), collect(DISTINCT n.label) AS ls`).rows;
    for (const list of ["bs + [c]", "[c] + bs", "bs + [c] + bs", "[c, c]"]) {
      const [[n, ls]] = q(list);
      expect([n, [...(ls as string[])].sort()], list).toEqual(list === "[c, c]" ? [1, ["y"]] : [2, ["y", "z"]]);
    }
    // Equality: shared against a reference of its own, and shared against shared (both ends of pruned expansions).
    expect(runQuery(g, "MATCH ({label: 'x'})-[*1..1]-(b) WITH DISTINCT b MATCH (c {label: 'y'}) RETURN b.label AS b, b = c AS same, b <> c AS differ ORDER BY b").rows).toEqual([["y", true, false], ["z", false, true]]);
    const both = runQuery(g, "MATCH ({label: 'x'})-[*1..1]-(b) WITH DISTINCT b MATCH ({label: 'x'})-[*1..1]-(c) WITH DISTINCT b, c RETURN b.label AS b, c.label AS c, b = c AS same ORDER BY b, c");
    expect(both.rows).toEqual([["y", "y", true], ["y", "z", false], ["z", "y", false], ["z", "z", true]]);
  });
});

describe("pattern predicates over variable-length patterns", () => {
  it("find the same pairs as a reference BFS", () => {
    for (let seed = 11; seed <= 16; seed++) {
      const { g, edges } = multigraph(seed, 12, 14);
      const out = new Map<string, string[]>();
      for (const [s, t] of edges) out.set(s, [...(out.get(s) ?? []), t]);
      const reach = (s: string, max: number): Set<string> => {
        const seen = new Set<string>();
        let frontier = [s];
        for (let d = 0; d < max; d++) {
          frontier = frontier.flatMap((u) => out.get(u) ?? []).filter((v) => !seen.has(v));
          for (const v of frontier) seen.add(v);
        }
        return seen;
      };
      const want: string[][] = [];
      for (const a of g.nodes().sort()) for (const b of [...reach(a, 2)].sort()) want.push([a, b]);
      const r = runQuery(g, "MATCH (a), (b) WHERE (a)-[*1..2]->(b) RETURN a.label AS a, b.label AS b ORDER BY a, b");
      expect(r.rows, String(seed)).toEqual(want);
      const none = runQuery(g, "MATCH (a) WHERE NOT (a)-[*1..3]->() RETURN a.label AS a ORDER BY a");
      expect(none.rows.map((x) => x[0])).toEqual(g.nodes().filter((k) => !out.has(k)).sort());
    }
  });
});

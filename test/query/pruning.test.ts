/**
 * Pruning var-length expansion (src/query/pruning.ts) gives the same distinct endpoints as enumerating every
 * trail: random multigraphs with parallel edges and self-loops, all directions, bounds 0..3.
 */
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { runQuery } from "../../src/query/index.ts";
import { multiplicityInsensitive } from "../../src/query/pruning.ts";
import { parseQuery } from "../../src/query/parser.ts";
import { kg } from "./helpers.ts";
import { mulberry32 as rng } from "../../src/prng.ts";

function multigraph(seed: number, n: number, m: number): KnowledgeGraph {
  const r = rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ key: `v${i}`, type: i % 2 === 0 ? "place" : "force", label: `v${i}` }));
  const edges: [string, string, string][] = [];
  for (let i = 0; i < m; i++) {
    const s = Math.floor(r() * n);
    const t = r() < 0.1 ? s : Math.floor(r() * n);
    edges.push([`v${s}`, r() < 0.7 ? "A" : "B", `v${t}`]);
    if (r() < 0.15) edges.push([`v${t}`, "A", `v${s}`]);
  }
  return kg(nodes, edges);
}

const sorted = (rows: unknown[][]): string[] => rows.map((r) => String(r[0])).sort();

describe("pruning var-length expansion", () => {
  it("is used only when the next clause ignores multiplicity", () => {
    const next = (q: string) => parseQuery(q).parts[0].clauses[1];
    expect(multiplicityInsensitive(next("MATCH (a)-[*]-(b) RETURN DISTINCT b"))).toBe(true);
    expect(multiplicityInsensitive(next("MATCH (a)-[*]-(b) RETURN b.type, count(DISTINCT b)"))).toBe(true);
    expect(multiplicityInsensitive(next("MATCH (a)-[*]-(b) RETURN min(b.label), max(b.label)"))).toBe(true);
    expect(multiplicityInsensitive(next("MATCH (a)-[*]-(b) RETURN b"))).toBe(false);
    expect(multiplicityInsensitive(next("MATCH (a)-[*]-(b) RETURN count(*)"))).toBe(false);
    expect(multiplicityInsensitive(next("MATCH (a)-[*]-(b) RETURN DISTINCT b, count(b)"))).toBe(false);
  });

  it("finds the same endpoints as trail enumeration", () => {
    let cases = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const g = multigraph(seed, 12, 18);
      for (const arrow of ["-", "->", "<-"]) {
        for (const range of ["*0..1", "*0..2", "*1..1", "*1..2", "*1..3", "*", "*..3", ":A*1..2"]) {
          const left = arrow === "<-" ? "<-" : "-";
          const right = arrow === "->" ? "->" : "-";
          const pat = `(a {label: 'v${seed % 12}'})${left}[${range}]${right}(b)`;
          const pruned = runQuery(g, `MATCH ${pat} RETURN DISTINCT b.label`);
          const full = runQuery(g, `MATCH ${pat} WITH b, count(*) AS trails RETURN b.label`);
          expect(sorted(pruned.rows), `${seed} ${pat}`).toEqual(sorted(full.rows));
          // A query with a write clause reads the graph directly (no adjacency index): the same endpoints.
          const direct = runQuery(g, `MATCH ${pat} WITH DISTINCT b SET b.unused = null RETURN b.label`, { allowWrites: true });
          expect(sorted(direct.rows), `${seed} ${pat} direct`).toEqual(sorted(full.rows));
          const grouped = runQuery(g, `MATCH ${pat} RETURN b.type AS t, count(DISTINCT b) AS n ORDER BY t`);
          const groupedFull = runQuery(g, `MATCH ${pat} WITH b, count(*) AS trails RETURN b.type AS t, count(b) AS n ORDER BY t`);
          expect(grouped.rows, `${seed} ${pat} grouped`).toEqual(groupedFull.rows);
          // The end bound by an earlier MATCH, the start free: the search runs backwards from the end.
          const back = `MATCH (b {label: 'v${(seed + 5) % 12}'}) MATCH (a)${left}[${range}]${right}(b)`;
          const prunedBack = runQuery(g, `${back} RETURN DISTINCT a.label`);
          const fullBack = runQuery(g, `${back} WITH a, count(*) AS trails RETURN a.label`);
          expect(sorted(prunedBack.rows), `${seed} ${back}`).toEqual(sorted(fullBack.rows));
          cases++;
        }
      }
    }
    expect(cases).toBe(25 * 3 * 8);
  });

  it("keeps the start node exactly when a closed trail through it is short enough", () => {
    // A triangle a-b-c plus a pendant d on a, and a parallel pair a=e.
    const g = kg(
      ["a", "b", "c", "d", "e"].map((k) => ({ key: k, type: "place", label: k })),
      [["a", "R", "b"], ["b", "R", "c"], ["c", "R", "a"], ["a", "R", "d"], ["a", "R", "e"], ["e", "R", "a"]],
    );
    const ends = (q: string): string[] => sorted(runQuery(g, q).rows);
    expect(ends("MATCH ({label: 'd'})-[*1..2]-(x) RETURN DISTINCT x.label")).toEqual(["a", "b", "c", "e"]);
    expect(ends("MATCH ({label: 'a'})-[*1..2]-(x) RETURN DISTINCT x.label")).toEqual(["a", "b", "c", "d", "e"]);
    expect(ends("MATCH ({label: 'a'})-[*1..1]-(x) RETURN DISTINCT x.label")).toEqual(["b", "c", "d", "e"]);
    expect(ends("MATCH ({label: 'b'})-[*1..2]-(x) RETURN DISTINCT x.label")).toEqual(["a", "c", "d", "e"]);
    expect(ends("MATCH ({label: 'b'})-[*1..3]-(x) RETURN DISTINCT x.label")).toEqual(["a", "b", "c", "d", "e"]);
    expect(ends("MATCH ({label: 'b'})-[*1..3]->(x) RETURN DISTINCT x.label")).toEqual(["a", "b", "c", "d", "e"]);
    expect(ends("MATCH ({label: 'b'})-[*1..2]->(x) RETURN DISTINCT x.label")).toEqual(["a", "c"]);
  });
});

/**
 * Safety caps: time budget, row cap, hop cap, with `truncated: true` and a warning; and the co-occurrence clique
 * of an article where 12 entities share one sentence (path counts explode there).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { readInputs } from "../../src/ingest/index.ts";
import { runQuery } from "../../src/query/index.ts";
import { CLIQUE_ARTICLE, kg } from "./helpers.ts";

/** A chain n0 → n1 → ... → n(len-1). */
function chain(len: number): KnowledgeGraph {
  const nodes = Array.from({ length: len }, (_, i) => ({ key: `n${i}`, type: "place", label: `n${i}` }));
  return kg(nodes, nodes.slice(1).map((n, i) => [`n${i}`, "LOCATED_IN", n.key]));
}


describe("caps", () => {
  it("`*` alone means up to the hop cap (default 8), with a warning", () => {
    const r = runQuery(chain(20), "MATCH p = (a {label: 'n0'})-[*]->(b) RETURN max(length(p)) AS m, count(*) AS c");
    expect(r.rows).toEqual([[8, 8]]);
    expect(r.warnings.join(" ")).toMatch(/up to 8 hops/);
    expect(runQuery(chain(20), "MATCH p = (a {label: 'n0'})-[*]->(b) RETURN max(length(p))", { maxHops: 3 }).rows).toEqual([[3]]);
  });

  it("an upper bound above the hop cap is cut to it: truncated, with a warning", () => {
    const r = runQuery(chain(20), "MATCH p = (a {label: 'n0'})-[*..15]->(b) RETURN max(length(p))");
    expect(r.rows).toEqual([[8]]);
    expect(r.truncated).toBe(true);
    expect(r.warnings.join(" ")).toMatch(/capped at 8 hops/);
    const ok = runQuery(chain(20), "MATCH p = (a {label: 'n0'})-[*..5]->(b) RETURN max(length(p))");
    expect([ok.rows, ok.truncated, ok.warnings]).toEqual([[[5]], false, []]);
  });

  it("the row cap returns the first rows, truncated, with a warning", () => {
    const r = runQuery(chain(30), "MATCH (n) RETURN n.label", { maxRows: 5 });
    expect(r.rows).toHaveLength(5);
    expect(r.truncated).toBe(true);
    expect(r.warnings.join(" ")).toMatch(/row cap of 5/);
    expect(runQuery(chain(30), "MATCH (n) RETURN n.label", { maxRows: 30 }).truncated).toBe(false);
  });

  it("the time budget stops the matching and returns what it has (clock driven by the test)", () => {
    let t = 0;
    // The budget reads the clock once per 256 checks; each read advances it by 1 ms.
    const clock = (): number => (t += 1);
    const g = chain(200);
    const r = runQuery(g, "MATCH (a)-[*0..8]->(b) RETURN a.label, b.label", { timeoutMs: 3, clock, maxRows: 1_000_000 });
    expect(r.truncated).toBe(true);
    expect(r.warnings.join(" ")).toMatch(/time budget of 3 ms/);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.length).toBeLessThan(200 * 9);
  });

  it("rejects bad options with BadRequestError", () => {
    for (const o of [{ timeoutMs: -1 }, { maxRows: Number.NaN }, { maxHops: Number.POSITIVE_INFINITY }]) {
      expect(() => runQuery(chain(2), "RETURN 1", o)).toThrow(BadRequestError);
    }
  });
});

describe("an article where 12 entities share one sentence", () => {
  let g: KnowledgeGraph;
  let places: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "shabaka-clique-"));
    writeFileSync(join(dir, "clique.txt"), CLIQUE_ARTICLE);
    const { documents } = await readInputs([dir]);
    g = buildGraph(documents, await loadResources(resolve(import.meta.dirname, "../../graph-data")));
    places = g.filterNodes((_k, a) => a.type === "place");
  });

  it("builds a co-occurrence clique", () => {
    expect(places.length).toBeGreaterThanOrEqual(12);
    const r = runQuery(g, "MATCH (a:place)-[:MENTIONED_WITH]-(b:place) WHERE id(a) < id(b) RETURN count(*)");
    expect(r.rows[0][0]).toBe((places.length * (places.length - 1)) / 2);
  });

  it("all paths of the clique hit the time budget: partial rows, truncated, a warning, within the budget", () => {
    // Named, or with cooccurrenceInPaths, a var-length pattern follows the co-occurrence edges.
    for (const [q, o] of [["MATCH p = (a)-[:MENTIONED_WITH*]-(b) RETURN count(p)", {}], ["MATCH p = (a)-[*]-(b) RETURN count(p)", { cooccurrenceInPaths: true }]] as const) {
      const t0 = performance.now();
      const r = runQuery(g, q, { ...o, timeoutMs: 300 });
      const ms = performance.now() - t0;
      expect(r.truncated, q).toBe(true);
      expect(r.warnings.join(" ")).toMatch(/time budget of 300 ms/);
      expect(r.rows[0][0] as number).toBeGreaterThan(1000);
      expect(ms).toBeLessThan(1300);
    }
  });

  it("an untyped var-length pattern skips the co-occurrence edges: no trail in the clique", () => {
    const r = runQuery(g, "MATCH p = (a)-[*]-(b) RETURN count(p)", { timeoutMs: 300 });
    expect([r.rows, r.truncated]).toEqual([[[0]], false]);
  });

  it("returning the paths stops at the row cap or the budget, including the conversion to JSON", () => {
    const t0 = performance.now();
    const r = runQuery(g, "MATCH p = (a)-[:MENTIONED_WITH*]-(b) RETURN p", { timeoutMs: 500, maxRows: 2000 });
    expect(performance.now() - t0).toBeLessThan(1800);
    expect(r.truncated).toBe(true);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.length).toBeLessThanOrEqual(2000);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it("shortest paths stay cheap on the clique", () => {
    const t0 = performance.now();
    const r = runQuery(g, "MATCH p = allShortestPaths((a:place)-[:MENTIONED_WITH*]-(b:place)) WHERE id(a) < id(b) RETURN max(length(p)), count(p)");
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.truncated).toBe(false);
    expect(r.rows[0][0]).toBe(1);
    expect(r.rows[0][1] as number).toBeGreaterThanOrEqual(66);
  });
});

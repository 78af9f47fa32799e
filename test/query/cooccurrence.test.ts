/**
 * Co-occurrence edges in paths (docs/query.md, "Co-occurrence in paths"): variable-length and shortest-path
 * patterns that name no relationship type skip edges with `cooccurrence: true` unless `cooccurrenceInPaths` is on;
 * naming the type includes them; single-hop patterns are unchanged. On the seed graph built by the real pipeline,
 * in-process and through the HTTP worker pool.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { runQuery } from "../../src/query/index.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { nodeByLabel, seedGraph } from "../helpers/seed.ts";

/** The query of issue 6's acceptance criterion, verbatim. */
const ISSUE = "MATCH p = shortestPath((a)-[*..6]-(b)) WHERE shabaka.match(a,'الكاظمي') AND shabaka.match(b,'داعش') RETURN p";
const ENDS = "WHERE shabaka.match(a,'الكاظمي') AND shabaka.match(b,'داعش')";

interface JsonPath {
  nodes: { id: string }[];
  relationships: { id: string; type: string; start: string; end: string; properties: Record<string, unknown> }[];
}

/** Nodes other than `s` reachable from it in 1..max hops, direction ignored, over the edges `keep` accepts (reference BFS). */
function reachable(g: KnowledgeGraph, s: string, max: number, keep: (e: string) => boolean): string[] {
  const depth = new Map([[s, 0]]);
  let frontier = [s];
  for (let d = 1; d <= max; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      g.forEachEdge(u, (e, _a, src, tgt) => {
        const v = src === u ? tgt : src;
        if (!keep(e) || depth.has(v)) return;
        depth.set(v, d);
        next.push(v);
      });
    }
    frontier = next;
  }
  return [...depth.keys()].filter((k) => k !== s).sort();
}

describe("co-occurrence edges in paths, on the seed graph", () => {
  let g: KnowledgeGraph;
  let kadhimi: string;
  let isis: string;
  const isCooc = (e: string): boolean => g.getEdgeAttribute(e, "cooccurrence") === true;
  beforeAll(async () => {
    g = await seedGraph();
    kadhimi = nodeByLabel(g, "مصطفى الكاظمي", "official")!;
    isis = nodeByLabel(g, "داعش", "force")!;
  });

  it("the seed has co-occurrence edges, one of them joining the two ends directly", () => {
    const direct = g.edges(kadhimi, isis).concat(g.edges(isis, kadhimi));
    expect(direct.filter(isCooc).length).toBeGreaterThanOrEqual(1);
    expect(direct.filter((e) => !isCooc(e))).toEqual([]);
    for (const e of g.filterEdges(isCooc)) expect(g.getEdgeAttribute(e, "type")).toBe("MENTIONED_WITH");
  });

  it("the issue's query returns a path of typed edges only, from مصطفى الكاظمي to داعش", () => {
    const r = runQuery(g, ISSUE);
    expect(r.rows).toHaveLength(1);
    const p = r.rows[0][0] as JsonPath;
    expect(p.nodes[0].id).toBe(kadhimi);
    expect(p.nodes.at(-1)!.id).toBe(isis);
    expect(p.relationships.length).toBeGreaterThanOrEqual(2);
    for (const [i, rel] of p.relationships.entries()) {
      expect(rel.type).not.toBe("MENTIONED_WITH");
      expect(isCooc(rel.id)).toBe(false);
      expect([rel.start, rel.end].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
    }
    // The shortest typed path: the same length as a WHERE that excludes co-occurrence by hand.
    const byHand = runQuery(g, ISSUE.replace("RETURN p", "AND none(r IN relationships(p) WHERE coalesce(r.cooccurrence, false)) RETURN length(p)"), { cooccurrenceInPaths: true });
    expect(byHand.rows).toEqual([[p.relationships.length]]);
  });

  it("with cooccurrenceInPaths it returns the direct MENTIONED_WITH edge", () => {
    const r = runQuery(g, ISSUE, { cooccurrenceInPaths: true });
    expect(r.rows).toHaveLength(1);
    const p = r.rows[0][0] as JsonPath;
    expect(p.nodes.map((n) => n.id)).toEqual([kadhimi, isis]);
    expect(p.relationships.map((x) => [x.type, x.properties.cooccurrence])).toEqual([["MENTIONED_WITH", true]]);
  });

  it("naming the type includes co-occurrence edges; single-hop patterns are unchanged", () => {
    const count = (q: string, o = {}): unknown => runQuery(g, q, o).rows[0][0];
    expect(count(`MATCH (a)-[:MENTIONED_WITH*1..1]-(b) ${ENDS} RETURN count(*)`)).toBe(1);
    expect(count(`MATCH (a)-[:HEADS|MENTIONED_WITH*1..1]-(b) ${ENDS} RETURN count(*)`)).toBe(1);
    expect(count(`MATCH (a)-[*1..1]-(b) ${ENDS} RETURN count(*)`)).toBe(0);
    expect(count(`MATCH (a)-[*1..1]-(b) ${ENDS} RETURN count(*)`, { cooccurrenceInPaths: true })).toBe(1);
    expect(count(`MATCH (a)-[r]-(b) ${ENDS} RETURN count(r)`)).toBe(1);
    expect(count(`MATCH (a)--(b) ${ENDS} RETURN count(*)`)).toBe(1);
    expect(count(`MATCH p = shortestPath((a)-[:MENTIONED_WITH*..6]-(b)) ${ENDS} RETURN length(p)`)).toBe(1);
    expect(count(`MATCH p = allShortestPaths((a)-[:MENTIONED_WITH|OPPOSES*..6]-(b)) ${ENDS} RETURN min(length(p))`)).toBe(1);
    const typed = runQuery(g, `MATCH p = allShortestPaths((a)-[*..6]-(b)) ${ENDS} RETURN p`).rows;
    expect(typed.length).toBeGreaterThanOrEqual(1);
    for (const [p] of typed) for (const rel of (p as JsonPath).relationships) expect(isCooc(rel.id)).toBe(false);
  });

  it("var-length neighbourhoods: pruned BFS, trail enumeration and the direct graph reads agree with a reference BFS", () => {
    for (const [opts, keep] of [[{}, (e: string) => !isCooc(e)], [{ cooccurrenceInPaths: true }, () => true]] as const) {
      const want = reachable(g, kadhimi, 2, keep).map((k) => [k]);
      const pat = "MATCH (a)-[*1..2]-(b) WHERE id(a) = $k AND b <> a";
      const params = { k: kadhimi };
      const pruned = runQuery(g, `${pat} RETURN DISTINCT id(b) AS b ORDER BY b`, { ...opts, params });
      const trails = runQuery(g, `${pat} WITH b, count(*) AS n RETURN id(b) AS b ORDER BY b`, { ...opts, params });
      const direct = runQuery(g.copy() as KnowledgeGraph, `${pat} WITH DISTINCT b SET b.seen = true RETURN id(b) AS b ORDER BY b`, { ...opts, params, allowWrites: true });
      expect(pruned.rows, JSON.stringify(opts)).toEqual(want);
      expect(trails.rows).toEqual(pruned.rows);
      expect(direct.rows).toEqual(pruned.rows);
    }
    // Without co-occurrence, the 2-hop neighbourhood is much smaller than with it.
    expect(reachable(g, kadhimi, 2, (e) => !isCooc(e)).length).toBeLessThan(reachable(g, kadhimi, 2, () => true).length);
  });

  it("a query that writes (graph read directly, no index) follows the same rule", () => {
    const copy = g.copy() as KnowledgeGraph;
    const q = `${ISSUE.replace("RETURN p", "")} SET a.seen = true RETURN [r IN relationships(p) | type(r)] AS ts`;
    const off = runQuery(copy, q, { allowWrites: true }).rows[0][0] as string[];
    expect(off.length).toBeGreaterThanOrEqual(2);
    expect(off).not.toContain("MENTIONED_WITH");
    expect(runQuery(copy, q, { allowWrites: true, cooccurrenceInPaths: true }).rows).toEqual([[["MENTIONED_WITH"]]]);
  });

  it("rejects a non-boolean option", () => {
    expect(() => runQuery(g, "RETURN 1", { cooccurrenceInPaths: "yes" as unknown as boolean })).toThrow(BadRequestError);
  });
});

describe("co-occurrence edges in paths over HTTP (worker pool)", () => {
  let server: RunningServer;
  let g: KnowledgeGraph;
  beforeAll(async () => {
    g = await seedGraph();
    server = await startServer({ graph: g, port: 0, webRoot: null });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = async (body: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${server.url}/api/query`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  it("answers as the in-process engine, with the option off and on", async () => {
    const queries = [ISSUE, `MATCH (a)-[*1..2]-(b) ${ENDS.replace(" AND shabaka.match(b,'داعش')", "")} RETURN b.type AS t, count(DISTINCT b) AS n ORDER BY t`, `MATCH (a)-[:MENTIONED_WITH*1..1]-(b) ${ENDS} RETURN count(*)`];
    for (const query of queries) {
      for (const options of [undefined, { cooccurrenceInPaths: false }, { cooccurrenceInPaths: true }]) {
        const r = await post({ query, ...(options ? { options } : {}) });
        expect(r.status, query).toBe(200);
        const local = runQuery(g, query, options ?? {});
        expect(r.body.rows, `${query} ${JSON.stringify(options)}`).toEqual(local.rows);
        expect(r.body.graph).toEqual(local.graph);
      }
    }
    const off = (await post({ query: ISSUE })).body.rows[0][0] as JsonPath;
    const on = (await post({ query: ISSUE, options: { cooccurrenceInPaths: true } })).body.rows[0][0] as JsonPath;
    expect(off.relationships.map((r) => r.type)).not.toContain("MENTIONED_WITH");
    expect(on.relationships.map((r) => r.type)).toEqual(["MENTIONED_WITH"]);
  });

  it("a bad options object is 400 BAD_REQUEST", async () => {
    for (const options of [[true], "on", { cooccurrenceInPaths: "yes" }, { maxHops: 3 }, null]) {
      const r = await post({ query: "RETURN 1", options });
      expect(r.status, JSON.stringify(options)).toBe(400);
      expect(r.body.error.code).toBe("BAD_REQUEST");
    }
  });
});

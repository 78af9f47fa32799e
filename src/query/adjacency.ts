/**
 * Edge iteration for the matcher: the edges of a node in a direction, with the node at the other end.
 * Read-only queries use an adjacency index in compressed sparse row form (node and edge numbers in typed arrays,
 * one row set per direction, built once per graph version in O(V + E) and cached), which avoids graphology's
 * per-call edge arrays and source/target lookups; queries with write clauses read the graph directly, since it
 * changes under them.
 */
import type { KnowledgeGraph } from "../graph/types.ts";
import type { Direction } from "./ast.ts";
import { versionOf } from "./graph-version.ts";

/** One direction's rows: the edges of node i are entries off[i] .. off[i+1]-1 of nbr (other end) and edge. */
export interface Csr {
  off: Int32Array;
  nbr: Int32Array;
  edge: Int32Array;
}

/** Node and edge numbering plus rows for out-, in- and both-direction edges (`both` skips in-edge self-loops). */
export interface Adjacency {
  keys: string[];
  index: Map<string, number>;
  edgeKeys: string[];
  rows: Record<Direction, Csr>;
}

const cache = new WeakMap<KnowledgeGraph, { version: number; adj: Adjacency }>();

interface Side {
  from: Int32Array;
  to: Int32Array;
  keep: (j: number) => boolean;
}

/** Rows of the edges `from[j] → to[j]` kept by each side, the sides one after the other within a node's row. */
function csr(n: number, m: number, sides: Side[]): Csr {
  const off = new Int32Array(n + 1);
  for (const p of sides) for (let j = 0; j < m; j++) if (p.keep(j)) off[p.from[j] + 1]++;
  for (let i = 0; i < n; i++) off[i + 1] += off[i];
  const nbr = new Int32Array(off[n]);
  const edge = new Int32Array(off[n]);
  const fill = off.slice(0, n);
  for (const p of sides) {
    for (let j = 0; j < m; j++) {
      if (!p.keep(j)) continue;
      const k = fill[p.from[j]]++;
      nbr[k] = p.to[j];
      edge[k] = j;
    }
  }
  return { off, nbr, edge };
}

/** The adjacency index of `g` for its current version (built when stale). */
export function adjacencyOf(g: KnowledgeGraph): Adjacency {
  const version = versionOf(g);
  const hit = cache.get(g);
  if (hit && hit.version === version) return hit.adj;
  const keys = g.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i], i);
  const m = g.size;
  const edgeKeys: string[] = new Array(m);
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  let j = 0;
  g.forEachEdge((e, _a, s, t) => {
    edgeKeys[j] = e;
    src[j] = index.get(s)!;
    tgt[j] = index.get(t)!;
    j++;
  });
  const all = (): boolean => true;
  const noLoop = (k: number): boolean => src[k] !== tgt[k];
  const n = keys.length;
  const adj: Adjacency = {
    keys,
    index,
    edgeKeys,
    rows: {
      out: csr(n, m, [{ from: src, to: tgt, keep: all }]),
      in: csr(n, m, [{ from: tgt, to: src, keep: all }]),
      both: csr(n, m, [{ from: src, to: tgt, keep: all }, { from: tgt, to: src, keep: noLoop }]),
    },
  };
  cache.set(g, { version, adj });
  return adj;
}

/**
 * Calls `f(edge, other)` for each edge of `node` in direction `dir` (`both`: outgoing, then incoming without
 * self-loops so a loop is seen once). Stops early when `f` returns false. `adj` is the index, or null to read the
 * graph directly.
 */
export function forEachIncident(g: KnowledgeGraph, node: string, dir: Direction, f: (edge: string, other: string) => boolean | void, adj: Adjacency | null = null): void {
  if (adj) {
    const i = adj.index.get(node);
    if (i === undefined) return;
    const r = adj.rows[dir];
    for (let k = r.off[i], end = r.off[i + 1]; k < end; k++) if (f(adj.edgeKeys[r.edge[k]], adj.keys[r.nbr[k]]) === false) return;
    return;
  }
  if (dir !== "in") {
    for (const e of g.outEdges(node)) if (f(e, g.target(e)) === false) return;
  }
  if (dir !== "out") {
    for (const e of g.inEdges(node)) {
      const s = g.source(e);
      if (dir === "both" && s === node) continue;
      if (f(e, s) === false) return;
    }
  }
}

/** Edges of `node` in direction `dir` with their other ends, flat: `[edge, other, edge, other, ...]`. */
export function incident(g: KnowledgeGraph, node: string, dir: Direction, adj: Adjacency | null = null): string[] {
  const out: string[] = [];
  forEachIncident(g, node, dir, (e, o) => {
    out.push(e, o);
  }, adj);
  return out;
}

export function flip(dir: Direction): Direction {
  return dir === "out" ? "in" : dir === "in" ? "out" : "both";
}

/**
 * Edge iteration for the matcher: the edges of a node in a direction, with the node at the other end.
 * Read-only queries use an adjacency index in compressed sparse row form (node and edge numbers in typed arrays,
 * one row set per direction, built once per graph version in O(V + E) and cached), which avoids graphology's
 * per-call edge arrays and source/target lookups; queries with write clauses read the graph directly, since it
 * changes under them. The index also keeps each node's attributes object and one shared `NodeRef` per node (made on
 * first use), so a read-only query neither looks nodes up by key to read their properties nor allocates a
 * reference per row, and marks the co-occurrence edges for the path rule of {@link forEachIncident}.
 */
import type { KnowledgeGraph } from "../graph/types.ts";
import type { Direction } from "./ast.ts";
import { versionOf } from "./graph-version.ts";
import { NodeRef } from "./values.ts";

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
  /** Attributes object of node i (graphology's own object: current while the graph version is). */
  attrs: Record<string, unknown>[];
  /** Shared reference to node i, made by {@link nodeRefAt} on first use. */
  refs: (NodeRef | undefined)[];
  edgeKeys: string[];
  /** 1 for the co-occurrence edges (see {@link isCooccurrence}); null when the graph has none. */
  cooc: Uint8Array | null;
  rows: Record<Direction, Csr>;
}

/**
 * True for a co-occurrence edge: attribute `cooccurrence: true`, which the graph builder sets on MENTIONED_WITH
 * edges (src/graph/build.ts; ONTOLOGY.md, issue 5). Untyped variable-length and shortest-path patterns skip them
 * (docs/query.md, "Co-occurrence in paths").
 */
export function isCooccurrence(attrs: Record<string, unknown>): boolean {
  return attrs.cooccurrence === true;
}

/** The shared reference to node number `i` of `adj` (it carries the node's attributes for property reads). */
export function nodeRefAt(adj: Adjacency, i: number): NodeRef {
  return (adj.refs[i] ??= new NodeRef(adj.keys[i], adj.attrs[i]));
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
  const keys: string[] = [];
  const attrs: Record<string, unknown>[] = [];
  const index = new Map<string, number>();
  g.forEachNode((k, a) => {
    index.set(k, keys.length);
    keys.push(k);
    attrs.push(a as unknown as Record<string, unknown>);
  });
  const m = g.size;
  const edgeKeys: string[] = new Array(m);
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  const cooc = new Uint8Array(m);
  let anyCooc = false;
  let j = 0;
  g.forEachEdge((e, a, s, t) => {
    edgeKeys[j] = e;
    src[j] = index.get(s)!;
    tgt[j] = index.get(t)!;
    if (isCooccurrence(a as unknown as Record<string, unknown>)) {
      cooc[j] = 1;
      anyCooc = true;
    }
    j++;
  });
  const all = (): boolean => true;
  const noLoop = (k: number): boolean => src[k] !== tgt[k];
  const n = keys.length;
  const adj: Adjacency = {
    keys,
    index,
    attrs,
    refs: new Array(n),
    edgeKeys,
    cooc: anyCooc ? cooc : null,
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
 * graph directly; `skipCooc` leaves out co-occurrence edges ({@link isCooccurrence}).
 */
export function forEachIncident(g: KnowledgeGraph, node: string, dir: Direction, f: (edge: string, other: string) => boolean | void, adj: Adjacency | null = null, skipCooc = false): void {
  if (adj) {
    const i = adj.index.get(node);
    if (i === undefined) return;
    const r = adj.rows[dir];
    const cooc = skipCooc ? adj.cooc : null;
    for (let k = r.off[i], end = r.off[i + 1]; k < end; k++) {
      if (cooc !== null && cooc[r.edge[k]] === 1) continue;
      if (f(adj.edgeKeys[r.edge[k]], adj.keys[r.nbr[k]]) === false) return;
    }
    return;
  }
  const keep = (e: string): boolean => !skipCooc || !isCooccurrence(g.getEdgeAttributes(e) as unknown as Record<string, unknown>);
  if (dir !== "in") {
    for (const e of g.outEdges(node)) if (keep(e) && f(e, g.target(e)) === false) return;
  }
  if (dir !== "out") {
    for (const e of g.inEdges(node)) {
      const s = g.source(e);
      if (dir === "both" && s === node) continue;
      if (keep(e) && f(e, s) === false) return;
    }
  }
}

/** Edges of `node` in direction `dir` with their other ends, flat: `[edge, other, edge, other, ...]`. */
export function incident(g: KnowledgeGraph, node: string, dir: Direction, adj: Adjacency | null = null, skipCooc = false): string[] {
  const out: string[] = [];
  forEachIncident(g, node, dir, (e, o) => {
    out.push(e, o);
  }, adj, skipCooc);
  return out;
}

export function flip(dir: Direction): Direction {
  return dir === "out" ? "in" : dir === "in" ? "out" : "both";
}

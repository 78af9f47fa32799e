/**
 * Bidirectional breadth-first search between two nodes on the adjacency index (node numbers, typed arrays):
 * expands the smaller frontier one whole layer at a time and stops at the first node both searches reached,
 * which lies on a shortest path (every meeting found in the same layer gives the same length). Visited marks and
 * predecessor links and frontiers live in scratch arrays kept per index (visited marks reset by a generation
 * stamp), so a search allocates nothing but its result: on a large graph, garbage is what costs most.
 */
import type { Direction } from "./ast.ts";
import { flip, nodeRefAt, type Adjacency } from "./adjacency.ts";
import type { Budget } from "./context.ts";
import { NodeRef, PathVal, RelRef } from "./values.ts";

interface Scratch {
  gen: number;
  seenF: Int32Array;
  seenB: Int32Array;
  prevNodeF: Int32Array;
  prevEdgeF: Int32Array;
  prevNodeB: Int32Array;
  prevEdgeB: Int32Array;
  /** Frontier buffers: current and next layer of each side. */
  qF: Int32Array;
  qF2: Int32Array;
  qB: Int32Array;
  qB2: Int32Array;
}

const scratches = new WeakMap<Adjacency, Scratch>();

function scratchOf(adj: Adjacency): Scratch {
  let s = scratches.get(adj);
  const n = adj.keys.length;
  if (!s) {
    const a = (): Int32Array => new Int32Array(n);
    s = { gen: 0, seenF: a(), seenB: a(), prevNodeF: a(), prevEdgeF: a(), prevNodeB: a(), prevEdgeB: a(), qF: a(), qF2: a(), qB: a(), qB2: a() };
    scratches.set(adj, s);
  }
  if (s.gen >= 0x7ffffff0) {
    s.gen = 0;
    s.seenF.fill(0);
    s.seenB.fill(0);
  }
  s.gen++;
  return s;
}

/**
 * One shortest path from `s` to `t` following `dir` (at most `hops` relationships, at least `min`), over edges
 * `ok` accepts and through nodes `nodeOk` accepts (null: every one, with no per-edge call), leaving out the edges
 * `skip` marks (co-occurrence; null: none); [] when there is none or the budget runs out.
 */
export function bidirectionalIndexed(adj: Adjacency, s: string, t: string, dir: Direction, ok: ((edge: string) => boolean) | null, nodeOk: ((node: string) => boolean) | null, hops: number, min: number, budget: Budget, skip: Uint8Array | null = null): PathVal[] {
  const si = adj.index.get(s);
  const ti = adj.index.get(t);
  if (si === undefined || ti === undefined) return [];
  if (si === ti) return min === 0 ? [new PathVal([new NodeRef(s)], [])] : [];
  if (nodeOk && !nodeOk(t)) return [];
  const sc = scratchOf(adj);
  const gen = sc.gen;
  sc.seenF[si] = gen;
  sc.prevNodeF[si] = -1;
  sc.seenB[ti] = gen;
  sc.prevNodeB[ti] = -1;
  const fRows = adj.rows[dir];
  const bRows = adj.rows[flip(dir)];
  // Each side's frontier is a prefix of a buffer; a layer writes the next one into the other buffer.
  let ff = sc.qF;
  let ffNext = sc.qF2;
  let bf = sc.qB;
  let bfNext = sc.qB2;
  ff[0] = si;
  bf[0] = ti;
  let nf = 1;
  let nb = 1;
  let depth = 0;
  while (nf > 0 && nb > 0 && depth < hops) {
    const forward = nf <= nb;
    const rows = forward ? fRows : bRows;
    const seen = forward ? sc.seenF : sc.seenB;
    const other = forward ? sc.seenB : sc.seenF;
    const prevNode = forward ? sc.prevNodeF : sc.prevNodeB;
    const prevEdge = forward ? sc.prevEdgeF : sc.prevEdgeB;
    const frontier = forward ? ff : bf;
    const size = forward ? nf : nb;
    const next = forward ? ffNext : bfNext;
    let count = 0;
    let meet = -1;
    for (let q = 0; q < size; q++) {
      if (budget.expired()) return [];
      const u = frontier[q];
      for (let k = rows.off[u], end = rows.off[u + 1]; k < end; k++) {
        const v = rows.nbr[k];
        if (seen[v] === gen) continue;
        const e = rows.edge[k];
        if (skip !== null && skip[e] === 1) continue;
        if ((ok && !ok(adj.edgeKeys[e])) || (nodeOk && !nodeOk(adj.keys[v]))) continue;
        seen[v] = gen;
        prevNode[v] = u;
        prevEdge[v] = e;
        next[count++] = v;
        if (other[v] === gen) {
          meet = v;
          break;
        }
      }
      if (meet >= 0) break;
    }
    if (forward) {
      [ff, ffNext] = [ffNext, ff];
      nf = count;
    } else {
      [bf, bfNext] = [bfNext, bf];
      nb = count;
    }
    depth++;
    if (meet >= 0) {
      const nodes: number[] = [];
      const rels: number[] = [];
      for (let v = meet; v !== si; v = sc.prevNodeF[v]) {
        nodes.push(v);
        rels.push(sc.prevEdgeF[v]);
      }
      nodes.push(si);
      nodes.reverse();
      rels.reverse();
      for (let v = meet; v !== ti; v = sc.prevNodeB[v]) {
        rels.push(sc.prevEdgeB[v]);
        nodes.push(sc.prevNodeB[v]);
      }
      if (rels.length < min) return [];
      return [new PathVal(nodes.map((i) => nodeRefAt(adj, i)), rels.map((e) => new RelRef(adj.edgeKeys[e])))];
    }
  }
  return [];
}

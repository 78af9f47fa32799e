/**
 * Pruning variable-length expansion (the optimisation Neo4j's planner calls "pruning var expand"): when a MATCH
 * `(a)-[:T*min..max]-(b)` has no relationship or path variable and the next clause cannot tell how many trails
 * reached each `b` (a DISTINCT projection, or aggregates that are all DISTINCT, min or max), the matcher emits each
 * reachable `b` once, found by breadth-first search, instead of enumerating every trail — on a dense neighbourhood
 * the number of trails grows with the degree to the power of the hops.
 *
 * Equivalence with trail enumeration, for min ≤ 1: a node other than the start is the end of a trail of length
 * 1..max exactly when its BFS distance is at most max (a shortest path is a trail). The start itself ends such a
 * trail when it lies on a closed trail of length ≤ max, that is on a cycle: found during the same BFS from the
 * depth of an edge back to the start (directed), or from an edge joining two different subtrees of the start
 * (undirected, the classic shortest-cycle-through-a-vertex test). min ≥ 2 is not pruned.
 */
import type { Clause, Direction, Expr, PatternPart } from "./ast.ts";
import { forEachIncident, flip, nodeRefAt, type Adjacency } from "./adjacency.ts";
import type { Matcher } from "./match.ts";
import { NodeRef, type CMap } from "./values.ts";
import { aggregatesIn } from "./vars.ts";

/** True when the rows of a MATCH feed `next` in a way that ignores how many times each row occurs. */
export function multiplicityInsensitive(next: Clause | undefined): boolean {
  if (!next || (next.kind !== "with" && next.kind !== "return")) return false;
  const p = next.projection;
  const aggs = [...p.items.flatMap((it) => aggregatesIn(it.expr)), ...p.order.flatMap((o) => aggregatesIn(o.expr))];
  if (aggs.length === 0) return p.distinct;
  return aggs.every((a) => a.distinct || /^(min|max)$/i.test(a.name));
}

/** True when pattern `p` (the MATCH's only part) can be expanded by pruning BFS. */
export function prunable(p: PatternPart): boolean {
  if (p.shortest || p.pathVar || p.rels.length !== 1) return false;
  const rp = p.rels[0];
  if (!rp.range || rp.variable !== null || rp.range.min > 1) return false;
  const [a, b] = p.nodes;
  return a.variable === null || a.variable !== b.variable;
}

/** Visited marks (generation-stamped), depths, subtree roots and tree edges by node number, kept per index. */
interface Scratch {
  gen: number;
  seen: Int32Array;
  depth: Int32Array;
  branch: Int32Array;
  tree: Int32Array;
}

const scratches = new WeakMap<Adjacency, Scratch>();

function scratchOf(adj: Adjacency): Scratch {
  let sc = scratches.get(adj);
  const n = adj.keys.length;
  if (!sc) {
    sc = { gen: 0, seen: new Int32Array(n), depth: new Int32Array(n), branch: new Int32Array(n), tree: new Int32Array(n) };
    scratches.set(adj, sc);
  }
  if (sc.gen >= 0x7ffffff0) {
    sc.gen = 0;
    sc.seen.fill(0);
  }
  sc.gen++;
  return sc;
}

/**
 * {@link reach} on the adjacency index: node numbers and typed arrays; `ok` null when every edge passes, `skip`
 * marks edges to leave out (co-occurrence) or is null. The ends are `nodes[start ..]` (node numbers; nodes[0] is
 * `s`, and start is 0 when `s` itself is an end).
 */
function reachIndexed(m: Matcher, adj: Adjacency, s: string, dir: Direction, ok: ((edge: string) => boolean) | null, skip: Uint8Array | null, min: number, max: number): { nodes: number[]; start: number } {
  const si = adj.index.get(s);
  if (si === undefined) return { nodes: [], start: 0 };
  const sc = scratchOf(adj);
  const gen = sc.gen;
  const rows = adj.rows[dir];
  sc.seen[si] = gen;
  sc.depth[si] = 0;
  sc.tree[si] = -1;
  // Reached nodes in BFS order; out[from .. to) is the current frontier.
  const out: number[] = [si];
  let cycle = Infinity;
  let from = 0;
  for (let d = 0; d < max && from < out.length; d++) {
    const to = out.length;
    for (let q = from; q < to; q++) {
      const u = out[q];
      if (m.ctx.budget.expired()) return { nodes: out, start: 1 };
      for (let k = rows.off[u], end = rows.off[u + 1]; k < end; k++) {
        const e = rows.edge[k];
        if (skip !== null && skip[e] === 1) continue;
        if (ok && !ok(adj.edgeKeys[e])) continue;
        const v = rows.nbr[k];
        if (v === si) {
          if (dir !== "both" || u === si || sc.tree[u] !== e) cycle = Math.min(cycle, d + 1);
          continue;
        }
        if (sc.seen[v] !== gen) {
          sc.seen[v] = gen;
          sc.depth[v] = d + 1;
          sc.branch[v] = u === si ? e : sc.branch[u];
          sc.tree[v] = e;
          out.push(v);
        } else if (dir === "both" && u !== si && sc.branch[v] !== sc.branch[u]) {
          cycle = Math.min(cycle, d + sc.depth[v] + 1);
        }
      }
    }
    from = to;
  }
  return { nodes: out, start: min === 0 || cycle <= max ? 0 : 1 };
}

/** Nodes at distance ≤ max from `s` (and `s` itself when min = 0 or it lies on a short enough closed trail). */
function reach(m: Matcher, s: string, dir: Direction, ok: (edge: string) => boolean, skipCooc: boolean, min: number, max: number): string[] {
  const g = m.ctx.graph;
  const adj = m.ctx.adjacency();
  const depth = new Map<string, number>([[s, 0]]);
  const branch = new Map<string, string>();
  const treeEdge = new Map<string, string>();
  const out: string[] = [];
  let cycle = Infinity;
  let frontier = [s];
  for (let d = 0; d < max && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      if (m.ctx.budget.expired()) return out;
      forEachIncident(g, u, dir, (e, v) => {
        if (!ok(e)) return;
        if (v === s) {
          // Back to the start: a self-loop, or (undirected) any edge but the one that reached u.
          if (dir !== "both" || u === s || treeEdge.get(u) !== e) cycle = Math.min(cycle, d + 1);
          return;
        }
        const dv = depth.get(v);
        if (dv === undefined) {
          depth.set(v, d + 1);
          branch.set(v, u === s ? e : branch.get(u)!);
          treeEdge.set(v, e);
          next.push(v);
          out.push(v);
        } else if (dir === "both" && u !== s && branch.get(v) !== branch.get(u)) {
          cycle = Math.min(cycle, d + dv + 1);
        }
      }, adj, skipCooc);
    }
    frontier = next;
  }
  if (min === 0 || cycle <= max) out.unshift(s);
  return out;
}

/** Binds the two node variables of `p` once per (start, reachable end) pair and yields `emit()` for each. */
export function* pruningExpand<T>(m: Matcher, p: PatternPart, emit: () => T): Generator<T> {
  const rp = p.rels[0];
  const min = rp.range!.min;
  const max = m.maxHops(rp);
  const [sn, en] = p.nodes;
  const startBound = sn.variable !== null && m.b[sn.variable] !== undefined;
  const endBound = en.variable !== null && m.b[en.variable] !== undefined;
  const flipped = !startBound && endBound;
  const from = flipped ? en : sn;
  const to = flipped ? sn : en;
  const dir = flipped ? flip(rp.direction) : rp.direction;
  const props: CMap | null = rp.properties ? m.propMap(rp.properties as Expr) : null;
  const ok = (e: string): boolean => m.relOk(rp, e, props);
  const plain = rp.types.length === 0 && props === null && m.used.size === 0;
  const skipCooc = m.skipsCooccurrence(rp);
  const adj = m.ctx.adjacency();
  for (const s of m.candidates(from)) {
    if (m.ctx.budget.expired()) return;
    if (!m.nodeOk(from, s)) continue;
    const si = adj?.index.get(s);
    const hs = m.bind(from.variable, adj && si !== undefined ? nodeRefAt(adj, si) : new NodeRef(s));
    if (hs === 0) continue;
    if (adj) {
      // Shared node references (with their attributes) for the ends: no allocation or lookup by key per end.
      const ends = reachIndexed(m, adj, s, dir, plain ? null : ok, skipCooc ? adj.cooc : null, min, max);
      for (let q = ends.start; q < ends.nodes.length; q++) {
        const ref = nodeRefAt(adj, ends.nodes[q]);
        if (!m.nodeOk(to, ref.key, ref.attrs)) continue;
        const ht = m.bind(to.variable, ref);
        if (ht === 0) continue;
        yield emit();
        m.unbind(to.variable, ht);
      }
    } else {
      for (const t of reach(m, s, dir, ok, skipCooc, min, max)) {
        if (!m.nodeOk(to, t)) continue;
        const ht = m.bind(to.variable, new NodeRef(t));
        if (ht === 0) continue;
        yield emit();
        m.unbind(to.variable, ht);
      }
    }
    m.unbind(from.variable, hs);
  }
}

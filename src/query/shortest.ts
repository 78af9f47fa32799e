/**
 * `shortestPath` and `allShortestPaths` (Neo4j Cypher manual, "Shortest path"): breadth-first search from each
 * start node; a bidirectional BFS when the end node is known. One shortest path per (start, end) pair, or every
 * shortest path for `allShortestPaths`. WHERE predicates on the path are applied during the search, so the result
 * is the shortest path that satisfies them (Neo4j's semantics; see path-filters.ts): universal predicates over
 * its relationships or nodes filter the BFS; any other predicate on the path makes the search enumerate paths by
 * length (slower, bounded by the time budget, with a warning). A pattern that names no relationship type leaves out
 * co-occurrence edges unless the query allows them (docs/query.md, "Co-occurrence in paths").
 */
import type { PatternPart, RelPattern } from "./ast.ts";
import type { Matcher } from "./match.ts";
import { forEachIncident, flip } from "./adjacency.ts";
import { CypherRuntimeError } from "./errors.ts";
import { bidirectionalIndexed } from "./bidirectional.ts";
import { pathFilters } from "./path-filters.ts";
import { NodeRef, PathVal, RelRef, type CMap } from "./values.ts";

type EdgeOk = (edge: string) => boolean;
type NodeOk = (node: string) => boolean;
/** Predecessor links: node → [(previous node, edge)]. */
type Preds = Map<string, [string, string][]>;

/** Generator binding the variables of a shortest-path part, one yield per path. */
export function* shortestPaths(m: Matcher, p: PatternPart): Generator<void> {
  if (p.rels.length !== 1) {
    throw new CypherRuntimeError("shortestPath() takes a pattern with exactly one relationship", "SyntaxError", "InvalidRelationshipPattern");
  }
  const [sn, en] = p.nodes;
  const rp = p.rels[0];
  const min = rp.range ? rp.range.min : 1;
  const max = rp.range ? Math.max(rp.range.max ?? m.ctx.maxHops, 0) : 1;
  if (rp.range && rp.range.max !== null && rp.range.max > m.ctx.maxHops) m.maxHops(rp);
  const hops = Math.min(max, m.ctx.maxHops);
  const all = p.shortest === "all";
  const adj = m.ctx.adjacency();
  // An untyped pattern leaves out co-occurrence edges (docs/query.md, "Co-occurrence in paths").
  const skip = m.skipsCooccurrence(rp, true);

  // End candidates that do not depend on the start node, computed once.
  const endBound = en.variable !== null && m.b[en.variable] !== undefined;
  let targets: Set<string> | null = null;
  if (!endBound) {
    targets = new Set();
    for (const k of m.candidates(en)) {
      if (m.ctx.budget.expired()) break;
      if (!m.nodeOk(en, k)) continue;
      const how = m.bind(en.variable, new NodeRef(k));
      if (how !== 0) targets.add(k);
      m.unbind(en.variable, how);
    }
  }

  for (const s of m.candidates(sn)) {
    if (m.ctx.budget.expired()) return;
    if (!m.nodeOk(sn, s)) continue;
    const hs = m.bind(sn.variable, new NodeRef(s));
    if (hs === 0) continue;
    const props: CMap | null = rp.properties ? m.propMap(rp.properties) : null;
    const pf = pathFilters(m, p);
    const ok: EdgeOk = (e) => m.relOk(rp, e, props) && pf.rel(e);
    // No type, property, uniqueness or WHERE condition on the relationships: the search needs no per-edge check.
    const plain = rp.types.length === 0 && props === null && m.used.size === 0 && !pf.filtersRels;
    let tset: Set<string>;
    if (endBound) {
      const v = m.b[en.variable!];
      tset = v instanceof NodeRef && m.nodeOk(en, v.key) ? new Set([v.key]) : new Set();
    } else tset = targets!;
    if (pf.exhaustive) m.ctx.warnings.add("shortestPath: a WHERE predicate on the path cannot steer the search; paths were enumerated by length");
    const accept = (path: PathVal): boolean => {
      const he = m.bind(en.variable, path.nodes[path.nodes.length - 1]);
      const hr = he === 0 ? 0 : m.bind(rp.variable, rp.range ? [...path.rels] : path.rels[0]);
      const hp = hr === 0 ? 0 : m.bind(p.pathVar, path);
      m.unbind(p.pathVar, hp);
      m.unbind(rp.variable, hr);
      m.unbind(en.variable, he);
      return hp !== 0;
    };
    const found = !pf.node(s)
      ? []
      : pf.exhaustive
        ? enumerate(m, s, tset, rp.direction, ok, pf.node, hops, min, all, accept, skip)
        : tset.size === 1 && !all
          ? (adj
            ? bidirectionalIndexed(adj, s, [...tset][0], rp.direction, plain ? null : ok, pf.filtersNodes ? pf.node : null, hops, min, m.ctx.budget, skip ? adj.cooc : null)
            : bidirectional(m, s, [...tset][0], rp, ok, pf.node, hops, min, skip))
          : bfs(m, s, tset, rp.direction, ok, pf.node, hops, min, all, skip);
    for (const path of found) {
      const t = path.nodes[path.nodes.length - 1].key;
      const he = m.bind(en.variable, new NodeRef(t));
      if (he === 0) continue;
      const hr = m.bind(rp.variable, rp.range ? [...path.rels] : path.rels[0]);
      if (hr !== 0) {
        const hp = m.bind(p.pathVar, path);
        if (hp !== 0) {
          for (const r of path.rels) m.used.add(r.key);
          yield;
          for (const r of path.rels) m.used.delete(r.key);
          m.unbind(p.pathVar, hp);
        }
        m.unbind(rp.variable, hr);
      }
      m.unbind(en.variable, he);
    }
    m.unbind(sn.variable, hs);
  }
}

function toPath(nodes: string[], rels: string[]): PathVal {
  return new PathVal(nodes.map((k) => new NodeRef(k)), rels.map((k) => new RelRef(k)));
}

/** Every path from `s` to `t` following predecessor links (edge list reversed at the end). */
function unwind(preds: Preds, s: string, t: string, all: boolean): PathVal[] {
  const out: PathVal[] = [];
  const nodes: string[] = [t];
  const rels: string[] = [];
  const go = (at: string): boolean => {
    if (at === s) {
      out.push(toPath([...nodes].reverse(), [...rels].reverse()));
      return !all;
    }
    for (const [prev, e] of preds.get(at) ?? []) {
      nodes.push(prev);
      rels.push(e);
      const stop = go(prev);
      nodes.pop();
      rels.pop();
      if (stop) return true;
    }
    return false;
  };
  go(t);
  return out;
}

/** Layered BFS from `s` (co-occurrence edges left out when `skip`); shortest paths to every reachable target, nearest first. */
function bfs(m: Matcher, s: string, targets: Set<string>, dir: RelPattern["direction"], ok: EdgeOk, nodeOk: NodeOk, hops: number, min: number, all: boolean, skip: boolean): PathVal[] {
  const g = m.ctx.graph;
  const adj = m.ctx.adjacency();
  const out: PathVal[] = [];
  if (min === 0 && targets.has(s)) out.push(toPath([s], []));
  const depth = new Map<string, number>([[s, 0]]);
  const preds: Preds = new Map();
  let frontier = [s];
  let remaining = targets.size - (targets.has(s) ? 1 : 0);
  for (let d = 1; d <= hops && frontier.length > 0 && remaining > 0; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      if (m.ctx.budget.expired()) return out;
      forEachIncident(g, u, dir, (e, v) => {
        if (!ok(e)) return;
        const dv = depth.get(v);
        if (dv === undefined && !nodeOk(v)) return;
        if (dv === undefined) {
          depth.set(v, d);
          preds.set(v, [[u, e]]);
          next.push(v);
        } else if (all && dv === d) preds.get(v)!.push([u, e]);
      }, adj, skip);
    }
    for (const v of next) {
      if (!targets.has(v) || v === s) continue;
      remaining--;
      if (d >= min) out.push(...unwind(preds, s, v, all));
    }
    frontier = next;
  }
  return out;
}

/** Bidirectional BFS between `s` and `t` on the graph itself (queries that write); at most one path. */
function bidirectional(m: Matcher, s: string, t: string, rp: RelPattern, ok: EdgeOk, nodeOk: NodeOk, hops: number, min: number, skip: boolean): PathVal[] {
  if (s === t) return min === 0 ? [toPath([s], [])] : [];
  if (!nodeOk(t)) return [];
  const g = m.ctx.graph;
  const adj = m.ctx.adjacency();
  const fwd: Preds = new Map([[s, []]]);
  const bwd: Preds = new Map([[t, []]]);
  let ff = [s];
  let bf = [t];
  let df = 0;
  let db = 0;
  while (ff.length > 0 && bf.length > 0 && df + db < hops) {
    const forward = ff.length <= bf.length;
    const frontier = forward ? ff : bf;
    const seen = forward ? fwd : bwd;
    const other = forward ? bwd : fwd;
    const dir = forward ? rp.direction : flip(rp.direction);
    const next: string[] = [];
    let meet: string | null = null;
    for (const u of frontier) {
      if (m.ctx.budget.expired()) return [];
      forEachIncident(g, u, dir, (e, v) => {
        if (seen.has(v) || !ok(e) || !nodeOk(v)) return;
        seen.set(v, [[u, e]]);
        next.push(v);
        if (other.has(v)) {
          meet = v;
          return false;
        }
      }, adj, skip);
      if (meet !== null) break;
    }
    if (forward) {
      ff = next;
      df++;
    } else {
      bf = next;
      db++;
    }
    if (meet !== null) {
      const left = unwind(fwd, s, meet, false)[0];
      const right = unwind(bwd, t, meet, false)[0];
      const nodes = [...left.nodes, ...[...right.nodes].reverse().slice(1)];
      const rels = [...left.rels, ...[...right.rels].reverse()];
      if (rels.length < min) return [];
      return [new PathVal(nodes, rels)];
    }
  }
  return [];
}

/**
 * Exhaustive search for predicates that cannot steer the BFS: node-simple paths from `s`, by increasing length,
 * each checked with `accept` (which evaluates the WHERE conjuncts on the bound path); per target, the paths of the
 * first length at which one passes (one path, or all of them for `allShortestPaths`). Stops at the time budget.
 */
function enumerate(m: Matcher, s: string, targets: Set<string>, dir: RelPattern["direction"], ok: EdgeOk, nodeOk: NodeOk, hops: number, min: number, all: boolean, accept: (p: PathVal) => boolean, skip: boolean): PathVal[] {
  const g = m.ctx.graph;
  const adj = m.ctx.adjacency();
  const out: PathVal[] = [];
  const done = new Set<string>();
  if (min === 0 && targets.has(s)) {
    const p0 = toPath([s], []);
    if (accept(p0)) {
      out.push(p0);
      done.add(s);
    }
  }
  const nodes = [s];
  const rels: string[] = [];
  const onPath = new Set([s]);
  for (let len = Math.max(1, min); len <= hops && done.size < targets.size; len++) {
    const now = new Set<string>();
    const dfs = (u: string): boolean => {
      if (m.ctx.budget.expired()) return true;
      if (rels.length === len) {
        if (targets.has(u) && !done.has(u) && (all || !now.has(u))) {
          const path = toPath(nodes, rels);
          if (accept(path)) {
            out.push(path);
            now.add(u);
          }
        }
        return false;
      }
      let stop = false;
      forEachIncident(g, u, dir, (e, v) => {
        if (onPath.has(v) || !ok(e) || !nodeOk(v)) return;
        nodes.push(v);
        rels.push(e);
        onPath.add(v);
        stop = dfs(v);
        onPath.delete(v);
        rels.pop();
        nodes.pop();
        if (stop) return false;
      }, adj, skip);
      return stop;
    };
    const stopped = dfs(s);
    for (const t of now) done.add(t);
    if (stopped) break;
  }
  return out;
}

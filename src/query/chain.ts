/**
 * Matching one pattern part by backtracking along its chain of nodes and relationships (openCypher 9, "MATCH"):
 * single hops and variable-length relationships (trails: a relationship at most once per MATCH), capped at the
 * hop cap; untyped variable-length relationships skip co-occurrence edges unless the query allows them
 * (docs/query.md, "Co-occurrence in paths"). The part is matched from its bound end when only that end is bound.
 */
import type { PatternPart } from "./ast.ts";
import { flip, incident } from "./adjacency.ts";
import type { Matcher } from "./match.ts";
import { NodeRef, PathVal, RelRef } from "./values.ts";

/** Generator binding the variables of part `p` in `self.b`, one yield per match (unbound again after it). */
export function* chain(self: Matcher, p: PatternPart): Generator<void> {
  const first = p.nodes[0];
  const last = p.nodes[p.nodes.length - 1];
  const reversed = p.rels.length > 0 && !(first.variable && self.b[first.variable] !== undefined) && !!last.variable && self.b[last.variable] !== undefined;
  const nodes = reversed ? [...p.nodes].reverse() : p.nodes;
  const rels = reversed ? [...p.rels].reverse() : p.rels;
  const trailN: string[] = [];
  const trailR: string[] = [];
  const budget = self.ctx.budget;

  function* finish(): Generator<void> {
    if (!p.pathVar) {
      yield;
      return;
    }
    const ns = trailN.map((k) => new NodeRef(k));
    const rs = trailR.map((k) => new RelRef(k));
    if (reversed) {
      ns.reverse();
      rs.reverse();
    }
    const how = self.bind(p.pathVar, new PathVal(ns, rs));
    if (how === 0) return;
    yield;
    self.unbind(p.pathVar, how);
  }

  function* atNode(i: number, key: string): Generator<void> {
    const np = nodes[i];
    if (!self.nodeOk(np, key)) return;
    const how = self.bind(np.variable, new NodeRef(key));
    if (how === 0) return;
    trailN.push(key);
    if (i < rels.length) yield* step(i, key);
    else if (!p.pathVar) yield;
    else yield* finish();
    trailN.pop();
    self.unbind(np.variable, how);
  }

  function* step(i: number, from: string): Generator<void> {
    const rp = rels[i];
    const dir = reversed ? flip(rp.direction) : rp.direction;
    const props = rp.properties ? self.propMap(rp.properties) : null;
    if (!rp.range) {
      const inc = incident(self.ctx.graph, from, dir, self.ctx.adjacency());
      for (let k = 0; k < inc.length; k += 2) {
        const e = inc[k];
        const other = inc[k + 1];
        if (budget.expired()) return;
        if (!self.relOk(rp, e, props)) continue;
        const how = self.bind(rp.variable, new RelRef(e));
        if (how === 0) continue;
        self.used.add(e);
        trailR.push(e);
        yield* atNode(i + 1, other);
        trailR.pop();
        self.used.delete(e);
        self.unbind(rp.variable, how);
      }
      return;
    }
    const min = rp.range.min;
    const max = self.maxHops(rp);
    const skipCooc = self.skipsCooccurrence(rp);
    const seg: string[] = [];
    function* grow(at: string): Generator<void> {
      if (seg.length >= min) {
        let how: 0 | 1 | 2 = 2;
        if (rp.variable !== null) {
          const list = seg.map((k) => new RelRef(k));
          if (reversed) list.reverse();
          how = self.bind(rp.variable, list);
        }
        if (how !== 0) {
          // `at` ends the trail already; atNode pushes it again as the pattern's next node.
          trailN.pop();
          yield* atNode(i + 1, at);
          trailN.push(at);
          self.unbind(rp.variable, how);
        }
      }
      if (seg.length >= max) return;
      const inc = incident(self.ctx.graph, at, dir, self.ctx.adjacency(), skipCooc);
      for (let k = 0; k < inc.length; k += 2) {
        const e = inc[k];
        const other = inc[k + 1];
        if (budget.expired()) return;
        if (!self.relOk(rp, e, props)) continue;
        self.used.add(e);
        seg.push(e);
        trailR.push(e);
        trailN.push(other);
        yield* grow(other);
        trailN.pop();
        trailR.pop();
        seg.pop();
        self.used.delete(e);
      }
    }
    yield* grow(from);
  }

  for (const key of self.candidates(nodes[0])) {
    if (budget.expired()) return;
    yield* atNode(0, key);
  }
}

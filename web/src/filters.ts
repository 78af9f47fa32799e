/**
 * Which nodes and edges the current filters show. Pure functions of the graph and the view state, composed in
 * one pass ({@link computeVisibility}) whenever a filter changes, so sigma's reducers only look up sets.
 */
import type { EdgeAttributes, NodeAttributes } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { Filters, ViewState } from "./state.ts";

/** First and last day (YYYY-MM-DD) covered by a date of precision year, month or day. */
export function dateBounds(date: string): [string, string] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d !== undefined) return [date, date];
  if (mo !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, "0")}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/**
 * True when an event dated `date` may fall in `[from, to]` (its own span overlaps the range). With a range set,
 * an undated event is outside it; with no range, every event is inside.
 */
export function dateInRange(date: string | undefined, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (!date) return false;
  const b = dateBounds(date);
  if (!b) return false;
  const lo = from === null ? null : dateBounds(from)?.[0] ?? from;
  const hi = to === null ? null : dateBounds(to)?.[1] ?? to;
  if (lo !== null && b[1] < lo) return false;
  if (hi !== null && b[0] > hi) return false;
  return true;
}

/** Whether the filters (without focus) let node `a` through. */
export function nodePasses(a: NodeAttributes, f: Filters): boolean {
  if (f.hiddenTypes.has(a.type)) return false;
  if (a.type === "event") {
    if (a.eventType && f.hiddenEventTypes.has(a.eventType)) return false;
    if (!dateInRange(a.date, f.dateFrom, f.dateTo)) return false;
  }
  return true;
}

/** Whether the filters let edge `a` through (its ends are checked separately). */
export function edgePasses(a: EdgeAttributes, f: Filters): boolean {
  return !f.hiddenRelations.has(a.type);
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * The visible nodes and edges: filters first, then (when a focus is set) only the nodes within `hops` steps of the
 * focus node over visible edges, direction ignored. The focus node itself stays visible even if filtered out.
 */
export function computeVisibility(graph: KnowledgeGraph, s: ViewState): Visibility {
  const f = s.filters;
  let nodes = new Set<string>();
  graph.forEachNode((k, a) => {
    if (nodePasses(a, f)) nodes.add(k);
  });
  const edgeOk = (e: string, a: EdgeAttributes, src: string, tgt: string) => edgePasses(a, f) && nodes.has(src) && nodes.has(tgt);
  if (s.focus && graph.hasNode(s.focus.node)) {
    nodes.add(s.focus.node);
    const keep = new Set([s.focus.node]);
    let frontier = [s.focus.node];
    for (let h = 0; h < s.focus.hops; h++) {
      const next: string[] = [];
      for (const n of frontier) {
        graph.forEachEdge(n, (e, a, src, tgt) => {
          if (!edgeOk(e, a, src, tgt)) return;
          const other = src === n ? tgt : src;
          if (!keep.has(other)) {
            keep.add(other);
            next.push(other);
          }
        });
      }
      frontier = next;
    }
    nodes = keep;
  }
  const edges = new Set<string>();
  graph.forEachEdge((e, a, src, tgt) => {
    if (edgeOk(e, a, src, tgt)) edges.add(e);
  });
  return { nodes, edges };
}

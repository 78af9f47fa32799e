/**
 * A version counter per graph object, bumped by any change graphology reports (nodes, edges, attributes,
 * clearing). Used to know when a cached view of the graph (the adjacency index, a worker's copy) is stale.
 * Listeners are attached once per graph, on first use.
 */
import type { KnowledgeGraph } from "../graph/types.ts";

const versions = new WeakMap<KnowledgeGraph, { v: number }>();

const EVENTS = ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared", "attributesUpdated", "nodeAttributesUpdated", "edgeAttributesUpdated"] as const;

/** The current version of `g` (0 until it first changes after this call). */
export function versionOf(g: KnowledgeGraph): number {
  let rec = versions.get(g);
  if (!rec) {
    const r = { v: 0 };
    rec = r;
    versions.set(g, r);
    const bump = (): void => {
      r.v++;
    };
    for (const ev of EVENTS) g.on(ev, bump);
  }
  return rec.v;
}

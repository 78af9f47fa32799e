/** Edge iteration for the matcher: the edges of a node in a direction, with the node at the other end. */
import type { KnowledgeGraph } from "../graph/types.ts";
import type { Direction } from "./ast.ts";

/**
 * Calls `f(edge, other)` for each edge of `node` in direction `dir` (`both`: outgoing, then incoming without
 * self-loops so a loop is seen once). Stops early when `f` returns false.
 */
export function forEachIncident(g: KnowledgeGraph, node: string, dir: Direction, f: (edge: string, other: string) => boolean | void): void {
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

/** Edges of `node` in direction `dir` with their other ends, as an array (for generators that must yield). */
export function incident(g: KnowledgeGraph, node: string, dir: Direction): [string, string][] {
  const out: [string, string][] = [];
  forEachIncident(g, node, dir, (e, o) => {
    out.push([e, o]);
  });
  return out;
}

export function flip(dir: Direction): Direction {
  return dir === "out" ? "in" : dir === "in" ? "out" : "both";
}

/**
 * The render graph: what sigma draws, derived from the dataset (the knowledge graph) and the view, never the
 * other way (Gephi Lite keeps structure, data and the drawn graph apart the same way). It holds only the nodes and
 * edges the filters show (plus a query highlight), each with the few attributes drawing needs: position, size,
 * colour, both labels, the node type (`kind`) or the relation type.
 *
 * Why: sigma indexes, reduces and uploads every item of its graph on every full refresh; with the default filters
 * the benchmark graph (10,000 nodes, 50,000 edges, 60 % co-occurrence) draws 20,151 of its 50,000 edges, so a
 * graph of only the drawn ones is 2.5 times smaller on every refresh.
 *
 * The layout (ForceAtlas2, noverlap, map animation) and the node sizes write to the dataset; every change of
 * `x`, `y` or `size` there is copied here in one bulk update per task (a microtask coalesces the per-node events
 * of noverlap and of animations). A change of the shown set replaces the graph object ({@link RenderGraph.onReplace}):
 * sigma refreshes everything after each single drop, so thousands of drops would cost thousands of refreshes,
 * while `sigma.setGraph` costs one.
 */
import { MultiDirectedGraph } from "graphology";
import { NODE_COLORS, RELATION_COLORS, type NodeType, type RelationType } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";

/** Attributes of a drawn node. */
export interface DrawnNode {
  x: number;
  y: number;
  /** Disc radius in pixels at zoom 1. */
  size: number;
  color: string;
  label: string;
  labelEn?: string;
  /** The node type (sigma reserves `type` for its drawing program). */
  kind: NodeType;
}

/** Attributes of a drawn edge. */
export interface DrawnEdge {
  relation: RelationType;
  color: string;
  /** Thickness in pixels: 1 + log2(weight), at most 4. */
  size: number;
}

export type DrawnGraph = MultiDirectedGraph<DrawnNode, DrawnEdge>;

/** Extent of positions, in graph units (sigma's `customBBox`). */
export interface Extent {
  x: [number, number];
  y: [number, number];
}

/** Edge thickness (px) from its weight (number of supporting sentences): 1 + log2(weight), capped at 4. */
export function edgeThickness(weight: number | undefined): number {
  const w = Number(weight ?? 1);
  return 1 + Math.min(3, Math.log2(Number.isFinite(w) && w >= 1 ? w : 1));
}

/**
 * The nodes and edges to draw: the visible ones and, when a query or path result is highlighted, its items too
 * (a result is shown even where filters hide it). Returns the visible sets themselves when nothing is added.
 */
export function shownSets(vis: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }, highlight: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null): [ReadonlySet<string>, ReadonlySet<string>] {
  if (highlight === null) return [vis.nodes, vis.edges];
  const nodes = new Set(vis.nodes);
  for (const k of highlight.nodes) nodes.add(k);
  const edges = new Set(vis.edges);
  for (const e of highlight.edges) edges.add(e);
  return [nodes, edges];
}

/** Derives and keeps the drawn graph of a dataset. */
export class RenderGraph {
  private current: DrawnGraph;
  private dirty: Set<string> | "all" | null = null;
  private readonly listeners: ((g: DrawnGraph) => void)[] = [];
  private readonly positionListeners: (() => void)[] = [];
  private readonly onBulk = () => this.markDirty("all");
  private readonly onNode = (e: { key: string; name?: string; type: string }) => {
    // A single-attribute set names it; a merge or replace may touch position or size.
    if (e.type === "set" && e.name !== "x" && e.name !== "y" && e.name !== "size") return;
    this.markDirty(e.key);
  };
  private disposed = false;

  /** Starts empty; call {@link show} with the visible sets. */
  constructor(private readonly data: KnowledgeGraph) {
    this.current = new MultiDirectedGraph<DrawnNode, DrawnEdge>();
    data.on("eachNodeAttributesUpdated", this.onBulk);
    data.on("nodeAttributesUpdated", this.onNode);
  }

  /** The graph to draw now (a new object after each {@link show} that changed the shown set). */
  get graph(): DrawnGraph {
    return this.current;
  }

  /** Calls `fn` with the new graph whenever {@link show} replaces it. */
  onReplace(fn: (g: DrawnGraph) => void): () => void {
    this.listeners.push(fn);
    return () => void this.listeners.splice(this.listeners.indexOf(fn) >>> 0, 1);
  }

  /** Calls `fn` after positions or sizes were copied from the dataset (before sigma's scheduled refresh runs). */
  onPositions(fn: () => void): () => void {
    this.positionListeners.push(fn);
    return () => void this.positionListeners.splice(this.positionListeners.indexOf(fn) >>> 0, 1);
  }

  /**
   * Makes the drawn graph hold exactly the dataset's `nodes` (unknown keys are skipped) and those of `edges` whose
   * two ends are held, in dataset order. Returns true when the shown set changed: the graph was then replaced and
   * the {@link onReplace} listeners told; when nothing changed, the graph is kept as it is.
   */
  show(nodes: ReadonlySet<string>, edges: ReadonlySet<string>): boolean {
    this.flush();
    if (this.holdsExactly(nodes, edges)) return false;
    const g = new MultiDirectedGraph<DrawnNode, DrawnEdge>();
    const data = this.data;
    data.forEachNode((k, a) => {
      if (!nodes.has(k)) return;
      g.addNode(k, { x: a.x!, y: a.y!, size: a.size ?? 4, color: NODE_COLORS[a.type] ?? "#999", label: a.label, labelEn: a.labelEn, kind: a.type });
    });
    data.forEachEdge((e, a, s, t) => {
      if (!edges.has(e) || !g.hasNode(s) || !g.hasNode(t)) return;
      g.addEdgeWithKey(e, s, t, { relation: a.type, color: RELATION_COLORS[a.type] ?? "#bbb", size: edgeThickness(a.weight) });
    });
    this.current = g;
    for (const fn of [...this.listeners]) fn(g);
    return true;
  }

  private holdsExactly(nodes: ReadonlySet<string>, edges: ReadonlySet<string>): boolean {
    const g = this.current;
    let n = 0;
    for (const k of nodes) {
      if (!this.data.hasNode(k)) continue;
      if (!g.hasNode(k)) return false;
      n++;
    }
    if (n !== g.order) return false;
    let m = 0;
    for (const e of edges) {
      if (!this.data.hasEdge(e)) continue;
      const [s, t] = this.data.extremities(e);
      if (!nodes.has(s) || !nodes.has(t)) continue;
      if (!g.hasEdge(e)) return false;
      m++;
    }
    return m === g.size;
  }

  private markDirty(key: string | "all"): void {
    if (this.disposed) return;
    const first = this.dirty === null;
    if (key === "all") this.dirty = "all";
    else if (this.dirty === null) this.dirty = new Set([key]);
    else if (this.dirty !== "all") this.dirty.add(key);
    if (first) queueMicrotask(() => this.flush());
  }

  /**
   * Copies pending position and size changes from the dataset: one bulk update (sigma then refreshes once), or
   * per-node merges when only a few nodes moved. Runs by itself in a microtask; safe to call any time.
   */
  flush(): void {
    const dirty = this.dirty;
    this.dirty = null;
    if (dirty === null || this.disposed) return;
    const g = this.current;
    const data = this.data;
    const copy = (k: string, a: DrawnNode) => {
      const d = data.getNodeAttributes(k);
      a.x = d.x!;
      a.y = d.y!;
      a.size = d.size ?? 4;
      return a;
    };
    if (dirty !== "all" && dirty.size <= 32) {
      for (const k of dirty) if (g.hasNode(k) && data.hasNode(k)) g.updateNodeAttributes(k, (a) => copy(k, a));
    } else {
      g.updateEachNodeAttributes(copy, { attributes: ["x", "y", "size"] });
    }
    for (const fn of [...this.positionListeners]) fn();
  }

  /** Extent of every dataset node's position (shown or not), so the view does not jump when filters change. */
  extent(): Extent {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    this.data.forEachNode((_k, a) => {
      const x = a.x!, y = a.y!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    });
    if (x0 > x1) return { x: [0, 1], y: [0, 1] };
    return { x: [x0, x1], y: [y0, y1] };
  }

  /** Stops following the dataset. */
  dispose(): void {
    this.disposed = true;
    this.data.off("eachNodeAttributesUpdated", this.onBulk);
    this.data.off("nodeAttributesUpdated", this.onNode);
    this.listeners.length = 0;
    this.positionListeners.length = 0;
  }
}

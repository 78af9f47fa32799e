/**
 * The sigma renderer and its lifecycle. Only one renderer lives at a time: {@link createRenderer} kills the
 * previous one first, and {@link Renderer.kill} is safe to call twice. View state (hover, selection, filters,
 * query highlight, label language) is applied through `nodeReducer` / `edgeReducer` returning copies; the graph
 * itself only carries data and positions. A lost WebGL context is recovered by rebuilding the renderer.
 */
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import type { NodeDisplayData, EdgeDisplayData } from "sigma/types";
import { NODE_COLORS, RELATION_COLORS, SYMMETRIC_RELATIONS } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { Visibility } from "./filters.ts";
import { drawNodeHover, drawNodeLabel, labelCollider } from "./labels.ts";
import type { ViewState } from "./state.ts";

/** Font stack of labels: the bundled Noto Sans Arabic first, so Arabic never falls back to empty boxes. */
export const LABEL_FONT = '"Noto Sans Arabic", "Noto Sans", sans-serif';
const DIM_NODE = "#e4e4e4";
const DIM_EDGE = "#f0f0f0";
/** Visible nodes + edges above which hovering emphasises the neighbourhood instead of dimming the rest. */
export const HOVER_DIM_LIMIT = 12_000;
/** Edges (all, shown or not: sigma keeps every edge in its buffers) above which the large-graph drawing is used. */
export const LARGE_EDGES = 20_000;
/** Graphs up to this many nodes keep labels off other nodes' discs (every disc is checked on every frame). */
const DISC_CHECK_NODES = 2000;
/** Most highlighted (query result) labels forced on. */
const HIGHLIGHT_LABELS = 12;
/** Most neighbour labels forced on while hovering. */
const HOVER_LABELS = 60;

export interface RendererHooks {
  clickNode(key: string): void;
  clickEdge(key: string): void;
  clickStage(): void;
  /** Called after the first frame is drawn. */
  firstRender?(): void;
}

export interface Renderer {
  readonly sigma: Sigma;
  /** Re-applies the reducers (after a view-state change). */
  refresh(): void;
  kill(): void;
  readonly killed: boolean;
}

let live: Renderer | null = null;

/**
 * Animates the camera so that `keys` (nodes with display data) fill the stage, with a margin. Sigma's camera works
 * in "framed graph" coordinates where the whole graph's extent maps to the unit square and ratio 1 shows it all,
 * so the ratio needed is the larger side of the nodes' box in those units (times a margin, never below `minRatio`).
 */
export function fitToNodes(sigma: Sigma, keys: Iterable<string>, opts: { duration?: number; margin?: number; minRatio?: number } = {}): boolean {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, n = 0;
  for (const k of keys) {
    const d = sigma.getNodeDisplayData(k);
    if (!d) continue;
    n++;
    x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
  }
  if (n === 0) return false;
  const { width, height } = sigma.getDimensions();
  // At ratio 1 the framed unit square fits the stage's shorter side; the longer side shows `aspect` times more.
  const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height));
  const w = (x1 - x0) / (width >= height ? aspect : 1);
  const h = (y1 - y0) / (height > width ? aspect : 1);
  const ratio = Math.max(opts.minRatio ?? 0.08, Math.max(w, h) * (opts.margin ?? 1.35));
  void sigma.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: Math.min(ratio, 1.2) }, { duration: opts.duration ?? 400 });
  return true;
}

/** The renderer alive now, if any. */
export function liveRenderer(): Renderer | null {
  return live && !live.killed ? live : null;
}

/**
 * Creates the renderer in `container` for `graph` (nodes must carry finite `x`, `y` and `size`), killing any
 * previous one. `state()` and `visibility()` are read by the reducers on every refresh.
 */
export function createRenderer(
  container: HTMLElement,
  graph: KnowledgeGraph,
  state: () => ViewState,
  visibility: () => Visibility,
  hooks: RendererHooks,
): Renderer {
  live?.kill();
  let killed = false;
  let first = true;
  // Sigma uploads every program's whole buffer on each frame (twice with picking). On a large graph, edges are
  // drawn as 1-px lines without arrowheads (EdgeLineProgram: one small buffer) and are not pickable.
  const large = graph.size > LARGE_EDGES;
  const sigma = new Sigma(graph, container, {
    defaultNodeType: "circle",
    defaultEdgeType: large ? "line" : "arrow",
    // Replacing both default programs also spares compiling the unused ones.
    edgeProgramClasses: large ? { arrow: EdgeLineProgram, line: EdgeLineProgram } : {},
    renderEdgeLabels: false,
    enableEdgeEvents: !large,
    zIndex: true,
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: "500",
    labelDensity: 0.6,
    labelGridCellSize: 90,
    // Small graphs: every node may carry a label (the collider keeps them apart); large ones: only big nodes.
    labelRenderedSizeThreshold: graph.order <= 300 ? 0 : 7,
    defaultDrawNodeLabel: drawNodeLabel,
    defaultDrawNodeHover: drawNodeHover,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    hideEdgesOnMove: large,
    nodeReducer: (node, data) => {
      const s = state();
      const vis = visibility();
      const a = data as unknown as Record<string, unknown>;
      const res: Partial<NodeDisplayData> & Record<string, unknown> = { ...data };
      res.type = "circle";
      res.color = NODE_COLORS[a.type as keyof typeof NODE_COLORS] ?? "#999";
      res.label = s.labelLang === "en" ? ((a.labelEn as string | undefined) ?? (a.label as string)) : (a.label as string);
      // A query or path result is shown even where filters hide it.
      if (!vis.nodes.has(node) && !s.highlight?.nodes.has(node)) {
        res.hidden = true;
        return res;
      }
      if (s.highlight) {
        if (s.highlight.nodes.has(node)) {
          // A path's few labels are all shown; a larger result's labels go through the collider like any others.
          if (s.highlight.nodes.size <= HIGHLIGHT_LABELS) res.forceLabel = true;
          res.zIndex = 2;
        } else {
          res.color = DIM_NODE;
          res.label = null;
          res.zIndex = 0;
        }
      }
      if (s.hoveredNode !== null) {
        const inside = node === s.hoveredNode || s.hoverNeighbours.has(node);
        if (!inside && s.hoverMode === "dim") {
          res.color = DIM_NODE;
          res.label = null;
          res.zIndex = 0;
        } else if (inside) {
          // Labels of a hub's many neighbours would cover the stage: force at most HOVER_LABELS of them.
          if (node === s.hoveredNode || s.hoverNeighbours.size <= HOVER_LABELS) res.forceLabel = true;
          if (s.hoverMode === "dim") res.zIndex = 1;
        }
      }
      if (node === s.selectedNode) {
        res.highlighted = true;
        res.forceLabel = true;
        res.zIndex = 3;
      }
      return res;
    },
    edgeReducer: (edge, data) => {
      const s = state();
      const vis = visibility();
      const type = (data as unknown as { type: keyof typeof RELATION_COLORS }).type;
      const res: Partial<EdgeDisplayData> & Record<string, unknown> = { ...data };
      res.type = large ? "line" : SYMMETRIC_RELATIONS.has(type) ? "line" : "arrow";
      res.color = RELATION_COLORS[type] ?? "#bbb";
      res.size = 1 + Math.min(3, Math.log2(Number((data as { weight?: number }).weight ?? 1) || 1));
      if (!vis.edges.has(edge) && !s.highlight?.edges.has(edge)) {
        res.hidden = true;
        return res;
      }
      if (s.highlight) {
        if (s.highlight.edges.has(edge)) {
          res.size = (res.size as number) + 2.5;
          res.zIndex = 2;
        } else {
          res.color = DIM_EDGE;
          res.zIndex = 0;
        }
      }
      if (s.hoveredNode !== null) {
        if (!s.hoverEdges.has(edge)) {
          if (s.hoverMode === "dim") res.hidden = true;
        } else if (s.hoverMode === "light") {
          res.size = (res.size as number) + 1.5;
        }
      }
      if (edge === s.selectedEdge) {
        res.size = (res.size as number) + 2;
        res.zIndex = 3;
      }
      return res;
    },
  });

  const onLost = (ev: Event) => {
    ev.preventDefault();
    if (killed) return;
    // Rebuild on a fresh canvas: a new renderer gets new WebGL contexts.
    queueMicrotask(() => {
      if (killed) return;
      createRenderer(container, graph, state, visibility, hooks);
      window.dispatchEvent(new CustomEvent("shabaka:renderer-recovered"));
    });
  };
  // Sigma follows window resizes only; the stage also changes size when the console or the panel opens.
  const resizer = new ResizeObserver(() => {
    if (!killed) sigma.scheduleRefresh();
  });
  resizer.observe(container);
  const canvases = Object.values(sigma.getCanvases());
  for (const c of canvases) c.addEventListener("webglcontextlost", onLost);

  sigma.on("clickNode", ({ node }) => hooks.clickNode(node));
  sigma.on("clickEdge", ({ edge }) => hooks.clickEdge(edge));
  sigma.on("clickStage", () => hooks.clickStage());
  // Hover: the neighbourhood sets are built once per hover. On a small graph everything else is dimmed (full
  // refresh); on a large one only the neighbourhood changes, so only its nodes and edges are refreshed.
  const setHover = (node: string | null) => {
    const s = state();
    const prevDim = s.hoveredNode !== null && s.hoverMode === "dim";
    const prevNodes = s.hoveredNode !== null && !prevDim ? [s.hoveredNode, ...s.hoverNeighbours] : [];
    const prevEdges = s.hoveredNode !== null && !prevDim ? [...s.hoverEdges] : [];
    const nb = new Set<string>();
    const inc = new Set<string>();
    if (node !== null) {
      const vis = visibility();
      graph.forEachEdge(node, (e, _a, src, tgt) => {
        if (!vis.edges.has(e)) return;
        inc.add(e);
        nb.add(src === node ? tgt : src);
      });
      s.hoverMode = visibleItems() > HOVER_DIM_LIMIT ? "light" : "dim";
    }
    s.hoveredNode = node;
    s.hoverNeighbours = nb;
    s.hoverEdges = inc;
    if (prevDim || (node !== null && s.hoverMode === "dim")) {
      sigma.refresh({ skipIndexation: true, schedule: true });
      return;
    }
    const nodes = new Set(prevNodes);
    if (node !== null) nodes.add(node);
    for (const n of nb) nodes.add(n);
    sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...new Set([...prevEdges, ...inc])] }, skipIndexation: true, schedule: true });
  };
  let visibleCount = -1;
  let visibleOf: Visibility | null = null;
  const visibleItems = () => {
    const v = visibility();
    if (v !== visibleOf) {
      visibleOf = v;
      visibleCount = v.nodes.size + v.edges.size;
    }
    return visibleCount;
  };
  sigma.on("enterNode", ({ node }) => setHover(node));
  sigma.on("leaveNode", () => setHover(null));
  sigma.on("beforeRender", () => {
    labelCollider.reset();
    if (graph.order > DISC_CHECK_NODES) return;
    // Node discs are taken space: labels at rest go where no other node is drawn.
    const { width, height } = sigma.getDimensions();
    graph.forEachNode((k) => {
      const d = sigma.getNodeDisplayData(k);
      // Dimmed nodes (outside a query result or a hovered neighbourhood) do not keep labels away.
      if (!d || d.hidden || d.color === DIM_NODE) return;
      const v = sigma.framedGraphToViewport(d);
      // The disc's inner half: a label may graze a node's rim (its halo keeps it readable) but not cover it.
      const r = sigma.scaleSize(d.size) * 0.5;
      if (v.x + r < 0 || v.y + r < 0 || v.x - r > width || v.y - r > height) return;
      labelCollider.occupy(v.x - r, v.y - r, v.x + r, v.y + r);
    });
  });
  sigma.on("afterRender", () => {
    if (!first) return;
    first = false;
    hooks.firstRender?.();
  });

  const r: Renderer = {
    sigma,
    refresh: () => {
      if (!killed) sigma.refresh();
    },
    kill: () => {
      if (killed) return;
      killed = true;
      resizer.disconnect();
      for (const c of canvases) c.removeEventListener("webglcontextlost", onLost);
      sigma.kill();
      if (live === r) live = null;
    },
    get killed() {
      return killed;
    },
  };
  live = r;
  return r;
}

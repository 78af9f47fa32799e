/**
 * The sigma renderer and its lifecycle. Only one renderer lives at a time: {@link createRenderer} kills the
 * previous one first, and {@link Renderer.kill} is safe to call twice. Sigma draws the render graph
 * (web/src/render-graph.ts: only the shown nodes and edges); view state (selection, query highlight, hover on small
 * graphs, label language) is applied through `nodeReducer` / `edgeReducer`, hover on large graphs by the overlay
 * of web/src/hover.ts. The normalisation box is the whole dataset's extent, so filtering never moves the view.
 * A lost WebGL context is recovered by rebuilding the renderer; so is a render graph that crosses
 * {@link LARGE_EDGES} (the edge programs and edge picking are fixed when sigma is created).
 */
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { NodeDisplayData, EdgeDisplayData } from "sigma/types";
import { SYMMETRIC_RELATIONS } from "../../src/graph/schema.ts";
import { HoverOverlay, neighbourhood } from "./hover.ts";
import { drawNodeHover, drawNodeLabel, labelCollider } from "./labels.ts";
import { EdgeArrowPlainProgram, EdgeBandProgram, EdgeLineProgram, NodeDiscProgram } from "./programs.ts";
import type { DrawnEdge, DrawnGraph, DrawnNode, RenderGraph } from "./render-graph.ts";
import type { ViewState } from "./state.ts";

/** Font stack of labels: the bundled Noto Sans Arabic first, so Arabic never falls back to empty boxes. */
export const LABEL_FONT = '"Noto Sans Arabic", "Noto Sans", sans-serif';
const DIM_NODE = "#e4e4e4";
const DIM_EDGE = "#f0f0f0";
/** Drawn nodes + edges above which hovering is drawn by the overlay instead of dimming the rest (full refresh). */
export const HOVER_DIM_LIMIT = 12_000;
/** Drawn edges above which edges are 1-px lines without arrowheads and are not pickable (one small buffer). */
export const LARGE_EDGES = 20_000;
/** Graphs up to this many drawn nodes keep labels off other nodes' discs (every disc is checked on every frame). */
const DISC_CHECK_NODES = 2000;
/** Most highlighted (query result) labels forced on. */
const HIGHLIGHT_LABELS = 12;
/** Most neighbour labels forced on while hovering with dimming. */
const HOVER_LABELS = 60;

export interface RendererHooks {
  clickNode(key: string): void;
  clickEdge(key: string): void;
  clickStage(): void;
  /** Called after the first frame with the graph is drawn. */
  firstRender?(): void;
}

export interface Renderer {
  readonly sigma: Sigma;
  /** Whether this renderer uses the large-graph drawing (lines, no edge picking, no edges while moving). */
  readonly large: boolean;
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

type NodeOut = Partial<NodeDisplayData> & Partial<DrawnNode> & Record<string, unknown>;
type EdgeOut = Partial<EdgeDisplayData> & Partial<DrawnEdge> & Record<string, unknown>;

/** Node reducer: label language, query highlight, dimming hover, selection. Mutates sigma's copy of the attributes. */
function reduceNode(s: ViewState, node: string, res: NodeOut): NodeOut {
  res.label = s.labelLang === "en" ? (res.labelEn ?? res.label) : res.label;
  if (s.highlight) {
    if (s.highlight.nodes.has(node)) {
      // A path's few labels are all shown; a larger result's labels go through the collider like any others.
      if (s.highlight.nodes.size <= HIGHLIGHT_LABELS) res.forceLabel = true;
      res.zIndex = 2;
    } else {
      res.color = DIM_NODE;
      res.label = undefined;
      res.zIndex = 0;
    }
  }
  if (s.hoveredNode !== null && s.hoverMode === "dim") {
    const inside = node === s.hoveredNode || s.hoverNeighbours.has(node);
    if (!inside) {
      res.color = DIM_NODE;
      res.label = undefined;
      res.zIndex = 0;
    } else {
      // Labels of a hub's many neighbours would cover the stage: force at most HOVER_LABELS of them.
      if (node === s.hoveredNode || s.hoverNeighbours.size <= HOVER_LABELS) res.forceLabel = true;
      res.zIndex = 1;
    }
  }
  if (node === s.selectedNode) {
    res.highlighted = true;
    res.forceLabel = true;
    res.zIndex = 3;
  }
  return res;
}

/** Edge reducer: program (line or arrow), query highlight, dimming hover, selection. */
function reduceEdge(s: ViewState, edge: string, res: EdgeOut, large: boolean): EdgeOut {
  res.type = large || SYMMETRIC_RELATIONS.has(res.relation!) ? "line" : "arrow";
  if (s.highlight) {
    if (s.highlight.edges.has(edge)) {
      res.size = (res.size ?? 1) + 2.5;
      res.zIndex = 2;
    } else {
      res.color = DIM_EDGE;
      res.zIndex = 0;
    }
  }
  if (s.hoveredNode !== null && s.hoverMode === "dim" && !s.hoverEdges.has(edge)) res.hidden = true;
  if (edge === s.selectedEdge) {
    res.size = (res.size ?? 1) + 2;
    res.zIndex = 3;
  }
  return res;
}

/**
 * Creates the renderer in `container` for the render graph `rg` (nodes carry finite `x`, `y`, `size`), killing
 * any previous one. `state()` is read by the reducers on every refresh.
 */
export function createRenderer(container: HTMLElement, rg: RenderGraph, state: () => ViewState, hooks: RendererHooks): Renderer {
  live?.kill();
  let killed = false;
  const large = rg.graph.size > LARGE_EDGES;
  // Created on an empty graph so that the normalisation box is set before the first real drawing (setGraph below).
  const sigma = new Sigma(new MultiDirectedGraph(), container, {
    defaultNodeType: "circle",
    defaultEdgeType: large ? "line" : "arrow",
    // Plain (not instanced) programs: see web/src/programs.ts. Large graphs: 1-px lines, one small buffer.
    nodeProgramClasses: { circle: NodeDiscProgram },
    edgeProgramClasses: large ? { arrow: EdgeLineProgram, line: EdgeLineProgram } : { arrow: EdgeArrowPlainProgram, line: EdgeBandProgram },
    renderEdgeLabels: false,
    enableEdgeEvents: !large,
    zIndex: true,
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: "500",
    labelDensity: 0.6,
    labelGridCellSize: 90,
    // Small graphs: every node may carry a label (the collider keeps them apart); large ones: only big nodes.
    labelRenderedSizeThreshold: rg.graph.order <= 300 ? 0 : 7,
    defaultDrawNodeLabel: drawNodeLabel,
    defaultDrawNodeHover: drawNodeHover,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    hideEdgesOnMove: large,
    nodeReducer: (node, data) => reduceNode(state(), node, data as NodeOut) as never,
    edgeReducer: (edge, data) => reduceEdge(state(), edge, data as EdgeOut, large) as never,
  });
  const overlay = new HoverOverlay(sigma);

  const drawn = () => sigma.getGraph() as unknown as DrawnGraph;
  const drawnItems = () => drawn().order + drawn().size;
  /** Sets the hover state for `node` (null: none); returns true when the reducers must be re-applied. */
  const hoverState = (node: string | null): boolean => {
    const s = state();
    const wasDim = s.hoveredNode !== null && s.hoverMode === "dim";
    const g = drawn();
    if (node !== null && !g.hasNode(node)) node = null;
    const nb = node === null ? { neighbours: new Set<string>(), edges: new Set<string>() } : neighbourhood(g, node);
    s.hoveredNode = node;
    s.hoverNeighbours = nb.neighbours;
    s.hoverEdges = nb.edges;
    if (node !== null) s.hoverMode = drawnItems() > HOVER_DIM_LIMIT ? "light" : "dim";
    return wasDim || (node !== null && s.hoverMode === "dim");
  };
  const setHover = (node: string | null) => {
    if (hoverState(node)) sigma.refresh({ skipIndexation: true, schedule: true });
    overlay.draw(state());
  };

  const onLost = (ev: Event) => {
    ev.preventDefault();
    if (killed) return;
    // Rebuild on a fresh canvas: a new renderer gets new WebGL contexts.
    queueMicrotask(() => {
      if (killed) return;
      createRenderer(container, rg, state, hooks);
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
  sigma.on("enterNode", ({ node }) => setHover(node));
  sigma.on("leaveNode", () => setHover(null));
  sigma.on("beforeRender", () => {
    labelCollider.reset();
    const g = sigma.getGraph();
    if (g.order > DISC_CHECK_NODES) return;
    // Node discs are taken space: labels at rest go where no other node is drawn.
    const { width, height } = sigma.getDimensions();
    g.forEachNode((k) => {
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
  // The overlay follows the camera and every redraw.
  sigma.on("afterRender", () => overlay.draw(state()));

  const offPositions = rg.onPositions(() => {
    if (!killed) sigma.setCustomBBox(rg.extent());
  });
  const offReplace = rg.onReplace((g: DrawnGraph) => {
    if (killed) return;
    if ((g.size > LARGE_EDGES) !== large) {
      // Other programs and picking layers are needed: a new renderer, at the same camera.
      const camera = sigma.getCamera().getState();
      const next = createRenderer(container, rg, state, hooks);
      next.sigma.getCamera().setState(camera);
      window.dispatchEvent(new CustomEvent("shabaka:renderer-rebuilt"));
      return;
    }
    sigma.setCustomBBox(rg.extent());
    const s = state();
    hoverState(s.hoveredNode);
    // setGraph redraws at once (one full refresh).
    sigma.setGraph(g as never);
  });

  sigma.setCustomBBox(rg.extent());
  sigma.setGraph(rg.graph as never);
  hooks.firstRender?.();

  const r: Renderer = {
    sigma,
    large,
    refresh: () => {
      if (!killed) sigma.refresh();
    },
    kill: () => {
      if (killed) return;
      killed = true;
      offPositions();
      offReplace();
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

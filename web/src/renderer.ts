/**
 * The sigma renderer and its lifecycle. Only one renderer lives at a time: {@link createRenderer} kills the
 * previous one first, and {@link Renderer.kill} is safe to call twice. View state (hover, selection, filters,
 * query highlight, label language) is applied through `nodeReducer` / `edgeReducer` returning copies; the graph
 * itself only carries data and positions. A lost WebGL context is recovered by rebuilding the renderer.
 */
import Sigma from "sigma";
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
  const sigma = new Sigma(graph, container, {
    defaultNodeType: "circle",
    defaultEdgeType: "arrow",
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    zIndex: true,
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: "500",
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    defaultDrawNodeLabel: drawNodeLabel,
    defaultDrawNodeHover: drawNodeHover,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    hideEdgesOnMove: graph.size > 20_000,
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
          res.forceLabel = true;
          res.zIndex = 2;
        } else {
          res.color = DIM_NODE;
          res.label = "";
          res.zIndex = 0;
        }
      }
      if (s.hoveredNode !== null && node !== s.hoveredNode && !s.hoverNeighbours.has(node)) {
        res.color = DIM_NODE;
        res.label = "";
        res.zIndex = 0;
      } else if (s.hoveredNode !== null) {
        res.forceLabel = true;
        res.zIndex = 1;
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
      res.type = SYMMETRIC_RELATIONS.has(type) ? "line" : "arrow";
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
      if (s.hoveredNode !== null && !graph.hasExtremity(edge, s.hoveredNode)) res.hidden = true;
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
  const canvases = Object.values(sigma.getCanvases());
  for (const c of canvases) c.addEventListener("webglcontextlost", onLost);

  sigma.on("clickNode", ({ node }) => hooks.clickNode(node));
  sigma.on("clickEdge", ({ edge }) => hooks.clickEdge(edge));
  sigma.on("clickStage", () => hooks.clickStage());
  sigma.on("enterNode", ({ node }) => {
    const s = state();
    s.hoveredNode = node;
    const vis = visibility();
    const nb = new Set<string>();
    graph.forEachEdge(node, (e, _a, src, tgt) => {
      if (vis.edges.has(e)) nb.add(src === node ? tgt : src);
    });
    s.hoverNeighbours = nb;
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("leaveNode", () => {
    const s = state();
    s.hoveredNode = null;
    s.hoverNeighbours = new Set();
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("beforeRender", () => labelCollider.reset());
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

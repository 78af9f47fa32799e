/**
 * Hovering a node. The neighbourhood (neighbours and incident edges of the drawn graph) is built once per hover.
 * On a small graph the renderer dims everything else through its reducers (a full refresh). On a large one a full
 * refresh redraws every edge — on software WebGL about 7 µs per drawn edge, ≈ 150–200 ms for 20,000 lines — so
 * the neighbourhood is drawn instead on two 2D canvases of its own above sigma's node and label layers: the incident
 * edges in their relation colour, 2 px wide, and the neighbours with a ring and (the largest
 * {@link HOVER_LABELS}) their labels. Sigma's own hover layer draws the hovered node's label box, so hovering
 * never redraws the WebGL layers.
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { DrawnGraph } from "./render-graph.ts";
import { paintLabel } from "./labels.ts";
import type { ViewState } from "./state.ts";

/** Most neighbour labels shown while hovering (the largest neighbours first). */
export const HOVER_LABELS = 60;

/** Neighbours of `node` and the edges joining them to it, over the drawn graph (direction ignored). */
export function neighbourhood(graph: DrawnGraph, node: string): { neighbours: Set<string>; edges: Set<string> } {
  const neighbours = new Set<string>();
  const edges = new Set<string>();
  if (!graph.hasNode(node)) return { neighbours, edges };
  graph.forEachEdge(node, (e, _a, s, t) => {
    edges.add(e);
    neighbours.add(s === node ? t : s);
  });
  neighbours.delete(node);
  return { neighbours, edges };
}

/** The neighbours whose labels are shown: all when at most `limit`, else the `limit` largest (ties by key). */
export function labelledNeighbours(graph: DrawnGraph, neighbours: Iterable<string>, limit = HOVER_LABELS): string[] {
  const list = [...neighbours].filter((k) => graph.hasNode(k));
  if (list.length <= limit) return list;
  const size = (k: string) => graph.getNodeAttribute(k, "size");
  return list.sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1)).slice(0, limit);
}

/** The two overlay canvases of a renderer and their drawing. */
export class HoverOverlay {
  private readonly edges: CanvasRenderingContext2D;
  private readonly marks: CanvasRenderingContext2D;
  private drawn = false;

  /**
   * Adds the layers `hoverEdges` (above sigma's nodes: in a dense drawing, discs would hide the edges) and
   * `hoverMarks` (above its labels) to `sigma`.
   */
  constructor(private readonly sigma: Sigma) {
    // sigma 3 places a layer with `afterLayer` (its typings list only `style`).
    sigma.createCanvasContext("hoverEdges", { afterLayer: "nodes" } as never);
    sigma.createCanvasContext("hoverMarks", { afterLayer: "labels" } as never);
    const contexts = (sigma as unknown as { canvasContexts: Record<string, CanvasRenderingContext2D> }).canvasContexts;
    this.edges = contexts.hoverEdges;
    this.marks = contexts.hoverMarks;
    // New layers get their size (and pixel-ratio scale) from a forced resize.
    sigma.resize(true);
  }

  /** Draws the hovered neighbourhood when the state asks for the overlay (`hoverMode` "light"), else clears. */
  draw(s: ViewState): void {
    const { width, height } = this.sigma.getDimensions();
    if (this.drawn) {
      this.edges.clearRect(0, 0, width, height);
      this.marks.clearRect(0, 0, width, height);
      this.drawn = false;
    }
    if (s.hoveredNode === null || s.hoverMode !== "light") return;
    const sigma = this.sigma;
    const graph = sigma.getGraph() as unknown as DrawnGraph;
    const centre = sigma.getNodeDisplayData(s.hoveredNode);
    if (!centre || centre.hidden) return;
    this.drawn = true;
    const view = (k: string) => {
      const d = sigma.getNodeDisplayData(k);
      return d && !d.hidden ? { ...sigma.framedGraphToViewport(d), d } : null;
    };
    // Incident edges, one path per colour.
    const byColour = new Map<string, [number, number, number, number][]>();
    for (const e of s.hoverEdges) {
      if (!graph.hasEdge(e)) continue;
      const ed = sigma.getEdgeDisplayData(e);
      if (!ed || ed.hidden) continue;
      const a = view(graph.source(e));
      const b = view(graph.target(e));
      if (!a || !b) continue;
      const list = byColour.get(ed.color) ?? [];
      list.push([a.x, a.y, b.x, b.y]);
      byColour.set(ed.color, list);
    }
    const ctx = this.edges;
    ctx.lineWidth = 2;
    ctx.lineCap = "round";
    for (const [colour, lines] of byColour) {
      ctx.strokeStyle = colour;
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of lines) {
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
      }
      ctx.stroke();
    }
    // Neighbours: a ring on every one, a label on the largest.
    const m = this.marks;
    m.lineWidth = 1.5;
    m.strokeStyle = "#333";
    m.beginPath();
    for (const k of s.hoverNeighbours) {
      const p = view(k);
      if (!p || p.x < -20 || p.y < -20 || p.x > width + 20 || p.y > height + 20) continue;
      const r = sigma.scaleSize(p.d.size) + 1;
      m.moveTo(p.x + r, p.y);
      m.arc(p.x, p.y, r, 0, Math.PI * 2);
    }
    m.stroke();
    const settings = sigma.getSettings() as unknown as Settings;
    for (const k of labelledNeighbours(graph, s.hoverNeighbours)) {
      const p = view(k);
      if (!p || !p.d.label) continue;
      paintLabel(m, { x: p.x, y: p.y, size: sigma.scaleSize(p.d.size), label: p.d.label, color: p.d.color }, settings);
    }
  }
}

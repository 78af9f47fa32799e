/**
 * Toolbar controls of the view: the layout (ForceAtlas2 start/stop, force/map switch) and node size by metric.
 */
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { button, el } from "./dom.ts";
import { t } from "./i18n.ts";
import { ForceLayout, moveTo, snapshotPositions } from "./layout.ts";
import { mapPositions } from "./map-layout.ts";
import { liveRenderer } from "./renderer.ts";
import { syncUrl, type ViewState } from "./state.ts";

/**
 * Node sizes (px) from a metric: `degree` counts typed edges (co-occurrence does not count), `mentions` the
 * node's mentions. Range [4, 18], square-root scale of value / max, so areas grow about linearly with the value.
 */
export function sizeNodes(graph: KnowledgeGraph, metric: "degree" | "mentions" = "degree"): void {
  let max = 1;
  const val = new Map<string, number>();
  graph.forEachNode((k, a) => {
    let d = 0;
    if (metric === "mentions") d = Number.isFinite(a.mentions) ? a.mentions : 0;
    else {
      graph.forEachEdge(k, (_e, ea) => {
        if (ea.type !== "MENTIONED_WITH") d++;
      });
    }
    val.set(k, d);
    if (d > max) max = d;
  });
  graph.updateEachNodeAttributes((k, a) => ({ ...a, size: 4 + 14 * Math.sqrt(val.get(k)! / max) }), { attributes: ["size"] });
}

/** The layout controls and the layout they drive. */
export interface LayoutControls {
  layout: ForceLayout;
  runBtn: HTMLButtonElement;
  layoutSelect: HTMLSelectElement;
  /** Switches to the force layout (back to its last positions) or the map layout (animated). */
  applyLayoutMode(mode: "force" | "map"): Promise<void>;
}

/**
 * Creates ForceAtlas2 for `graph` (noverlap margins in pixels of `container`), its run/stop button and the
 * force/map select. `onRunning` is told whenever the layout starts or stops.
 */
export function createLayoutControls(graph: KnowledgeGraph, state: ViewState, container: HTMLElement, onRunning: (running: boolean) => void): LayoutControls {
  const pixelScale = () => {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    graph.forEachNode((_k, a) => {
      minX = Math.min(minX, a.x!); maxX = Math.max(maxX, a.x!); minY = Math.min(minY, a.y!); maxY = Math.max(maxY, a.y!);
    });
    const span = Math.max(maxX - minX, maxY - minY, 1e-9);
    return span / Math.max(100, Math.min(container.clientWidth, container.clientHeight));
  };
  const layout = new ForceLayout(graph, undefined, pixelScale);
  let forcePositions: Record<string, { x: number; y: number }> | null = null;
  const runBtn = button(t("runLayout"), () => (layout.running ? layout.stop() : layout.start()), { "data-action": "layout" });
  layout.onChange = (running) => {
    runBtn.textContent = t(running ? "stopLayout" : "runLayout");
    runBtn.setAttribute("aria-pressed", String(running));
    onRunning(running);
  };
  const layoutSelect = el("select", { "aria-label": t("layout"), "data-i18n-aria": "layout", "data-action": "layout-mode" },
    el("option", { value: "force", "data-i18n": "forceLayout" }, t("forceLayout")),
    el("option", { value: "map", "data-i18n": "mapLayout" }, t("mapLayout")));
  const applyLayoutMode = async (mode: "force" | "map") => {
    state.layout = mode;
    if (mode === "map") {
      const pos = mapPositions(graph);
      if (!pos) {
        state.layout = "force";
        layoutSelect.value = "force";
        return;
      }
      layout.stop();
      forcePositions = snapshotPositions(graph);
      runBtn.disabled = true;
      await moveTo(graph, pos, 500);
    } else {
      runBtn.disabled = false;
      if (forcePositions) await moveTo(graph, forcePositions, 500);
      forcePositions = null;
    }
    syncUrl(state);
    liveRenderer()?.sigma.getCamera().animatedReset({ duration: 300 });
  };
  layoutSelect.addEventListener("change", () => void applyLayoutMode(layoutSelect.value === "map" ? "map" : "force"));

  return { layout, runBtn, layoutSelect, applyLayoutMode };
}

/** The "size by" select: typed degree or mentions; the choice is applied at once and kept in the URL. */
export function createSizeSelect(graph: KnowledgeGraph, state: ViewState): HTMLSelectElement {
  const sizeSelect = el("select", { "aria-label": t("sizeBy"), "data-i18n-aria": "sizeBy", "data-action": "size-by" },
    el("option", { value: "degree", "data-i18n": "sizeDegree" }, t("sizeDegree")),
    el("option", { value: "mentions", "data-i18n": "sizeMentions" }, t("sizeMentions")));
  sizeSelect.value = state.sizeBy;
  sizeSelect.addEventListener("change", () => {
    state.sizeBy = sizeSelect.value === "mentions" ? "mentions" : "degree";
    sizeNodes(graph, state.sizeBy);
    syncUrl(state);
  });
  return sizeSelect;
}

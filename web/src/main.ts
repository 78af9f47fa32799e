/**
 * The explorer's entry point: loads the graph from `/api/graph`, prepares sizes and start positions, creates the
 * renderer, wires the sidebar (legend and filters), search, details panel, timeline, layouts, downloads and the
 * query console (loaded on first open), and keeps the URL in step with the filters.
 *
 * Test hook: `window.__shabaka` exposes `{graph, state, sigma, visibility(), layout, ready, firstRenderMs, …}`.
 */
import "@fontsource/noto-sans-arabic/arabic-400.css";
import "@fontsource/noto-sans-arabic/arabic-600.css";
import "@fontsource/noto-sans-arabic/latin-400.css";
import "@fontsource/noto-sans-arabic/latin-600.css";
import "./styles.css";
import { MultiDirectedGraph } from "graphology";
import { RELATION_TYPES, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { fetchGraph } from "./api.ts";
import { createLayoutControls, createSizeSelect, sizeNodes } from "./controls.ts";
import { createDownloads } from "./downloads.ts";
import { button, el } from "./dom.ts";
import { computeVisibility, type Visibility } from "./filters.ts";
import { applyStrings, initLang, lang, onLangChange, setLang, t } from "./i18n.ts";
import { seedPositions } from "./layout.ts";
import { createLegend } from "./legend.ts";
import { hidePanel, nodeNames, showEdge, showNode, type PanelActions } from "./panel.ts";
import { RenderGraph, shownSets } from "./render-graph.ts";
import { LABEL_FONT, createRenderer, fitToNodes, liveRenderer } from "./renderer.ts";
import { createSearchBox } from "./search.ts";
import { stateFromSearch, syncUrl, type ViewState } from "./state.ts";
import { createTimeline } from "./timeline.ts";

declare global {
  interface Window {
    __shabaka?: Record<string, unknown>;
  }
}

const $ = (id: string) => document.getElementById(id)!;

async function loadFonts(): Promise<void> {
  if (!document.fonts?.load) return;
  const load = Promise.all([document.fonts.load(`500 13px ${LABEL_FONT}`, "عربي"), document.fonts.load(`500 13px ${LABEL_FONT}`, "Abc")]);
  await Promise.race([load, new Promise((r) => setTimeout(r, 3000))]).catch(() => undefined);
}

async function boot(): Promise<void> {
  const t0 = performance.now();
  initLang();
  const status = $("status");
  status.textContent = t("loading");
  const state: ViewState = stateFromSearch(location.search);
  const hook: Record<string, unknown> = { ready: false, state };
  window.__shabaka = hook;

  // Milestones in ms since navigation start (performance.now()), read by bench/web.bench.ts.
  const timings: Record<string, number> = { boot: t0 };
  hook.timings = timings;
  const [data] = await Promise.all([fetchGraph(), loadFonts()]);
  timings.fetched = performance.now();
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(data);
  sizeNodes(graph, state.sizeBy);
  seedPositions(graph, 1);
  timings.prepared = performance.now();
  hook.graph = graph;

  let vis: Visibility = computeVisibility(graph, state);
  // What sigma draws: only the shown nodes and edges, derived from the dataset (web/src/render-graph.ts).
  const rg = new RenderGraph(graph);
  const showVisible = () => rg.show(...shownSets(vis, state.highlight));
  showVisible();
  timings.shown = performance.now();
  const container = $("graph");
  const panel = $("panel");

  /** After a view-state change: recompute visibility, update the sidebar, timeline, URL and (unless told not to) redraw. */
  const changed = (redraw = true) => {
    vis = computeVisibility(graph, state);
    // A changed shown set replaces the render graph, which redraws everything once.
    const replaced = showVisible();
    legend.update(vis);
    timeline.update();
    if (redraw && !replaced) liveRenderer()?.refresh();
    syncUrl(state);
    status.textContent = `${t("nodesLabel")}: ${vis.nodes.size}/${graph.order} · ${t("edgesLabel")}: ${vis.edges.size}/${graph.size}`;
    banner();
  };

  const center = (key: string) => {
    const r = liveRenderer();
    if (!r) return;
    const d = r.sigma.getNodeDisplayData(key);
    if (!d) return;
    const cam = r.sigma.getCamera();
    void cam.animate({ x: d.x, y: d.y, ratio: Math.min(cam.ratio, 0.5) }, { duration: 400 });
  };

  /** Frames `keys` (all nodes when null) once sigma has their display data. */
  const fitView = (keys: Set<string> | null) => {
    requestAnimationFrame(() => {
      const r = liveRenderer();
      if (!r) return;
      if (keys === null || keys.size === 0) void r.sigma.getCamera().animatedReset({ duration: 300 });
      else fitToNodes(r.sigma, keys, { duration: 400 });
    });
  };

  const actions: PanelActions = {
    selectNode: (key) => selectNode(key, true),
    selectEdge: (key) => {
      state.selectedEdge = key;
      state.selectedNode = null;
      showEdge(panel, graph, key, actions);
      changed();
    },
    focus: (key, hops) => {
      state.focus = { node: key, hops };
      changed();
      showNode(panel, graph, key, actions);
      fitView(vis.nodes);
    },
    unfocus: () => {
      state.focus = null;
      changed();
      fitView(null);
      if (state.selectedNode) showNode(panel, graph, state.selectedNode, actions);
    },
    close: () => {
      state.selectedNode = null;
      state.selectedEdge = null;
      hidePanel(panel);
      changed();
    },
    isFocused: (key) => state.focus?.node === key,
    labelLang: () => state.labelLang,
  };
  /** Redraws the open panel (after a change of interface or label language). */
  const refreshPanel = () => {
    if (state.selectedNode && graph.hasNode(state.selectedNode)) showNode(panel, graph, state.selectedNode, actions);
    else if (state.selectedEdge && graph.hasEdge(state.selectedEdge)) showEdge(panel, graph, state.selectedEdge, actions);
  };

  function selectNode(key: string, centre: boolean): void {
    if (!graph.hasNode(key)) return;
    if (!vis.nodes.has(key)) {
      // Make the chosen node visible: show its type and drop a focus or date range that hides it.
      const a = graph.getNodeAttributes(key);
      state.filters.hiddenTypes.delete(a.type);
      if (a.eventType) state.filters.hiddenEventTypes.delete(a.eventType);
      if (state.focus && state.focus.node !== key) state.focus = null;
      vis = computeVisibility(graph, state);
      if (!vis.nodes.has(key)) {
        state.filters.dateFrom = null;
        state.filters.dateTo = null;
      }
    }
    state.selectedNode = key;
    state.selectedEdge = null;
    showNode(panel, graph, key, actions);
    changed();
    if (centre) center(key);
  }

  const makeRenderer = () =>
    createRenderer(container, rg, () => state, {
      clickNode: (k) => selectNode(k, false),
      clickEdge: (k) => actions.selectEdge(k),
      clickStage: () => {
        if (state.selectedNode || state.selectedEdge) actions.close();
      },
      firstRender: () => {
        if (hook.firstRenderMs === undefined) {
          timings.firstRender = performance.now();
          hook.firstRenderMs = timings.firstRender - t0;
          // The frame after the one that drew it: the drawing has reached the screen.
          requestAnimationFrame(() => requestAnimationFrame(() => (timings.firstFrame = performance.now())));
        }
      },
    });
  makeRenderer();
  window.addEventListener("shabaka:renderer-recovered", () => {
    hook.recoveries = Number(hook.recoveries ?? 0) + 1;
  });

  // Sidebar, search, timeline.
  const legend = createLegend($("sidebar"), graph, state, changed);
  createSearchBox($("search"), graph, (key) => selectNode(key, true));
  const timeline = createTimeline($("timeline"), graph, state, changed, (key) => {
    selectNode(key, true);
    actions.focus(key, 1);
  });

  // Banner shown while a query highlight or a focus is active, with the way back.
  const bannerEl = $("banner");
  function banner(): void {
    const parts: HTMLElement[] = [];
    if (state.highlight) parts.push(el("span", {}, t("highlighted")), button(t("clearHighlight"), () => clearHighlight(), { "data-action": "clear-highlight" }));
    if (state.focus) parts.push(el("span", { dir: "auto" }, `${t(state.focus.hops === 1 ? "focus1" : "focus2")} · ${graph.hasNode(state.focus.node) ? nodeNames(graph.getNodeAttributes(state.focus.node), state.labelLang).name : ""}`), button(t("unfocus"), () => actions.unfocus(), { "data-action": "unfocus" }));
    bannerEl.replaceChildren(...parts);
    bannerEl.hidden = parts.length === 0;
  }
  const clearHighlight = () => {
    state.highlight = null;
    changed();
  };

  // Layout: ForceAtlas2 start/stop and the force/map switch.
  const { layout, runBtn, layoutSelect, applyLayoutMode } = createLayoutControls(graph, state, container, (running) => {
    hook.layoutRunning = running;
  });
  hook.layout = layout;
  const toolbar = $("toolbar");

  // Label language: a two-button group, the pressed one is in use.
  const labelButtons = (["ar", "en"] as const).map((l) => button(l === "ar" ? "عربي" : "English", () => {
    if (state.labelLang === l) return;
    state.labelLang = l;
    labelText();
    refreshPanel();
    changed();
  }, { "data-action": "labels", "data-value": l, lang: l, class: "seg" }));
  const labelGroup = el("div", { class: "segmented", role: "group", "aria-label": t("labels"), "data-i18n-aria": "labels" },
    el("span", { class: "seg-title", "data-i18n": "labels" }, t("labels")), ...labelButtons);
  const labelText = () => {
    for (const b of labelButtons) b.setAttribute("aria-pressed", String(b.dataset.value === state.labelLang));
  };
  const langBtn = button(t("interface"), () => setLang(lang() === "ar" ? "en" : "ar"), { "data-i18n": "interface", "data-action": "interface" });
  const consoleRoot = $("console");
  let consoleLoaded: Promise<unknown> | null = null;
  const consoleBtn = button(t("queryConsole"), () => {
    consoleRoot.hidden = !consoleRoot.hidden;
    consoleBtn.setAttribute("aria-expanded", String(!consoleRoot.hidden));
    if (!consoleRoot.hidden && !consoleLoaded) {
      consoleLoaded = import("./console.ts").then(({ createConsole }) => {
        hook.console = createConsole(consoleRoot, graph, {
          highlight: (nodes, edges) => {
            state.highlight = { nodes, edges };
            changed();
            fitView(nodes);
          },
          pathRelations: () => RELATION_TYPES.filter((r) => !state.filters.hiddenRelations.has(r)),
          clearHighlight,
          selectNode: (k) => selectNode(k, true),
        });
      });
    }
  }, { "data-i18n": "queryConsole", "data-action": "console", "aria-expanded": "false", "aria-controls": "console" });
  const sizeSelect = createSizeSelect(graph, state);
  toolbar.append(runBtn, layoutSelect, sizeSelect, labelGroup);
  createDownloads(toolbar, () => liveRenderer()?.sigma ?? null, () => [...vis.nodes], (msg) => {
    status.textContent = msg;
  });
  toolbar.append(consoleBtn, langBtn);
  labelText();
  onLangChange(() => {
    labelText();
    runBtn.textContent = t(layout.running ? "stopLayout" : "runLayout");
    refreshPanel();
    changed();
  });
  applyStrings(document);

  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    if (state.highlight) clearHighlight();
    else if (!panel.hidden) actions.close();
  });

  Object.defineProperty(hook, "sigma", { get: () => liveRenderer()?.sigma ?? null, enumerable: true });
  Object.assign(hook, {
    visibility: () => vis,
    selectNode: (k: string) => selectNode(k, true),
    makeRenderer,
    renderGraph: () => rg.graph,
    changed,
  });

  if (state.selectedNode && graph.hasNode(state.selectedNode)) selectNode(state.selectedNode, false);
  // The renderer was just created from this state: no second full redraw.
  changed(false);
  if (state.layout === "map") {
    layoutSelect.value = "map";
    await applyLayoutMode("map");
  } else {
    // Start ForceAtlas2 once the first drawing is on screen, so the two do not compete for the CPU.
    requestAnimationFrame(() => requestAnimationFrame(() => layout.start()));
  }
  hook.ready = true;
  document.body.dataset.ready = "true";
}

boot().catch((err) => {
  console.warn(err);
  const status = document.getElementById("status");
  if (status) {
    status.textContent = `${t("loadError")}: ${String((err as Error)?.message ?? err)}`;
    status.classList.add("error");
  }
});

/**
 * Downloads: the whole graph (`GET /api/export?format=`) or the current view (`POST /api/export` with the visible
 * node keys and their drawn positions) as GEXF 1.3 / 1.2draft, GraphML, CSV, Neo4j or JSON, and the drawing as
 * a PNG composed from sigma's canvas layers.
 */
import type Sigma from "sigma";
import { EXPORT_FORMATS, exportSubgraph, exportUrl, type ExportFormat } from "./api.ts";
import { button, el } from "./dom.ts";
import { t } from "./i18n.ts";

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Renders the current frame and composes sigma's layers (edges, nodes, labels, hover) on a white background.
 * The WebGL layers are read in the same task as the render, so their drawing buffers are still valid.
 */
export function drawingToCanvas(sigma: Sigma): HTMLCanvasElement {
  sigma.refresh();
  const layers = sigma.getCanvases();
  const base = layers.nodes ?? Object.values(layers)[0];
  const out = el("canvas", { width: base.width, height: base.height });
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  // Stacking order of the layers (web/src/hover.ts adds hoverEdges and hoverMarks).
  for (const id of ["edges", "edgeLabels", "nodes", "hoverEdges", "labels", "hoverMarks", "hovers"]) {
    const c = layers[id];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return out;
}

/** Saves the drawing as `shabaka.png`. */
export function downloadPng(sigma: Sigma): Promise<void> {
  const canvas = drawingToCanvas(sigma);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error("PNG encoding failed"));
      save(blob, "shabaka.png");
      resolve();
    }, "image/png"));
}

/** The drawn positions of `nodes` (the current layout), for the view download; nodes without finite x/y are left out. */
function layoutPositions(sigma: Sigma | null, nodes: string[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const graph = sigma?.getGraph();
  if (!graph) return out;
  for (const key of nodes) {
    if (!graph.hasNode(key)) continue;
    const { x, y } = graph.getNodeAttributes(key) as { x?: unknown; y?: unknown };
    if (typeof x === "number" && Number.isFinite(x) && typeof y === "number" && Number.isFinite(y)) out[key] = [x, y];
  }
  return out;
}

/** Builds the download menu in `root`. */
export function createDownloads(root: HTMLElement, getSigma: () => Sigma | null, visibleNodes: () => string[], onError: (msg: string) => void): void {
  const menu = el("div", { class: "menu-body" });
  const whole = el("div", { class: "menu-group" }, el("span", { "data-i18n": "wholeGraph" }, t("wholeGraph")));
  const view = el("div", { class: "menu-group" }, el("span", { "data-i18n": "currentView" }, t("currentView")));
  for (const f of EXPORT_FORMATS) {
    whole.append(el("a", { href: exportUrl(f), download: "", class: "button small", "data-format": f, "data-scope": "all" }, f.toUpperCase()));
    view.append(button(f.toUpperCase(), async () => {
      try {
        const nodes = visibleNodes();
        const { blob, filename } = await exportSubgraph(f as ExportFormat, nodes, layoutPositions(getSigma(), nodes));
        save(blob, filename);
      } catch (err) {
        onError(String((err as Error).message ?? err));
      }
    }, { class: "small", "data-format": f, "data-scope": "view" }));
  }
  const png = button(t("png"), () => {
    const s = getSigma();
    if (s) void downloadPng(s).catch((e) => onError(String(e)));
  }, { "data-i18n": "png", "data-format": "png", class: "small" });
  menu.append(whole, view, el("div", { class: "menu-group" }, png));
  const details = el("details", { class: "menu downloads" }, el("summary", { "data-i18n": "downloads" }, t("downloads")), menu);
  // Escape, or a click outside, closes the open menu (as a menu button does); focus returns to its summary.
  details.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || !details.open) return;
    details.open = false;
    details.querySelector("summary")?.focus();
    ev.stopPropagation();
  });
  document.addEventListener("pointerdown", (ev) => {
    if (details.open && ev.target instanceof Node && !details.contains(ev.target)) details.open = false;
  });
  root.append(details);
}

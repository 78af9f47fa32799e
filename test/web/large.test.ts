/**
 * Browser tests of the explorer on a larger seeded synthetic graph (5,000 nodes, 25,000 edges, 60 % co-occurrence;
 * test/web/helpers/synthetic-graph.ts): sigma draws a render graph of the visible items only, toggling a relation
 * type adds and removes its edges (and crossing 20,000 drawn edges switches to the large-graph drawing), hovering
 * after filtering shows the neighbourhood over visible edges without redrawing the WebGL layers, and filtering
 * does not move the view. The figures of issue 7 (10,000 / 50,000) are measured by bench/web.bench.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { browserAvailable, openApp, screenshot, type BrowserSession, type Served, startFixture, stopFixture } from "./helpers/browser.ts";
import { syntheticGraph } from "./helpers/synthetic-graph.ts";

const run = browserAvailable();

type Drawn = { order: number; size: number; edges(): string[]; nodes(): string[]; hasNode(k: string): boolean; degree(k: string): number };
type Hook = {
  renderGraph(): Drawn;
  sigma: {
    getNodeDisplayData(k: string): { x: number; y: number; size: number; hidden?: boolean } | undefined;
    framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
    getSetting(k: string): unknown;
    on(ev: string, fn: () => void): void;
    nodePrograms: Record<string, { isInstanced?: boolean }>;
    edgePrograms: Record<string, { isInstanced?: boolean; programs?: { isInstanced: boolean }[] }>;
  };
  state: { hoveredNode: string | null; hoverNeighbours: Set<string>; hoverMode: string };
  visibility(): { nodes: Set<string>; edges: Set<string> };
};
declare const window: { __shabaka: Hook; __renders?: number };

/** Runs `fn` in the page with the app's test hook. */
async function hook<T>(page: Page, fn: (h: Hook) => T): Promise<T> {
  const h = await page.evaluateHandle(() => window.__shabaka);
  return page.evaluate(fn as never, h) as Promise<T>;
}

describe.skipIf(!run)("explorer on a 5,000-node synthetic graph in chromium", () => {
  let graph: KnowledgeGraph;
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    ({ graph, served, session } = await startFixture(syntheticGraph({ nodes: 5000, edges: 25_000, seed: 3 })));
  });
  afterAll(() => stopFixture({ served, session }));

  it("draws only the visible edges with plain WebGL programs; a relation toggle adds and removes its edges", async () => {
    const app = await openApp(session.browser, served.url);
    const typed = graph.filterEdges((_e, a) => a.type !== "MENTIONED_WITH");
    const counts = () => hook(app.page, (h) => {
      const g = h.renderGraph();
      return { order: g.order, size: g.size, vis: h.visibility().edges.size, edgeEvents: h.sigma.getSetting("enableEdgeEvents") as boolean, edges: g.edges() };
    });
    let c = await counts();
    expect(c.order).toBe(graph.order);
    expect(c.size).toBe(typed.length);
    expect(new Set(c.edges)).toEqual(new Set(typed));
    expect(c.edgeEvents).toBe(true);
    // Discs and arrows are drawn without instancing (software WebGL pays per instance).
    const instanced = await hook(app.page, (h) => [
      ...Object.values(h.sigma.nodePrograms).map((p) => p.isInstanced),
      ...Object.values(h.sigma.edgePrograms).flatMap((p) => (p.programs ?? [p]).map((q) => q.isInstanced)),
    ]);
    expect(instanced.length).toBeGreaterThan(1);
    expect(instanced.every((x) => x === false)).toBe(true);
    // Co-occurrence on: every edge is drawn, more than 20,000, so the large-graph drawing (lines, no edge picking).
    await app.page.locator('.legend-item[data-kind="rel"][data-type="MENTIONED_WITH"]').click();
    c = await counts();
    expect(c.size).toBe(graph.size);
    expect(c.edgeEvents).toBe(false);
    // Off again, and PARTICIPANT_IN off too.
    await app.page.locator('.legend-item[data-kind="rel"][data-type="MENTIONED_WITH"]').click();
    await app.page.locator('.legend-item[data-kind="rel"][data-type="PARTICIPANT_IN"]').click();
    c = await counts();
    const left = typed.filter((e) => graph.getEdgeAttribute(e, "type") !== "PARTICIPANT_IN");
    expect(c.size).toBe(left.length);
    expect(c.vis).toBe(left.length);
    expect(c.edgeEvents).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("hovering after filtering shows the neighbourhood over visible edges on the overlay, without a WebGL redraw", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator('.legend-item[data-kind="node"][data-type="ministry"]').click();
    // Still more than 12,000 drawn nodes + edges: the hover is drawn by the overlay.
    expect(await hook(app.page, (h) => h.renderGraph().order + h.renderGraph().size)).toBeGreaterThan(12_000);
    // The drawn node of highest drawn degree, inside the stage.
    const target = await hook(app.page, (h) => {
      const g = h.renderGraph();
      const box = document.getElementById("graph")!.getBoundingClientRect();
      let best: { k: string; x: number; y: number; deg: number } | null = null;
      for (const k of g.nodes()) {
        const d = h.sigma.getNodeDisplayData(k);
        if (!d || d.hidden) continue;
        const v = h.sigma.framedGraphToViewport(d);
        if (v.x < 30 || v.y < 30 || v.x > box.width - 30 || v.y > box.height - 30) continue;
        if (!best || g.degree(k) > best.deg) best = { k, x: box.left + v.x, y: box.top + v.y, deg: g.degree(k) };
      }
      window.__renders = 0;
      h.sigma.on("afterRender", () => (window.__renders = (window.__renders ?? 0) + 1));
      return best!;
    });
    await app.page.mouse.move(target.x, target.y);
    await app.page.waitForFunction(() => window.__shabaka.state.hoveredNode !== null);
    const seen = await hook(app.page, (h) => {
      const c = document.querySelector<HTMLCanvasElement>("canvas.sigma-hoverEdges")!;
      const px = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
      return { node: h.state.hoveredNode!, nb: [...h.state.hoverNeighbours], mode: h.state.hoverMode, painted, renders: window.__renders };
    });
    const expected = new Set<string>();
    graph.forEachEdge(seen.node, (_e, a, s, t) => {
      const other = s === seen.node ? t : s;
      if (a.type !== "MENTIONED_WITH" && graph.getNodeAttribute(other, "type") !== "ministry") expected.add(other);
    });
    expect(new Set(seen.nb)).toEqual(expected);
    expect(seen.mode).toBe("light");
    if (expected.size > 0) expect(seen.painted).toBeGreaterThan(20);
    expect(seen.renders).toBe(0);
    await screenshot(app.page, "explorer-large-hover");
    await app.page.mouse.move(5, 400);
    await app.page.waitForFunction(() => window.__shabaka.state.hoveredNode === null);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("filtering keeps the view where it was: a node stays at the same place on screen", async () => {
    const app = await openApp(session.browser, served.url);
    const key = graph.findNode((_k, a) => a.type === "force")!;
    const at = () => app.page.evaluate((k) => {
      const h = window.__shabaka;
      return h.sigma.framedGraphToViewport(h.sigma.getNodeDisplayData(k)!);
    }, key);
    const before = await at();
    await app.page.locator('.legend-item[data-kind="node"][data-type="place"]').click();
    await app.page.locator('.legend-item[data-kind="node"][data-type="event"]').click();
    const after = await at();
    expect(Math.abs(after.x - before.x)).toBeLessThan(0.5);
    expect(Math.abs(after.y - before.y)).toBeLessThan(0.5);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

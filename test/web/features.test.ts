/**
 * Browser tests of issue 7's features beyond the acceptance list: focus, timeline drag and click, map layout,
 * path highlight with its way back, downloads, one renderer at a time, WebGL context loss, hidden-tab layout.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { browserAvailable, openApp, screenshot, type BrowserSession, type Served, startFixture, stopFixture } from "./helpers/browser.ts";

const run = browserAvailable();

type Hook = {
  graph: { getNodeAttribute(k: string, a: string): unknown; forEachNode(fn: (k: string, a: Record<string, unknown>) => void): void };
  sigma: { getNodeDisplayData(k: string): { hidden?: boolean } | undefined; graphToViewport(p: { x: number; y: number }): { x: number; y: number } };
  state: { highlight: { nodes: Set<string>; edges: Set<string> } | null; focus: unknown; filters: { dateFrom: string | null; dateTo: string | null } };
  visibility(): { nodes: Set<string>; edges: Set<string> };
  makeRenderer(): { kill(): void; killed: boolean };
  layoutRunning?: boolean;
  recoveries?: number;
  selectNode(k: string): void;
};

function drawnKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (window as unknown as { __shabaka: Hook }).__shabaka;
    const out: string[] = [];
    h.graph.forEachNode((k) => {
      const d = h.sigma.getNodeDisplayData(k);
      if (d && !d.hidden) out.push(k);
    });
    return out;
  });
}

function viewport(page: Page, key: string): Promise<{ x: number; y: number }> {
  return page.evaluate((k) => {
    const h = (window as unknown as { __shabaka: Hook }).__shabaka;
    return h.sigma.graphToViewport({ x: Number(h.graph.getNodeAttribute(k, "x")), y: Number(h.graph.getNodeAttribute(k, "y")) });
  }, key);
}

describe.skipIf(!run)("explorer features in chromium", () => {
  let graph: KnowledgeGraph;
  let served: Served;
  let session: BrowserSession;
  const keyOf = (label: string, type?: string) => graph.findNode((_k, a) => a.label === label && (type === undefined || a.type === type))!;

  beforeAll(async () => {
    ({ graph, served, session } = await startFixture());
  });
  afterAll(() => stopFixture({ served, session }));

  it("focus shows only the 1-hop neighbourhood over visible edges, and 'show all' brings the rest back", async () => {
    const app = await openApp(session.browser, served.url);
    const tikrit = keyOf("تكريت", "place");
    await app.page.evaluate((k) => (window as unknown as { __shabaka: Hook }).__shabaka.selectNode(k), tikrit);
    await app.page.locator('#panel [data-action="focus1"]').click();
    const expected = new Set([tikrit]);
    graph.forEachEdge(tikrit, (_e, a, s, t) => {
      if (a.type !== "MENTIONED_WITH") expected.add(s === tikrit ? t : s);
    });
    expect(new Set(await drawnKeys(app.page))).toEqual(expected);
    expect(new URL(app.page.url()).searchParams.get("focus")).toBe(tikrit);
    await screenshot(app.page, "explorer-focus");
    await app.page.locator('#banner [data-action="unfocus"]').click();
    expect((await drawnKeys(app.page)).length).toBe(graph.order);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("dragging on the timeline selects a range; clicking an event focuses it", async () => {
    const app = await openApp(session.browser, served.url);
    const box = (await app.page.locator(".timeline-svg").boundingBox())!;
    const y = box.y + box.height / 2;
    await app.page.mouse.move(box.x + box.width * 0.7, y);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width * 0.85, y, { steps: 4 });
    await app.page.mouse.move(box.x + box.width - 2, y, { steps: 4 });
    await app.page.mouse.up();
    const range = await app.page.evaluate(() => {
      const f = (window as unknown as { __shabaka: Hook }).__shabaka.state.filters;
      return [f.dateFrom, f.dateTo];
    });
    expect(range[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(range[1]! >= range[0]!).toBe(true);
    const drawn = new Set(await drawnKeys(app.page));
    graph.forEachNode((k, a) => {
      if (a.type !== "event") return;
      const inside = a.date !== undefined && a.date.slice(0, 10) >= range[0]!.slice(0, a.date.length) && a.date.slice(0, 10) <= range[1]!.slice(0, a.date.length);
      expect(drawn.has(k), `${a.label} ${a.date}`).toBe(inside);
    });
    await app.page.locator("#timeline button", { hasText: /مسح|Clear/ }).click();
    const ev = app.page.locator(".tl-event").first();
    const evKey = (await ev.getAttribute("data-key"))!;
    await ev.click();
    await app.page.waitForSelector(`#panel[data-node="${evKey}"]`);
    expect(new URL(app.page.url()).searchParams.get("focus")).toBe(evKey);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("the map layout puts places at their coordinates (east is right, north is up) and back", async () => {
    const places = graph.filterNodes((_k, a) => a.type === "place" && Number.isFinite(a.lat) && Number.isFinite(a.lon));
    expect(places.length).toBeGreaterThan(3);
    const app = await openApp(session.browser, served.url);
    await app.page.selectOption('[data-action="layout-mode"]', "map");
    await app.page.waitForTimeout(900);
    expect(new URL(app.page.url()).searchParams.get("layout")).toBe("map");
    const lon = (k: string) => graph.getNodeAttribute(k, "lon")!;
    const lat = (k: string) => graph.getNodeAttribute(k, "lat")!;
    const west = places.reduce((a, b) => (lon(a) < lon(b) ? a : b));
    const east = places.reduce((a, b) => (lon(a) > lon(b) ? a : b));
    const south = places.reduce((a, b) => (lat(a) < lat(b) ? a : b));
    const north = places.reduce((a, b) => (lat(a) > lat(b) ? a : b));
    expect((await viewport(app.page, west)).x).toBeLessThan((await viewport(app.page, east)).x);
    expect((await viewport(app.page, north)).y).toBeLessThan((await viewport(app.page, south)).y);
    await screenshot(app.page, "explorer-map");
    await app.page.selectOption('[data-action="layout-mode"]', "force");
    await app.page.waitForTimeout(900);
    expect(new URL(app.page.url()).searchParams.get("layout")).toBeNull();
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("a path between two nodes is highlighted (others dimmed) and cleared by the banner button", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator('[data-action="console"]').click();
    await app.page.waitForSelector(".console .cm-editor");
    const ends = app.page.locator(".console .path-end input");
    await ends.nth(0).fill("تكريت");
    await ends.nth(0).press("Enter");
    await ends.nth(1).fill("بغداد");
    await ends.nth(1).press("Enter");
    await app.page.locator('[data-action="find-path"]').click();
    await app.page.waitForFunction(() => (window as unknown as { __shabaka: Hook }).__shabaka.state.highlight !== null);
    const hl = await app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: Hook }).__shabaka.state.highlight!;
      return { nodes: [...h.nodes], edges: [...h.edges] };
    });
    expect(hl.nodes).toContain(keyOf("تكريت", "place"));
    expect(hl.nodes).toContain(keyOf("بغداد", "place"));
    expect(hl.edges.length).toBeGreaterThanOrEqual(1);
    for (const e of hl.edges) expect(hl.nodes).toEqual(expect.arrayContaining([graph.source(e), graph.target(e)]));
    await screenshot(app.page, "explorer-path");
    await app.page.locator('#banner [data-action="clear-highlight"]').click();
    expect(await app.page.evaluate(() => (window as unknown as { __shabaka: Hook }).__shabaka.state.highlight)).toBeNull();
    // The stand-in server has no /api/query: the browser logs that 404, and the console falls back to its own search.
    const expected = served.real ? [] : ["console.error: Failed to load resource: the server responded with a status of 404 (Not Found)"];
    expect(app.errors).toEqual(expected);
    await app.close();
  });

  it("the PNG download is an image of the drawing", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator(".downloads > summary").click();
    const [dl] = await Promise.all([app.page.waitForEvent("download"), app.page.locator('[data-format="png"]').click()]);
    const buf = readFileSync((await dl.path())!);
    expect(buf.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(buf.readUInt32BE(16)).toBeGreaterThan(500);
    expect(buf.readUInt32BE(20)).toBeGreaterThan(300);
    expect(buf.length).toBeGreaterThan(15_000);
    // Escape closes the open menu (still open after the download).
    expect(await app.page.locator(".downloads").getAttribute("open")).toBe("");
    await app.page.keyboard.press("Escape");
    expect(await app.page.locator(".downloads").getAttribute("open")).toBeNull();
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("whole-graph and current-view downloads parse (when the server has /api/export)", async (ctx) => {
    const probe = await fetch(`${served.url}/api/export?format=json`);
    if (probe.status === 404) ctx.skip();
    const app = await openApp(session.browser, served.url);
    await app.page.locator(".downloads > summary").click();
    for (const format of ["gexf", "graphml", "json", "csv"]) {
      const [dl] = await Promise.all([app.page.waitForEvent("download"), app.page.locator(`[data-scope="all"][data-format="${format}"]`).click()]);
      const path = (await dl.path())!;
      if (format === "json") expect(JSON.parse(readFileSync(path, "utf8")).nodes.length).toBe(graph.order);
      else if (format === "csv") expect(readFileSync(path).length).toBeGreaterThan(100);
      else execFileSync("xmllint", ["--noout", path]);
    }
    await app.page.locator('.legend-item[data-type="place"]').click();
    // A click outside closes the menu; open it again for the current view.
    expect(await app.page.locator(".downloads").getAttribute("open")).toBeNull();
    await app.page.locator(".downloads > summary").click();
    const visible = (await drawnKeys(app.page)).length;
    const [dl] = await Promise.all([app.page.waitForEvent("download"), app.page.locator('[data-scope="view"][data-format="json"]').click()]);
    expect(JSON.parse(readFileSync((await dl.path())!, "utf8")).nodes.length).toBe(visible);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("keeps one renderer at a time, survives kill() twice, and recovers from a lost WebGL context", async () => {
    const app = await openApp(session.browser, served.url);
    const canvases = () => app.page.locator("#graph canvas").count();
    const before = await canvases();
    expect(before).toBeGreaterThan(0);
    const killedOld = await app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: Hook & { sigma: unknown } }).__shabaka;
      const first = h.makeRenderer();
      const second = h.makeRenderer();
      second.kill();
      second.kill();
      const third = h.makeRenderer();
      return first.killed && second.killed && !third.killed;
    });
    expect(killedOld).toBe(true);
    expect(await canvases()).toBe(before);
    await app.page.evaluate(() => {
      const c = [...document.querySelectorAll<HTMLCanvasElement>("#graph canvas")].find((x) => x.getContext("webgl2") ?? x.getContext("webgl"));
      const gl = (c!.getContext("webgl2") ?? c!.getContext("webgl"))!;
      gl.getExtension("WEBGL_lose_context")!.loseContext();
    });
    await app.page.waitForFunction(() => ((window as unknown as { __shabaka: Hook }).__shabaka.recoveries ?? 0) >= 1);
    expect(await canvases()).toBe(before);
    expect((await drawnKeys(app.page)).length).toBe(graph.order);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("never runs the layout on a hidden tab: it pauses when hidden and resumes when shown", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator('[data-action="layout"]').click();
    expect(await app.page.evaluate(() => (window as unknown as { __shabaka: Hook }).__shabaka.layoutRunning)).toBe(true);
    const setHidden = (hidden: boolean) => app.page.evaluate((h) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
    await setHidden(true);
    expect(await app.page.evaluate(() => (window as unknown as { __shabaka: Hook }).__shabaka.layoutRunning)).toBe(false);
    await setHidden(false);
    expect(await app.page.evaluate(() => (window as unknown as { __shabaka: Hook }).__shabaka.layoutRunning)).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe.skipIf(!run)("explorer reading aids in chromium", () => {
  let graph: KnowledgeGraph;
  let served: Served;
  let session: BrowserSession;
  const keyOf = (label: string, type?: string) => graph.findNode((_k, a) => a.label === label && (type === undefined || a.type === type))!;
  type Full = Omit<Hook, "sigma"> & { sigma: { getNodeDisplayData(k: string): { x: number; y: number; size: number; color: string; hidden?: boolean } | undefined; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number }; getDimensions(): { width: number; height: number } } };

  beforeAll(async () => {
    ({ graph, served, session } = await startFixture());
  });
  afterAll(() => stopFixture({ served, session }));

  it("an edge's panel shows the sentences supporting that relation, with both ends highlighted", async () => {
    const app = await openApp(session.browser, served.url);
    const edge = graph.findEdge((_e, a) => a.type !== "MENTIONED_WITH" && a.provenance.length > 0)!;
    const src = graph.source(edge);
    await app.page.evaluate((k) => (window as unknown as { __shabaka: Hook }).__shabaka.selectNode(k), src);
    await app.page.locator(`#panel .edge-link[data-edge="${edge.replace(/["\\]/g, "\\$&")}"]`).click();
    await app.page.waitForSelector('#panel[data-edge] .evidence-section[data-state="ready"]');
    expect(await app.page.locator("#panel").getAttribute("data-edge")).toBe(edge);
    const prov = graph.getEdgeAttribute(edge, "provenance");
    const docs = graph.getAttribute("documents");
    const expected = [...new Set(prov.map((p) => { const d = docs[p.doc]; const s = d.sentences[p.sentence]; return d.text.slice(s.start, s.end).trim(); }))];
    const shown = (await app.page.locator("#panel .evidence .sentence").allTextContents()).map((x) => x.trim());
    expect(new Set(shown)).toEqual(new Set(expected));
    expect(await app.page.locator("#panel .evidence mark").count()).toBeGreaterThan(0);
    expect(await app.page.locator("#panel .edge-ends .link").allTextContents()).toEqual([graph.getNodeAttribute(src, "label"), graph.getNodeAttribute(graph.target(edge), "label")]);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("hover dims everything outside the neighbourhood, built from visible edges only", async () => {
    const app = await openApp(session.browser, served.url);
    const hub = graph.nodes().reduce((a, b) => (graph.degree(a) >= graph.degree(b) ? a : b));
    const p = await app.page.evaluate((k) => {
      const h = (window as unknown as { __shabaka: Full }).__shabaka;
      const d = h.sigma.getNodeDisplayData(k)!;
      const v = h.sigma.framedGraphToViewport(d);
      const r = document.getElementById("graph")!.getBoundingClientRect();
      return { x: r.left + v.x, y: r.top + v.y };
    }, hub);
    await app.page.mouse.move(p.x, p.y);
    await app.page.waitForFunction((k) => (window as unknown as { __shabaka: { state: { hoveredNode: string | null } } }).__shabaka.state.hoveredNode === k, hub);
    const expected = new Set<string>();
    graph.forEachEdge(hub, (_e, a, s, t) => {
      if (a.type !== "MENTIONED_WITH") expected.add(s === hub ? t : s);
    });
    const seen = await app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: Full & { state: { hoverNeighbours: Set<string>; hoverMode: string } } }).__shabaka;
      const colors: Record<string, string> = {};
      h.graph.forEachNode((k) => (colors[k] = h.sigma.getNodeDisplayData(k)!.color));
      return { nb: [...h.state.hoverNeighbours], mode: h.state.hoverMode, colors };
    });
    expect(new Set(seen.nb)).toEqual(expected);
    expect(seen.mode).toBe("dim");
    const outside = graph.nodes().filter((k) => k !== hub && !expected.has(k));
    expect(outside.length).toBeGreaterThan(0);
    const dim = new Set(outside.map((k) => seen.colors[k]));
    expect(dim.size).toBe(1);
    for (const k of expected) expect(dim.has(seen.colors[k])).toBe(false);
    await screenshot(app.page, "explorer-hover");
    await app.page.mouse.move(5, 400);
    await app.page.waitForFunction(() => (window as unknown as { __shabaka: { state: { hoveredNode: string | null } } }).__shabaka.state.hoveredNode === null);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("a path follows the shown relation types, is listed as a chain, and is framed on screen", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator('[data-action="console"]').click();
    await app.page.waitForSelector(".console .cm-editor");
    const ends = app.page.locator(".console .path-end input");
    await ends.nth(0).fill("تكريت");
    await ends.nth(0).press("Enter");
    await ends.nth(1).fill("بغداد");
    await ends.nth(1).press("Enter");
    await app.page.locator('[data-action="find-path"]').click();
    await app.page.waitForFunction(() => (window as unknown as { __shabaka: Hook }).__shabaka.state.highlight !== null);
    const hl = await app.page.evaluate(() => [...(window as unknown as { __shabaka: Hook }).__shabaka.state.highlight!.edges]);
    expect(hl.length).toBeGreaterThan(0);
    // A typed path exists in the seed graph, so co-occurrence is not used.
    for (const e of hl) expect(graph.getEdgeAttribute(e, "type")).not.toBe("MENTIONED_WITH");
    const rels = await app.page.locator(".console .path-rel").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")));
    expect(rels.length).toBe(hl.length);
    // After the camera animation every path node is inside the stage.
    await app.page.waitForTimeout(600);
    const inside = await app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: Full }).__shabaka;
      const { width, height } = h.sigma.getDimensions();
      return [...h.state.highlight!.nodes].every((k) => {
        const v = h.sigma.framedGraphToViewport(h.sigma.getNodeDisplayData(k)!);
        return v.x >= 0 && v.y >= 0 && v.x <= width && v.y <= height;
      });
    });
    expect(inside).toBe(true);
    await screenshot(app.page, "explorer-path-console");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("the console completes node labels and relationship types of the graph", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator('[data-action="console"]').click();
    await app.page.waitForSelector(".console .cm-editor");
    const content = app.page.locator(".console .cm-content");
    await content.click();
    await app.page.keyboard.press("Control+a");
    await app.page.keyboard.type("MATCH (o:offi");
    // Accept only once the list has been filtered to what was typed (the first option is then selected).
    await app.page.waitForSelector('.cm-tooltip-autocomplete li[aria-selected="true"]:has-text("official")');
    const options = await app.page.locator(".cm-tooltip-autocomplete li").allTextContents();
    expect(options).toEqual(["official"]);
    // CodeMirror ignores Enter for `interactionDelay` (75 ms) after the list changes, against accidental accepts.
    await app.page.waitForTimeout(250);
    await app.page.keyboard.press("Enter");
    expect(await content.textContent()).toBe("MATCH (o:official");
    await app.page.keyboard.type(")-[r:HEA");
    await app.page.waitForSelector('.cm-tooltip-autocomplete li[aria-selected="true"]:has-text("HEADS")');
    expect(await app.page.locator(".cm-tooltip-autocomplete li").allTextContents()).toContain("HEADS");
    await screenshot(app.page, "explorer-console-completion");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("the map layout keeps places at their coordinates and other nodes off each other", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.selectOption('[data-action="layout-mode"]', "map");
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get("layout") === "map");
    await app.page.waitForTimeout(700);
    const nodes = await app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: Full }).__shabaka;
      const out: { k: string; x: number; y: number; r: number; place: boolean }[] = [];
      h.graph.forEachNode((k, a) => {
        const d = h.sigma.getNodeDisplayData(k)!;
        const v = h.sigma.framedGraphToViewport(d);
        out.push({ k, x: v.x, y: v.y, r: d.size, place: Number.isFinite(a.lat as number) });
      });
      return out;
    });
    // No disc covers another's centre, places included (two at nearly the same coordinates are nudged apart).
    const overlaps: string[] = [];
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        if (Math.hypot(a.x - b.x, a.y - b.y) < Math.max(a.r, b.r)) overlaps.push(`${a.k} ${b.k}`);
      }
    }
    expect(overlaps).toEqual([]);
    // Places keep the order of their coordinates along both axes (pairs more than 0.3° apart).
    const places = nodes.filter((n) => n.place);
    for (const a of places) {
      for (const b of places) {
        const [la, lb] = [graph.getNodeAttribute(a.k, "lon")!, graph.getNodeAttribute(b.k, "lon")!];
        if (la + 0.3 < lb) expect(a.x, `${a.k} west of ${b.k}`).toBeLessThan(b.x);
      }
    }
    // The stage is used: the places span at least a third of its width or height.
    const w = Math.max(...places.map((p) => p.x)) - Math.min(...places.map((p) => p.x));
    const h = Math.max(...places.map((p) => p.y)) - Math.min(...places.map((p) => p.y));
    expect(Math.max(w, h)).toBeGreaterThan(250);
    await screenshot(app.page, "explorer-map");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("node size follows the chosen metric (typed degree or mentions), and the URL keeps it", async () => {
    const app = await openApp(session.browser, served.url);
    const sizes = () => app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: { graph: { forEachNode(fn: (k: string, a: { size: number }) => void): void } } }).__shabaka;
      const out: Record<string, number> = {};
      h.graph.forEachNode((k, a) => (out[k] = a.size));
      return out;
    });
    const byDegree = await sizes();
    const typedDegree = (k: string) => graph.edges(k).filter((e) => graph.getEdgeAttribute(e, "type") !== "MENTIONED_WITH").length;
    const hub = graph.nodes().reduce((a, b) => (typedDegree(a) >= typedDegree(b) ? a : b));
    expect(byDegree[hub]).toBeCloseTo(18);
    await app.page.selectOption('[data-action="size-by"]', "mentions");
    const byMentions = await sizes();
    const most = graph.nodes().reduce((a, b) => (graph.getNodeAttribute(a, "mentions") >= graph.getNodeAttribute(b, "mentions") ? a : b));
    expect(byMentions[most]).toBeCloseTo(18);
    for (const k of graph.nodes()) {
      expect(byMentions[k]).toBeCloseTo(4 + 14 * Math.sqrt(graph.getNodeAttribute(k, "mentions") / graph.getNodeAttribute(most, "mentions")));
    }
    expect(await app.page.evaluate(() => new URL(location.href).searchParams.get("size"))).toBe("mentions");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("legend and toolbar work from the keyboard", async () => {
    const app = await openApp(session.browser, served.url);
    await app.page.locator('.legend-item[data-type="place"]').focus();
    const hidden = () => app.page.evaluate(() => new URL(location.href).searchParams.get("hide"));
    await app.page.keyboard.press("Space");
    expect(await hidden()).toBe("place");
    await app.page.keyboard.press("Enter");
    expect(await hidden()).toBeNull();
    await app.page.locator("input.search-input").first().focus();
    await app.page.keyboard.type("تكريت");
    await app.page.keyboard.press("Enter");
    await app.page.waitForSelector(`#panel[data-node="${keyOf("تكريت", "place")}"]`);
    await app.page.keyboard.press("Escape");
    await app.page.keyboard.press("Escape");
    expect(await app.page.locator("#panel").isHidden()).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

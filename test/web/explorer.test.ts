/**
 * Browser tests of the explorer (web/) on the seed graph, driving Debian's chromium through playwright-core.
 * Issue 2 item 7 and issue 7's acceptance: the graph is drawn (> 30 nodes) without page or console errors; search
 * أربيل finds the node; clicking تكريت shows its sentence with the mention highlighted; hiding `place` removes
 * place nodes; a date range hides events outside it; the label toggle changes labels; downloads parse.
 * Screenshots go to test-output/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { browserAvailable, openApp, screenshot, type BrowserSession, type Served, startFixture, stopFixture } from "./helpers/browser.ts";

const run = browserAvailable();

type Hook = {
  graph: { order: number; getNodeAttribute(k: string, a: string): unknown; forEachNode(fn: (k: string, a: Record<string, unknown>) => void): void };
  sigma: { getNodeDisplayData(k: string): { x: number; y: number; hidden?: boolean; label?: string } | undefined; graphToViewport(p: { x: number; y: number }): { x: number; y: number } };
  visibility(): { nodes: Set<string>; edges: Set<string> };
  state: Record<string, unknown>;
};

/** Keys of the nodes sigma draws now (display data present and not hidden), with their type. */
function drawn(page: Page): Promise<{ key: string; type: string; label: string }[]> {
  return page.evaluate(() => {
    const h = (window as unknown as { __shabaka: Hook }).__shabaka;
    const out: { key: string; type: string; label: string }[] = [];
    h.graph.forEachNode((k, a) => {
      const d = h.sigma.getNodeDisplayData(k);
      if (d && !d.hidden) out.push({ key: k, type: String(a.type), label: String(d.label ?? "") });
    });
    return out;
  });
}

/** Clicks node `key` on the canvas at its drawn position. */
async function clickNode(page: Page, key: string): Promise<void> {
  const p = await page.evaluate((k) => {
    const h = (window as unknown as { __shabaka: Hook }).__shabaka;
    const a = { x: Number(h.graph.getNodeAttribute(k, "x")), y: Number(h.graph.getNodeAttribute(k, "y")) };
    const v = h.sigma.graphToViewport(a);
    const r = document.getElementById("graph")!.getBoundingClientRect();
    return { x: r.left + v.x, y: r.top + v.y };
  }, key);
  await page.mouse.move(p.x, p.y);
  await page.mouse.click(p.x, p.y);
}

describe.skipIf(!run)("explorer in chromium", () => {
  let graph: KnowledgeGraph;
  let served: Served;
  let session: BrowserSession;
  const keyOf = (label: string, type?: string) => graph.findNode((_k, a) => a.label === label && (type === undefined || a.type === type));

  beforeAll(async () => {
    ({ graph, served, session } = await startFixture());
  });
  afterAll(() => stopFixture({ served, session }));

  it("draws more than 30 nodes with Arabic labels, a legend and a search box, and logs no errors", async () => {
    const app = await openApp(session.browser, served.url);
    const nodes = await drawn(app.page);
    expect(nodes.length).toBeGreaterThan(30);
    expect(await app.page.locator(".legend-item[data-kind=node]").count()).toBe(7);
    const placeCount = graph.filterNodes((_k, a) => a.type === "place").length;
    await expect(app.page.locator('.legend-item[data-type="place"] .legend-count').textContent()).resolves.toBe(String(placeCount));
    expect(await app.page.locator("input.search-input").first().isVisible()).toBe(true);
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    // The Arabic font is loaded (labels never fall back to boxes).
    expect(await app.page.evaluate(() => document.fonts.check('500 13px "Noto Sans Arabic"', "تكريت"))).toBe(true);
    // Positions are finite and distinct.
    const pos = await app.page.evaluate(() => {
      const h = (window as unknown as { __shabaka: Hook }).__shabaka;
      const out: [number, number][] = [];
      h.graph.forEachNode((_k, a) => out.push([Number(a.x), Number(a.y)]));
      return out;
    });
    expect(pos.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(new Set(pos.map(([x, y]) => `${x},${y}`)).size).toBe(pos.length);
    await screenshot(app.page, "explorer-ar");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("search اربيل suggests أربيل; choosing it selects and shows it", async () => {
    const app = await openApp(session.browser, served.url);
    const erbil = keyOf("أربيل");
    expect(erbil).toBeDefined();
    await app.page.locator("input.search-input").first().fill("اربيل");
    const first = app.page.locator(".suggestions li.suggestion").first();
    await expect(first.getAttribute("data-key")).resolves.toBe(erbil);
    await app.page.locator("input.search-input").first().press("Enter");
    await app.page.waitForSelector(`#panel[data-node="${erbil}"]`);
    expect(await app.page.locator("#panel h2").first().textContent()).toContain("أربيل");
    expect(await app.page.evaluate(() => (window as unknown as { __shabaka: Hook }).__shabaka.state.selectedNode)).toBe(erbil);
    expect(new URL(app.page.url()).searchParams.get("node")).toBe(erbil);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("clicking تكريت on the canvas shows its sentence with the mention highlighted", async () => {
    const app = await openApp(session.browser, served.url);
    const tikrit = keyOf("تكريت", "place")!;
    expect(tikrit).toBeDefined();
    await clickNode(app.page, tikrit);
    await app.page.waitForSelector(`#panel[data-node="${tikrit}"] .evidence-section[data-state="ready"]`);
    const marks = await app.page.locator("#panel .evidence mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.includes("تكريت"))).toBe(true);
    const sentence = await app.page.locator("#panel .evidence .sentence").first().textContent();
    expect(sentence).toContain("تكريت");
    // The sentence shown is the document's sentence that the provenance points at.
    const prov = graph.getNodeAttribute(tikrit, "provenance")[0];
    const doc = graph.getAttribute("documents")[prov.doc];
    const span = doc.sentences[prov.sentence];
    expect((await app.page.locator("#panel .evidence").first().locator(".sentence").textContent())?.trim()).toBe(doc.text.slice(span.start, span.end).trim());
    expect(await app.page.locator("#panel .doc-meta a").first().getAttribute("href")).toBe(doc.url);
    expect(await app.page.locator("#panel .neighbours details").count()).toBeGreaterThan(0);
    await screenshot(app.page, "explorer-node-panel");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("hiding `place` in the legend removes place nodes, and the URL carries the filter", async () => {
    const app = await openApp(session.browser, served.url);
    expect((await drawn(app.page)).some((n) => n.type === "place")).toBe(true);
    await app.page.locator('.legend-item[data-type="place"]').click();
    const after = await drawn(app.page);
    expect(after.some((n) => n.type === "place")).toBe(false);
    expect(after.length).toBeGreaterThan(0);
    expect(new URL(app.page.url()).searchParams.get("hide")).toBe("place");
    await screenshot(app.page, "explorer-places-hidden");
    // The URL restores the view.
    const again = await openApp(session.browser, app.page.url());
    expect((await drawn(again.page)).some((n) => n.type === "place")).toBe(false);
    await app.page.locator('.legend-item[data-type="place"]').click();
    expect((await drawn(app.page)).some((n) => n.type === "place")).toBe(true);
    expect(app.errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await again.close();
    await app.close();
  });

  it("a date range hides events outside it", async () => {
    const events = graph.filterNodes((_k, a) => a.type === "event").map((k) => ({ key: k, date: graph.getNodeAttribute(k, "date") as string | undefined }));
    const dated = events.filter((e) => e.date);
    expect(dated.length).toBeGreaterThan(1);
    const years = [...new Set(dated.map((e) => e.date!.slice(0, 4)))].sort();
    const y = years[years.length - 1];
    const app = await openApp(session.browser, served.url);
    await app.page.fill('input[name="from"]', `${y}-01-01`);
    await app.page.dispatchEvent('input[name="from"]', "change");
    await app.page.fill('input[name="to"]', `${y}-12-31`);
    await app.page.dispatchEvent('input[name="to"]', "change");
    const shown = new Set((await drawn(app.page)).filter((n) => n.type === "event").map((n) => n.key));
    for (const e of events) expect(shown.has(e.key), `${e.key} ${e.date}`).toBe(e.date !== undefined && e.date.startsWith(y));
    const url = new URL(app.page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to")]).toEqual([`${y}-01-01`, `${y}-12-31`]);
    await screenshot(app.page, "explorer-date-range");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("the panel names the node in the label language and keeps the other name below the title", async () => {
    const app = await openApp(session.browser, served.url);
    const key = graph.findNode((_k, a) => a.type === "place" && typeof a.labelEn === "string" && a.labelEn !== a.label && graph.degree(_k) > 0)!;
    const a = graph.getNodeAttributes(key);
    await app.page.evaluate((k) => (window as unknown as { __shabaka: { selectNode(k: string): void } }).__shabaka.selectNode(k), key);
    await app.page.waitForSelector(`#panel[data-node="${key}"]`);
    const title = () => app.page.locator("#panel h2").first().textContent();
    const alt = () => app.page.locator("#panel .panel-alt").first().textContent();
    expect([await title(), await alt()]).toEqual([a.label, a.labelEn]);
    await app.page.locator('[data-action="labels"][data-value="en"]').click();
    expect([await title(), await alt()]).toEqual([a.labelEn, a.label]);
    expect(await app.page.locator("#panel h2").first().getAttribute("lang")).toBe("en");
    // Neighbour links follow too.
    const nb = await app.page.locator("#panel .neighbours .link").first().getAttribute("data-key");
    const nba = graph.getNodeAttributes(nb!);
    expect(await app.page.locator("#panel .neighbours .link").first().textContent()).toBe(nba.labelEn ?? nba.label);
    await app.page.locator('[data-action="labels"][data-value="ar"]').click();
    expect(await title()).toBe(a.label);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("the label toggle switches drawn labels to English and the interface toggle to an LTR English UI", async () => {
    const app = await openApp(session.browser, served.url);
    const key = graph.findNode((_k, a) => typeof a.labelEn === "string" && a.labelEn !== a.label)!;
    const label = (k: string) => app.page.evaluate((kk) => (window as unknown as { __shabaka: Hook }).__shabaka.sigma.getNodeDisplayData(kk)?.label, k);
    expect(await label(key)).toBe(graph.getNodeAttribute(key, "label"));
    await app.page.locator('[data-action="labels"][data-value="en"]').click();
    expect(await label(key)).toBe(graph.getNodeAttribute(key, "labelEn"));
    expect(await app.page.locator('[data-action="labels"][data-value="en"]').getAttribute("aria-pressed")).toBe("true");
    expect(new URL(app.page.url()).searchParams.get("labels")).toBe("en");
    await app.page.locator('[data-action="interface"]').click();
    expect(await app.page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(["ltr", "en"]);
    expect(await app.page.locator('.legend-item[data-type="place"] .legend-name').textContent()).toBe("Place");
    await screenshot(app.page, "explorer-en");
    // Remembered across reloads.
    await app.page.reload();
    await app.page.waitForFunction(() => (window as unknown as { __shabaka?: { ready?: boolean } }).__shabaka?.ready === true);
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe("ltr");
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

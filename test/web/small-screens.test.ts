/**
 * The explorer as a new user meets it on a phone (375×740, an iPhone SE-class width) and in the query console:
 * the graph keeps the width of the screen, menus and the details panel stay on screen, a syntax error shows the
 * server's caret under the right column and puts the cursor there, and the console follows the interface language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { browserAvailable, openApp, screenshot, type BrowserSession, type Served, startFixture, stopFixture } from "./helpers/browser.ts";

const run = browserAvailable();
const PHONE = { width: 375, height: 740 };

type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };

function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  });
}

describe.skipIf(!run)("small screens and the console in chromium", () => {
  let graph: KnowledgeGraph;
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    ({ graph, served, session } = await startFixture());
  });
  afterAll(() => stopFixture({ served, session }));

  it("on a phone the graph spans the screen, nothing sticks out sideways, and the download menu stays on screen, and the details panel follows the graph without covering the node it shows", async () => {
    const app = await openApp(session.browser, served.url, { viewport: PHONE });
    const { page } = app;
    const g = await box(page, "#graph");
    expect(g.width).toBeGreaterThanOrEqual(PHONE.width * 0.9);
    expect(g.height).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.locator("details.downloads > summary").click();
    const menu = await box(page, "details.downloads .menu-body");
    expect(menu.left).toBeGreaterThanOrEqual(0);
    expect(menu.right).toBeLessThanOrEqual(PHONE.width);
    await page.locator("details.downloads > summary").click();

    const key = graph.findNode((_k, a) => a.type === "official")!;
    await page.evaluate((k) => (window as unknown as { __shabaka: { selectNode(k: string): void } }).__shabaka.selectNode(k), key);
    await page.waitForSelector("#panel:not([hidden])");
    await page.waitForTimeout(700); // the camera's 400 ms move to the node
    const panel = await box(page, "#panel");
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(PHONE.width);
    expect(panel.width).toBeGreaterThanOrEqual(PHONE.width * 0.9);
    expect(panel.top, "the panel's head shows on the first screen").toBeLessThan(PHONE.height - 30);
    // The node just selected and centred is on screen and not covered by the panel or anything else.
    const seen = await page.evaluate((k) => {
      const h = (window as unknown as { __shabaka: { sigma: { getNodeDisplayData(k: string): { x: number; y: number } | undefined; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number }; getContainer(): HTMLElement } } }).__shabaka;
      const d = h.sigma.getNodeDisplayData(k)!;
      const v = h.sigma.framedGraphToViewport({ x: d.x, y: d.y });
      const r = h.sigma.getContainer().getBoundingClientRect();
      const at = document.elementFromPoint(r.left + v.x, r.top + v.y);
      return { x: r.left + v.x, y: r.top + v.y, inGraph: at !== null && h.sigma.getContainer().contains(at) };
    }, key);
    expect(seen.y).toBeGreaterThan(0);
    expect(seen.y).toBeLessThan(PHONE.height);
    expect(seen.inGraph, JSON.stringify(seen)).toBe(true);
    expect((await box(page, "#graph")).width).toBeGreaterThanOrEqual(PHONE.width * 0.9);
    await screenshot(page, "explorer-phone-panel");
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it("a syntax error keeps the server's caret under the column it points at, once, and moves the cursor there", async () => {
    const app = await openApp(session.browser, served.url, { waitLayout: false });
    const { page } = app;
    await page.locator('[data-action="console"]').click();
    await page.waitForSelector(".console .cm-editor");
    const query = "MATCH (n RETURN n";
    await page.evaluate((q) => {
      const view = (window as unknown as { __shabaka: { console: { view: { state: { doc: { length: number } }; dispatch(t: unknown): void } } } }).__shabaka.console.view;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: q } });
    }, query);
    await page.locator('[data-action="run-query"]').click();
    const error = page.locator(".console .console-output .error");
    await error.waitFor();
    const text = await error.innerText();
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l === query);
    expect(at, text).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe(" ".repeat(9) + "^");
    expect(text.match(/line 1, column 10|1:10/g)).toHaveLength(1);
    const head = await page.evaluate(() => (window as unknown as { __shabaka: { console: { view: { state: { selection: { main: { head: number } } } } } } }).__shabaka.console.view.state.selection.main.head);
    expect(head).toBe(9);
    await app.close();
  });

  it("the console's history list follows the interface language", async () => {
    const app = await openApp(session.browser, served.url, { waitLayout: false });
    const { page } = app;
    await page.locator('[data-action="console"]').click();
    await page.waitForSelector(".console .cm-editor");
    const first = () => page.locator(".console select.history option").first().innerText();
    expect(await first()).toMatch(/^السجل/);
    await page.locator('[data-action="interface"]').click();
    expect(await first()).toMatch(/^History/);
    await app.close();
  });
});

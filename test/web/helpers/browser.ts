/**
 * Browser test support: Debian's chromium through playwright-core (headless, no sandbox, no GPU, no background
 * networking, fresh profile), the seed graph (real pipeline when present, else the fixture), and the server
 * (src/server/start.ts when importable, else the fallback server).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { chromium, type Browser, type ConsoleMessage, type Page } from "playwright-core";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { ROOT, ensureWebBuilt } from "./build-web.ts";
import { startFallbackServer } from "./fallback-server.ts";

export { ROOT };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OUTPUT = resolve(ROOT, "test-output");
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Whether browser tests can run; under CI=true a missing chromium is an error, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") throw new Error(`chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  console.warn(`Skipping browser tests: chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\`.`);
  return false;
}

/** The graph the tests explore and where it came from. */
export async function testGraph(): Promise<{ graph: KnowledgeGraph; source: "pipeline" | "fixture" }> {
  if (process.env.SHABAKA_WEB_FIXTURE !== "1") {
    try {
      const { seedGraph } = await import("../../helpers/seed.ts");
      const graph = await seedGraph();
      return { graph, source: "pipeline" };
    } catch (err) {
      console.warn(`browser tests: real pipeline unavailable (${(err as Error).message.split("\n")[0]}); using test/web/fixtures/seed-fixture.json`);
    }
  }
  const graph = new MultiDirectedGraph() as unknown as KnowledgeGraph;
  graph.import(JSON.parse(readFileSync(resolve(import.meta.dirname, "../fixtures/seed-fixture.json"), "utf8")));
  return { graph, source: "fixture" };
}

export interface Served {
  url: string;
  real: boolean;
  close(): Promise<void>;
}

/** Starts src/server on port 0 (or the fallback server) with `graph` and web/dist, building web/dist if stale. */
export async function serve(graph: KnowledgeGraph): Promise<Served> {
  ensureWebBuilt();
  const webRoot = resolve(ROOT, "web/dist");
  try {
    const { startServer } = await import("../../../src/server/start.ts");
    const s = await startServer({ graph, port: 0, webRoot, onInternalError: () => undefined });
    return { url: s.url, real: true, close: () => s.close() };
  } catch (err) {
    console.warn(`browser tests: src/server unavailable (${(err as Error).message.split("\n")[0]}); using the fallback server`);
    const s = await startFallbackServer(graph, webRoot);
    return { ...s, real: false };
  }
}

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches chromium. playwright's `launch` gives every browser a fresh temporary user-data-dir of its own (and
 * removes it on close); it refuses a `--user-data-dir` argument.
 */
export async function launch(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

/** A graph served on a free port and a browser: what every browser test file starts with. */
export interface BrowserFixture {
  graph: KnowledgeGraph;
  served: Served;
  session: BrowserSession;
}

/** Serves `graph` (default: the seed graph of {@link testGraph}) and launches chromium. */
export async function startFixture(graph?: KnowledgeGraph): Promise<BrowserFixture> {
  const g = graph ?? (await testGraph()).graph;
  const served = await serve(g);
  return { graph: g, served, session: await launch() };
}

/** Closes what {@link startFixture} opened; safe when it failed half-way (either part may be undefined). */
export async function stopFixture(f: Partial<BrowserFixture> | undefined): Promise<void> {
  await f?.session?.close();
  await f?.served?.close();
}

export interface AppPage {
  page: Page;
  /** Page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens `url` in a new context (1366×768 unless `viewport` is given), records errors, and waits until the app says it is ready. */
export async function openApp(browser: Browser, url: string, opts: { locale?: string; waitLayout?: boolean; viewport?: { width: number; height: number } } = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1366, height: 768 }, acceptDownloads: true, locale: opts.locale ?? "ar" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shabaka?: { ready?: boolean } }).__shabaka?.ready === true, null, { timeout: 30_000 });
  if (opts.waitLayout !== false) {
    await page.waitForFunction(() => (window as unknown as { __shabaka: { layoutRunning?: boolean } }).__shabaka.layoutRunning === false, null, { timeout: 30_000 });
  }
  return { page, errors, close: () => context.close() };
}

/** Saves a screenshot to test-output/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

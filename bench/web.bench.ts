/**
 * The explorer on a large graph (issue 7 acceptance): a seeded synthetic graph of 10,000 nodes and 50,000 edges
 * with the schema's attributes (test/web/helpers/synthetic-graph.ts) is served by src/server (port 0, web/dist)
 * and opened in headless Debian chromium (playwright-core, 1366×768). Printed:
 *  - time to first render: navigation start → sigma's first drawing of the graph, with the milestones fetch + parse,
 *    prepare (import, sizes, start positions), render graph (visibility + the drawn graph) and sigma (create + draw);
 *  - frame times (requestAnimationFrame deltas, ms; p50 / p95 / max) while idle with ForceAtlas2 running, while
 *    hovering nodes and while panning, with the layout running and at rest;
 *  - the same first render and pan with every relation type shown (`?rel=`, all 50,000 edges drawn).
 * Target: first render < 3 s. Run: `npx tsx bench/web.bench.ts` (options: `--nodes N --edges M --seed S`).
 * Software WebGL (no GPU): frame times are an upper bound of what a laptop with a GPU shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { startServer } from "../src/server/start.ts";
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from "../test/web/helpers/browser.ts";
import { ensureWebBuilt } from "../test/web/helpers/build-web.ts";
import { syntheticGraph } from "../test/web/helpers/synthetic-graph.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`web.bench: --${name} must be a positive integer, got ${process.argv[i + 1]}.`);
  return v;
}
const NODES = arg("nodes", 10_000);
const EDGES = arg("edges", 50_000);
const SEED = arg("seed", 7);
const TARGET_MS = 3000;

type Hook = {
  ready?: boolean;
  timings?: Record<string, number>;
  layoutRunning?: boolean;
  layout: { start(): void; stop(): void; running: boolean };
  graph: { forEachNode(fn: (k: string, a: Record<string, unknown>) => void): void };
  sigma: { getNodeDisplayData(k: string): { x: number; y: number; size: number; hidden?: boolean } | undefined; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number } };
};
declare const window: { __shabaka: Hook; __frames?: { deltas: number[]; stop: boolean } };

/**
 * CPU time (ms, user + system) used so far by this process's descendants that are alive — chromium's browser,
 * renderer and GPU processes — from /proc (Linux). On a shared machine this, not the wall time, says what the page
 * costs.
 */
function browserCpu(): Record<string, number> {
  const tick = 100; // USER_HZ on Linux
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), ((Number(f[11]) + Number(f[12])) * 1000) / tick);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: Record<string, number> = { total: 0 };
  for (const [pid, ms] of cpu) {
    if (pid === process.pid) continue;
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p !== process.pid) continue;
      let type = "browser";
      try {
        type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8"))?.[1] ?? "browser";
      } catch {
        // ended
      }
      out[type] = (out[type] ?? 0) + ms;
      out.total += ms;
      break;
    }
  }
  return out;
}

/** CPU ms per chromium process type between two {@link browserCpu} readings, as text. */
function cpuDelta(a: Record<string, number>, b: Record<string, number>): string {
  return Object.keys(b).map((k) => `${k} ${(b[k] - (a[k] ?? 0)).toFixed(0)}`).join(", ");
}

function stats(xs: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(f * s.length))]);
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s.length ? s[s.length - 1] : NaN };
}
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1).padStart(7) : "      -");

/** CPU ms per chromium process type used by each measured phase, by phase name. */
const phaseCpu = new Map<number[], string>();

/** Runs `action` while recording requestAnimationFrame deltas in the page; returns the deltas (ms). */
async function frames(page: Page, action: () => Promise<void>): Promise<number[]> {
  const c0 = browserCpu();
  const d = await framesOnly(page, action);
  phaseCpu.set(d, cpuDelta(c0, browserCpu()));
  return d;
}

async function framesOnly(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const rec = { deltas: [] as number[], stop: false };
    window.__frames = rec;
    let last = performance.now();
    const tick = (now: number) => {
      rec.deltas.push(now - last);
      last = now;
      if (!rec.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  await action();
  return page.evaluate(() => {
    window.__frames!.stop = true;
    return window.__frames!.deltas;
  });
}

/** Viewport positions (page coordinates) of the `n` largest drawn nodes inside the graph area. */
async function targets(page: Page, n: number): Promise<{ x: number; y: number }[]> {
  return page.evaluate((count) => {
    const h = window.__shabaka;
    const box = (document as unknown as { getElementById(id: string): { getBoundingClientRect(): DOMRect } }).getElementById("graph").getBoundingClientRect();
    const out: { x: number; y: number; s: number }[] = [];
    h.graph.forEachNode((k) => {
      const d = h.sigma.getNodeDisplayData(k);
      if (!d || d.hidden) return;
      const v = h.sigma.framedGraphToViewport(d);
      if (v.x < 20 || v.y < 20 || v.x > box.width - 20 || v.y > box.height - 20) return;
      out.push({ x: box.left + v.x, y: box.top + v.y, s: d.size });
    });
    out.sort((a, b) => b.s - a.s);
    return out.slice(0, count).map(({ x, y }) => ({ x, y }));
  }, n);
}

/** Moves the mouse onto and off the 30 largest drawn nodes (stops after `budgetMs`). */
async function hover(page: Page, budgetMs = 20_000): Promise<void> {
  const pts = await targets(page, 30);
  const end = performance.now() + budgetMs;
  for (const p of pts) {
    if (performance.now() > end) break;
    await page.mouse.move(p.x, p.y, { steps: 2 });
    await page.mouse.move(p.x + 60, p.y + 40, { steps: 2 });
  }
}

async function pan(page: Page): Promise<void> {
  const box = (await page.locator("#graph").boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  for (const [dx, dy] of [[250, 0], [-250, 120], [0, -150], [200, 200]]) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 30 });
    await page.mouse.up();
  }
}

async function open(page: Page, url: string): Promise<Record<string, number>> {
  await page.goto(url);
  await page.waitForFunction(() => window.__shabaka?.timings?.firstRender !== undefined, null, { timeout: 120_000, polling: 50 });
  await page.waitForFunction(() => window.__shabaka?.ready === true && window.__shabaka.timings?.firstFrame !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__shabaka.timings!);
}

const rows: [string, number[]][] = [];
const progress = process.argv.includes("--verbose");
const origPush = rows.push.bind(rows);
rows.push = (...items) => {
  if (progress) for (const [name, d] of items) console.error(name, JSON.stringify(stats(d)));
  return origPush(...items);
};
ensureWebBuilt();
let t = performance.now();
const graph = syntheticGraph({ nodes: NODES, edges: EDGES, seed: SEED });
const genMs = performance.now() - t;
const server = await startServer({ graph, port: 0, webRoot: resolve(ROOT, "web/dist"), onInternalError: (e) => console.error(e) });
const bytes = (await (await fetch(`${server.url}/api/graph?slim=1`)).arrayBuffer()).byteLength;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const results: string[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`; give evaluated functions a no-op one.
  await context.addInitScript("window.__name = (f) => f;");
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });

  const cpu0 = browserCpu();
  const tm = await open(page, server.url);
  const cpu1 = browserCpu();
  results.push(`default view (MENTIONED_WITH hidden): fetch+parse ${tm.fetched.toFixed(0)} ms · prepare ${(tm.prepared - tm.fetched).toFixed(0)} ms · render graph ${(tm.shown - tm.prepared).toFixed(0)} ms · sigma ${(tm.firstRender - tm.shown).toFixed(0)} ms · first render ${tm.firstRender.toFixed(0)} ms · first frame on screen ${(tm.firstFrame ?? NaN).toFixed(0)} ms after navigation start (target < ${TARGET_MS} ms: ${tm.firstRender < TARGET_MS ? "met" : "NOT met"}); chromium CPU ms to ready: ${cpuDelta(cpu0, cpu1)}`);
  console.error(results[0]);
  rows.push(["idle, ForceAtlas2 running", await frames(page, () => page.waitForTimeout(2000))]);
  await page.evaluate(() => window.__shabaka.layout.stop());
  await page.waitForFunction(() => window.__shabaka.layoutRunning === false);
  rows.push(["hover, at rest", await frames(page, () => hover(page))]);
  rows.push(["pan, at rest", await frames(page, () => pan(page))]);
  await page.mouse.wheel(0, -600);
  rows.push(["hover, zoomed in, at rest", await frames(page, () => hover(page))]);
  await page.evaluate(() => window.__shabaka.layout.start());
  rows.push(["hover, ForceAtlas2 running", await frames(page, () => hover(page, 10_000))]);
  await page.evaluate(() => window.__shabaka.layout.stop());
  await page.close();

  const all = await context.newPage();
  const tm2 = await open(all, `${server.url}/?rel=`);
  results.push(`every relation shown (?rel=): first render ${tm2.firstRender.toFixed(0)} ms after navigation start`);
  await all.evaluate(() => window.__shabaka.layout.stop());
  rows.push(["pan, all edges, at rest", await frames(all, () => pan(all))]);
  rows.push(["hover, all edges, at rest", await frames(all, () => hover(all))]);
  if (errors.length > 0) results.push(`page errors: ${errors.slice(0, 5).join(" | ")}`);
} finally {
  await browser.close();
  await server.close();
}

console.log(`load average at the end: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} (2 cores; wall times grow with the load, CPU times do not)`);
console.log(`explorer benchmark: ${NODES} nodes, ${EDGES} edges (seed ${SEED}); graph generated in ${genMs.toFixed(0)} ms; /api/graph?slim=1 ${(bytes / 2 ** 20).toFixed(1)} MiB`);
for (const r of results) console.log(r);
console.log("frame times (requestAnimationFrame deltas, ms):");
console.log(`${"phase".padEnd(30)} ${"frames".padStart(6)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"max".padStart(7)}`);
for (const [name, d] of rows) {
  const s = stats(d);
  console.log(`${name.padEnd(30)} ${String(s.n).padStart(6)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)}   CPU ms: ${phaseCpu.get(d) ?? "-"}`);
}



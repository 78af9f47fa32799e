/**
 * Layouts: seeded start positions, ForceAtlas2 in its web worker (settings from `forceAtlas2.inferSettings`)
 * followed by noverlap, and a "map" layout that puts places at their coordinates.
 *
 * ForceAtlas2: Jacomy et al., "ForceAtlas2, a Continuous Graph Layout Algorithm", PLoS ONE 9(6), 2014.
 * The layout never runs while the tab is hidden (Page Visibility API): it pauses and resumes on return.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import { animateNodes } from "sigma/utils";
import type { KnowledgeGraph } from "../../src/graph/types.ts";

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Gives every node without finite `x`/`y` a start position on a seeded sunflower spiral (node i at radius
 * √(i+½), golden angle step, small seeded jitter), so positions are distinct, finite and reproducible.
 */
export function seedPositions(graph: KnowledgeGraph, seed = 1): void {
  const rand = prng(seed);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let i = 0;
  graph.forEachNode((key, a) => {
    const r = Math.sqrt(i + 0.5);
    const th = i * golden + (rand() - 0.5) * 0.2;
    i++;
    if (Number.isFinite(a.x) && Number.isFinite(a.y)) return;
    graph.mergeNodeAttributes(key, { x: r * Math.cos(th), y: r * Math.sin(th) });
  });
}

/** Settings of {@link ForceLayout}. */
export interface ForceLayoutSettings {
  /** How long ForceAtlas2 runs before it stops by itself (ms); grows with the graph. */
  durationMs: number;
  /** noverlap iterations after ForceAtlas2. */
  noverlapIterations: number;
}

/** Nodes above which noverlap is not run after ForceAtlas2 (see {@link defaultForceSettings}). */
export const NOVERLAP_MAX_NODES = 2500;

/**
 * Layout settings by node count. noverlap's cost grows faster than the node count where discs crowd (measured on
 * the synthetic benchmark graphs after 20 ForceAtlas2 iterations, 20 noverlap iterations: 1,000 nodes 80 ms,
 * 2,000 nodes 0.4 s, 4,000 nodes 2.9 s, 10,000 nodes 58 s — all on the main thread), and above a few thousand
 * nodes the discs cannot all fit the stage at the fitted zoom anyway: it runs 60 iterations up to 1,000 nodes,
 * 15 up to {@link NOVERLAP_MAX_NODES}, none above.
 */
export function defaultForceSettings(order: number): ForceLayoutSettings {
  const noverlapIterations = order <= 1000 ? 60 : order <= NOVERLAP_MAX_NODES ? 15 : 0;
  return { durationMs: Math.min(12_000, 1000 + order * 0.5), noverlapIterations };
}

/** ForceAtlas2 in its worker with start/stop, auto-stop after `durationMs`, then noverlap. */
export class ForceLayout {
  private fa2: FA2Layout | null;
  private timer: number | undefined;
  private elapsed = 0;
  private startedAt = 0;
  private pausedByVisibility = false;
  private readonly onVisibility = () => this.visibilityChanged();
  /** Called whenever running state changes. */
  onChange: (running: boolean) => void = () => {};

  constructor(private readonly graph: KnowledgeGraph, private readonly settings: ForceLayoutSettings = defaultForceSettings(graph.order), private readonly pixelScale: () => number = () => 1) {
    const inferred = forceAtlas2.inferSettings(graph);
    this.fa2 = new FA2Layout(graph, {
      settings: { ...inferred, adjustSizes: false },
      getEdgeWeight: (_e, a) => (a.type === "MENTIONED_WITH" ? 0.3 : 1),
    });
    document.addEventListener("visibilitychange", this.onVisibility);
  }

  get running(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  /** Starts (or resumes) the layout; does nothing on a hidden tab (it starts when the tab is shown). */
  start(): void {
    if (!this.fa2 || this.running) return;
    if (document.hidden) {
      this.pausedByVisibility = true;
      return;
    }
    if (this.elapsed >= this.settings.durationMs) this.elapsed = 0;
    this.fa2.start();
    this.startedAt = performance.now();
    this.timer = window.setTimeout(() => this.finish(), this.settings.durationMs - this.elapsed);
    this.onChange(true);
  }

  /** Stops the layout and removes overlaps. */
  stop(): void {
    this.pause();
    this.elapsed = 0;
    this.removeOverlaps();
  }

  private pause(): void {
    window.clearTimeout(this.timer);
    if (!this.fa2 || !this.running) return;
    this.fa2.stop();
    this.elapsed += performance.now() - this.startedAt;
    this.onChange(false);
  }

  private finish(): void {
    this.stop();
  }

  private visibilityChanged(): void {
    if (document.hidden && this.running) {
      this.pause();
      this.pausedByVisibility = true;
    } else if (!document.hidden && this.pausedByVisibility) {
      this.pausedByVisibility = false;
      this.start();
    }
  }

  /** Runs noverlap with node sizes converted from pixels to graph units. */
  removeOverlaps(): void {
    if (this.settings.noverlapIterations <= 0) return;
    const scale = this.pixelScale();
    noverlap.assign(this.graph, {
      maxIterations: this.settings.noverlapIterations,
      settings: { margin: 2 * scale, ratio: 1.2, expansion: 1.1 },
      inputReducer: (_k, a) => ({ x: a.x, y: a.y, size: (a.size ?? 4) * scale }),
      outputReducer: (_k, a) => ({ x: a.x, y: a.y }),
    });
  }

  /** Stops the worker for good. Safe to call twice. */
  kill(): void {
    window.clearTimeout(this.timer);
    document.removeEventListener("visibilitychange", this.onVisibility);
    if (this.fa2) {
      const wasRunning = this.running;
      this.fa2.kill();
      this.fa2 = null;
      if (wasRunning) this.onChange(false);
    }
  }
}

type Positions = Record<string, { x: number; y: number }>;

/**
 * "Map" positions: places with `lat`/`lon` at equirectangular coordinates (x = lon·cos φ̄, y = lat, in degrees),
 * other nodes at the mean of their placed neighbours (three passes, so two-step neighbours are placed too) with a
 * seeded offset proportional to the places' robust extent, and nodes with no placed neighbour on a ring around
 * the median place. Returns null when no node has
 * coordinates.
 */
export function mapPositions(graph: KnowledgeGraph, seed = 7): Positions | null {
  const pos: Positions = {};
  const located: string[] = [];
  let latSum = 0;
  graph.forEachNode((k, a) => {
    if (Number.isFinite(a.lat) && Number.isFinite(a.lon)) {
      located.push(k);
      latSum += a.lat!;
    }
  });
  if (located.length === 0) return null;
  const cos = Math.cos(((latSum / located.length) * Math.PI) / 180);
  for (const k of located) {
    const a = graph.getNodeAttributes(k);
    pos[k] = { x: a.lon! * cos, y: a.lat! };
  }
  // Robust extent (10th–90th percentile), so one far-away place (a foreign capital) does not set the scale.
  const xs = Object.values(pos).map((p) => p.x).sort((a, b) => a - b);
  const ys = Object.values(pos).map((p) => p.y).sort((a, b) => a - b);
  const q = (v: number[], f: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(f * (v.length - 1))))];
  const span = Math.max(q(xs, 0.9) - q(xs, 0.1), q(ys, 0.9) - q(ys, 0.1), 0.5);
  const rand = prng(seed);
  for (let pass = 0; pass < 3; pass++) {
    const placed: Positions = {};
    graph.forEachNode((k) => {
      if (pos[k]) return;
      let sx = 0, sy = 0, n = 0;
      graph.forEachNeighbor(k, (nb) => {
        const p = pos[nb];
        if (p) { sx += p.x; sy += p.y; n++; }
      });
      if (n === 0) return;
      const th = rand() * 2 * Math.PI;
      const r = span * (0.02 + 0.04 * rand()) * (pass + 1);
      placed[k] = { x: sx / n + r * Math.cos(th), y: sy / n + r * Math.sin(th) };
    });
    Object.assign(pos, placed);
  }
  const rest = graph.filterNodes((k) => !pos[k]);
  const cx = q(xs, 0.5), cy = q(ys, 0.5), R = span * 0.9;
  rest.forEach((k, i) => {
    const th = (2 * Math.PI * i) / Math.max(1, rest.length);
    pos[k] = { x: cx + R * Math.cos(th), y: cy + R * Math.sin(th) };
  });
  // Pull far places (a foreign capital) in along their bearing, so they do not squeeze the region into a corner:
  // beyond 1.5 spans from the median place, distance grows logarithmically. Directions are kept, so east stays
  // right of west and north above south.
  const L = 1.5 * span;
  for (const k of Object.keys(pos)) {
    const p = pos[k];
    const dx = p.x - cx, dy = p.y - cy, d = Math.hypot(dx, dy);
    if (d <= L) continue;
    const d2 = L + span * 0.6 * Math.log1p((d - L) / span);
    pos[k] = { x: cx + (dx * d2) / d, y: cy + (dy * d2) / d };
  }
  spreadAround(graph, pos, new Set(located));
  return pos;
}

/**
 * Pushes apart nodes whose discs (attribute `size`, pixels, at the scale where the positions' extent spans 600 px)
 * overlap, moving only nodes not in `fixed` (places stay at their coordinates). A uniform grid keeps each pass
 * linear; 40 passes.
 */
export function spreadAround(graph: KnowledgeGraph, pos: Positions, fixed: ReadonlySet<string>, passes = 40): void {
  const keys = Object.keys(pos).filter((k) => graph.hasNode(k));
  if (keys.length < 2) return;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const k of keys) {
    x0 = Math.min(x0, pos[k].x); x1 = Math.max(x1, pos[k].x); y0 = Math.min(y0, pos[k].y); y1 = Math.max(y1, pos[k].y);
  }
  const unit = Math.max(x1 - x0, y1 - y0, 1e-9) / 600;
  const radius = (k: string) => ((graph.getNodeAttribute(k, "size") ?? 4) + 2) * unit;
  const cell = 2 * Math.max(...keys.map(radius));
  for (let pass = 0; pass < passes; pass++) {
    const grid = new Map<string, string[]>();
    for (const k of keys) {
      const id = `${Math.floor(pos[k].x / cell)},${Math.floor(pos[k].y / cell)}`;
      const list = grid.get(id);
      if (list) list.push(k);
      else grid.set(id, [k]);
    }
    let moved = false;
    for (const k of keys) {
      const cx = Math.floor(pos[k].x / cell), cy = Math.floor(pos[k].y / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const m of grid.get(`${gx},${gy}`) ?? []) {
            if (m <= k) continue;
            const a = pos[k], b = pos[m];
            let dx = b.x - a.x, dy = b.y - a.y;
            let d = Math.hypot(dx, dy);
            const min = radius(k) + radius(m);
            if (d >= min) continue;
            const fa = fixed.has(k), fb = fixed.has(m);
            if (fa && fb) continue;
            if (d < 1e-12) {
              // Same spot: separate along a direction taken from the pair's keys (stable across runs).
              const th = ((k.length * 31 + m.length * 17) % 360) * (Math.PI / 180);
              d = min * 1e-3;
              dx = Math.cos(th) * d; dy = Math.sin(th) * d;
            }
            const push = (min - Math.min(d, min)) / d;
            const wa = fa ? 0 : fb ? 1 : 0.5, wb = 1 - wa;
            pos[k] = { x: a.x - dx * push * wa, y: a.y - dy * push * wa };
            pos[m] = { x: b.x + dx * push * wb, y: b.y + dy * push * wb };
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
}

/** Current positions of every node. */
export function snapshotPositions(graph: KnowledgeGraph): Positions {
  const out: Positions = {};
  graph.forEachNode((k, a) => {
    out[k] = { x: a.x!, y: a.y! };
  });
  return out;
}

/** Moves nodes to `target` positions with a short animation (instant when `durationMs` is 0). */
export function moveTo(graph: KnowledgeGraph, target: Positions, durationMs = 600): Promise<void> {
  if (durationMs <= 0) {
    for (const [k, p] of Object.entries(target)) if (graph.hasNode(k)) graph.mergeNodeAttributes(k, p);
    return Promise.resolve();
  }
  return new Promise((resolve) => animateNodes(graph, target, { duration: durationMs }, resolve));
}

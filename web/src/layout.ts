/**
 * Layouts: seeded start positions, ForceAtlas2 in its web worker (settings from `forceAtlas2.inferSettings`)
 * followed by noverlap, and moving nodes to given positions (the "map" layout is in web/src/map-layout.ts).
 *
 * ForceAtlas2: Jacomy et al., "ForceAtlas2, a Continuous Graph Layout Algorithm", PLoS ONE 9(6), 2014.
 * The layout never runs while the tab is hidden (Page Visibility API): it pauses and resumes on return.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import { animateNodes } from "sigma/utils";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { mulberry32 as prng } from "../../src/prng.ts";

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

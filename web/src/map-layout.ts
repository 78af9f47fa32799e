/**
 * The "map" layout: places at their coordinates, every other node near its placed neighbours, then discs pushed
 * off each other ({@link spreadAround}).
 */
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { mulberry32 as prng } from "../../src/prng.ts";

/** Positions by node key, in graph units. */
export type Positions = Record<string, { x: number; y: number }>;

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
 * overlap. Nodes not in `fixed` move freely; nodes in `fixed` (places at their coordinates) are only nudged off
 * each other — two places at nearly the same coordinates (a governorate and its capital) share the push — and never
 * move more than one disc diameter from where they were. A uniform grid keeps each pass linear; 40 passes.
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
  const anchor = new Map<string, { x: number; y: number }>();
  for (const k of keys) if (fixed.has(k)) anchor.set(k, pos[k]);
  /** `p` for node `k`, a fixed node kept within one diameter of its anchor. */
  const held = (k: string, p: { x: number; y: number }) => {
    const a = anchor.get(k);
    if (!a) return p;
    const dx = p.x - a.x, dy = p.y - a.y, d = Math.hypot(dx, dy), max = 2 * radius(k);
    return d <= max ? p : { x: a.x + (dx * max) / d, y: a.y + (dy * max) / d };
  };
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
            if (d < 1e-12) {
              // Same spot: separate along a direction taken from the pair's keys (stable across runs).
              const th = ((k.length * 31 + m.length * 17) % 360) * (Math.PI / 180);
              d = min * 1e-3;
              dx = Math.cos(th) * d; dy = Math.sin(th) * d;
            }
            const push = (min - Math.min(d, min)) / d;
            // A free node gives way to a fixed one; two alike share the push.
            const wa = fa === fb ? 0.5 : fa ? 0 : 1, wb = 1 - wa;
            pos[k] = held(k, { x: a.x - dx * push * wa, y: a.y - dy * push * wa });
            pos[m] = held(m, { x: b.x + dx * push * wb, y: b.y + dy * push * wb });
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
}


/** Unit tests of the explorer's pure modules: date filters, URL state, RTL label placement, collider, layouts. */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { isRtl } from "../../web/src/dom.ts";
import { computeVisibility, dateBounds, dateInRange } from "../../web/src/filters.ts";
import { LABEL_GAP, LabelCollider, drawNodeHover, drawNodeLabel, labelAnchor, labelCollider } from "../../web/src/labels.ts";
import { mulberry32 as prng } from "../../src/prng.ts";
import { seedPositions } from "../../web/src/layout.ts";
import { mapPositions, spreadAround } from "../../web/src/map-layout.ts";
import { defaultState, stateFromSearch, stateToSearch } from "../../web/src/state.ts";

function tinyGraph(): KnowledgeGraph {
  const g = new MultiDirectedGraph() as unknown as KnowledgeGraph;
  const node = (k: string, a: Record<string, unknown>) => g.addNode(k, { label: k, aliases: [], provenance: [], mentions: 1, docs: [], ...a } as never);
  node("place:a", { type: "place", lat: 36.19, lon: 44.01 });
  node("place:b", { type: "place", lat: 33.31, lon: 44.37 });
  node("place:far", { type: "place", lat: 51.5, lon: -0.12 });
  node("force:x", { type: "force" });
  node("official:y", { type: "official" });
  node("event:1", { type: "event", eventType: "killing", date: "2014-08-04" });
  node("event:2", { type: "event", eventType: "killing", date: "2017-01" });
  node("event:3", { type: "event", eventType: "meeting" });
  g.addEdgeWithKey("e1", "force:x", "place:a", { type: "LOCATED_IN", provenance: [], weight: 1 });
  g.addEdgeWithKey("e2", "official:y", "force:x", { type: "MEMBER_OF", provenance: [], weight: 1 });
  g.addEdgeWithKey("e3", "official:y", "place:b", { type: "MENTIONED_WITH", provenance: [], weight: 2, cooccurrence: true });
  g.addEdgeWithKey("e4", "event:1", "place:a", { type: "OCCURRED_IN", provenance: [], weight: 1 });
  return g;
}

describe("date filters", () => {
  it("gives the span of a date at its precision", () => {
    expect(dateBounds("2017")).toEqual(["2017-01-01", "2017-12-31"]);
    expect(dateBounds("2016-02")).toEqual(["2016-02-01", "2016-02-29"]);
    expect(dateBounds("2014-08-04")).toEqual(["2014-08-04", "2014-08-04"]);
    expect(dateBounds("August")).toBeNull();
  });
  it("keeps an event whose span overlaps the range, drops undated events only while a range is set", () => {
    expect(dateInRange("2017-01", "2017-01-31", null)).toBe(true);
    expect(dateInRange("2017-01", "2017-02-01", null)).toBe(false);
    expect(dateInRange("2014-08-04", null, "2014-08-04")).toBe(true);
    expect(dateInRange("2014-08-05", null, "2014-08-04")).toBe(false);
    expect(dateInRange(undefined, null, null)).toBe(true);
    expect(dateInRange(undefined, "2000-01-01", null)).toBe(false);
  });
  it("composes type, relation, event-type, date filters and focus", () => {
    const g = tinyGraph();
    const s = defaultState();
    let v = computeVisibility(g, s);
    expect(v.nodes.size).toBe(8);
    expect(v.edges.has("e3")).toBe(false); // MENTIONED_WITH hidden by default
    s.filters.hiddenTypes.add("place");
    v = computeVisibility(g, s);
    expect([...v.nodes].some((k) => k.startsWith("place:"))).toBe(false);
    expect(v.edges.has("e1")).toBe(false);
    s.filters.hiddenTypes.clear();
    s.filters.dateFrom = "2014-01-01";
    s.filters.dateTo = "2014-12-31";
    v = computeVisibility(g, s);
    expect(["event:1", "event:2", "event:3"].map((k) => v.nodes.has(k))).toEqual([true, false, false]);
    s.filters.dateFrom = s.filters.dateTo = null;
    s.focus = { node: "official:y", hops: 1 };
    expect([...computeVisibility(g, s).nodes].sort()).toEqual(["force:x", "official:y"]);
    s.focus = { node: "official:y", hops: 2 };
    expect([...computeVisibility(g, s).nodes].sort()).toEqual(["force:x", "official:y", "place:a"]);
  });
});

describe("URL state", () => {
  it("round-trips filters, focus, labels, layout and selection", () => {
    const s = defaultState();
    s.filters.hiddenTypes.add("place");
    s.filters.hiddenRelations.delete("MENTIONED_WITH");
    s.filters.hiddenEventTypes.add("meeting");
    s.filters.dateFrom = "2014-01-01";
    s.focus = { node: "place:تكريت", hops: 2 };
    s.labelLang = "en";
    s.layout = "map";
    s.selectedNode = "place:تكريت";
    s.sizeBy = "mentions";
    const back = stateFromSearch("?" + stateToSearch(s));
    expect(back.filters).toEqual(s.filters);
    expect([back.focus, back.labelLang, back.layout, back.selectedNode, back.sizeBy]).toEqual([s.focus, "en", "map", "place:تكريت", "mentions"]);
  });
  it("uses the defaults for an empty query and ignores unknown values", () => {
    expect(stateToSearch(defaultState())).toBe("");
    const s = stateFromSearch("?hide=place,bogus&from=yesterday&labels=fr");
    expect([...s.filters.hiddenTypes]).toEqual(["place"]);
    expect([s.filters.dateFrom, s.labelLang]).toEqual([null, "ar"]);
    expect([...s.filters.hiddenRelations]).toEqual(["MENTIONED_WITH"]);
  });
});

/** A canvas context stand-in that records what is drawn (measureText: 7 px per character). */
function recorder() {
  const calls: { op: string; args: number[]; direction?: string; align?: string; text?: string }[] = [];
  const ctx = {
    direction: "inherit", textAlign: "start", font: "", fillStyle: "", shadowOffsetX: 0, shadowOffsetY: 0, shadowBlur: 0, shadowColor: "",
    save() {}, restore() { this.direction = "inherit"; this.textAlign = "start"; },
    measureText: (s: string) => ({ width: s.length * 7 }),
    canvas: { width: 1000, height: 600 }, lineJoin: "miter", lineWidth: 1, strokeStyle: "",
    fillText(text: string, x: number, y: number) { calls.push({ op: "fillText", args: [x, y], direction: this.direction, align: this.textAlign, text }); },
    strokeText(text: string, x: number, y: number) { calls.push({ op: "strokeText", args: [x, y], direction: this.direction, align: this.textAlign, text }); },
    beginPath() {}, closePath() {}, fill() {},
    moveTo: (x: number, y: number) => calls.push({ op: "moveTo", args: [x, y] }),
    lineTo: (x: number, y: number) => calls.push({ op: "lineTo", args: [x, y] }),
    arc: (x: number, y: number, r: number, a0: number, a1: number) => calls.push({ op: "arc", args: [x, y, r, a0, a1] }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}
const settings = { labelSize: 14, labelFont: "sans-serif", labelWeight: "normal", labelColor: { color: "#000" } } as never;

describe("RTL labels (sigma issue #979)", () => {
  it("detects the direction from the first strong character", () => {
    expect(isRtl("تكريت")).toBe(true);
    expect(isRtl("(2021) بغداد")).toBe(true);
    expect(isRtl("Tikrit تكريت")).toBe(false);
    expect(isRtl("123")).toBe(false);
  });
  it("draws an Arabic label right-aligned, RTL, ending left of the node's disc", () => {
    labelCollider.reset();
    const { ctx, calls } = recorder();
    drawNodeLabel(ctx, { x: 100, y: 50, size: 10, label: "تكريت", color: "#f00" } as never, settings);
    const call = calls.find((c) => c.op === "fillText")!;
    expect([call.direction, call.align, call.text]).toEqual(["rtl", "right", "تكريت"]);
    expect(call.args[0]).toBe(100 - 10 - LABEL_GAP);
    expect(labelAnchor({ x: 100, size: 10, label: "Tikrit" })).toEqual({ rtl: false, x: 100 + 10 + LABEL_GAP });
  });
  it("sizes the hover box to the measured text, on the label's side", () => {
    labelCollider.reset();
    const { ctx, calls } = recorder();
    drawNodeHover(ctx, { x: 200, y: 80, size: 8, label: "بغداد", color: "#00f" } as never, settings);
    const xs = calls.filter((c) => c.op === "lineTo").map((c) => c.args[0]);
    const far = Math.min(...xs);
    expect(Math.max(...xs)).toBeLessThan(200);
    expect(200 - far).toBeGreaterThanOrEqual(8 + 5 * 7);
    expect(200 - far).toBeLessThan(8 + 5 * 7 + 16);
  });
  it("draws a halo under the text, and leaves out a label cut by the stage's edge unless forced", () => {
    labelCollider.reset();
    const { ctx, calls } = recorder();
    drawNodeLabel(ctx, { x: 100, y: 50, size: 10, label: "تكريت", color: "#f00" } as never, settings);
    expect(calls.map((c) => c.op)).toEqual(["strokeText", "fillText"]);
    expect(calls[0].args).toEqual(calls[1].args);
    // 5 letters × 7 px = 35 px: a label ending 13 px from the left edge would start at -22.
    const near = recorder();
    drawNodeLabel(near.ctx, { x: 20, y: 50, size: 4, label: "بغداد", color: "#f00" } as never, settings);
    expect(near.calls).toEqual([]);
    drawNodeLabel(near.ctx, { x: 20, y: 50, size: 4, label: "بغداد", color: "#f00", forceLabel: true } as never, settings);
    expect(near.calls.filter((c) => c.op === "fillText")).toHaveLength(1);
  });
  it("keeps labels off occupied boxes (other nodes' discs)", () => {
    labelCollider.reset();
    labelCollider.occupy(60, 40, 80, 60);
    const { ctx, calls } = recorder();
    drawNodeLabel(ctx, { x: 100, y: 50, size: 10, label: "تكريت", color: "#f00" } as never, settings);
    expect(calls).toEqual([]);
    drawNodeLabel(ctx, { x: 100, y: 90, size: 10, label: "تكريت", color: "#f00" } as never, settings);
    expect(calls.filter((c) => c.op === "fillText")).toHaveLength(1);
  });
  it("skips a label that would overlap one already drawn, unless forced", () => {
    const c = new LabelCollider();
    expect(c.claim(0, 0, 50, 10, false)).toBe(true);
    expect(c.claim(40, 5, 90, 15, false)).toBe(false);
    expect(c.claim(40, 5, 90, 15, true)).toBe(true);
    expect(c.claim(51, 0, 90, 10, false)).toBe(false);
    c.reset();
    expect(c.claim(40, 5, 90, 15, false)).toBe(true);
  });
});

describe("layouts", () => {
  it("seeds distinct, finite, reproducible positions", () => {
    const a = tinyGraph();
    const b = tinyGraph();
    seedPositions(a, 3);
    seedPositions(b, 3);
    const pa = a.mapNodes((_k, x) => `${x.x},${x.y}`);
    expect(pa).toEqual(b.mapNodes((_k, x) => `${x.x},${x.y}`));
    expect(new Set(pa).size).toBe(a.order);
    a.forEachNode((_k, x) => expect(Number.isFinite(x.x) && Number.isFinite(x.y)).toBe(true));
    const r = prng(1);
    expect(r()).not.toBe(r());
  });
  it("puts places at their coordinates and others near their placed neighbours", () => {
    const g = tinyGraph();
    const p = mapPositions(g)!;
    expect(p["place:a"].y).toBeCloseTo(36.19);
    expect(p["place:a"].y).toBeGreaterThan(p["place:b"].y);
    expect(p["place:far"].x).toBeLessThan(p["place:a"].x);
    const d = Math.hypot(p["force:x"].x - p["place:a"].x, p["force:x"].y - p["place:a"].y);
    expect(d).toBeLessThan(3);
    for (const k of g.nodes()) expect(Number.isFinite(p[k].x) && Number.isFinite(p[k].y)).toBe(true);
    const none = tinyGraph();
    none.forEachNode((k) => none.removeNodeAttribute(k, "lat"));
    expect(mapPositions(none)).toBeNull();
  });
  it("pulls a far place in along its bearing, so the region keeps the stage", () => {
    const g = tinyGraph();
    // Enough nearby places for a robust extent (10th–90th percentile) that leaves the far one out.
    const near: [number, number][] = [[34.6, 43.7], [35.5, 44.4], [32.5, 44.4], [31.0, 46.3], [36.3, 43.1], [33.4, 43.3]];
    near.forEach(([lat, lon], i) => g.addNode(`place:n${i}`, { label: `n${i}`, type: "place", aliases: [], provenance: [], mentions: 1, docs: [], lat, lon }));
    const p = mapPositions(g)!;
    const lats = [36.19, 33.31, 51.5, ...near.map((x) => x[0])];
    const cos = Math.cos(((lats.reduce((a, b) => a + b, 0) / lats.length) * Math.PI) / 180);
    const raw = { x: -0.12 * cos, y: 51.5 };
    const dRaw = Math.hypot(raw.x - p["place:a"].x, raw.y - p["place:a"].y);
    const d = Math.hypot(p["place:far"].x - p["place:a"].x, p["place:far"].y - p["place:a"].y);
    expect(d).toBeLessThan(dRaw / 2);
    expect(p["place:far"].x).toBeLessThan(p["place:b"].x);
    expect(p["place:far"].y).toBeGreaterThan(p["place:a"].y);
  });
  it("spreads nodes off each other; fixed nodes are only nudged off each other, by at most a diameter", () => {
    const g = tinyGraph();
    g.forEachNode((k) => g.setNodeAttribute(k, "size", 10));
    const pos: Record<string, { x: number; y: number }> = {};
    for (const k of g.nodes()) pos[k] = { x: 0, y: 0 };
    pos["place:far"] = { x: 600, y: 600 };
    spreadAround(g, pos, new Set(["place:a", "place:b", "place:far"]));
    // Extent ≈ 600 units over 600 px: one unit is about a pixel; discs are 10 + 2 px in radius.
    const dist = (a: string, b: string) => Math.hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y);
    expect(pos["place:far"]).toEqual({ x: 600, y: 600 });
    expect(dist("place:a", "place:b")).toBeGreaterThanOrEqual(23.9);
    for (const k of ["place:a", "place:b"]) expect(Math.hypot(pos[k].x, pos[k].y), k).toBeLessThanOrEqual(24.1 * 1.01);
    const free = ["force:x", "official:y", "event:1", "event:2", "event:3"];
    for (const a of free) {
      for (const b of [...free, "place:a", "place:b"]) {
        if (a !== b) expect(dist(a, b), `${a} ${b}`).toBeGreaterThan(20);
      }
    }
  });
  it("nudges two places at nearly the same coordinates apart in the map layout, keeping the rest in place", () => {
    const g = tinyGraph();
    const place = (k: string, lat: number, lon: number) => g.addNode(k, { label: k, type: "place", aliases: [], provenance: [], mentions: 1, docs: [], lat, lon } as never);
    // A governorate whose coordinates are 0.05° from its capital's (place:a), and other places around.
    place("place:gov", 36.22, 44.05);
    ([[34.6, 43.7], [35.5, 45.4], [32.5, 44.4], [31.0, 46.3], [36.3, 42.1], [33.4, 42.3]] as const).forEach(([lat, lon], i) => place(`place:n${i}`, lat, lon));
    g.forEachNode((k) => g.setNodeAttribute(k, "size", 14));
    const p = mapPositions(g)!;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const q of Object.values(p)) { x0 = Math.min(x0, q.x); x1 = Math.max(x1, q.x); y0 = Math.min(y0, q.y); y1 = Math.max(y1, q.y); }
    // Positions' extent spans 600 px: discs of 14 + 2 px need 32 px between centres.
    const unit = Math.max(x1 - x0, y1 - y0) / 600;
    const d = Math.hypot(p["place:a"].x - p["place:gov"].x, p["place:a"].y - p["place:gov"].y);
    expect(d / unit).toBeGreaterThanOrEqual(31.9);
    // Each of the two moved at most a diameter; a place far from others stays exactly at its latitude.
    expect(Math.abs(p["place:a"].y - 36.19) / unit).toBeLessThanOrEqual(32.1);
    expect(Math.abs(p["place:gov"].y - 36.22) / unit).toBeLessThanOrEqual(32.1);
    expect(p["place:b"].y).toBe(33.31);
    expect(p["place:n3"].y).toBe(31.0);
  });
});

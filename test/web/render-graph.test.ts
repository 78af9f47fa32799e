/**
 * Unit tests of the render graph (web/src/render-graph.ts) and the pure parts of hovering, naming and layout
 * settings, on the seeded synthetic graph (test/web/helpers/synthetic-graph.ts) and a hand-made one.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { computeVisibility } from "../../web/src/filters.ts";
import { labelledNeighbours, neighbourhood } from "../../web/src/hover.ts";
import { NOVERLAP_MAX_NODES, defaultForceSettings, seedPositions } from "../../web/src/layout.ts";
import { nodeNames } from "../../web/src/panel.ts";
import { RenderGraph, edgeThickness, shownSets } from "../../web/src/render-graph.ts";
import { defaultState } from "../../web/src/state.ts";
import { syntheticGraph } from "./helpers/synthetic-graph.ts";

function dataset(nodes = 400, edges = 2000): KnowledgeGraph {
  const g = syntheticGraph({ nodes, edges, seed: 11 });
  seedPositions(g, 1);
  g.forEachNode((k) => g.setNodeAttribute(k, "size", 4 + (g.degree(k) % 7)));
  return g;
}

/** A render graph showing what `state` shows. */
function shown(g: KnowledgeGraph, state = defaultState()) {
  const rg = new RenderGraph(g);
  const vis = computeVisibility(g, state);
  rg.show(...shownSets(vis, state.highlight));
  return { rg, vis, state };
}

describe("render graph", () => {
  it("holds exactly the visible nodes and edges: no co-occurrence edge by default", () => {
    const g = dataset();
    const { rg, vis } = shown(g);
    const co = g.filterEdges((_e, a) => a.type === "MENTIONED_WITH").length;
    expect(co).toBeGreaterThan(g.size / 3);
    expect(rg.graph.order).toBe(g.order);
    expect(rg.graph.size).toBe(g.size - co);
    expect(new Set(rg.graph.edges())).toEqual(vis.edges);
    rg.graph.forEachEdge((e, a, s, t) => {
      expect(a.relation).toBe(g.getEdgeAttribute(e, "type"));
      expect([s, t]).toEqual(g.extremities(e));
    });
    const k = g.nodes()[7];
    const d = g.getNodeAttributes(k);
    expect(rg.graph.getNodeAttributes(k)).toMatchObject({ x: d.x, y: d.y, size: d.size, label: d.label, labelEn: d.labelEn, kind: d.type });
  });

  it("toggling a relation type adds or removes its edges, replacing the graph only when the set changes", () => {
    const g = dataset();
    const { rg, state } = shown(g);
    const replaced: number[] = [];
    rg.onReplace((x) => replaced.push(x.size));
    const before = rg.graph;
    state.filters.hiddenRelations.delete("MENTIONED_WITH");
    expect(rg.show(...shownSets(computeVisibility(g, state), null))).toBe(true);
    expect(rg.graph).not.toBe(before);
    expect(rg.graph.size).toBe(g.size);
    state.filters.hiddenRelations.add("MENTIONED_WITH");
    state.filters.hiddenRelations.add("PARTICIPANT_IN");
    rg.show(...shownSets(computeVisibility(g, state), null));
    const left = g.filterEdges((_e, a) => a.type !== "MENTIONED_WITH" && a.type !== "PARTICIPANT_IN").length;
    expect(rg.graph.size).toBe(left);
    expect(rg.graph.someEdge((_e, a) => a.relation === "PARTICIPANT_IN" || a.relation === "MENTIONED_WITH")).toBe(false);
    expect(replaced).toEqual([g.size, left]);
    // Same sets again: nothing replaced.
    const same = rg.graph;
    expect(rg.show(...shownSets(computeVisibility(g, state), null))).toBe(false);
    expect(rg.graph).toBe(same);
  });

  it("hiding a node type drops its nodes and their edges; a highlight is shown even where filters hide it", () => {
    const g = dataset();
    const { rg, state } = shown(g);
    state.filters.hiddenTypes.add("place");
    const vis = computeVisibility(g, state);
    rg.show(...shownSets(vis, null));
    expect(rg.graph.someNode((_k, a) => a.kind === "place")).toBe(false);
    rg.graph.forEachEdge((_e, _a, s, t) => expect(g.getNodeAttribute(s, "type") !== "place" && g.getNodeAttribute(t, "type") !== "place").toBe(true));
    const e = g.findEdge((_e, a, s, t) => a.type === "LOCATED_IN" && g.getNodeAttribute(t, "type") === "place")!;
    const highlight = { nodes: new Set(g.extremities(e)), edges: new Set([e]) };
    rg.show(...shownSets(vis, highlight));
    expect(rg.graph.hasEdge(e)).toBe(true);
    expect(rg.graph.order).toBe(vis.nodes.size + 1);
  });

  it("copies positions and sizes from the dataset: bulk updates (ForceAtlas2) and per-node moves (noverlap, animations)", async () => {
    const g = dataset();
    const { rg } = shown(g);
    let told = 0;
    rg.onPositions(() => told++);
    g.updateEachNodeAttributes((_k, a) => ({ ...a, x: a.x! * 2, y: a.y! + 1 }));
    await Promise.resolve();
    expect(told).toBe(1);
    g.forEachNode((k, a) => expect([rg.graph.getNodeAttribute(k, "x"), rg.graph.getNodeAttribute(k, "y")]).toEqual([a.x, a.y]));
    const [k1, k2] = g.nodes();
    g.mergeNodeAttributes(k1, { x: 123, y: -4 });
    g.setNodeAttribute(k2, "size", 17);
    g.setNodeAttribute(k2, "label", "unchanged in the render graph");
    expect(rg.graph.getNodeAttribute(k1, "x")).not.toBe(123);
    rg.flush();
    expect(rg.graph.getNodeAttributes(k1)).toMatchObject({ x: 123, y: -4 });
    expect(rg.graph.getNodeAttribute(k2, "size")).toBe(17);
    expect(told).toBe(2);
    rg.dispose();
    g.mergeNodeAttributes(k1, { x: 5 });
    await Promise.resolve();
    expect(rg.graph.getNodeAttribute(k1, "x")).toBe(123);
  });

  it("its extent covers every dataset node, shown or not", () => {
    const g = dataset();
    const state = defaultState();
    state.filters.hiddenTypes.add("event");
    const { rg } = shown(g, state);
    const far = g.findNode((_k, a) => a.type === "event")!;
    g.mergeNodeAttributes(far, { x: 1e4, y: -1e4 });
    const ext = rg.extent();
    expect(ext.x[1]).toBe(1e4);
    expect(ext.y[0]).toBe(-1e4);
    expect(rg.graph.hasNode(far)).toBe(false);
  });

  it("edge thickness grows with the log of the weight, from 1 to 4 px", () => {
    expect([edgeThickness(1), edgeThickness(2), edgeThickness(8), edgeThickness(1000), edgeThickness(undefined), edgeThickness(0)]).toEqual([1, 2, 4, 4, 1, 1]);
  });
});

describe("hover neighbourhood", () => {
  it("is built over the drawn edges only, direction ignored", () => {
    const g = dataset();
    const { rg } = shown(g);
    const hub = g.nodes().reduce((a, b) => (rg.graph.degree(a) >= rg.graph.degree(b) ? a : b));
    const { neighbours, edges } = neighbourhood(rg.graph, hub);
    const expected = new Set<string>();
    g.forEachEdge(hub, (_e, a, s, t) => {
      if (a.type !== "MENTIONED_WITH") expected.add(s === hub ? t : s);
    });
    expected.delete(hub);
    expect(neighbours).toEqual(expected);
    expect(edges).toEqual(new Set(rg.graph.edges(hub)));
    for (const e of edges) expect(g.getEdgeAttribute(e, "type")).not.toBe("MENTIONED_WITH");
    expect(neighbourhood(rg.graph, "no such node").neighbours.size).toBe(0);
  });
  it("labels all neighbours up to the limit, else the largest", () => {
    const g = new MultiDirectedGraph() as never as RenderGraph["graph"];
    for (let i = 0; i < 10; i++) g.addNode(`n${i}`, { x: 0, y: 0, size: i, color: "#000", label: `n${i}`, kind: "place" });
    expect(labelledNeighbours(g, ["n1", "n5", "n9"], 5).sort()).toEqual(["n1", "n5", "n9"]);
    expect(labelledNeighbours(g, g.nodes(), 3)).toEqual(["n9", "n8", "n7"]);
  });
});

describe("names and layout settings", () => {
  it("names a node in the label language and keeps the other name", () => {
    expect(nodeNames({ label: "تكريت", labelEn: "Tikrit" }, "en")).toEqual({ name: "Tikrit", other: "تكريت", nameLang: "en" });
    expect(nodeNames({ label: "تكريت", labelEn: "Tikrit" }, "ar")).toEqual({ name: "تكريت", other: "Tikrit", nameLang: "ar" });
    expect(nodeNames({ label: "تكريت" }, "en")).toEqual({ name: "تكريت", other: null, nameLang: "ar" });
  });
  it("runs noverlap on small graphs only", () => {
    expect(defaultForceSettings(100).noverlapIterations).toBe(60);
    expect(defaultForceSettings(NOVERLAP_MAX_NODES).noverlapIterations).toBeGreaterThan(0);
    expect(defaultForceSettings(NOVERLAP_MAX_NODES + 1).noverlapIterations).toBe(0);
  });
});

/**
 * Real clients: networkx reads the GEXF 1.2draft and the GraphML export with the same node and edge counts,
 * labels, types and aliases (exactly), and the GEXF viz colours, sizes and positions; igraph reads the GraphML
 * export with the same counts, labels and ends. Graphs: the seed graph as built (no layout), the seed graph after
 * a ForceAtlas2 layout, the realistic fixture and the hostile fixture.
 * Needs Debian's python3-networkx and python3-igraph (helpers.ts `findPython`): skipped with a message when
 * missing, failing under CI=true.
 */
import { fileURLToPath } from "node:url";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { circular } from "graphology-layout";
import { describe, expect, it } from "vitest";
import { exportGraph } from "../../src/export/index.ts";
import { NODE_COLORS, RELATION_TYPES, type NodeType } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { seedGraph } from "../helpers/seed.ts";
import { buildFixtureGraph, buildHostileGraph } from "./fixtures.ts";
import { findPython, IN_CI, runPythonJson, saxesParse, tempFile } from "./helpers.ts";

const NX_SCRIPT = fileURLToPath(new URL("./read_networkx.py", import.meta.url));
const IG_SCRIPT = fileURLToPath(new URL("./read_igraph.py", import.meta.url));
const nxPython = findPython(["networkx"]);
const igPython = findPython(["igraph"]);

function needs(python: string | null, what: string): python is string {
  if (python) return true;
  if (IN_CI) throw new Error(`${what} missing for every candidate python3: apt-get install -y python3-networkx python3-igraph`);
  console.warn(`skipped: ${what} not importable by any python3 (apt-get install -y python3-networkx python3-igraph)`);
  return false;
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}
interface NxNode {
  label: string;
  type: string;
  aliases: string[] | null;
  roles: string[] | null;
  mentions: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  viz?: { color: Rgba; size: number; position: { x: number; y: number; z: number } };
}
interface NxResult {
  directed: boolean;
  nodeCount: number;
  edgeCount: number;
  nodes: Record<string, NxNode>;
  edges: { source: string; target: string; type: string; label: string | null; weight: number | null; evidence: number | null; id: string }[];
}

const FORBIDDEN_G = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string) => s.replace(FORBIDDEN_G, "");
const cleanList = (xs: string[] | undefined) => (xs === undefined ? null : xs.map(clean).filter((x) => x !== ""));

function rgb(hex: string, a = 1): Rgba {
  const v = parseInt(hex.slice(1), 16);
  return { r: (v >> 16) & 255, g: (v >> 8) & 255, b: v & 255, a };
}

/** Colours the fixtures give nodes explicitly, as GEXF must write them (unparseable ones fall back to the type's). */
const OWN_COLORS: Record<string, Rgba | null> = {
  "#1f77b4": rgb("#1f77b4"),
  "#abc": rgb("#aabbcc"),
  "rgba(1, 2, 3, 0.5)": { r: 1, g: 2, b: 3, a: 0.5 },
  "rgb(300, 0, 0)": null,
  red: null,
};

function expectedColor(a: { color?: string; type: NodeType }): Rgba {
  if (a.color !== undefined) {
    expect(Object.keys(OWN_COLORS), `fixture colour ${a.color}`).toContain(a.color);
    const own = OWN_COLORS[a.color];
    if (own) return own;
  }
  return rgb(NODE_COLORS[a.type]);
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Node keys → exported ids, read from the file (ids only differ for keys holding forbidden characters). */
function exportedIds(graph: KnowledgeGraph, text: string): Map<string, string> {
  const ids = saxesParse(text).filter((e) => e.name === "node").map((e) => e.attributes.id);
  const keys = graph.nodes();
  expect(ids).toHaveLength(keys.length);
  keys.forEach((k, i) => {
    if (clean(k) === k) expect(ids[i]).toBe(k);
  });
  return new Map(keys.map((k, i) => [k, ids[i]]));
}

function laidOutSeed(seed: KnowledgeGraph): KnowledgeGraph {
  const g = seed.copy() as KnowledgeGraph;
  circular.assign(g, { scale: 100 });
  forceAtlas2.assign(g, { iterations: 30, settings: forceAtlas2.inferSettings(g) });
  g.forEachNode((n, a) => expect(finite(a.x) && finite(a.y)).toBe(true));
  return g;
}

const seed = await seedGraph();
const GRAPHS: [string, () => KnowledgeGraph][] = [
  ["seed", () => seed],
  ["laid-out seed", () => laidOutSeed(seed)],
  ["fixture", buildFixtureGraph],
  ["hostile", buildHostileGraph],
];

describe.each(GRAPHS)("networkx reads the %s graph", (_name, build) => {
  const graph = build();

  it("from GEXF 1.2draft: counts, labels, types, aliases exactly, and the viz colours, sizes and positions", () => {
    if (!needs(nxPython, "networkx")) return;
    const text = exportGraph(graph, "gexf-1.2").files[0].content();
    const nx = runPythonJson(nxPython, NX_SCRIPT, ["gexf", tempFile("g.gexf", text)]) as NxResult;
    expect(nx.directed).toBe(true);
    expect(nx.nodeCount).toBe(graph.order);
    expect(nx.edgeCount).toBe(graph.size);
    const ids = exportedIds(graph, text);
    const positions = new Set<string>();
    graph.forEachNode((key, a) => {
      const n = nx.nodes[ids.get(key)!];
      expect(n, key).toBeDefined();
      expect(n.label).toBe(clean(a.label));
      expect(n.type).toBe(a.type);
      expect(n.aliases).toEqual(cleanList(a.aliases));
      expect(n.roles).toEqual(cleanList(a.roles));
      expect(n.mentions).toBe(a.mentions);
      expect([n.firstSeen, n.lastSeen]).toEqual([a.firstSeen ?? null, a.lastSeen ?? null]);
      expect(n.viz?.color).toEqual(expectedColor(a));
      expect(n.viz?.size).toBe(finite(a.size) && a.size > 0 ? a.size : 4 + 2 * Math.sqrt(a.mentions));
      const p = n.viz!.position;
      if (finite(a.x) && finite(a.y)) expect(p).toEqual({ x: a.x, y: a.y, z: 0 });
      else expect(finite(p.x) && finite(p.y)).toBe(true);
      positions.add(`${p.x},${p.y}`);
    });
    expect(positions.size).toBe(graph.order); // no two nodes on the same spot
    const edgeIds = new Map(graph.edges().map((k) => [clean(k), k]));
    for (const e of nx.edges) {
      const key = edgeIds.get(e.id)!;
      const a = graph.getEdgeAttributes(key);
      expect([e.source, e.target]).toEqual([ids.get(graph.source(key)), ids.get(graph.target(key))]);
      expect([e.type, e.label, e.evidence]).toEqual([a.type, a.type, a.provenance.length]);
      expect(e.weight).toBe(finite(a.weight) ? a.weight : null); // a NaN weight is not written
    }
    expect(nx.edges.map((e) => e.id).sort()).toEqual(graph.edges().map(clean).sort());
  });

  it("from GraphML: counts, labels, types and aliases exactly, edges with their types and weights", () => {
    if (!needs(nxPython, "networkx")) return;
    const text = exportGraph(graph, "graphml").files[0].content();
    const nx = runPythonJson(nxPython, NX_SCRIPT, ["graphml", tempFile("g.graphml", text)]) as NxResult;
    expect(nx.directed).toBe(true);
    expect(nx.nodeCount).toBe(graph.order);
    expect(nx.edgeCount).toBe(graph.size);
    const ids = exportedIds(graph, text);
    graph.forEachNode((key, a) => {
      const n = nx.nodes[ids.get(key)!];
      expect([n.label, n.type, n.mentions]).toEqual([clean(a.label), a.type, a.mentions]);
      expect(n.aliases).toEqual(cleanList(a.aliases));
      expect(n.roles).toEqual(cleanList(a.roles));
    });
    expect(nx.edges.map((e) => `${e.source}>${e.target}:${e.type}:${e.weight}:${e.evidence}`).sort()).toEqual(
      graph.mapEdges((_k, a, s, t) => `${ids.get(s)}>${ids.get(t)}:${a.type}:${finite(a.weight) ? a.weight : null}:${a.provenance.length}`).sort(),
    );
  });
});

describe.each(GRAPHS)("igraph reads the %s graph", (_name, build) => {
  it("from GraphML with the same counts, labels, types, aliases and edge ends", () => {
    if (!needs(igPython, "python-igraph")) return;
    const graph = build();
    const text = exportGraph(graph, "graphml").files[0].content();
    const ig = runPythonJson(igPython, IG_SCRIPT, [tempFile("g.graphml", text)]) as {
      directed: boolean; nodeCount: number; edgeCount: number; ids: string[]; labels: string[]; nodeTypes: string[];
      aliases: (string[] | null)[]; types: string[]; ends: [string, string][];
    };
    expect(ig.directed).toBe(true);
    expect(ig.nodeCount).toBe(graph.order);
    expect(ig.edgeCount).toBe(graph.size);
    const ids = exportedIds(graph, text);
    expect(ig.ids).toEqual(graph.nodes().map((k) => ids.get(k)));
    expect(ig.labels).toEqual(graph.mapNodes((_k, a) => clean(a.label)));
    expect(ig.nodeTypes).toEqual(graph.mapNodes((_k, a) => a.type));
    expect(ig.aliases).toEqual(graph.mapNodes((_k, a) => cleanList(a.aliases)));
    expect(ig.types.every((t) => (RELATION_TYPES as readonly string[]).includes(t))).toBe(true);
    expect(ig.types).toEqual(graph.mapEdges((_k, a) => a.type));
    expect(ig.ends).toEqual(graph.mapEdges((_k, _a, s, t) => [ids.get(s), ids.get(t)]));
  });
});

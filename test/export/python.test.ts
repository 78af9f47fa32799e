/**
 * Real clients: networkx reads the GEXF 1.2draft and the GraphML export (counts, labels, types, aliases exactly,
 * and the GEXF viz colours, sizes and positions); igraph reads the GraphML export with the same counts.
 * Needs Debian's python3-networkx and python3-igraph: skipped with a message when missing, failing under CI=true.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exportGraph } from "../../src/export/index.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { buildFixtureGraph, buildHostileGraph } from "./fixtures.ts";
import { findPython, IN_CI, runPythonJson, saxesParse, tempFile } from "./helpers.ts";

const NX_SCRIPT = fileURLToPath(new URL("./read_networkx.py", import.meta.url));
const IG_SCRIPT = fileURLToPath(new URL("./read_igraph.py", import.meta.url));
const nxPython = findPython(["networkx"]);
const igPython = findPython(["igraph"]);

function needs(python: string | null, what: string): python is string {
  if (python) return true;
  if (IN_CI) throw new Error(`${what} missing: apt-get install -y python3-networkx python3-igraph`);
  console.warn(`skipped: ${what} not importable by any python3 (apt-get install -y python3-networkx python3-igraph)`);
  return false;
}

interface NxNode {
  label: string;
  type: string;
  aliases: string[] | null;
  roles: string[] | null;
  mentions: number | null;
  viz?: { color: { r: number; g: number; b: number; a: number }; size: number; position: { x: number; y: number; z: number } };
}
interface NxResult {
  directed: boolean;
  nodeCount: number;
  edgeCount: number;
  nodes: Record<string, NxNode>;
  edges: { source: string; target: string; type: string; label: string | null; weight: number | null; id: string }[];
}

/** What the export should show for each node: the exported id, label, type, aliases and roles, as written. */
function expectedNodes(graph: KnowledgeGraph, text: string) {
  const els = saxesParse(text);
  return els;
}

const GRAPHS: [string, () => KnowledgeGraph][] = [["fixture", buildFixtureGraph], ["hostile", buildHostileGraph]];

describe.each(GRAPHS)("networkx reads the %s graph", (_name, build) => {
  const graph = build();

  it("from GEXF 1.2draft: counts, labels, types, aliases and viz", () => {
    if (!needs(nxPython, "networkx")) return;
    const text = exportGraph(graph, "gexf-1.2").files[0].content();
    const nx = runPythonJson(nxPython, NX_SCRIPT, ["gexf", tempFile("g.gexf", text)]) as NxResult;
    expect(nx.directed).toBe(true);
    expect(nx.nodeCount).toBe(graph.order);
    expect(nx.edgeCount).toBe(graph.size);
    // Compare with what our own strict parse of the same file says (ids may have been cleaned in the hostile graph).
    const els = expectedNodes(graph, text);
    const nodeEls = els.filter((e) => e.name === "node");
    expect(Object.keys(nx.nodes).sort()).toEqual(nodeEls.map((e) => e.attributes.id).sort());
    if (_name === "fixture") {
      graph.forEachNode((key, a) => {
        const n = nx.nodes[key];
        expect(n.label).toBe(a.label);
        expect(n.type).toBe(a.type);
        expect(n.aliases).toEqual(a.aliases);
        expect(n.roles).toEqual(a.roles ?? null);
        expect(n.mentions).toBe(a.mentions);
        expect(n.viz?.size).toBe(a.size ?? 4 + 2 * Math.sqrt(a.mentions));
        if (a.x !== undefined) expect(n.viz?.position).toEqual({ x: a.x, y: a.y, z: 0 });
        const hex = a.color ?? { place: "#9467bd", ministry: "#1f77b4", force: "#2ca02c", official: "#d62728", event: "#e377c2", person: "#ff7f0e", organization: "#8c564b" }[a.type];
        const v = parseInt(hex.slice(1), 16);
        expect(n.viz?.color).toEqual({ r: (v >> 16) & 255, g: (v >> 8) & 255, b: v & 255, a: 1 });
      });
      const types = nx.edges.map((e) => `${e.id}:${e.type}:${e.label}:${e.weight}`).sort();
      expect(types).toEqual(graph.mapEdges((k, a) => `${k}:${a.type}:${a.type}:${a.weight}`).sort());
    } else {
      // Hostile: every value that survives cleaning is read back exactly.
      expect(nx.nodes["place:a"].aliases).toEqual([`بغداد|& < > " ' ]]> <!-- --> <![CDATA[x]]>`, "a, b", "tab\there", "line\nbreak\r\nend"]);
      expect(nx.nodes["force:c"].label).toBe(`& < > " ' ]]> <!-- --> <![CDATA[x]]>`);
      expect(nx.nodes["force:c"].aliases).toEqual(["xy", "z"]);
      expect(nx.nodes["person:b"].roles).toEqual(["\u202E\u2066\u200Fدور"]);
      expect(nx.nodes["organization:d"].label).toBe(graph.getNodeAttribute("organization:d", "label"));
      for (const n of Object.values(nx.nodes)) {
        expect(Number.isFinite(n.viz?.position.x) && Number.isFinite(n.viz?.position.y) && Number.isFinite(n.viz?.size)).toBe(true);
      }
    }
  });

  it("from GraphML: counts, labels, types and aliases", () => {
    if (!needs(nxPython, "networkx")) return;
    const text = exportGraph(graph, "graphml").files[0].content();
    const nx = runPythonJson(nxPython, NX_SCRIPT, ["graphml", tempFile("g.graphml", text)]) as NxResult;
    expect(nx.nodeCount).toBe(graph.order);
    expect(nx.edgeCount).toBe(graph.size);
    if (_name === "fixture") {
      graph.forEachNode((key, a) => {
        const n = nx.nodes[key];
        expect([n.label, n.type, n.mentions]).toEqual([a.label, a.type, a.mentions]);
        expect(n.aliases).toEqual(a.aliases);
      });
      expect(nx.edges.map((e) => `${e.source}>${e.target}:${e.type}:${e.weight}`).sort()).toEqual(
        graph.mapEdges((_k, a, s, t) => `${s}>${t}:${a.type}:${a.weight}`).sort(),
      );
    } else {
      expect(nx.nodes["place:a"].aliases).toEqual([`بغداد|& < > " ' ]]> <!-- --> <![CDATA[x]]>`, "a, b", "tab\there", "line\nbreak\r\nend"]);
      expect(nx.nodes["force:c"].label).toBe(`& < > " ' ]]> <!-- --> <![CDATA[x]]>`);
    }
  });
});

describe.each(GRAPHS)("igraph reads the %s graph", (_name, build) => {
  it("from GraphML with the same counts and labels", () => {
    if (!needs(igPython, "python-igraph")) return;
    const graph = build();
    const text = exportGraph(graph, "graphml").files[0].content();
    const ig = runPythonJson(igPython, IG_SCRIPT, [tempFile("g.graphml", text)]) as {
      directed: boolean; nodeCount: number; edgeCount: number; ids: string[]; labels: string[]; types: string[];
    };
    expect(ig.directed).toBe(true);
    expect(ig.nodeCount).toBe(graph.order);
    expect(ig.edgeCount).toBe(graph.size);
    expect(ig.types.sort()).toEqual(graph.mapEdges((_k, a) => a.type).sort());
    if (_name === "fixture") expect(ig.labels.sort()).toEqual(graph.mapNodes((_k, a) => a.label).sort());
  });
});

/**
 * GEXF specifics: graphology-gexf reads the GEXF 1.3 export back losslessly; viz colours are r/g/b integers by
 * type (or the node's own colour), sizes and positions finite, a fresh graph gets a circular layout; the
 * 1.2draft export uses the 1.2draft namespaces.
 */
import { MultiDirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { exportGraph } from "../../src/export/index.ts";
import { NODE_COLORS } from "../../src/graph/schema.ts";
import { buildFixtureGraph, buildHostileGraph } from "./fixtures.ts";
import { saxesParse } from "./helpers.ts";

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

const LAYOUT = new Set(["x", "y", "size", "color"]);

describe("GEXF 1.3 read back by graphology-gexf", () => {
  const original = buildFixtureGraph();
  const text = exportGraph(original, "gexf").files[0].content();
  const parsed = gexf.parse(MultiDirectedGraph, text, { respectInputGraphType: true });

  it("has the same nodes, edges, ends and keys", () => {
    expect(parsed.order).toBe(original.order);
    expect(parsed.size).toBe(original.size);
    expect(parsed.nodes().sort()).toEqual(original.nodes().sort());
    original.forEachEdge((key, _a, source, target) => {
      expect(parsed.hasEdge(key)).toBe(true);
      expect(parsed.source(key)).toBe(source);
      expect(parsed.target(key)).toBe(target);
    });
  });

  it("gives back every node attribute exactly (lists as lists, provenance as JSON)", () => {
    original.forEachNode((key, attrs) => {
      const back = parsed.getNodeAttributes(key);
      for (const [name, value] of Object.entries(attrs)) {
        if (LAYOUT.has(name)) continue;
        const got = name === "provenance" ? JSON.parse(back[name] as string) : back[name];
        expect(got, `${key}.${name}`).toEqual(value);
      }
    });
  });

  it("gives back every edge attribute exactly, with the type as label", () => {
    original.forEachEdge((key, attrs) => {
      const back = parsed.getEdgeAttributes(key);
      expect(back.label).toBe(attrs.type);
      expect(back.evidence).toBe(attrs.provenance.length);
      for (const [name, value] of Object.entries(attrs)) {
        const got = name === "provenance" ? JSON.parse(back[name] as string) : back[name];
        expect(got, `${key}.${name}`).toEqual(value);
      }
    });
  });

  it("keeps layout where there is one and colours nodes by type otherwise", () => {
    original.forEachNode((key, attrs) => {
      const back = parsed.getNodeAttributes(key);
      expect(back.color).toBe(hexToRgb(attrs.color ?? NODE_COLORS[attrs.type]));
      if (attrs.x !== undefined) expect([back.x, back.y]).toEqual([attrs.x, attrs.y]);
      else expect(Number.isFinite(back.x) && Number.isFinite(back.y)).toBe(true);
      if (attrs.size !== undefined) expect(back.size).toBe(attrs.size);
      else expect(back.size).toBeCloseTo(4 + 2 * Math.sqrt(attrs.mentions), 9);
    });
  });

  it("writes a <meta> with creator, description and date", () => {
    const custom = exportGraph(original, "gexf", { creator: "محلل", description: "وصف <خاص>", date: "2025-01-02" });
    const meta = gexf.parse(MultiDirectedGraph, custom.files[0].content(), { respectInputGraphType: true }).getAttributes();
    expect(meta).toMatchObject({ creator: "محلل", description: "وصف <خاص>", lastModifiedDate: "2025-01-02" });
  });
});

describe("GEXF viz and versions", () => {
  it("writes colours as integer r/g/b, finite sizes and positions, even for hostile values", () => {
    const els = saxesParse(exportGraph(buildHostileGraph(), "gexf").files[0].content());
    const colors = els.filter((e) => e.name === "color");
    expect(colors.length).toBeGreaterThan(0);
    for (const c of colors) for (const ch of ["r", "g", "b"]) expect(c.attributes[ch]).toMatch(/^(\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])$/);
    for (const p of els.filter((e) => e.name === "position")) {
      expect(Number.isFinite(+p.attributes.x) && Number.isFinite(+p.attributes.y)).toBe(true);
    }
    for (const s of els.filter((e) => e.name === "size")) expect(+s.attributes.value).toBeGreaterThan(0);
    const rgba = colors.find((c) => c.attributes.a !== undefined);
    expect(rgba?.attributes).toMatchObject({ r: "1", g: "2", b: "3", a: "0.5" });
  });

  it("lays a fresh graph (no x/y) out on a circle: distinct, finite positions", () => {
    const g = buildFixtureGraph();
    g.forEachNode((n) => {
      g.removeNodeAttribute(n, "x");
      g.removeNodeAttribute(n, "y");
    });
    const els = saxesParse(exportGraph(g, "gexf").files[0].content());
    const pos = els.filter((e) => e.name === "position").map((e) => `${e.attributes.x},${e.attributes.y}`);
    expect(pos).toHaveLength(g.order);
    expect(new Set(pos).size).toBe(g.order);
  });

  it("uses the 1.3 namespaces for gexf and the 1.2draft ones for gexf-1.2", () => {
    const g = buildFixtureGraph();
    const v13 = saxesParse(exportGraph(g, "gexf").files[0].content());
    const v12 = saxesParse(exportGraph(g, "gexf-1.2").files[0].content());
    expect(v13[0].uri).toBe("http://gexf.net/1.3");
    expect(v13[0].attributes.version).toBe("1.3");
    expect(v13.find((e) => e.name === "color")?.uri).toBe("http://gexf.net/1.3/viz");
    expect(v12[0].uri).toBe("http://www.gexf.net/1.2draft");
    expect(v12[0].attributes.version).toBe("1.2");
    expect(v12.find((e) => e.name === "color")?.uri).toBe("http://www.gexf.net/1.2draft/viz");
    // `kind` (parallel edges in Gephi) exists in 1.3 only.
    expect(v13.filter((e) => e.name === "edge").every((e) => e.attributes.kind !== undefined)).toBe(true);
    expect(v12.some((e) => e.name === "edge" && e.attributes.kind !== undefined)).toBe(false);
  });
});

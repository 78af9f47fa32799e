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
import { buildFixtureGraph, buildHostileGraph, HOSTILE } from "./fixtures.ts";
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

describe("GEXF 1.3 of the hostile graph read back by graphology-gexf", () => {
  const FORBIDDEN_G = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
  const clean = (s: string) => s.replace(FORBIDDEN_G, "");
  const original = buildHostileGraph();
  const parsed = gexf.parse(MultiDirectedGraph, exportGraph(original, "gexf").files[0].content(), { respectInputGraphType: true });

  it("gives back labels, types, aliases and roles as the cleaned strings, lists exactly", () => {
    expect(parsed.order).toBe(original.order);
    original.forEachNode((key, a) => {
      const id = parsed.hasNode(key) ? key : `${clean(key)}~2`;
      const back = parsed.getNodeAttributes(id);
      expect(back.label, key).toBe(clean(a.label));
      expect(back.type).toBe(a.type);
      expect(back.aliases).toEqual(a.aliases.map(clean).filter((x) => x !== ""));
      if (a.roles) expect(back.roles).toEqual(a.roles.map(clean));
    });
    expect(parsed.getNodeAttribute("place:a", "aliases")).toEqual([`بغداد|${HOSTILE.markup}`, "a, b", "tab\there", "line\nbreak\r\nend"]);
    expect(parsed.getNodeAttribute("organization:d", "اسم بديل")).toBe("قيمة عربية");
    expect(parsed.getNodeAttribute("organization:d", "weird:name<&>")).toBe(7);
  });

  it("keeps the edge between the two colliding keys on the right ends", () => {
    expect(parsed.source("h2")).toBe("event:bad<key~2");
    expect(parsed.target("h2")).toBe("event:bad<key");
    expect(parsed.hasEdge("h1") && parsed.hasEdge("h3")).toBe(true);
    expect(parsed.getEdgeAttribute("h1", "weight")).toBeUndefined(); // NaN weight not written (GEXF reads 1.0)
  });
});

describe("GEXF positions", () => {
  it("writes the positions given for the current layout instead of the graph's own", () => {
    const g = buildFixtureGraph();
    const positions = new Map([["place:بغداد", { x: 1.25, y: -7.5e-3 }], ["ministry:وزاره الداخليه", { x: 1e21, y: 0 }]]);
    const parsed = gexf.parse(MultiDirectedGraph, exportGraph(g, "gexf", { positions }).files[0].content(), { respectInputGraphType: true });
    expect([parsed.getNodeAttribute("place:بغداد", "x"), parsed.getNodeAttribute("place:بغداد", "y")]).toEqual([1.25, -7.5e-3]);
    expect(parsed.getNodeAttribute("ministry:وزاره الداخليه", "x")).toBe(1e21);
    expect(parsed.getNodeAttribute("official:شخص ا", "x")).toBe(0);
    expect(g.getNodeAttribute("place:بغداد", "x")).toBeUndefined(); // the graph itself is untouched
  });

  it("refuses positions of unknown nodes and non-finite positions", () => {
    const g = buildFixtureGraph();
    expect(() => exportGraph(g, "gexf", { positions: new Map([["nope", { x: 1, y: 2 }]]) })).toThrow(expect.objectContaining({ code: "UNKNOWN_NODE" }));
    expect(() => exportGraph(g, "gexf", { positions: new Map([["place:بغداد", { x: Number.NaN, y: 2 }]]) })).toThrow(
      expect.objectContaining({ code: "BAD_OPTION" }),
    );
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

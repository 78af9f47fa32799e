/**
 * Every XML export (GEXF 1.3, GEXF 1.2draft, GraphML) of the seed graph, the realistic fixture and the hostile
 * fixture is well-formed for two strict XML 1.0 parsers: saxes (namespaces on) and libxml2's `xmllint --noout`;
 * forbidden characters are removed and counted, markup, bidi controls, tabs and newlines kept exactly, and no
 * non-finite number is written. A property test throws arbitrary UTF-16 (lone surrogates, C0 controls) at them.
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { exportGraph } from "../../src/export/index.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { seedGraph } from "../helpers/seed.ts";
import { buildFixtureGraph, buildHostileGraph, HOSTILE, HOSTILE_REMOVED_IN_GEXF } from "./fixtures.ts";
import { IN_CI, parseGephiList, saxesParse, tempFile, xmllint, xmllintPath } from "./helpers.ts";

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN_G = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string) => s.replace(FORBIDDEN_G, "");
const XML_FORMATS = ["gexf", "gexf-1.2", "graphml"] as const;
const seed = await seedGraph();
const GRAPHS: [string, () => KnowledgeGraph][] = [["seed", () => seed], ["fixture", buildFixtureGraph], ["hostile", buildHostileGraph]];
const hasXmllint = xmllintPath() !== null;
/** Attribute names the writers give a meaning of their own (schema columns, label, layout). */
const RESERVED = new Set(["label", "type", "labelEn", "labelEnSource", "aliases", "roles", "mentions", "docs", "firstSeen", "lastSeen",
  "confidence", "source", "lat", "lon", "pcode", "eventType", "date", "datePrecision", "triggers", "provenance", "x", "y", "size", "color"]);

describe.each(GRAPHS)("XML exports of the %s graph", (_name, build) => {
  const graph = build();
  it.each(XML_FORMATS)("%s is well-formed for saxes and holds every node and edge once", (format) => {
    const text = exportGraph(graph, format, { date: "2026-11-29" }).files[0].content();
    expect(FORBIDDEN.test(text)).toBe(false);
    expect(text).not.toMatch(/NaN|Infinity/);
    const elements = saxesParse(text);
    const nodeIds = elements.filter((e) => e.name === "node").map((e) => e.attributes.id);
    expect(nodeIds).toHaveLength(graph.order);
    expect(new Set(nodeIds).size).toBe(graph.order);
    const edges = elements.filter((e) => e.name === "edge");
    expect(edges).toHaveLength(graph.size);
    const known = new Set(nodeIds);
    for (const e of edges) expect(known.has(e.attributes.source) && known.has(e.attributes.target)).toBe(true);
  });

  it.each(XML_FORMATS)("%s passes xmllint --noout", (format) => {
    if (!hasXmllint) {
      if (IN_CI) throw new Error("xmllint missing: apt-get install -y libxml2-utils");
      console.warn("skipped: xmllint not installed (apt-get install -y libxml2-utils)");
      return;
    }
    const path = tempFile(`g.${format}.xml`, exportGraph(graph, format).files[0].content());
    const r = xmllint(path);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("hostile content", () => {
  it("counts every removed character and every dropped number in the warnings", () => {
    const result = exportGraph(buildHostileGraph(), "gexf");
    expect(result.warnings).toEqual([]); // nothing written yet
    result.files[0].content();
    const w = result.warnings.join("\n");
    expect(w).toMatch(new RegExp(`removed ${HOSTILE_REMOVED_IN_GEXF} forbidden character\\(s\\)`));
    expect(w).toContain("3 control character(s)");
    expect(w).toContain("2 unpaired surrogate(s)");
    expect(w).toContain("1 non-character(s)");
    expect(w).toMatch(/x ×1/);
    expect(w).toMatch(/size ×1/);
    expect(w).toMatch(/weight ×1/);
    expect(w).toMatch(/confidence ×1/);
    expect(w).toContain("changed 1 id(s)");
  });

  it("writes a file twice with the same text and warnings (each write counts afresh)", () => {
    for (const format of XML_FORMATS) {
      const result = exportGraph(buildHostileGraph(), format);
      const a = result.files[0].content();
      const w1 = result.warnings;
      expect(w1.length).toBeGreaterThan(0);
      expect(result.files[0].content()).toBe(a);
      expect(result.warnings).toEqual(w1);
    }
  });

  it("keeps markup, bidi controls, tabs and newlines exactly in GEXF (lists in Gephi's array syntax)", () => {
    const text = exportGraph(buildHostileGraph(), "gexf").files[0].content();
    const els = saxesParse(text);
    const labels = els.filter((e) => e.name === "node").map((e) => e.attributes.label);
    expect(labels).toContain(HOSTILE.markup);
    expect(labels).toContain("تكريتمدينة");
    const titles = els.filter((e) => e.name === "attribute");
    const idOf = (t: string) => titles.find((e) => e.attributes.title === t)!.attributes.id;
    const values = (t: string) => els.filter((e) => e.name === "attvalue" && e.attributes.for === idOf(t)).map((e) => e.attributes.value);
    expect(values("roles").map(parseGephiList)).toContainEqual([`${HOSTILE.bidi}دور`]);
    const aliases = values("aliases").map(parseGephiList);
    expect(aliases).toContainEqual([`بغداد|${HOSTILE.markup}`, "a, b", "tab\there", "line\nbreak\r\nend"]);
    expect(aliases).toContainEqual(["xy", "z"]);
    expect(titles.map((e) => e.attributes.title)).toEqual(expect.arrayContaining(["اسم بديل", "weird:name<&>"]));
    expect(values("اسم بديل")).toEqual(["قيمة عربية"]);
  });

  it("keeps the same strings exactly in GraphML (lists as strict JSON)", () => {
    const els = saxesParse(exportGraph(buildHostileGraph(), "graphml").files[0].content());
    const keys = els.filter((e) => e.name === "key");
    const keyOf = (name: string) => keys.find((k) => k.attributes["attr.name"] === name && k.attributes.for === "node")!.attributes.id;
    const data = (name: string) => els.filter((e) => e.name === "data" && e.attributes.key === keyOf(name)).map((e) => e.text);
    expect(data("label")).toContain(HOSTILE.markup);
    expect(data("aliases").map((t) => JSON.parse(t))).toContainEqual([`بغداد|${HOSTILE.markup}`, "a, b", "tab\there", "line\nbreak\r\nend"]);
    expect(data("اسم بديل")).toEqual(["قيمة عربية"]);
    expect(keys.find((k) => k.attributes["attr.name"] === "weird:name<&>")?.attributes["attr.type"]).toBe("int");
  });
});

describe("arbitrary UTF-16 in labels, aliases, attribute names and values", () => {
  const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const text = fc.oneof(fc.string({ unit, maxLength: 12 }), fc.string({ maxLength: 12 }), fc.constantFrom(HOSTILE.markup, "😀", HOSTILE.loneHigh));
  const nonEmpty = text.filter((s) => clean(s) !== "");

  it("always gives well-formed GEXF and GraphML that read back as the cleaned strings", () => {
    fc.assert(
      fc.property(nonEmpty, fc.array(text, { maxLength: 4 }), nonEmpty, text, (label, aliases, attrName, attrValue) => {
        fc.pre(label !== "a" && !RESERVED.has(clean(attrName)));
        const g = new MultiDirectedGraph() as KnowledgeGraph;
        g.addNode("a", { label, type: "place", aliases, provenance: [], mentions: 0, docs: [], [attrName]: attrValue } as never);
        g.addNode(label, { label: "b", type: "force", aliases: [], provenance: [], mentions: 0, docs: [] });
        g.addEdgeWithKey(attrValue === "" ? "e" : attrValue, "a", label, { type: "OPPOSES", weight: 1, provenance: [] });
        const gexfText = exportGraph(g, "gexf").files[0].content();
        const back = gexf.parse(MultiDirectedGraph, gexfText, { respectInputGraphType: true });
        expect(back.order).toBe(2);
        expect(back.size).toBe(1);
        const a = back.getNodeAttributes("a");
        expect(a.label).toBe(clean(label));
        expect(a.aliases).toEqual(aliases.map(clean).filter((s) => s !== ""));
        if (clean(attrValue) !== "") {
          expect(String(a[clean(attrName)])).toBe(clean(attrValue));
        }
        const graphml = saxesParse(exportGraph(g, "graphml").files[0].content());
        expect(graphml.filter((e) => e.name === "node")).toHaveLength(2);
        expect(saxesParse(exportGraph(g, "gexf-1.2").files[0].content()).filter((e) => e.name === "edge")).toHaveLength(1);
      }),
      { numRuns: 150, seed: 8 },
    );
  });
});

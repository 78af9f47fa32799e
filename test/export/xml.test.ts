/**
 * Every XML export (GEXF 1.3, GEXF 1.2draft, GraphML) of the realistic and the hostile fixture is well-formed
 * for two strict XML 1.0 parsers: saxes (namespaces on) and libxml2's `xmllint --noout`.
 */
import { describe, expect, it } from "vitest";
import { exportGraph } from "../../src/export/index.ts";
import { buildFixtureGraph, buildHostileGraph, HOSTILE_REMOVED_IN_GEXF } from "./fixtures.ts";
import { IN_CI, saxesParse, tempFile, xmllint, xmllintPath } from "./helpers.ts";

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_FORMATS = ["gexf", "gexf-1.2", "graphml"] as const;
const GRAPHS = { fixture: buildFixtureGraph, hostile: buildHostileGraph };
const hasXmllint = xmllintPath() !== null;

describe.each(Object.entries(GRAPHS))("XML exports of the %s graph", (_name, build) => {
  const graph = build();
  it.each(XML_FORMATS)("%s is well-formed for saxes and holds every node and edge", (format) => {
    const text = exportGraph(graph, format, { date: "2026-11-29" }).files[0].content();
    expect(FORBIDDEN.test(text)).toBe(false);
    const elements = saxesParse(text);
    expect(elements.filter((e) => e.name === "node")).toHaveLength(graph.order);
    expect(elements.filter((e) => e.name === "edge")).toHaveLength(graph.size);
    const nodeIds = elements.filter((e) => e.name === "node").map((e) => e.attributes.id);
    expect(new Set(nodeIds).size).toBe(graph.order);
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

  it("writes a clean file twice with the same warnings (each write counts afresh)", () => {
    const result = exportGraph(buildHostileGraph(), "graphml");
    const a = result.files[0].content();
    const w1 = result.warnings;
    const b = result.files[0].content();
    expect(b).toBe(a);
    expect(result.warnings).toEqual(w1);
  });

  it("keeps markup, bidi controls, tabs and newlines exactly, and never writes NaN or Infinity", () => {
    const text = exportGraph(buildHostileGraph(), "gexf").files[0].content();
    expect(text).not.toMatch(/NaN|Infinity/);
    const els = saxesParse(text);
    const labels = els.filter((e) => e.name === "node").map((e) => e.attributes.label);
    expect(labels).toContain(`& < > " ' ]]> <!-- --> <![CDATA[x]]>`);
    expect(labels).toContain("تكريتمدينة");
    const values = els.filter((e) => e.name === "attvalue").map((e) => e.attributes.value);
    expect(values).toContain(JSON.stringify(["\u202E\u2066\u200Fدور"]));
    const lists = values.filter((v) => v.startsWith("[")).map((v) => JSON.parse(v) as unknown);
    expect(lists).toContainEqual([`بغداد|& < > " ' ]]> <!-- --> <![CDATA[x]]>`, "a, b", "tab\there", "line\nbreak\r\nend"]);
    expect(lists).toContainEqual(["xy", "z"]);
    const titles = els.filter((e) => e.name === "attribute").map((e) => e.attributes.title);
    expect(titles).toContain("اسم بديل");
    expect(titles).toContain("weird:name<&>");
  });
});

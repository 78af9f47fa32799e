/**
 * GEXF writer, streaming: GEXF 1.3 (gexf.net/1.3, Gephi 0.9.3+, Gephi Lite, graphology-gexf) or GEXF 1.2draft
 * (www.gexf.net/1.2draft, for networkx and older tools).
 *
 * Schema followed: the GEXF 1.3 RelaxNG grammar (github.com/gephi/gexf, 1.3/gexf.rnc) and the 1.2draft XSD.
 * Attribute types are limited to the ones both versions and networkx 2.8's reader know: string, integer,
 * double, boolean, liststring. Lists are written as `["a", "b"]` (see {@link encodeList}).
 */
import type { ExportModel, Column } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";
import { cleanText, formatNumber } from "./sanitize.ts";
import { columnValue, encodeList, IdMap } from "./values.ts";
import { circlePosition, edgeColor, nodeColor, nodeSize, type Rgba } from "./viz.ts";
import { escAttr, escText, XML_DECLARATION } from "./xml.ts";

export type GexfVersion = "1.3" | "1.2draft";

export interface GexfSettings {
  version: GexfVersion;
  creator: string;
  description: string;
  /** YYYY-MM-DD for `lastmodifieddate`. */
  date: string;
}

const HEADERS: Record<GexfVersion, string> = {
  "1.3":
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n',
  "1.2draft":
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n',
};

const GEXF_TYPES: Record<Column["kind"], string> = {
  string: "string",
  integer: "integer",
  double: "double",
  boolean: "boolean",
  list: "liststring",
  json: "string",
};

function colorElement(c: Rgba): string {
  return c.a === undefined
    ? `<viz:color r="${c.r}" g="${c.g}" b="${c.b}"/>`
    : `<viz:color r="${c.r}" g="${c.g}" b="${c.b}" a="${formatNumber(c.a)}"/>`;
}

function attributeDecl(cls: "node" | "edge", columns: Column[], report: ExportReport): string {
  let s = `<attributes class="${cls}" mode="static">\n`;
  columns.forEach((c, i) => {
    s += `<attribute id="${i}" title="${escAttr(cleanText(c.name, report))}" type="${GEXF_TYPES[c.kind]}"/>\n`;
  });
  return s + "</attributes>\n";
}

function attvalues(columns: Column[], attrs: Record<string, unknown>, report: ExportReport): string {
  let s = "";
  for (let i = 0; i < columns.length; i++) {
    const v = columnValue(columns[i], attrs, report);
    if (v === undefined) continue;
    const text = typeof v === "string" ? v : encodeList(v);
    s += `<attvalue for="${i}" value="${escAttr(text)}"/>`;
  }
  return s === "" ? "" : `<attvalues>${s}</attvalues>`;
}

/** Yields the GEXF document for `model` piece by piece (one piece per node or edge). */
export function* gexfPieces(model: ExportModel, settings: GexfSettings, report: ExportReport): Generator<string> {
  const { graph } = model;
  // Layout columns go to viz elements; edge weight goes to the `weight` attribute of <edge>.
  const nodeCols = model.nodeColumns.filter((c) => !c.layout);
  const edgeCols = model.edgeColumns.filter((c) => c.name !== "weight" && c.name !== "color");
  const nodeIds = new IdMap((id) => graph.hasNode(id), report);
  const edgeIds = new IdMap((id) => graph.hasEdge(id), report);

  yield XML_DECLARATION + HEADERS[settings.version];
  yield `<meta lastmodifieddate="${escAttr(settings.date)}"><creator>${escText(cleanText(settings.creator, report))}</creator>` +
    `<description>${escText(cleanText(settings.description, report))}</description></meta>\n`;
  yield '<graph defaultedgetype="directed" mode="static">\n';
  yield attributeDecl("node", nodeCols, report);
  yield attributeDecl("edge", edgeCols, report);

  const count = model.nodes.length;
  yield `<nodes count="${count}">\n`;
  for (let i = 0; i < count; i++) {
    const key = model.nodes[i];
    const attrs = graph.getNodeAttributes(key) as unknown as Record<string, unknown>;
    const label = cleanText(typeof attrs.label === "string" ? attrs.label : key, report);
    let pos: { x: number; y: number };
    if (typeof attrs.x === "number" && Number.isFinite(attrs.x) && typeof attrs.y === "number" && Number.isFinite(attrs.y)) {
      pos = { x: attrs.x, y: attrs.y };
    } else {
      if (attrs.x !== undefined && attrs.x !== null && !(typeof attrs.x === "number" && Number.isFinite(attrs.x))) report.dropNumber("x");
      if (attrs.y !== undefined && attrs.y !== null && !(typeof attrs.y === "number" && Number.isFinite(attrs.y))) report.dropNumber("y");
      pos = circlePosition(i, count);
    }
    if (attrs.size !== undefined && attrs.size !== null && !(typeof attrs.size === "number" && Number.isFinite(attrs.size))) {
      report.dropNumber("size");
    }
    yield `<node id="${escAttr(nodeIds.id(key))}" label="${escAttr(label)}">` +
      attvalues(nodeCols, attrs, report) +
      colorElement(nodeColor(attrs)) +
      `<viz:size value="${formatNumber(nodeSize(attrs))}"/>` +
      `<viz:position x="${formatNumber(pos.x)}" y="${formatNumber(pos.y)}" z="0"/>` +
      "</node>\n";
  }
  yield "</nodes>\n";

  yield `<edges count="${model.edges.length}">\n`;
  const kind = settings.version === "1.3";
  for (const key of model.edges) {
    const attrs = graph.getEdgeAttributes(key) as unknown as Record<string, unknown>;
    const type = typeof attrs.type === "string" ? escAttr(cleanText(attrs.type, report)) : "";
    let weight = "";
    if (typeof attrs.weight === "number" && Number.isFinite(attrs.weight)) weight = ` weight="${formatNumber(attrs.weight)}"`;
    else if (attrs.weight !== undefined && attrs.weight !== null) report.dropNumber("weight");
    yield `<edge id="${escAttr(edgeIds.id(key))}" source="${escAttr(nodeIds.id(graph.source(key)))}" ` +
      `target="${escAttr(nodeIds.id(graph.target(key)))}"` +
      (type === "" ? "" : ` label="${type}"`) +
      (kind && type !== "" ? ` kind="${type}"` : "") +
      weight +
      ">" +
      attvalues(edgeCols, attrs, report) +
      colorElement(edgeColor(attrs)) +
      "</edge>\n";
  }
  yield "</edges>\n</graph>\n</gexf>\n";
}

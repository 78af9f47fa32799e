/**
 * GEXF writer, streaming: GEXF 1.3 (gexf.net/1.3, Gephi 0.9.3+, Gephi Lite, graphology-gexf) or GEXF 1.2draft
 * (www.gexf.net/1.2draft, for networkx and older tools).
 *
 * Schema followed: the GEXF 1.3 RelaxNG grammar (github.com/gephi/gexf, 1.3/gexf.rnc) and the 1.2draft XSD.
 * Attribute types are limited to the ones both versions and networkx 2.8's reader know: string, integer,
 * double, boolean, liststring. Lists are written in Gephi's array syntax `["a", "b"]` (see {@link encodeGexfList});
 * provenance as JSON text. Each node carries `viz:color` (r/g/b integers: its own colour, else its type's),
 * `viz:size` and `viz:position` (its x/y, else a place on a circle, see {@link circlePosition}); each edge its
 * relation type as `label` (what Gephi shows), as `kind` (1.3 only: parallel edges of different types), and as
 * the `type` attribute, its `weight` and its `evidence` count.
 */
import type { ExportModel, Column } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";
import { cleanText, formatNumber } from "./sanitize.ts";
import { columnValue, encodeGexfList } from "./values.ts";
import { circlePosition, edgeColor, nodeColor, nodeSize, type Rgba } from "./viz.ts";
import { escAttr, escText, quoteAttr, XML_DECLARATION } from "./xml.ts";

export type GexfVersion = "1.3" | "1.2draft";

/** Settings of {@link gexfPieces}. */
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
    s += `<attribute id="${i}" title=${quoteAttr(cleanText(c.name, report))} type="${GEXF_TYPES[c.kind]}"/>\n`;
  });
  return s + "</attributes>\n";
}

function attvalues(columns: Column[], attrs: Record<string, unknown>, report: ExportReport): string {
  let s = "";
  for (let i = 0; i < columns.length; i++) {
    const v = columnValue(columns[i], attrs, report);
    if (v === undefined) continue;
    s += `<attvalue for="${i}" value=${quoteAttr(typeof v === "string" ? v : encodeGexfList(v))}/>`;
  }
  return s === "" ? "" : `<attvalues>${s}</attvalues>`;
}

function finite(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Counts `value` as a dropped number when it is present but not a finite number. */
function checkNumber(value: unknown, name: string, report: ExportReport): void {
  if (value !== undefined && value !== null && !finite(value)) report.dropNumber(name);
}

/**
 * Yields the GEXF document for `model` piece by piece (one piece per node or edge), cleaning every string and
 * counting what it removes or drops in `report`.
 */
export function* gexfPieces(model: ExportModel, settings: GexfSettings, report: ExportReport): Generator<string> {
  // Layout columns go to viz elements; edge weight goes to the `weight` attribute of <edge>.
  const nodeCols = model.nodeColumns.filter((c) => !c.layout);
  const edgeCols = model.edgeColumns.filter((c) => c.name !== "weight" && c.name !== "color");

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
    const attrs = model.nodeAttrs[i];
    if (model.nodeIdChanged(key)) report.countChangedId(key);
    const label = cleanText(typeof attrs.label === "string" ? attrs.label : model.nodeId(key), report);
    let pos: { x: number; y: number };
    if (finite(attrs.x) && finite(attrs.y)) {
      pos = { x: attrs.x, y: attrs.y };
    } else {
      checkNumber(attrs.x, "x", report);
      checkNumber(attrs.y, "y", report);
      pos = circlePosition(i, count);
    }
    checkNumber(attrs.size, "size", report);
    yield `<node id=${quoteAttr(model.nodeId(key))} label=${quoteAttr(label)}>` +
      attvalues(nodeCols, attrs, report) +
      colorElement(nodeColor(attrs)) +
      `<viz:size value="${formatNumber(nodeSize(attrs))}"/>` +
      `<viz:position x="${formatNumber(pos.x)}" y="${formatNumber(pos.y)}" z="0"/>` +
      "</node>\n";
  }
  yield "</nodes>\n";

  yield `<edges count="${model.edges.length}">\n`;
  const withKind = settings.version === "1.3";
  for (let j = 0; j < model.edges.length; j++) {
    const key = model.edges[j];
    const attrs = model.edgeAttrs[j];
    if (model.edgeIdChanged(key)) report.countChangedId(key);
    const type = typeof attrs.type === "string" && attrs.type !== "" ? quoteAttr(cleanText(attrs.type, report)) : "";
    let weight = "";
    if (finite(attrs.weight)) weight = ` weight="${formatNumber(attrs.weight)}"`;
    else checkNumber(attrs.weight, "weight", report);
    yield `<edge id=${quoteAttr(model.edgeId(key))} source=${quoteAttr(model.nodeId(model.edgeSources[j]))} ` +
      `target=${quoteAttr(model.nodeId(model.edgeTargets[j]))}` +
      (type === "" ? "" : ` label=${type}`) +
      (withKind && type !== "" ? ` kind=${type}` : "") +
      weight +
      ">" +
      attvalues(edgeCols, attrs, report) +
      colorElement(edgeColor(attrs)) +
      "</edge>\n";
  }
  yield "</edges>\n</graph>\n</gexf>\n";
}

/**
 * GraphML writer, streaming, with typed keys (GraphML 1.0 specification, graphml.graphdrawing.org; the
 * `attr.name` / `attr.type` extension for data values). Read by networkx, igraph, Gephi, Cytoscape and yEd.
 *
 * Key types: `string`, `int`, `double`, `boolean`. GraphML has no list type: lists are written as strings
 * holding a JSON array (`["a", "b"]`, see {@link encodeList}); `provenance` as JSON text.
 * Every node gets a `label` key; layout attributes (x, y, size, color) are written as plain data where the graph
 * (or the export's `positions`) has them, and left out elsewhere: GraphML readers draw no layout of their own.
 */
import type { Column, ExportModel } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";
import { cleanText } from "./sanitize.ts";
import { columnValue, encodeList } from "./values.ts";
import { escText, quoteAttr, XML_DECLARATION } from "./xml.ts";

const GRAPHML_TYPES: Record<Column["kind"], string> = {
  string: "string",
  integer: "int",
  double: "double",
  boolean: "boolean",
  list: "string",
  json: "string",
};

function keyDecls(prefix: string, forWhat: "node" | "edge", columns: Column[], report: ExportReport): string {
  let s = "";
  columns.forEach((c, i) => {
    s += `<key id="${prefix}${i}" for="${forWhat}" attr.name=${quoteAttr(cleanText(c.name, report))} attr.type="${GRAPHML_TYPES[c.kind]}"/>\n`;
  });
  return s;
}

function dataElements(prefix: string, columns: Column[], attrs: Record<string, unknown>, report: ExportReport): string {
  let s = "";
  for (let i = 0; i < columns.length; i++) {
    const v = columnValue(columns[i], attrs, report);
    if (v === undefined) continue;
    const text = typeof v === "string" ? v : encodeList(v);
    // An empty element reads back as "no text" (networkx turns it into the string "None"): leave it out.
    if (text === "") continue;
    s += `<data key="${prefix}${i}">${escText(text)}</data>`;
  }
  return s;
}

/**
 * Yields the GraphML document for `model` piece by piece (one piece per node or edge), cleaning every string
 * and counting what it removes or drops in `report`.
 */
export function* graphmlPieces(model: ExportModel, report: ExportReport): Generator<string> {
  const nodeCols: Column[] = [{ name: "label", kind: "string" }, ...model.nodeColumns];
  const edgeCols = model.edgeColumns;

  yield XML_DECLARATION +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield keyDecls("n", "node", nodeCols, report);
  yield keyDecls("e", "edge", edgeCols, report);
  yield '<graph id="G" edgedefault="directed">\n';
  for (let i = 0; i < model.nodes.length; i++) {
    const key = model.nodes[i];
    if (model.nodeIdChanged(key)) report.countChangedId(key);
    yield `<node id=${quoteAttr(model.nodeId(key))}>${dataElements("n", nodeCols, model.nodeAttrs[i], report)}</node>\n`;
  }
  for (let j = 0; j < model.edges.length; j++) {
    const key = model.edges[j];
    if (model.edgeIdChanged(key)) report.countChangedId(key);
    yield `<edge id=${quoteAttr(model.edgeId(key))} source=${quoteAttr(model.nodeId(model.edgeSources[j]))} ` +
      `target=${quoteAttr(model.nodeId(model.edgeTargets[j]))}>${dataElements("e", edgeCols, model.edgeAttrs[j], report)}</edge>\n`;
  }
  yield "</graph>\n</graphml>\n";
}

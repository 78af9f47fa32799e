/**
 * CSV writer: `nodes.csv` and `edges.csv` (RFC 4180: comma-separated, CRLF line ends, a field quoted when it
 * holds `"`, `,`, CR or LF, quotes doubled). UTF-8; a byte order mark on request, so spreadsheet programs
 * detect the encoding. Lists are JSON arrays (`["a", "b"]`), provenance is JSON text.
 */
import type { Column, ExportModel } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";
import { cleanText } from "./sanitize.ts";
import { columnValue, encodeList } from "./values.ts";

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field. */
export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** One RFC 4180 record (fields joined by commas, ended by CRLF). */
export function csvRecord(fields: string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

function values(columns: Column[], attrs: Record<string, unknown>, report: ExportReport): string[] {
  return columns.map((c) => {
    const v = columnValue(c, attrs, report);
    return v === undefined ? "" : typeof v === "string" ? v : encodeList(v);
  });
}

/** Yields `nodes.csv`: `id,label,<node columns>`. */
export function* csvNodePieces(model: ExportModel, report: ExportReport): Generator<string> {
  yield csvRecord(["id", "label", ...model.nodeColumns.map((c) => cleanText(c.name, report))]);
  for (let i = 0; i < model.nodes.length; i++) {
    const key = model.nodes[i];
    const attrs = model.nodeAttrs[i];
    if (model.nodeIdChanged(key)) report.countChangedId(key);
    const label = typeof attrs.label === "string" ? cleanText(attrs.label, report) : "";
    yield csvRecord([model.nodeId(key), label, ...values(model.nodeColumns, attrs, report)]);
  }
}

/** Yields `edges.csv`: `id,source,target,<edge columns>`. */
export function* csvEdgePieces(model: ExportModel, report: ExportReport): Generator<string> {
  yield csvRecord(["id", "source", "target", ...model.edgeColumns.map((c) => cleanText(c.name, report))]);
  for (let j = 0; j < model.edges.length; j++) {
    const key = model.edges[j];
    if (model.edgeIdChanged(key)) report.countChangedId(key);
    yield csvRecord([
      model.edgeId(key),
      model.nodeId(model.edgeSources[j]),
      model.nodeId(model.edgeTargets[j]),
      ...values(model.edgeColumns, model.edgeAttrs[j], report),
    ]);
  }
}

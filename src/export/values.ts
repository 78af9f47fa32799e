/**
 * Turning attribute values into clean text, per column kind, and keeping ids valid and unique.
 */
import type { Column } from "./model.ts";
import { rawValue } from "./model.ts";
import { cleanText, type ExportReport, formatNumber } from "./sanitize.ts";

/** A cleaned value: text, a list of texts (kind `list`), or undefined when nothing is written. */
export type CleanValue = string | string[] | undefined;

function anyToText(v: unknown, report: ExportReport): string {
  if (typeof v === "string") return cleanText(v, report);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return cleanText(JSON.stringify(v) ?? "", report);
}

/**
 * The value of `column` on an element, cleaned: strings lose forbidden characters, numbers must be finite
 * (integers for `integer`), booleans must be booleans, lists become arrays of cleaned, non-empty strings, `json` values
 * become compact JSON text. A present value of the wrong kind is not written and is counted in `report`.
 */
export function columnValue(column: Column, attributes: Record<string, unknown>, report: ExportReport): CleanValue {
  const v = rawValue(column, attributes);
  if (v === undefined || v === null) return undefined;
  switch (column.kind) {
    case "string":
      return anyToText(v, report);
    case "integer":
      if (typeof v === "number" && Number.isInteger(v)) return formatNumber(v);
      report.dropNumber(column.name);
      return undefined;
    case "double":
      if (typeof v === "number" && Number.isFinite(v)) return formatNumber(v);
      report.dropNumber(column.name);
      return undefined;
    case "boolean":
      if (typeof v === "boolean") return v ? "true" : "false";
      report.dropNumber(column.name);
      return undefined;
    case "list": {
      // Empty items carry nothing and graphology-gexf drops them from a GEXF list anyway: leave them out everywhere.
      const items = Array.isArray(v) ? v.map((x) => anyToText(x, report)) : [anyToText(v, report)];
      return items.filter((s) => s !== "");
    }
    case "json":
      return cleanText(JSON.stringify(v) ?? "null", report);
  }
}

/**
 * Encodes a list as a strict JSON array of strings with `", "` between items: `["a|b", "c, d"]` (GraphML,
 * CSV, Neo4j's string columns). Any item survives (commas, pipes, quotes, backslashes, newlines); Python's
 * `json.loads` decodes it. Items are already clean, so the JSON escapes are `\"`, `\\`, `\n`, `\r`, `\t`.
 */
export function encodeList(items: string[]): string {
  return "[" + items.map((s) => JSON.stringify(s)).join(", ") + "]";
}

const LIST_ESCAPE = /[\\"]/g;

/**
 * Encodes a list for a GEXF `liststring` value in the array syntax Gephi writes and reads (graphstore
 * `ArraysParser`: `[item, "item, with comma"]`, a literal between double quotes, `\\` and `\"` the only
 * escapes) and graphology-gexf reads (`parseListPieces`): `["a|b", "c, d"]`. Every item is quoted, so commas,
 * pipes, brackets and spaces survive; tab, LF and CR stay raw (the XML writer turns them into character
 * references). Both readers give back the exact items. Without tab/LF/CR it is also strict JSON; with them,
 * Python reads it with `json.loads(text, strict=False)`.
 */
export function encodeGexfList(items: string[]): string {
  let s = "[";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) s += ", ";
    s += '"' + items[i].replace(LIST_ESCAPE, "\\$&") + '"';
  }
  return s + "]";
}

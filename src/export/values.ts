/**
 * Turning attribute values into clean text, per column kind, and keeping ids valid and unique.
 */
import type { Column } from "./model.ts";
import { rawValue } from "./model.ts";
import { cleanText, isCleanText, type ExportReport, formatNumber } from "./sanitize.ts";

/** A cleaned value: text, a list of texts (kind `list`), or undefined when nothing is written. */
export type CleanValue = string | string[] | undefined;

function anyToText(v: unknown, report: ExportReport): string {
  if (typeof v === "string") return cleanText(v, report);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return cleanText(JSON.stringify(v) ?? "", report);
}

/**
 * The value of `column` on an element, cleaned: strings lose forbidden characters, numbers must be finite
 * (integers for `integer`), booleans must be booleans, lists become arrays of cleaned strings, `json` values
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
    case "list":
      if (Array.isArray(v)) return v.map((x) => anyToText(x, report));
      return [anyToText(v, report)];
    case "json":
      return cleanText(JSON.stringify(v) ?? "null", report);
  }
}

/**
 * Encodes a list as a JSON array of strings with `", "` between items: `["a|b", "c, d"]`. Any item survives
 * (commas, pipes, quotes, backslashes); Gephi 0.9+ and graphology-gexf read this as a list, Python's
 * `json.loads` decodes it. Items are already clean, so JSON escapes are only `\"`, `\\`, `\n`, `\r`, `\t`.
 */
export function encodeList(items: string[]): string {
  return "[" + items.map((s) => JSON.stringify(s)).join(", ") + "]";
}

/**
 * Maps node or edge keys to export ids: a clean key is its own id; a key with forbidden characters loses them
 * and, if that clashes with another key, gets a `~2`, `~3`… suffix. Changes are counted in the report.
 */
export class IdMap {
  private readonly changed = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly exists: (id: string) => boolean,
    private readonly report: ExportReport,
  ) {}

  id(key: string): string {
    if (isCleanText(key) && key !== "") return key;
    const known = this.changed.get(key);
    if (known !== undefined) return known;
    const base = cleanText(key, this.report) || "_";
    let candidate = base;
    for (let i = 2; this.exists(candidate) || this.taken.has(candidate); i++) candidate = `${base}~${i}`;
    this.taken.add(candidate);
    this.changed.set(key, candidate);
    this.report.idsChanged++;
    return candidate;
  }
}

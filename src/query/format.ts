/**
 * Text renderings of a query result for the command line: an aligned table (nodes as `(type label)`,
 * relationships as `[TYPE]`, paths as `(a)-[T]->(b)`), JSON, or CSV (RFC 4180 quoting; nested values as JSON).
 */
import type { QueryResult } from "./index.ts";

export type OutputFormat = "table" | "json" | "csv";

type Obj = Record<string, unknown>;

function isNode(v: unknown): v is { id: string; labels: string[]; properties: Obj } {
  return typeof v === "object" && v !== null && "labels" in v && "properties" in v;
}
function isRel(v: unknown): v is { id: string; type: string; start: string; end: string; properties: Obj } {
  return typeof v === "object" && v !== null && "type" in v && "start" in v && "end" in v;
}
function isPath(v: unknown): v is { nodes: unknown[]; relationships: unknown[] } {
  return typeof v === "object" && v !== null && "nodes" in v && "relationships" in v && !("labels" in v);
}

function nodeText(n: { id: string; labels: string[]; properties: Obj }): string {
  const name = n.properties.label ?? n.properties.name ?? n.id;
  return `(${n.labels.join(":")}${n.labels.length ? " " : ""}${String(name)})`;
}

/** A compact one-line rendering of a result value. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return v;
  if (typeof v !== "object") return String(v);
  if (isPath(v)) {
    const nodes = v.nodes as { id: string; labels: string[]; properties: Obj }[];
    const rels = v.relationships as { type: string; start: string }[];
    let out = nodeText(nodes[0]);
    rels.forEach((r, i) => {
      const forward = r.start === nodes[i].id;
      out += `${forward ? "" : "<"}-[${r.type}]-${forward ? ">" : ""}${nodeText(nodes[i + 1])}`;
    });
    return out;
  }
  if (isNode(v)) return nodeText(v);
  if (isRel(v)) return `[${v.type}]`;
  if (Array.isArray(v)) return `[${v.map(cellText).join(", ")}]`;
  return JSON.stringify(v);
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders `r` in `format`; the text ends with a newline. */
export function formatResult(r: QueryResult, format: OutputFormat): string {
  if (format === "json") return JSON.stringify(r, null, 2) + "\n";
  if (format === "csv") return [r.columns, ...r.rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  const cells = r.rows.map((row) => row.map(cellText));
  const widths = r.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]): string => row.map((c, i) => c.padEnd(widths[i])).join(" | ").trimEnd();
  const out = [line(r.columns), widths.map((w) => "-".repeat(w)).join("-+-"), ...cells.map(line)];
  out.push(`(${r.rows.length} row${r.rows.length === 1 ? "" : "s"}${r.truncated ? ", truncated" : ""}, ${r.stats.elapsedMs} ms)`);
  return out.join("\n") + "\n";
}

/**
 * Neo4j export: CSV files in the `neo4j-admin database import` header format (Neo4j Operations Manual, "Import":
 * `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:type` property columns with types `string`, `long`,
 * `double`, `boolean`, `string[]`), and a Cypher script (`MERGE` in `UNWIND` batches) for small graphs.
 *
 * Every node gets the label `Node` plus its type in PascalCase (`Node;Place`); relationships keep their relation
 * type (`HEADS`). Array values and label lists are split on one delimiter chosen so that no value contains it
 * (`;` unless a value has one); the import command line in docs/export.md passes it as `--array-delimiter`.
 */
import { DataError } from "../errors.ts";
import type { Column, ExportModel } from "./model.ts";
import { rawValue } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";
import { cleanText, formatNumber } from "./sanitize.ts";
import { csvRecord } from "./csv.ts";
import { columnValue, IdMap, type CleanValue } from "./values.ts";

const NEO4J_TYPES: Record<Column["kind"], string> = {
  string: "string",
  integer: "long",
  double: "double",
  boolean: "boolean",
  list: "string[]",
  json: "string",
};

/** Delimiters tried in order for array values and label lists. */
export const ARRAY_DELIMITER_CANDIDATES = [";", "|", "¦", "\u241F"] as const;

/** The label every exported node carries (the import script matches on `(:Node {id})`). */
export const BASE_LABEL = "Node";

/** `place` → `Place`, `official` → `Official`; other strings are cleaned of characters a label cannot hold. */
export function typeLabel(type: unknown): string {
  if (typeof type !== "string" || type === "") return "Unknown";
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** First delimiter of {@link ARRAY_DELIMITER_CANDIDATES} found in no list item and no label of the model. */
export function chooseArrayDelimiter(model: ExportModel): string {
  const listCols = model.nodeColumns.filter((c) => c.kind === "list");
  const edgeListCols = model.edgeColumns.filter((c) => c.kind === "list");
  const used = new Set<string>();
  const check = (s: string) => {
    for (const d of ARRAY_DELIMITER_CANDIDATES) if (s.includes(d)) used.add(d);
  };
  for (const n of model.nodes) {
    const a = model.graph.getNodeAttributes(n) as unknown as Record<string, unknown>;
    check(typeLabel(a.type));
    for (const c of listCols) {
      const v = rawValue(c, a);
      if (Array.isArray(v)) for (const x of v) check(String(x));
    }
  }
  for (const e of model.edges) {
    const a = model.graph.getEdgeAttributes(e) as unknown as Record<string, unknown>;
    for (const c of edgeListCols) {
      const v = rawValue(c, a);
      if (Array.isArray(v)) for (const x of v) check(String(x));
    }
  }
  const free = ARRAY_DELIMITER_CANDIDATES.find((d) => !used.has(d));
  if (free === undefined) {
    throw new DataError(`exportNeo4j: every array delimiter (${ARRAY_DELIMITER_CANDIDATES.join(" ")}) occurs in list values.`);
  }
  return free;
}

/** A property name for a header: cleaned, with `:` (the header's type separator) replaced by `_`. */
function headerName(name: string, report: ExportReport): string {
  return cleanText(name, report).replace(/:/g, "_");
}

function csvValue(v: CleanValue, delimiter: string): string {
  return v === undefined ? "" : typeof v === "string" ? v : v.join(delimiter);
}

/** Yields the node CSV: `id:ID,:LABEL,label:string,<name:type>…`. */
export function* neo4jNodePieces(model: ExportModel, delimiter: string, report: ExportReport): Generator<string> {
  const { graph } = model;
  const ids = new IdMap((id) => graph.hasNode(id), report);
  const cols = model.nodeColumns;
  yield csvRecord(["id:ID", ":LABEL", "label:string", ...cols.map((c) => `${headerName(c.name, report)}:${NEO4J_TYPES[c.kind]}`)]);
  for (const key of model.nodes) {
    const a = graph.getNodeAttributes(key) as unknown as Record<string, unknown>;
    const labels = BASE_LABEL + delimiter + cleanText(typeLabel(a.type), report);
    const label = typeof a.label === "string" ? cleanText(a.label, report) : "";
    yield csvRecord([ids.id(key), labels, label, ...cols.map((c) => csvValue(columnValue(c, a, report), delimiter))]);
  }
}

/** Yields the relationship CSV: `:START_ID,:END_ID,:TYPE,id:string,<name:type>…`. */
export function* neo4jEdgePieces(model: ExportModel, delimiter: string, report: ExportReport): Generator<string> {
  const { graph } = model;
  const nodeIds = new IdMap((id) => graph.hasNode(id), report);
  const edgeIds = new IdMap((id) => graph.hasEdge(id), report);
  const cols = model.edgeColumns;
  yield csvRecord([":START_ID", ":END_ID", ":TYPE", "id:string", ...cols.map((c) => `${headerName(c.name, report)}:${NEO4J_TYPES[c.kind]}`)]);
  for (const key of model.edges) {
    const a = graph.getEdgeAttributes(key) as unknown as Record<string, unknown>;
    const type = typeof a.type === "string" && a.type !== "" ? cleanText(a.type, report) : "RELATED_TO";
    yield csvRecord([
      nodeIds.id(graph.source(key)),
      nodeIds.id(graph.target(key)),
      type,
      edgeIds.id(key),
      ...cols.map((c) => csvValue(columnValue(c, a, report), delimiter)),
    ]);
  }
}

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
import { cleanText } from "./sanitize.ts";
import { csvRecord } from "./csv.ts";
import { columnValue, type CleanValue } from "./values.ts";

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

/** The Neo4j label of a node type: `place` → `Place`, `official` → `Official`; no type → `Unknown`. */
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
  for (const a of model.nodeAttrs) {
    check(typeLabel(a.type));
    for (const c of listCols) {
      const v = rawValue(c, a);
      if (Array.isArray(v)) for (const x of v) check(String(x));
    }
  }
  for (const a of model.edgeAttrs) {
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

/** Relationship type of an edge: its `type`, or `RELATED_TO` when it has none. */
export function relationshipType(type: unknown, report: ExportReport): string {
  return typeof type === "string" && type !== "" ? cleanText(type, report) : "RELATED_TO";
}

/** Property columns of relationships: every edge column but `type`, which is the relationship type itself. */
export function relationshipColumns(model: ExportModel): Column[] {
  return model.edgeColumns.filter((c) => c.name !== "type");
}

/** The header field of a property column: `name:type` (`aliases:string[]`, `mentions:long`). */
function headerField(c: Column, report: ExportReport): string {
  return `${headerName(c.name, report)}:${NEO4J_TYPES[c.kind]}`;
}

/** Yields the node CSV: `id:ID,:LABEL,label:string,<name:type>…`. */
export function* neo4jNodePieces(model: ExportModel, delimiter: string, report: ExportReport): Generator<string> {
  const cols = model.nodeColumns;
  yield csvRecord(["id:ID", ":LABEL", "label:string", ...cols.map((c) => headerField(c, report))]);
  for (let i = 0; i < model.nodes.length; i++) {
    const key = model.nodes[i];
    const a = model.nodeAttrs[i];
    if (model.nodeIdChanged(key)) report.countChangedId(key);
    const labels = BASE_LABEL + delimiter + cleanText(typeLabel(a.type), report);
    const label = typeof a.label === "string" ? cleanText(a.label, report) : "";
    yield csvRecord([model.nodeId(key), labels, label, ...cols.map((c) => csvValue(columnValue(c, a, report), delimiter))]);
  }
}

/** Yields the relationship CSV: `:START_ID,:END_ID,:TYPE,id:string,<name:type>…`. */
export function* neo4jEdgePieces(model: ExportModel, delimiter: string, report: ExportReport): Generator<string> {
  const cols = relationshipColumns(model);
  yield csvRecord([":START_ID", ":END_ID", ":TYPE", "id:string", ...cols.map((c) => headerField(c, report))]);
  for (let j = 0; j < model.edges.length; j++) {
    const key = model.edges[j];
    const a = model.edgeAttrs[j];
    if (model.edgeIdChanged(key)) report.countChangedId(key);
    yield csvRecord([
      model.nodeId(model.edgeSources[j]),
      model.nodeId(model.edgeTargets[j]),
      relationshipType(a.type, report),
      model.edgeId(key),
      ...cols.map((c) => csvValue(columnValue(c, a, report), delimiter)),
    ]);
  }
}

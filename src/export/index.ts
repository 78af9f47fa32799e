/**
 * Every export format of the knowledge graph: GEXF 1.3 and 1.2draft, GraphML, CSV, Neo4j and JSON
 * (docs/export.md describes each file). Writers stream: a 100,000-node graph is written piece by piece.
 */
import { BadRequestError } from "../errors.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { csvEdgePieces, csvNodePieces } from "./csv.ts";
import { cypherStatements, schemaStatements } from "./cypher.ts";
import { makeFile, type ReportRegistry } from "./file.ts";
import { gexfPieces } from "./gexf.ts";
import { graphmlPieces } from "./graphml.ts";
import { jsonPieces } from "./json.ts";
import { buildModel } from "./model.ts";
import { chooseArrayDelimiter, neo4jEdgePieces, neo4jNodePieces } from "./neo4j.ts";
import { EXPORT_FORMATS, type ExportFile, type ExportFormat, type ExportOptions, type ExportResult } from "./types.ts";

export { EXPORT_FORMATS } from "./types.ts";
export type { ExportFile, ExportFormat, ExportOptions, ExportResult, NodePosition, SubgraphSelection } from "./types.ts";
export { zipStream } from "./zip.ts";
export { writeFileAtomic } from "./file.ts";
export { JSON_EXPORT_VERSION } from "./json.ts";

/** Defaults of {@link ExportOptions}. */
export const DEFAULT_EXPORT_OPTIONS = {
  includeCooccurrence: true,
  bom: false,
  creator: "Shabaka",
  description: "Knowledge graph extracted from Arabic news articles by Shabaka",
  cypherBatchSize: 1000,
} as const;

/** True when `x` names an export format. */
export function isExportFormat(x: unknown): x is ExportFormat {
  return typeof x === "string" && (EXPORT_FORMATS as readonly string[]).includes(x);
}

/** Whether `text` is YYYY-MM-DD naming a day that exists (xsd:date, which GEXF's `lastmodifieddate` is). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/**
 * Validates options, filling defaults.
 * @throws BadRequestError (code `BAD_OPTION`) for a malformed date, batch size or position.
 */
export function resolveExportOptions(options: ExportOptions = {}) {
  for (const [key, p] of options.positions ?? []) {
    if (!Number.isFinite(p?.x) || !Number.isFinite(p?.y)) {
      throw new BadRequestError(`exportGraph: position of node "${key}" is not two finite numbers.`, "BAD_OPTION");
    }
  }
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(date)) {
    throw new BadRequestError(`exportGraph: date "${date}" is not a calendar day as YYYY-MM-DD.`, "BAD_OPTION");
  }
  const batch = options.cypherBatchSize ?? DEFAULT_EXPORT_OPTIONS.cypherBatchSize;
  if (!Number.isInteger(batch) || batch < 1) {
    throw new BadRequestError(`exportGraph: cypherBatchSize ${batch} is not a positive integer.`, "BAD_OPTION");
  }
  return {
    includeCooccurrence: options.includeCooccurrence ?? DEFAULT_EXPORT_OPTIONS.includeCooccurrence,
    bom: options.bom ?? DEFAULT_EXPORT_OPTIONS.bom,
    subgraph: options.subgraph,
    positions: options.positions,
    creator: options.creator ?? DEFAULT_EXPORT_OPTIONS.creator,
    description: options.description ?? DEFAULT_EXPORT_OPTIONS.description,
    date,
    cypherBatchSize: batch,
  };
}

/** File extension and media type of each single-file format. */
const SINGLE: Partial<Record<ExportFormat, { filename: string; mediaType: string }>> = {
  gexf: { filename: "graph.gexf", mediaType: "application/gexf+xml" },
  "gexf-1.2": { filename: "graph.gexf", mediaType: "application/gexf+xml" },
  graphml: { filename: "graph.graphml", mediaType: "application/graphml+xml" },
  json: { filename: "graph.json", mediaType: "application/json" },
};

/** True for formats that produce several files (csv, neo4j). */
export function isMultiFile(format: ExportFormat): boolean {
  return SINGLE[format] === undefined;
}

/**
 * Exports `graph` (or a subgraph) in `format`. Nothing is written yet: each returned file writes itself when
 * read (`content()`, `stream()`, `writeTo()`), streaming one node or edge at a time, so memory stays flat.
 *
 * Files: gexf / gexf-1.2 → `graph.gexf`; graphml → `graph.graphml`; json → `graph.json`; csv → `nodes.csv`,
 * `edges.csv`; neo4j → `nodes.csv`, `edges.csv` (neo4j-admin headers), `import.cypher`, `schema.cypher`.
 * `warnings` is complete once every file has been written.
 *
 * @throws BadRequestError code `BAD_FORMAT` for an unknown format; `UNKNOWN_NODE` / `UNKNOWN_EDGE` for subgraph
 *   keys not in the graph; `BAD_OPTION` for invalid options. DataError when no Neo4j array delimiter fits.
 */
export function exportGraph(graph: KnowledgeGraph, format: string, options: ExportOptions = {}): ExportResult {
  if (!isExportFormat(format)) {
    throw new BadRequestError(
      `exportGraph: unknown format "${format}"; expected one of ${EXPORT_FORMATS.join(", ")}.`,
      "BAD_FORMAT",
    );
  }
  const opts = resolveExportOptions(options);
  const model = buildModel(graph, opts);
  const registry: ReportRegistry = new Map();
  const files: ExportFile[] = [];
  const notes: string[] = [];
  switch (format) {
    case "gexf":
    case "gexf-1.2": {
      const version = format === "gexf" ? "1.3" : "1.2draft";
      const settings = { version, creator: opts.creator, description: opts.description, date: opts.date } as const;
      files.push(makeFile("graph.gexf", "application/gexf+xml", (r) => gexfPieces(model, settings, r), registry));
      break;
    }
    case "graphml":
      files.push(makeFile("graph.graphml", "application/graphml+xml", (r) => graphmlPieces(model, r), registry));
      break;
    case "json":
      files.push(makeFile("graph.json", "application/json", (r) => jsonPieces(model, !opts.subgraph, r), registry));
      break;
    case "csv":
      files.push(makeFile("nodes.csv", "text/csv", (r) => csvNodePieces(model, r), registry, opts.bom));
      files.push(makeFile("edges.csv", "text/csv", (r) => csvEdgePieces(model, r), registry, opts.bom));
      break;
    case "neo4j": {
      const delimiter = chooseArrayDelimiter(model);
      files.push(makeFile("nodes.csv", "text/csv", (r) => neo4jNodePieces(model, delimiter, r), registry, opts.bom));
      files.push(makeFile("edges.csv", "text/csv", (r) => neo4jEdgePieces(model, delimiter, r), registry, opts.bom));
      files.push(
        makeFile("import.cypher", "application/x-cypher-query", function* (r) {
          for (const s of cypherStatements(model, { batchSize: opts.cypherBatchSize }, r)) yield s + ";\n\n";
        }, registry),
      );
      files.push(
        makeFile("schema.cypher", "application/x-cypher-query", function* () {
          for (const s of schemaStatements()) yield s + ";\n";
        }, registry),
      );
      if (delimiter !== ";") {
        notes.push(`neo4j: array delimiter is "${delimiter}" (a value contains ";"); pass --array-delimiter="${delimiter}".`);
      }
      break;
    }
  }
  return {
    format,
    files,
    counts: { nodes: model.nodes.length, edges: model.edges.length },
    get warnings() {
      const out = [...notes];
      for (const report of registry.values()) out.push(...report.warnings());
      return out;
    },
  };
}

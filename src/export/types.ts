/** Shared types of the exports (see `docs/export.md`). */
import type { Readable, Writable } from "node:stream";

/** Every export format, in the order the CLI and the API list them. */
export const EXPORT_FORMATS = ["gexf", "gexf-1.2", "graphml", "csv", "neo4j", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which part of the graph to export: node keys, and optionally edge keys (default: every edge between them). */
export interface SubgraphSelection {
  nodes: string[];
  edges?: string[];
}

/** A node position in layout units (the same units as the graph's `x`/`y` attributes). */
export interface NodePosition {
  x: number;
  y: number;
}

/** Export settings. Every field is optional; {@link DEFAULT_EXPORT_OPTIONS} holds the defaults. */
export interface ExportOptions {
  /** Keep `MENTIONED_WITH` co-occurrence edges (default true). */
  includeCooccurrence?: boolean;
  /** Start CSV files with a UTF-8 byte order mark, for spreadsheet programs (default false). */
  bom?: boolean;
  /** Export only these nodes (and edges); unknown keys are an error. */
  subgraph?: SubgraphSelection;
  /**
   * Positions to write instead of the graph's `x`/`y` (e.g. the web app's current layout), by node key; nodes
   * not listed keep their own. Numbers must be finite; keys must be nodes of the graph.
   */
  positions?: ReadonlyMap<string, NodePosition>;
  /** `<creator>` of the GEXF `<meta>` (default "Shabaka"). */
  creator?: string;
  /** `<description>` of the GEXF `<meta>`. */
  description?: string;
  /** Date written as GEXF `lastmodifieddate` (YYYY-MM-DD); default: today, UTC. */
  date?: string;
  /** Rows per `UNWIND` batch in the Neo4j Cypher script (default 1000). */
  cypherBatchSize?: number;
}

/** One file of an export. Each call of `chunks`, `content`, `stream` or `writeTo` writes the file anew. */
export interface ExportFile {
  filename: string;
  mediaType: string;
  /** The file as text pieces of about 64 KiB (the BOM, when asked for, is the first character). */
  chunks(): Iterable<string>;
  /** The whole file as one string (fine for small graphs; use `stream` for large ones). */
  content(): string;
  /** The file as a readable stream of UTF-8 bytes. */
  stream(): Readable;
  /** Writes the file to `out` honouring back-pressure; resolves when the last chunk is accepted (does not end `out`). */
  writeTo(out: Writable): Promise<void>;
}

/** What {@link exportGraph} returns. */
export interface ExportResult {
  format: ExportFormat;
  files: ExportFile[];
  /** Number of nodes and edges the export holds (after the subgraph selection and `includeCooccurrence`). */
  counts: { nodes: number; edges: number };
  /**
   * Human-readable warnings (characters removed, non-finite numbers dropped, ids changed), one per file and kind.
   * Filled while files are written: complete once every file has been written once.
   */
  readonly warnings: string[];
}

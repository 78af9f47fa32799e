/**
 * The work of `shabaka export` (loaded only when an export runs):
 * `shabaka export [--graph FILE] --format gexf|gexf-1.2|graphml|csv|neo4j|json [--out PATH] [--query CYPHER]`:
 * writes the graph (or the subgraph a read-only query returns) in one of the export formats (docs/export.md).
 * Single-file formats go to stdout when there is no `--out`; multi-file formats (csv, neo4j) need `--out DIR`.
 * Every file is written atomically (temporary sibling, then rename). Warnings (characters removed, numbers
 * dropped) go to stderr.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { BadRequestError } from "../../errors.ts";
import { EXPORT_FORMATS, exportGraph, isExportFormat, isMultiFile, writeFileAtomic } from "../../export/index.ts";
import { subgraphOfQuery } from "../../query/subgraph.ts";
import type { ExportCommandDeps } from "./export.ts";

/** Time budget of `--query` (no server to keep responsive, so longer than the API's 2 s). */
const CLI_QUERY_TIMEOUT_MS = 60_000;

export interface ExportCliOptions {
  graph: string;
  format: string;
  out?: string;
  query?: string;
  params?: string;
  bom: boolean;
  cooccurrence: boolean;
  date?: string;
  cypherBatch?: string;
}

/**
 * Refuses an `--out` of the wrong kind before any work: a folder where one file goes, a file where a folder goes.
 * @throws BadRequestError (code `BAD_OPTION`) naming the path.
 */
export function checkOutPath(out: string, multiFile: boolean, format: string): void {
  let stat;
  try {
    stat = statSync(out, { throwIfNoEntry: false });
  } catch {
    return; // e.g. ENOTDIR (a file on the way): writeFileAtomic names the path and the reason.
  }
  if (stat === undefined) return;
  if (!multiFile && stat.isDirectory()) {
    throw new BadRequestError(`--out "${out}" is a folder; give a file path, e.g. "${join(out, `shabaka.${format === "gexf-1.2" ? "gexf" : format}`)}".`, "BAD_OPTION");
  }
  if (multiFile && !stat.isDirectory()) {
    throw new BadRequestError(`--out "${out}" is a file; --format ${format} writes several files into a folder.`, "BAD_OPTION");
  }
}

function parseParams(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError(`--params must be a JSON object, got ${JSON.stringify(text)}.`, "BAD_OPTION");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BadRequestError(`--params must be a JSON object, got ${JSON.stringify(text)}.`, "BAD_OPTION");
  }
  return value as Record<string, unknown>;
}

/**
 * Runs one export: validates the options, loads the graph, selects the subgraph of `--query`, writes the files.
 * @throws BadRequestError for bad options; InputError/DataError for an unreadable graph; query errors for `--query`.
 */
export async function runExport(opts: ExportCliOptions, deps: ExportCommandDeps): Promise<void> {
  if (!isExportFormat(opts.format)) {
    throw new BadRequestError(`--format must be one of ${EXPORT_FORMATS.join(", ")}, got "${opts.format}".`, "BAD_FORMAT");
  }
  if (isMultiFile(opts.format) && opts.out === undefined) {
    throw new BadRequestError(`--format ${opts.format} writes several files: give a folder with --out DIR.`, "BAD_OPTION");
  }
  if (opts.params !== undefined && opts.query === undefined) {
    throw new BadRequestError("--params needs --query.", "BAD_OPTION");
  }
  if (opts.out !== undefined) checkOutPath(opts.out, isMultiFile(opts.format), opts.format);
  const batch = opts.cypherBatch === undefined ? undefined : Number(opts.cypherBatch);
  const graph = await deps.loadGraph(opts.graph);
  const subgraph = opts.query === undefined ? undefined : subgraphOfQuery(graph, opts.query, parseParams(opts.params), "--query", CLI_QUERY_TIMEOUT_MS);
  const result = exportGraph(graph, opts.format, {
    subgraph,
    bom: opts.bom,
    includeCooccurrence: opts.cooccurrence,
    date: opts.date,
    cypherBatchSize: batch,
  });
  if (opts.out === undefined) {
    // A reader that stops early (`| head`) closes the pipe: that ends the export quietly, not with a stack trace.
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(0);
      throw err;
    });
    await result.files[0].writeTo(process.stdout);
  } else if (isMultiFile(opts.format)) {
    for (const f of result.files) await writeFileAtomic(f, join(opts.out, f.filename));
  } else {
    await writeFileAtomic(result.files[0], opts.out);
  }
  for (const w of result.warnings) process.stderr.write(`shabaka export: warning: ${w}\n`);
  if (opts.out !== undefined) {
    const names = isMultiFile(opts.format) ? result.files.map((f) => join(opts.out!, f.filename)).join(", ") : opts.out;
    process.stderr.write(`shabaka export: wrote ${names} (${result.counts.nodes} nodes, ${result.counts.edges} edges)\n`);
  }
}

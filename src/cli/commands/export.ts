/**
 * `shabaka export [--graph FILE] --format gexf|gexf-1.2|graphml|csv|neo4j|json [--out PATH] [--query CYPHER]`:
 * writes the graph (or the subgraph a query returns) in one of the export formats (docs/export.md).
 * Single-file formats go to stdout when there is no `--out`; multi-file formats (csv, neo4j) need `--out DIR`.
 * Every file is written atomically (temporary sibling, then rename).
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { BadRequestError } from "../../errors.ts";
import { EXPORT_FORMATS, exportGraph, isExportFormat, isMultiFile, type ExportFile, type SubgraphSelection } from "../../export/index.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { runQuery } from "../../query/index.ts";

export interface ExportCommandDeps {
  loadGraph(file: string): Promise<KnowledgeGraph>;
  defaultGraphPath: string;
}

interface ExportCliOptions {
  graph: string;
  format: string;
  out?: string;
  query?: string;
  bom: boolean;
  cooccurrence: boolean;
}

/** Writes one export file to `path` atomically. */
async function writeAtomic(file: ExportFile, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const out = createWriteStream(tmp);
    const closed = new Promise<void>((ok, fail) => {
      out.once("close", ok);
      out.once("error", fail);
    });
    await file.writeTo(out);
    out.end();
    await closed;
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The subgraph a read-only query returns (its nodes and relationships, plus the edges between its nodes when it
 * returns nodes only). @throws CypherSyntaxError / CypherRuntimeError
 */
export function subgraphOfQuery(graph: KnowledgeGraph, query: string, params: Record<string, unknown> = {}): SubgraphSelection {
  const result = runQuery(graph, query, { params });
  return result.graph.edges.length > 0 ? { nodes: result.graph.nodes, edges: result.graph.edges } : { nodes: result.graph.nodes };
}

/** Registers the `export` command. Errors are thrown (main() prints `shabaka export: <message>` and exits 1). */
export function registerExportCommand(program: Command, deps: ExportCommandDeps): void {
  program
    .command("export")
    .description("write the graph as GEXF (Gephi), GraphML, CSV, Neo4j import files or JSON")
    .option("-g, --graph <file>", "graph file", deps.defaultGraphPath)
    .requiredOption("-f, --format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("-o, --out <path>", "output file (single-file formats; default stdout) or folder (csv, neo4j)")
    .option("-q, --query <cypher>", "export only the nodes and relationships this query returns")
    .option("--bom", "start CSV files with a UTF-8 byte order mark (for spreadsheets)", false)
    .option("--no-cooccurrence", "leave out MENTIONED_WITH co-occurrence edges")
    .action(async (opts: ExportCliOptions) => {
      if (!isExportFormat(opts.format)) {
        throw new BadRequestError(`--format must be one of ${EXPORT_FORMATS.join(", ")}, got "${opts.format}".`, "BAD_FORMAT");
      }
      if (isMultiFile(opts.format) && opts.out === undefined) {
        throw new BadRequestError(`--format ${opts.format} writes several files: give a folder with --out DIR.`, "BAD_OPTION");
      }
      const graph = await deps.loadGraph(opts.graph);
      const subgraph = opts.query === undefined ? undefined : subgraphOfQuery(graph, opts.query);
      const result = exportGraph(graph, opts.format, { subgraph, bom: opts.bom, includeCooccurrence: opts.cooccurrence });
      if (opts.out === undefined) {
        await result.files[0].writeTo(process.stdout);
      } else if (isMultiFile(opts.format)) {
        for (const f of result.files) await writeAtomic(f, join(opts.out, f.filename));
      } else {
        await writeAtomic(result.files[0], opts.out);
      }
      for (const w of result.warnings) process.stderr.write(`shabaka export: warning: ${w}\n`);
      if (opts.out !== undefined) {
        const names = isMultiFile(opts.format) ? result.files.map((f) => join(opts.out!, f.filename)).join(", ") : opts.out;
        process.stderr.write(`shabaka export: wrote ${names}\n`);
      }
    });
}

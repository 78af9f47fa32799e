/**
 * `shabaka export [--graph FILE] --format gexf|gexf-1.2|graphml|csv|neo4j|json [--out PATH] [--query CYPHER]`
 * (docs/export.md); the work is in export-run.ts, loaded when the command runs.
 */
import type { Command } from "commander";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { EXPORT_FORMATS } from "../../export/types.ts";
import type { ExportCliOptions } from "./export-run.ts";

export interface ExportCommandDeps {
  loadGraph(file: string): Promise<KnowledgeGraph>;
  defaultGraphPath: string;
}

/** Registers the `export` command. Errors are thrown (main() prints `shabaka export: <message>` and exits 1). */
export function registerExportCommand(program: Command, deps: ExportCommandDeps): void {
  program
    .command("export")
    .description("write the graph as GEXF (Gephi), GraphML, CSV, Neo4j import files or JSON")
    .option("-g, --graph <file>", "graph file", deps.defaultGraphPath)
    .requiredOption("-f, --format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("-o, --out <path>", "output file (single-file formats; default stdout) or folder (csv, neo4j)")
    .option("-q, --query <cypher>", "export only the nodes and relationships this read-only query returns")
    .option("--params <json>", "parameters of --query, as a JSON object")
    .option("--bom", "start CSV files with a UTF-8 byte order mark (for spreadsheets)", false)
    .option("--no-cooccurrence", "leave out MENTIONED_WITH co-occurrence edges")
    .option("--date <YYYY-MM-DD>", "GEXF lastmodifieddate (default: today, UTC)")
    .option("--cypher-batch <rows>", "rows per UNWIND batch of the Neo4j import.cypher (default 1000)")
    .action(async (opts: ExportCliOptions) => {
      const { runExport } = await import("./export-run.ts");
      await runExport(opts, deps);
    });
}

/**
 * `shabaka query "<cypher>" [--graph FILE] [--format table|json|csv] [--param k=v ...] [--timeout MS] [--max-rows N]
 * [--max-hops N] [--cooccurrence-paths]`: runs an openCypher-subset query (docs/query.md) on a saved graph and prints the result to stdout,
 * warnings (caps hit) to stderr. Read-only: write clauses are refused (exit 1).
 */
import type { Command } from "commander";
import { BadRequestError, ShabakaError } from "../../errors.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { DEFAULT_QUERY_OPTIONS } from "../../query/defaults.ts";
import type { QueryResult } from "../../query/index.ts";
import type { OutputFormat } from "../../query/format.ts";

export interface QueryCommandDeps {
  loadGraph(file: string): Promise<KnowledgeGraph>;
  defaultGraphPath: string;
}

interface QueryCliOptions {
  graph: string;
  format: string;
  param: string[];
  timeout: string;
  maxRows: string;
  maxHops: string;
  cooccurrencePaths?: boolean;
}

/** Parses `k=v`: v as JSON when it parses, else the text itself. @throws BadRequestError */
export function parseParam(arg: string, acc: Record<string, unknown> = {}): Record<string, unknown> {
  const i = arg.indexOf("=");
  if (i <= 0) throw new BadRequestError(`--param expects name=value, got "${arg}".`, "BAD_OPTION");
  const k = arg.slice(0, i);
  const raw = arg.slice(i + 1);
  let v: unknown = raw;
  try {
    v = JSON.parse(raw);
  } catch {
    // plain text
  }
  return { ...acc, [k]: v };
}

function positiveNumber(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n <= 0) throw new BadRequestError(`${name} must be a positive integer, got "${value}".`, "BAD_OPTION");
  return n;
}

/** Registers the `query` command. Errors are thrown (main() prints `shabaka query: <message>` and exits 1). */
export function registerQueryCommand(program: Command, deps: QueryCommandDeps): void {
  program
    .command("query")
    .description("run an openCypher query on the graph (see docs/query.md)")
    .argument("<cypher>", "the query, e.g. \"MATCH (n:official) RETURN n.label LIMIT 5\"")
    .option("-g, --graph <file>", "graph file", deps.defaultGraphPath)
    .option("-f, --format <format>", "table, json or csv", "table")
    .option("-p, --param <name=value>", "query parameter (repeatable; value as JSON or text)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--timeout <ms>", "time budget in milliseconds", String(DEFAULT_QUERY_OPTIONS.timeoutMs))
    .option("--max-rows <n>", "row cap", String(DEFAULT_QUERY_OPTIONS.maxRows))
    .option("--max-hops <n>", "cap on variable-length hops (`*` alone means up to this)", String(DEFAULT_QUERY_OPTIONS.maxHops))
    .option("--cooccurrence-paths", "let untyped variable-length and shortest-path patterns follow co-occurrence (MENTIONED_WITH) edges")
    .action(async (cypher: string, opts: QueryCliOptions) => {
      const format = opts.format as OutputFormat;
      if (!["table", "json", "csv"].includes(format)) throw new BadRequestError(`--format must be table, json or csv, got "${opts.format}".`, "BAD_OPTION");
      let params: Record<string, unknown> = {};
      for (const p of opts.param) params = parseParam(p, params);
      const graph = await deps.loadGraph(opts.graph);
      // The engine is loaded only when a query runs, so `--help` and the other commands start fast.
      const [{ runQuery }, { formatResult }] = await Promise.all([import("../../query/index.ts"), import("../../query/format.ts")]);
      const options = { params, timeoutMs: positiveNumber(opts.timeout, "--timeout"), maxRows: positiveNumber(opts.maxRows, "--max-rows"), maxHops: positiveNumber(opts.maxHops, "--max-hops"), cooccurrenceInPaths: opts.cooccurrencePaths === true };
      let result: QueryResult;
      try {
        result = runQuery(graph, cypher, options);
      } catch (e) {
        // The engine's messages start with their owner, "query:", which main() already prints.
        if (e instanceof ShabakaError) e.message = e.message.replace(/^query: /, "");
        throw e;
      }
      process.stdout.write(formatResult(result, format));
      for (const w of result.warnings) process.stderr.write(`shabaka query: warning: ${w}\n`);
    });
}

/**
 * The query engine's entry point: `runQuery(graph, text, options)` parses, checks and runs an openCypher-subset
 * query (docs/query.md) on the knowledge graph under a time budget, a row cap and a hop cap.
 */
import type { KnowledgeGraph } from "../graph/types.ts";
import { BadRequestError } from "../errors.ts";
import { Budget, emptyStats, type Ctx, type WriteStats } from "./context.ts";
import { CypherRuntimeError } from "./errors.ts";
import { DEFAULT_QUERY_OPTIONS } from "./defaults.ts";
import { execute } from "./executor.ts";
import { adjacencyOf, type Adjacency } from "./adjacency.ts";
import { WRITE_CLAUSES } from "./ast.ts";
import { parseQuery } from "./parser.ts";
import { toJson, type Seen } from "./result.ts";
import { fromStored, type Value } from "./values.ts";

export { parseQuery } from "./parser.ts";
export { CypherSyntaxError, CypherRuntimeError, WritesForbiddenError } from "./errors.ts";
export type { Query } from "./ast.ts";

/** Options of {@link runQuery}; every field optional, see {@link DEFAULT_QUERY_OPTIONS}. */
export interface QueryOptions {
  /** Values of `$name` parameters (JSON values; integral numbers are Cypher integers). */
  params?: Record<string, unknown>;
  /** Time budget in milliseconds (default 2000). When it runs out the rows found so far are returned, truncated. */
  timeoutMs?: number;
  /** Most rows returned (default 10,000). */
  maxRows?: number;
  /** Most hops of a variable-length relationship; `*` alone means up to this (default 8). */
  maxHops?: number;
  /** Allow CREATE, MERGE, SET, REMOVE, DELETE (default false). */
  allowWrites?: boolean;
  /**
   * Let variable-length and shortest-path patterns that name no relationship type follow co-occurrence edges
   * (`cooccurrence: true`, the MENTIONED_WITH edges). Default false: they skip them, so a path between two entities
   * goes through typed relations; naming the type (`[:MENTIONED_WITH*..3]`) includes them either way
   * (docs/query.md, "Co-occurrence in paths").
   */
  cooccurrenceInPaths?: boolean;
  /** Clock in milliseconds (default `performance.now`), a parameter so tests can drive it. */
  clock?: () => number;
}

export { DEFAULT_QUERY_OPTIONS } from "./defaults.ts";

export interface QueryStats extends WriteStats {
  rows: number;
  elapsedMs: number;
}

/** Result of {@link runQuery}; every value is JSON-serialisable. */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  /** Keys of the nodes and edges the rows contain (for highlighting). */
  graph: { nodes: string[]; edges: string[] };
  stats: QueryStats;
  warnings: string[];
  truncated: boolean;
}

/** Engine-level result with Cypher values (used by the conformance harness). */
export interface RawResult {
  columns: string[];
  rows: Value[][];
  warnings: string[];
  truncated: boolean;
  stats: WriteStats;
}

type Checked = Required<Omit<QueryOptions, "params" | "clock">>;

const NUMBER_OPTIONS = ["timeoutMs", "maxRows", "maxHops"] as const;
const BOOLEAN_OPTIONS = ["allowWrites", "cooccurrenceInPaths"] as const;

/** The options with their defaults filled in. @throws BadRequestError (QUERY_OPTIONS) for a bad value */
function validate(o: QueryOptions): Checked {
  // Field by field (this runs once per query, and spreading through Object.entries costs more than the rest).
  const r: Checked = {
    timeoutMs: o.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs,
    maxRows: o.maxRows ?? DEFAULT_QUERY_OPTIONS.maxRows,
    maxHops: o.maxHops ?? DEFAULT_QUERY_OPTIONS.maxHops,
    allowWrites: o.allowWrites ?? DEFAULT_QUERY_OPTIONS.allowWrites,
    cooccurrenceInPaths: o.cooccurrenceInPaths ?? DEFAULT_QUERY_OPTIONS.cooccurrenceInPaths,
  };
  for (const k of NUMBER_OPTIONS) {
    const v = r[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new BadRequestError(`runQuery: option ${k} must be a non-negative number, got ${String(v)}.`, "QUERY_OPTIONS");
  }
  for (const k of BOOLEAN_OPTIONS) {
    if (typeof r[k] !== "boolean") throw new BadRequestError(`runQuery: option ${k} must be a boolean, got ${String(r[k])}.`, "QUERY_OPTIONS");
  }
  return r;
}

/**
 * Runs `query` on `graph` and returns Cypher values (nodes as references). Writes change `graph` in place.
 * `cypherParams` are parameters already in engine form (integers as bigint), for the conformance harness.
 * @throws CypherSyntaxError (QUERY_SYNTAX), CypherRuntimeError (QUERY_ERROR), WritesForbiddenError (403)
 */
export function runQueryRaw(graph: KnowledgeGraph, query: string, options: QueryOptions = {}, cypherParams: Record<string, Value> = {}): RawResult {
  const o = validate(options);
  const clock = options.clock ?? (() => performance.now());
  const params: Record<string, Value> = {};
  for (const [k, v] of Object.entries(options.params ?? {})) params[k] = fromStored(v);
  Object.assign(params, cypherParams);
  const ast = parseQuery(query);
  const ctx: Ctx = {
    graph,
    params,
    budget: new Budget(clock() + o.timeoutMs, clock),
    maxHops: o.maxHops,
    allowWrites: o.allowWrites,
    cooccurrenceInPaths: o.cooccurrenceInPaths,
    warnings: new Set(),
    stats: emptyStats(),
    aggValues: null,
    nextId: { n: graph.order + graph.size },
    truncated: { value: false },
    deletedRels: new Map(),
    adjacency: () => adj,
  };
  // Read-only queries traverse a cached adjacency index; a query that writes reads the changing graph directly.
  const writes = ast.parts.some((p) => p.clauses.some((c) => WRITE_CLAUSES.has(c.kind)));
  let adj: Adjacency | null = null;
  if (!writes) {
    ctx.adjacency = () => (adj ??= adjacencyOf(graph));
  }
  const ex = execute(ast, ctx);
  const rows: Value[][] = [];
  let truncated = false;
  try {
    for (const r of ex.rows) {
      if (rows.length >= o.maxRows) {
        truncated = true;
        ctx.warnings.add(`row cap of ${o.maxRows} reached (maxRows)`);
        break;
      }
      rows.push(ex.columns.map((c) => r[c] ?? null));
    }
  } catch (e) {
    if (e instanceof RangeError) throw new CypherRuntimeError(`query too deep to evaluate (${e.message})`, "ArgumentError", "StackOverflow");
    throw e;
  }
  if (ctx.budget.hit) {
    truncated = true;
    ctx.warnings.add(`time budget of ${o.timeoutMs} ms exhausted; results are partial`);
  }
  return { columns: ex.columns, rows, warnings: [...ctx.warnings], truncated: truncated || ctx.truncated.value, stats: ctx.stats };
}

/**
 * Parses and runs an openCypher-subset query on the knowledge graph (see docs/query.md for the subset and the
 * `shabaka.*` functions). Stops at the time budget or the row cap and then returns what it has with
 * `truncated: true` and a warning.
 * @throws CypherSyntaxError (code QUERY_SYNTAX, with line and column), CypherRuntimeError (QUERY_ERROR),
 *   WritesForbiddenError (WRITES_FORBIDDEN, 403) for a write clause without `allowWrites`.
 */
export function runQuery(graph: KnowledgeGraph, query: string, options: QueryOptions = {}): QueryResult {
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const raw = runQueryRaw(graph, query, options);
  const seen: Seen = { nodes: new Set(), edges: new Set() };
  // Converting rows (nodes with all their properties) counts against the same time budget.
  const deadline = t0 + (options.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs);
  const rows: unknown[][] = [];
  let truncated = raw.truncated;
  const warnings = [...raw.warnings];
  for (const r of raw.rows) {
    if ((rows.length & 63) === 63 && clock() > deadline) {
      truncated = true;
      warnings.push(`time budget exhausted while converting results; ${rows.length} of ${raw.rows.length} rows returned`);
      break;
    }
    rows.push(r.map((v) => toJson(graph, v, seen)));
  }
  return {
    columns: raw.columns,
    rows,
    graph: { nodes: [...seen.nodes], edges: [...seen.edges] },
    stats: { rows: rows.length, elapsedMs: Math.round((clock() - t0) * 10) / 10, ...raw.stats },
    warnings,
    truncated,
  };
}

/**
 * `POST /api/query` — body `{query: string, params?: object, options?: {cooccurrenceInPaths?: boolean}}` →
 * `{columns, rows, graph, stats, warnings, truncated}` (see `runQuery` in src/query; `cooccurrenceInPaths` lets
 * untyped variable-length and shortest-path patterns follow co-occurrence edges, docs/query.md). Read-only queries run in a worker thread (the event loop stays free);
 * write clauses are refused with 403 WRITES_FORBIDDEN unless the server runs with `--allow-writes`, and then
 * run in-process on the served graph. Syntax errors answer 400 QUERY_SYNTAX with `details: {line, column}`.
 */
import { Router } from "express";
import { BadRequestError } from "../../errors.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { WRITE_CLAUSES } from "../../query/ast.ts";
import { parseQuery, runQuery, WritesForbiddenError } from "../../query/index.ts";
import { QueryPool } from "../../query/pool.ts";

/** Longest accepted query text, in characters. */
export const MAX_QUERY_LENGTH = 20_000;

export interface QueryRouterContext {
  getGraph(): KnowledgeGraph;
  allowWrites: boolean;
}

/** Fields of the body's `options` object, and their type. */
const BODY_OPTIONS = { cooccurrenceInPaths: "boolean" } as const;

export interface QueryBodyOptions {
  cooccurrenceInPaths?: boolean;
}

/** Validates the request body; returns the query text, parameters and options. @throws BadRequestError */
export function parseQueryBody(body: unknown): { query: string; params: Record<string, unknown>; options: QueryBodyOptions } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadRequestError("POST /api/query: the body must be a JSON object {query, params?, options?}.");
  const { query, params, options } = body as { query?: unknown; params?: unknown; options?: unknown };
  if (typeof query !== "string" || query.trim() === "") throw new BadRequestError("POST /api/query: `query` must be a non-empty string.");
  if (query.length > MAX_QUERY_LENGTH) throw new BadRequestError(`POST /api/query: \`query\` is longer than ${MAX_QUERY_LENGTH} characters.`);
  if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params))) {
    throw new BadRequestError("POST /api/query: `params` must be an object.");
  }
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    throw new BadRequestError("POST /api/query: `options` must be an object.");
  }
  const opts: QueryBodyOptions = {};
  for (const [k, v] of Object.entries((options ?? {}) as Record<string, unknown>)) {
    if (!Object.hasOwn(BODY_OPTIONS, k)) throw new BadRequestError(`POST /api/query: unknown option "${k}" (known: ${Object.keys(BODY_OPTIONS).join(", ")}).`);
    if (typeof v !== BODY_OPTIONS[k as keyof typeof BODY_OPTIONS]) throw new BadRequestError(`POST /api/query: option "${k}" must be a boolean, got ${JSON.stringify(v)}.`);
    opts[k as keyof QueryBodyOptions] = v as boolean;
  }
  return { query, params: (params ?? {}) as Record<string, unknown>, options: opts };
}

/**
 * Creates the query router (the lead mounts it at `/api/query`). The worker pool starts on the first query;
 * `router.close()` stops it.
 */
export function createQueryRouter(ctx: QueryRouterContext): Router & { close(): Promise<void> } {
  const router = Router() as Router & { close(): Promise<void> };
  let pool: QueryPool | null = null;
  router.post("/", async (req, res) => {
    const { query, params, options } = parseQueryBody(req.body);
    const ast = parseQuery(query);
    const write = ast.parts.find((p) => p.clauses.some((c) => WRITE_CLAUSES.has(c.kind)));
    if (write) {
      if (!ctx.allowWrites) throw new WritesForbiddenError(write.clauses.find((c) => WRITE_CLAUSES.has(c.kind))!.kind.toUpperCase());
      res.json(runQuery(ctx.getGraph(), query, { ...options, params, allowWrites: true }));
      return;
    }
    pool ??= new QueryPool();
    res.json(await pool.run(ctx.getGraph(), query, { ...options, params }));
  });
  router.close = async () => {
    await pool?.close();
    pool = null;
  };
  return router;
}

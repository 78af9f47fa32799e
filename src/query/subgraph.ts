/**
 * The subgraph a read-only query returns, for exports of a query result (`shabaka export --query`,
 * `POST /api/export {query}`).
 */
import { BadRequestError, ShabakaError } from "../errors.ts";
import type { SubgraphSelection } from "../export/types.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { WRITE_CLAUSES } from "./ast.ts";
import { parseQuery, runQuery } from "./index.ts";

/** Most result rows a query given to an export may return before it is refused as too large. */
export const MAX_QUERY_ROWS = 100_000;

/**
 * The subgraph a read-only query returns: the nodes and relationships in its rows (paths included); when it
 * returns nodes only, every edge between them.
 * @param where names the caller in error messages (`POST /api/export`, `--query`).
 * @param timeoutMs the query's time budget (default 2000 ms, as `POST /api/query`).
 * @throws CypherSyntaxError (QUERY_SYNTAX), CypherRuntimeError (QUERY_ERROR), ShabakaError WRITES_FORBIDDEN (403)
 *   for a write clause, BadRequestError `QUERY_TRUNCATED` when the row cap or the time budget cut the result short
 *   (an export of part of a result would be silently incomplete).
 */
export function subgraphOfQuery(
  graph: KnowledgeGraph,
  query: string,
  params: Record<string, unknown>,
  where: string,
  timeoutMs = 2000,
): SubgraphSelection {
  const ast = parseQuery(query);
  for (const part of ast.parts) {
    const write = part.clauses.find((c) => WRITE_CLAUSES.has(c.kind));
    if (write) {
      throw new ShabakaError("WRITES_FORBIDDEN", `${where}: ${write.kind.toUpperCase()} is a write clause; an export runs read-only queries only.`, 403);
    }
  }
  const r = runQuery(graph, query, { params, maxRows: MAX_QUERY_ROWS, timeoutMs });
  if (r.truncated) {
    throw new BadRequestError(
      `${where}: the query result was cut short (${r.warnings.join("; ")}); narrow it, e.g. with LIMIT, to export it.`,
      "QUERY_TRUNCATED",
    );
  }
  return r.graph.edges.length > 0 ? { nodes: r.graph.nodes, edges: r.graph.edges } : { nodes: r.graph.nodes };
}


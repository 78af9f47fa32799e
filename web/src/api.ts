/** HTTP calls to the Shabaka server (src/server). All same-origin (CSP `connect-src 'self'`). */
import type { SerializedGraph } from "graphology-types";
import type { Evidence } from "../../src/graph/evidence.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../src/graph/schema.ts";

/** The error body every API route returns: `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

async function fail(res: Response): Promise<never> {
  let code = "HTTP_" + res.status;
  let message = res.statusText || `HTTP ${res.status}`;
  let details: Record<string, unknown> | undefined;
  try {
    const body = await res.json();
    if (body?.error) {
      code = String(body.error.code ?? code);
      message = String(body.error.message ?? message);
      details = body.error.details;
    }
  } catch {
    // not JSON: keep the status text
  }
  throw new ApiError(res.status, code, message, details);
}

export type GraphData = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * `GET /api/graph?slim=1`: the whole graph in graphology's serialisation, without provenance and document texts
 * (a server that ignores `slim` sends them; the panel then reads evidence locally).
 */
export async function fetchGraph(signal?: AbortSignal): Promise<GraphData> {
  const res = await fetch("api/graph?slim=1", { signal, headers: { accept: "application/json" } });
  if (!res.ok) await fail(res);
  return (await res.json()) as GraphData;
}

/** `GET /api/nodes/:key` or `GET /api/edges/:key`: the evidence of one node or edge. */
export async function fetchEvidence(kind: "node" | "edge", key: string, signal?: AbortSignal): Promise<Evidence[]> {
  const res = await fetch(`api/${kind === "node" ? "nodes" : "edges"}/${encodeURIComponent(key)}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) await fail(res);
  const body = (await res.json()) as { evidence?: Evidence[] };
  return Array.isArray(body.evidence) ? body.evidence : [];
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  graph: { nodes: string[]; edges: string[] };
  stats?: Record<string, unknown>;
  warnings?: string[];
  truncated?: boolean;
}

/** `POST /api/query`: runs a Cypher-subset query. Throws {@link ApiError} (code `QUERY_SYNTAX` with line/column…). */
export async function runQuery(query: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
  const res = await fetch("api/query", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, params }),
  });
  if (!res.ok) await fail(res);
  return (await res.json()) as QueryResult;
}

/** Export formats offered in the interface. */
export const EXPORT_FORMATS = ["gexf", "gexf-1.2", "graphml", "csv", "neo4j", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** URL of the whole-graph download (`GET /api/export?format=`). */
export function exportUrl(format: ExportFormat): string {
  return `api/export?format=${encodeURIComponent(format)}`;
}

/**
 * `POST /api/export {format, nodes, positions}`: the subgraph induced by `nodes`, with the current layout's
 * positions (`{key: [x, y]}`, see docs/export.md), as a Blob with its file name.
 */
export async function exportSubgraph(format: ExportFormat, nodes: string[], positions: Record<string, [number, number]> = {}): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch("api/export", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ format, nodes, positions }),
  });
  if (!res.ok) await fail(res);
  const cd = res.headers.get("content-disposition") ?? "";
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
  return { blob: await res.blob(), filename: m ? decodeURIComponent(m[1]) : `shabaka-view.${format === "csv" || format === "neo4j" ? "zip" : format === "gexf-1.2" ? "gexf" : format}` };
}

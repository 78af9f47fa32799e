/**
 * `GET /api/export?format=…` (the whole graph) and `POST /api/export {format, nodes?, edges?, query?, params?,
 * positions?}` (a subgraph: the listed keys, or what a read-only query returns) as a download. Single-file
 * formats stream as they are written; csv and neo4j stream as one ZIP archive (with `warnings.txt` when
 * characters were removed or numbers dropped). Options: `cooccurrence=false` leaves out MENTIONED_WITH edges;
 * `bom=true` starts CSV files with a BOM. Unknown fields or query parameters, bad formats and unknown keys are
 * 400 JSON; write queries 403 WRITES_FORBIDDEN (docs/export.md).
 */
import { pipeline } from "node:stream/promises";
import { Router, type Response } from "express";
import { BadRequestError } from "../../errors.ts";
import {
  EXPORT_FORMATS,
  exportGraph,
  isExportFormat,
  isMultiFile,
  zipStream,
  type ExportOptions,
  type NodePosition,
  type SubgraphSelection,
} from "../../export/index.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { subgraphOfQuery } from "../../query/subgraph.ts";

export { MAX_QUERY_ROWS, subgraphOfQuery } from "../../query/subgraph.ts";

export interface ExportRouterContext {
  getGraph(): KnowledgeGraph;
}

/** Most node or edge keys (or positions) accepted in one `POST /api/export`. */
export const MAX_SELECTION = 200_000;

const GET_FIELDS = new Set(["format", "cooccurrence", "bom"]);
const POST_FIELDS = new Set(["format", "nodes", "edges", "query", "params", "positions", "cooccurrence", "bom"]);

function formatOf(value: unknown, where: string): string {
  if (typeof value !== "string" || !isExportFormat(value)) {
    throw new BadRequestError(`${where}: format must be one of ${EXPORT_FORMATS.join(", ")}, got ${JSON.stringify(value ?? null)}.`, "BAD_FORMAT");
  }
  return value;
}

function flag(value: unknown, name: string, where: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === "true" || value === "1") return true;
  if (value === false || value === "false" || value === "0") return false;
  throw new BadRequestError(`${where}: ${name} must be true or false, got ${JSON.stringify(value)}.`, "BAD_OPTION");
}

function onlyKnown(fields: Iterable<string>, known: Set<string>, where: string): void {
  for (const f of fields) {
    if (!known.has(f)) throw new BadRequestError(`${where}: unknown field "${f}"; expected ${[...known].join(", ")}.`, "BAD_REQUEST");
  }
}

function keyList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((k) => typeof k !== "string")) {
    throw new BadRequestError(`POST /api/export: \`${name}\` must be an array of key strings.`, "BAD_REQUEST");
  }
  if (value.length > MAX_SELECTION) throw new BadRequestError(`POST /api/export: \`${name}\` has more than ${MAX_SELECTION} keys.`, "BAD_REQUEST");
  return value as string[];
}

/** `positions: {key: [x, y]}` → a Map. @throws BadRequestError (BAD_OPTION) for anything else. */
function positionsOf(value: unknown): Map<string, NodePosition> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BadRequestError("POST /api/export: `positions` must be an object {nodeKey: [x, y]}.", "BAD_OPTION");
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_SELECTION) throw new BadRequestError(`POST /api/export: \`positions\` has more than ${MAX_SELECTION} keys.`, "BAD_OPTION");
  const out = new Map<string, NodePosition>();
  for (const [key, p] of entries) {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === "number" && Number.isFinite(n))) {
      throw new BadRequestError(`POST /api/export: position of "${key}" must be [x, y] with finite numbers, got ${JSON.stringify(p)}.`, "BAD_OPTION");
    }
    out.set(key, { x: p[0], y: p[1] });
  }
  return out;
}

/** The subgraph a POST body selects. @throws BadRequestError, CypherSyntaxError, CypherRuntimeError, WRITES_FORBIDDEN */
export function selectionOfBody(graph: KnowledgeGraph, body: Record<string, unknown>): SubgraphSelection | undefined {
  const where = "POST /api/export";
  const nodes = keyList(body.nodes, "nodes");
  const edges = keyList(body.edges, "edges");
  if (body.query !== undefined) {
    if (nodes !== undefined || edges !== undefined) throw new BadRequestError(`${where}: give either \`query\` or \`nodes\`/\`edges\`, not both.`);
    if (typeof body.query !== "string" || body.query.trim() === "") throw new BadRequestError(`${where}: \`query\` must be a non-empty string.`);
    const params = body.params ?? {};
    if (typeof params !== "object" || params === null || Array.isArray(params)) throw new BadRequestError(`${where}: \`params\` must be an object.`);
    return subgraphOfQuery(graph, body.query, params as Record<string, unknown>, where);
  }
  if (body.params !== undefined) throw new BadRequestError(`${where}: \`params\` needs \`query\`.`);
  if (nodes === undefined && edges === undefined) return undefined;
  if (nodes === undefined) throw new BadRequestError(`${where}: \`edges\` needs \`nodes\` too.`);
  return edges === undefined ? { nodes } : { nodes, edges };
}

async function send(res: Response, graph: KnowledgeGraph, format: string, options: ExportOptions, stem: string): Promise<void> {
  const result = exportGraph(graph, format, options);
  const fmt = result.format;
  res.setHeader("x-shabaka-export-counts", `nodes=${result.counts.nodes}, edges=${result.counts.edges}`);
  if (isMultiFile(fmt)) {
    res.setHeader("content-type", "application/zip");
    res.setHeader("content-disposition", `attachment; filename="${stem}-${fmt}.zip"`);
    const late = [{ filename: "warnings.txt", text: () => (result.warnings.length > 0 ? result.warnings.join("\n") + "\n" : undefined) }];
    await pipeline(zipStream(result.files, late), res);
    return;
  }
  const file = result.files[0];
  const ext = file.filename.slice(file.filename.lastIndexOf("."));
  res.setHeader("content-type", `${file.mediaType}; charset=utf-8`);
  res.setHeader("content-disposition", `attachment; filename="${stem}${fmt === "gexf-1.2" ? "-1.2" : ""}${ext}"`);
  await pipeline(file.stream(), res);
}

/** Creates the router mounted at `/api/export`. */
export function createExportRouter(ctx: ExportRouterContext): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const where = "GET /api/export";
    onlyKnown(Object.keys(req.query), GET_FIELDS, where);
    const format = formatOf(req.query.format, where);
    await send(res, ctx.getGraph(), format, {
      includeCooccurrence: flag(req.query.cooccurrence, "cooccurrence", where),
      bom: flag(req.query.bom, "bom", where),
    }, "shabaka");
  });
  router.post("/", async (req, res) => {
    const where = "POST /api/export";
    const body = req.body as unknown;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new BadRequestError(`${where}: the body must be a JSON object {format, nodes?, edges?, query?, params?, positions?}.`);
    }
    const b = body as Record<string, unknown>;
    onlyKnown(Object.keys(b), POST_FIELDS, where);
    const format = formatOf(b.format, where);
    const graph = ctx.getGraph();
    const subgraph = selectionOfBody(graph, b);
    await send(res, graph, format, {
      subgraph,
      positions: positionsOf(b.positions),
      includeCooccurrence: flag(b.cooccurrence, "cooccurrence", where),
      bom: flag(b.bom, "bom", where),
    }, subgraph ? "shabaka-view" : "shabaka");
  });
  return router;
}

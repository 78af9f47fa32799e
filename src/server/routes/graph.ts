/** Read-only graph routes: the whole graph, one node, one edge, search, health. */
import { Router } from "express";
import { BadRequestError, NotFoundError } from "../../errors.ts";
import { evidenceFor } from "../../graph/evidence.ts";
import { isNodeType, type NodeType } from "../../graph/schema.ts";
import { searchNodes } from "../../graph/search.ts";
import type { AppContext } from "../context.ts";

/** Creates the router for `/api/graph`, `/api/nodes/:key`, `/api/edges/:key` and `/api/search`. */
export function createGraphRouter(ctx: AppContext): Router {
  const router = Router();

  router.get("/graph", (_req, res) => {
    res.json(ctx.getGraph().export());
  });

  router.get("/nodes/:key", (req, res) => {
    const graph = ctx.getGraph();
    const key = req.params.key;
    if (!graph.hasNode(key)) throw new NotFoundError(`GET /api/nodes: node "${key}" not found.`, "NODE_NOT_FOUND");
    const neighbors: unknown[] = [];
    graph.forEachOutEdge(key, (edge, a, _s, target, _sa, ta) => {
      neighbors.push({ key: target, label: ta.label, labelEn: ta.labelEn, type: ta.type, edgeKey: edge, edgeType: a.type, direction: "out", role: a.role, weight: a.weight });
    });
    graph.forEachInEdge(key, (edge, a, source, _t, sa) => {
      neighbors.push({ key: source, label: sa.label, labelEn: sa.labelEn, type: sa.type, edgeKey: edge, edgeType: a.type, direction: "in", role: a.role, weight: a.weight });
    });
    const attributes = graph.getNodeAttributes(key);
    res.json({ key, attributes, neighbors, evidence: evidenceFor(graph, attributes.provenance ?? []) });
  });

  router.get("/edges/:key", (req, res) => {
    const graph = ctx.getGraph();
    const key = req.params.key;
    if (!graph.hasEdge(key)) throw new NotFoundError(`GET /api/edges: edge "${key}" not found.`, "EDGE_NOT_FOUND");
    const attributes = graph.getEdgeAttributes(key);
    res.json({
      key, source: graph.source(key), target: graph.target(key), attributes,
      evidence: evidenceFor(graph, attributes.provenance ?? []),
    });
  });

  router.get("/search", (req, res) => {
    const q = req.query.q;
    if (typeof q !== "string") throw new BadRequestError("GET /api/search: parameter q (one string) is required.", "BAD_QUERY_PARAM");
    if (q.length > 500) throw new BadRequestError("GET /api/search: q is longer than 500 characters.", "BAD_QUERY_PARAM");
    const limitRaw = req.query.limit;
    let limit = 10;
    if (limitRaw !== undefined) {
      limit = Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw new BadRequestError(`GET /api/search: limit must be an integer from 1 to 100, got "${String(limitRaw)}".`, "BAD_QUERY_PARAM");
      }
    }
    let types: NodeType[] | undefined;
    if (typeof req.query.type === "string") {
      const list = req.query.type.split(",");
      const bad = list.find((t) => !isNodeType(t));
      if (bad !== undefined) throw new BadRequestError(`GET /api/search: unknown node type "${bad}".`, "BAD_QUERY_PARAM");
      types = list as NodeType[];
    }
    res.json({ results: searchNodes(ctx.getGraph(), q, { limit, types }) });
  });

  return router;
}

/** Read-only graph routes: the whole graph, one node, one edge, search, health. */
import { Router } from "express";
import { BadRequestError, NotFoundError } from "../../errors.ts";
import { evidenceFor } from "../../graph/evidence.ts";
import { isNodeType, type NodeType } from "../../graph/schema.ts";
import { searchNodes } from "../../graph/search.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import type { AppContext } from "../context.ts";

const GRAPH_EVENTS = [
  "nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared", "attributesUpdated",
  "nodeAttributesUpdated", "edgeAttributesUpdated", "eachNodeAttributesUpdated", "eachEdgeAttributesUpdated",
] as const;
const serialised = new WeakMap<KnowledgeGraph, { full?: string; slim?: string }>();
const watched = new WeakSet<KnowledgeGraph>();

/** The export without what only the evidence needs: node and edge `provenance`, and the documents' texts. */
function slimExport(graph: KnowledgeGraph): unknown {
  const data = graph.export();
  for (const n of data.nodes) if (n.attributes) delete (n.attributes as { provenance?: unknown }).provenance;
  for (const e of data.edges) if (e.attributes) delete (e.attributes as { provenance?: unknown }).provenance;
  return { ...data, attributes: { ...data.attributes, documents: {} } };
}

/**
 * The graph's serialisation as JSON text (`slim`: without provenance and documents, see {@link slimExport}),
 * kept until the graph changes (any graphology mutation event drops it), so repeated loads of a large graph by
 * the explorer do not re-serialise it.
 */
export function graphJson(graph: KnowledgeGraph, slim = false): string {
  let cached = serialised.get(graph);
  if (!cached) serialised.set(graph, (cached = {}));
  const key = slim ? "slim" : "full";
  let text = cached[key];
  if (text === undefined) {
    text = JSON.stringify(slim ? slimExport(graph) : graph.export());
    if (!watched.has(graph)) {
      watched.add(graph);
      const drop = () => serialised.delete(graph);
      for (const ev of GRAPH_EVENTS) graph.on(ev, drop);
    }
    cached[key] = text;
  }
  return text;
}

/** Creates the router for `/api/graph`, `/api/nodes/:key`, `/api/edges/:key` and `/api/search`. */
export function createGraphRouter(ctx: AppContext): Router {
  const router = Router();
  // Serialise ahead of the explorer's first `GET /api/graph?slim=1` (it comes right after the page loads).
  setImmediate(() => {
    try {
      graphJson(ctx.getGraph(), true);
    } catch {
      // the route will report it
    }
  });

  /** `?slim=1`: without provenance and document texts (the explorer fetches evidence per node or edge). */
  router.get("/graph", (req, res) => {
    const slim = req.query.slim;
    if (slim !== undefined && slim !== "0" && slim !== "1") throw new BadRequestError(`GET /api/graph: slim must be 0 or 1, got "${String(slim)}".`, "BAD_QUERY_PARAM");
    res.type("application/json").send(graphJson(ctx.getGraph(), slim === "1"));
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

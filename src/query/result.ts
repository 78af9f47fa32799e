/**
 * Conversion of engine values to JSON-serialisable result values: integers become numbers (strings beyond
 * ±2^53), nodes `{id, labels, properties}`, relationships `{id, type, start, end, properties}`, paths
 * `{nodes, relationships}`. Also collects the node and edge keys the rows contain, for highlighting.
 */
import type { KnowledgeGraph } from "../graph/types.ts";
import { nodeLabels, nodeProps, relProps, relType } from "./graph-access.ts";
import { isMap, NodeRef, PathVal, RelRef, type Value } from "./values.ts";

export interface JsonNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface JsonRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}
export interface JsonPath {
  nodes: JsonNode[];
  relationships: JsonRelationship[];
}

/** Keys of the graph elements seen while converting. */
export interface Seen {
  nodes: Set<string>;
  edges: Set<string>;
}

function plain(v: Value): unknown {
  if (typeof v === "bigint") return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  return v;
}

/** Converts one value; deleted elements come out as `{id, deleted: true}`. */
export function toJson(g: KnowledgeGraph, v: Value, seen: Seen): unknown {
  if (v instanceof NodeRef) {
    seen.nodes.add(v.key);
    if (!g.hasNode(v.key)) return { id: v.key, deleted: true };
    return { id: v.key, labels: [...nodeLabels(g, v.key)], properties: mapJson(g, nodeProps(g, v.key), seen) } satisfies JsonNode;
  }
  if (v instanceof RelRef) {
    seen.edges.add(v.key);
    if (!g.hasEdge(v.key)) return { id: v.key, deleted: true };
    return {
      id: v.key,
      type: relType(g, v.key),
      start: g.source(v.key),
      end: g.target(v.key),
      properties: mapJson(g, relProps(g, v.key), seen),
    } satisfies JsonRelationship;
  }
  if (v instanceof PathVal) return { nodes: v.nodes.map((n) => toJson(g, n, seen)), relationships: v.rels.map((r) => toJson(g, r, seen)) };
  if (Array.isArray(v)) return v.map((x) => toJson(g, x, seen));
  if (isMap(v)) return mapJson(g, v, seen);
  return plain(v);
}

function mapJson(g: KnowledgeGraph, m: Record<string, Value>, seen: Seen): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(m)) out[k] = toJson(g, x, seen);
  return out;
}

/**
 * What an export writes: the selected nodes and edges, and the attribute columns (name + kind) of each.
 *
 * Columns are the schema's attributes (`src/graph/schema.ts`) in a fixed order, then every other attribute
 * found on the selected elements (an Arabic attribute name is fine), with a kind inferred from its values.
 */
import { BadRequestError } from "../errors.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { changedIds } from "./ids.ts";
import type { ExportOptions, NodePosition } from "./types.ts";

/** How a column's values are typed: each format maps a kind to its own type names. */
export type ColumnKind = "string" | "integer" | "double" | "boolean" | "list" | "json";

export interface Column {
  /** Attribute name (as in the graph; an export may have to clean it). */
  name: string;
  kind: ColumnKind;
  /** Computes the value instead of reading `attributes[name]` (e.g. `evidence` = provenance length). */
  derive?: (attributes: Record<string, unknown>) => unknown;
  /** Layout columns (x, y, size, color): GEXF writes them as `viz` elements instead of attributes. */
  layout?: boolean;
}

/** The selected elements and their columns. */
export interface ExportModel {
  graph: KnowledgeGraph;
  /** Node keys, in graph order. */
  nodes: string[];
  /** Attributes of `nodes[i]` as exported: the graph's, with the export's `positions` (x, y) laid over them. */
  nodeAttrs: Record<string, unknown>[];
  /** Edge keys, in graph order. */
  edges: string[];
  /** Attributes, source key and target key of `edges[j]`. */
  edgeAttrs: Record<string, unknown>[];
  edgeSources: string[];
  edgeTargets: string[];
  nodeColumns: Column[];
  edgeColumns: Column[];
  /** Export id of a node key: the key itself when valid, else a cleaned, unique id (see `ids.ts`). */
  nodeId(key: string): string;
  /** Export id of an edge key. */
  edgeId(key: string): string;
  /** True when the node's export id differs from its key (writers count it once, where the node is written). */
  nodeIdChanged(key: string): boolean;
  /** True when the edge's export id differs from its key. */
  edgeIdChanged(key: string): boolean;
}

const NODE_COLUMNS: Column[] = [
  { name: "type", kind: "string" },
  { name: "labelEn", kind: "string" },
  { name: "labelEnSource", kind: "string" },
  { name: "aliases", kind: "list" },
  { name: "roles", kind: "list" },
  { name: "mentions", kind: "integer" },
  { name: "docs", kind: "list" },
  { name: "firstSeen", kind: "string" },
  { name: "lastSeen", kind: "string" },
  { name: "confidence", kind: "double" },
  { name: "source", kind: "string" },
  { name: "lat", kind: "double" },
  { name: "lon", kind: "double" },
  { name: "pcode", kind: "string" },
  { name: "eventType", kind: "string" },
  { name: "date", kind: "string" },
  { name: "datePrecision", kind: "string" },
  { name: "triggers", kind: "list" },
  { name: "provenance", kind: "json" },
  { name: "x", kind: "double", layout: true },
  { name: "y", kind: "double", layout: true },
  { name: "size", kind: "double", layout: true },
  { name: "color", kind: "string", layout: true },
];

const EDGE_COLUMNS: Column[] = [
  { name: "type", kind: "string" },
  { name: "weight", kind: "double" },
  {
    name: "evidence",
    kind: "integer",
    derive: (a) => (Array.isArray(a.provenance) ? a.provenance.length : undefined),
  },
  { name: "confidence", kind: "double" },
  { name: "role", kind: "string" },
  { name: "cooccurrence", kind: "boolean" },
  { name: "provenance", kind: "json" },
];

/** Attribute names written structurally, never as columns. */
const NODE_STRUCTURAL = new Set(["label"]);
const EDGE_STRUCTURAL = new Set<string>();

/** True for a `MENTIONED_WITH` co-occurrence edge. */
export function isCooccurrence(attributes: { type?: unknown; cooccurrence?: unknown }): boolean {
  return attributes.cooccurrence === true || attributes.type === "MENTIONED_WITH";
}

/**
 * Chooses the nodes and edges to export.
 * Whole graph by default; with `subgraph`, the listed nodes plus, when `subgraph.edges` is given, those edges
 * (their end nodes are added so the file stays valid), otherwise every edge between listed nodes.
 * `includeCooccurrence: false` drops `MENTIONED_WITH` edges.
 * @throws BadRequestError (code `UNKNOWN_NODE` / `UNKNOWN_EDGE`) for keys not in the graph.
 */
export function selectElements(
  graph: KnowledgeGraph,
  options: Pick<ExportOptions, "subgraph" | "includeCooccurrence">,
): Selection {
  const keepCo = options.includeCooccurrence !== false;
  const sub = options.subgraph;
  const sel: Selection = { nodes: [], nodeAttrs: [], edges: [], edgeAttrs: [], edgeSources: [], edgeTargets: [] };
  if (!sub) {
    graph.forEachNode((key, attrs) => {
      sel.nodes.push(key);
      sel.nodeAttrs.push(attrs as unknown as Record<string, unknown>);
    });
    graph.forEachEdge((key, attrs, source, target) => {
      if (keepCo || !isCooccurrence(attrs)) pushEdge(sel, key, attrs as unknown as Record<string, unknown>, source, target);
    });
    return sel;
  }
  const nodeSet = new Set<string>();
  for (const key of sub.nodes) {
    if (!graph.hasNode(key)) throw new BadRequestError(`exportGraph: node "${key}" not found.`, "UNKNOWN_NODE");
    nodeSet.add(key);
  }
  const edgeSet = new Set<string>();
  if (sub.edges) {
    for (const key of sub.edges) {
      if (!graph.hasEdge(key)) throw new BadRequestError(`exportGraph: edge "${key}" not found.`, "UNKNOWN_EDGE");
      if (!keepCo && isCooccurrence(graph.getEdgeAttributes(key))) continue;
      edgeSet.add(key);
      nodeSet.add(graph.source(key));
      nodeSet.add(graph.target(key));
    }
  } else {
    for (const node of nodeSet) {
      graph.forEachOutEdge(node, (key, attrs, _s, target) => {
        if (nodeSet.has(target) && (keepCo || !isCooccurrence(attrs))) edgeSet.add(key);
      });
    }
  }
  // Graph order, so a subgraph export lists elements as the whole-graph export does.
  graph.forEachNode((key, attrs) => {
    if (!nodeSet.has(key)) return;
    sel.nodes.push(key);
    sel.nodeAttrs.push(attrs as unknown as Record<string, unknown>);
  });
  if (edgeSet.size > 0) {
    graph.forEachEdge((key, attrs, source, target) => {
      if (edgeSet.has(key)) pushEdge(sel, key, attrs as unknown as Record<string, unknown>, source, target);
    });
  }
  return sel;
}

/** The selected elements, as parallel arrays (what {@link selectElements} returns). */
export type Selection = Pick<ExportModel, "nodes" | "nodeAttrs" | "edges" | "edgeAttrs" | "edgeSources" | "edgeTargets">;

function pushEdge(sel: Selection, key: string, attrs: Record<string, unknown>, source: string, target: string): void {
  sel.edges.push(key);
  sel.edgeAttrs.push(attrs);
  sel.edgeSources.push(source);
  sel.edgeTargets.push(target);
}

type Seen = { number: boolean; integer: boolean; boolean: boolean; string: boolean; list: boolean; other: boolean };

function inferKind(seen: Seen): ColumnKind {
  if (seen.other) return "json";
  const scalars = [seen.number, seen.boolean, seen.string, seen.list].filter(Boolean).length;
  if (scalars !== 1) return seen.list ? "json" : "string";
  if (seen.number) return seen.integer ? "integer" : "double";
  if (seen.boolean) return "boolean";
  if (seen.list) return "list";
  return "string";
}

function extraColumns(
  known: Column[],
  structural: Set<string>,
  each: (visit: (attrs: Record<string, unknown>) => void) => void,
): Column[] {
  const knownNames = new Set(known.map((c) => c.name));
  const seen = new Map<string, Seen>();
  each((attrs) => {
    for (const name in attrs) {
      if (knownNames.has(name) || structural.has(name)) continue;
      const v = attrs[name];
      if (v === undefined || v === null) continue;
      let s = seen.get(name);
      if (!s) {
        s = { number: false, integer: true, boolean: false, string: false, list: false, other: false };
        seen.set(name, s);
      }
      if (typeof v === "number") {
        s.number = true;
        if (!Number.isInteger(v)) s.integer = false;
      } else if (typeof v === "boolean") s.boolean = true;
      else if (typeof v === "string") s.string = true;
      else if (Array.isArray(v) && v.every((x) => typeof x === "string")) s.list = true;
      else s.other = true;
    }
  });
  return [...seen].map(([name, s]) => ({ name, kind: inferKind(s) }));
}

/**
 * Builds the {@link ExportModel} for `graph` and `options` (one pass over the selected elements for the columns,
 * one for the ids). `options.positions` must hold finite numbers (checked by `resolveExportOptions`).
 * @throws BadRequestError (code `UNKNOWN_NODE` / `UNKNOWN_EDGE`) for subgraph or position keys not in the graph.
 */
export function buildModel(graph: KnowledgeGraph, options: ExportOptions): ExportModel {
  const sel = selectElements(graph, options);
  const positions: ReadonlyMap<string, NodePosition> = options.positions ?? new Map();
  if (positions.size > 0) {
    for (const key of positions.keys()) {
      if (!graph.hasNode(key)) throw new BadRequestError(`exportGraph: positioned node "${key}" not found.`, "UNKNOWN_NODE");
    }
    sel.nodeAttrs = sel.nodeAttrs.map((attrs, i) => {
      const p = positions.get(sel.nodes[i]);
      return p === undefined ? attrs : { ...attrs, x: p.x, y: p.y };
    });
  }
  const nodeExtra = extraColumns(NODE_COLUMNS, NODE_STRUCTURAL, (visit) => sel.nodeAttrs.forEach(visit));
  const edgeExtra = extraColumns(EDGE_COLUMNS, EDGE_STRUCTURAL, (visit) => sel.edgeAttrs.forEach(visit));
  const nodeIds = changedIds(sel.nodes, (id) => graph.hasNode(id));
  const edgeIds = changedIds(sel.edges, (id) => graph.hasEdge(id));
  return {
    graph,
    ...sel,
    nodeColumns: [...NODE_COLUMNS, ...nodeExtra],
    edgeColumns: [...EDGE_COLUMNS, ...edgeExtra],
    // Almost always no id changes: then ids are the keys, without a lookup per reference.
    nodeId: nodeIds.size === 0 ? (key) => key : (key) => nodeIds.get(key) ?? key,
    edgeId: edgeIds.size === 0 ? (key) => key : (key) => edgeIds.get(key) ?? key,
    nodeIdChanged: nodeIds.size === 0 ? () => false : (key) => nodeIds.has(key),
    edgeIdChanged: edgeIds.size === 0 ? () => false : (key) => edgeIds.has(key),
  };
}

/** Reads a column's raw value from an element's attributes. */
export function rawValue(column: Column, attributes: Record<string, unknown>): unknown {
  return column.derive ? column.derive(attributes) : attributes[column.name];
}

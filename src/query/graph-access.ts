/**
 * How Cypher sees the knowledge graph: a node's labels are its `labels` attribute (array, written by CREATE and
 * SET n:L) or else its `type` (official, force, event, ...); its properties are every other attribute. A
 * relationship's type is its `type` attribute; its properties are every other attribute.
 */
import type { KnowledgeGraph } from "../graph/types.ts";
import { fromStored, toStored, type CMap, type Value } from "./values.ts";

type Attrs = Record<string, unknown>;

/**
 * Exact Cypher values of properties written by queries, keyed by the attributes object: stored attributes are
 * plain JSON (a float 1.0 is stored as 1, a 64-bit integer beyond 2^53 as a number), so the value a query wrote
 * is remembered here and returned while the stored attribute is still the one written.
 */
const exact = new WeakMap<object, Map<string, { stored: unknown; value: Value }>>();
/** Whether any query wrote a property yet (until then reads skip the lookup in `exact`). */
let anyWritten = false;

/** Writes property `key` (a non-null Cypher value) into `attrs`, remembering its exact value. */
export function writeProp(attrs: Attrs, key: string, value: Value): void {
  const stored = toStored(value);
  attrs[key] = stored;
  anyWritten = true;
  let m = exact.get(attrs);
  if (!m) {
    m = new Map();
    exact.set(attrs, m);
  }
  m.set(key, { stored, value });
}

function readProp(attrs: Attrs, key: string): Value {
  const raw = attrs[key];
  // Text, the most common property, is its own Cypher value.
  if (typeof raw === "string") return raw;
  if (!anyWritten) return fromStored(raw);
  const e = exact.get(attrs)?.get(key);
  if (e && e.stored === raw) return e.value;
  return fromStored(raw);
}

/** Labels of node `key`. */
export function nodeLabels(g: KnowledgeGraph, key: string): string[] {
  const a = g.getNodeAttributes(key) as unknown as Attrs;
  if (Array.isArray(a.labels)) return a.labels as string[];
  return typeof a.type === "string" ? [a.type] : [];
}

/** True when node `key` (attributes `attrs` when the caller has them) carries every label of `labels`. */
export function hasLabels(g: KnowledgeGraph, key: string, labels: readonly string[], attrs: Attrs | null = null): boolean {
  if (labels.length === 0) return true;
  const a = attrs ?? (g.getNodeAttributes(key) as unknown as Attrs);
  if (Array.isArray(a.labels)) {
    const ls = a.labels as string[];
    return labels.every((l) => ls.includes(l));
  }
  return labels.every((l) => l === a.type);
}

function isNodeInternal(a: Attrs, k: string): boolean {
  return k === "labels" && Array.isArray(a.labels);
}

/** Properties of a node as a Cypher map. */
export function nodeProps(g: KnowledgeGraph, key: string): CMap {
  const a = g.getNodeAttributes(key) as unknown as Attrs;
  const out: CMap = {};
  for (const k of Object.keys(a)) {
    if (isNodeInternal(a, k) || a[k] === undefined || a[k] === null) continue;
    out[k] = readProp(a, k);
  }
  return out;
}

/**
 * One property of node `key`, null when absent; undefined when the node does not exist (one lookup instead of a
 * `hasNode` then a read: this runs once per row and property). `attrs`: the node's attributes object when the
 * caller holds it (a reference from the adjacency index of a read-only query), read without a lookup.
 */
export function existingNodeProp(g: KnowledgeGraph, key: string, prop: string, attrs: Attrs | null = null): Value | undefined {
  let a: Attrs;
  if (attrs !== null) a = attrs;
  else {
    try {
      a = g.getNodeAttributes(key) as unknown as Attrs;
    } catch {
      return undefined;
    }
  }
  if (isNodeInternal(a, prop)) return null;
  return readProp(a, prop);
}

/** One node property, null when absent. */
export function nodeProp(g: KnowledgeGraph, key: string, prop: string): Value {
  const a = g.getNodeAttributes(key) as unknown as Attrs;
  if (isNodeInternal(a, prop)) return null;
  return readProp(a, prop);
}

/** Type of relationship `key`. */
export function relType(g: KnowledgeGraph, key: string): string {
  return String((g.getEdgeAttributes(key) as unknown as Attrs).type ?? "");
}

/** Properties of a relationship as a Cypher map. */
export function relProps(g: KnowledgeGraph, key: string): CMap {
  const a = g.getEdgeAttributes(key) as unknown as Attrs;
  const out: CMap = {};
  for (const k of Object.keys(a)) {
    if (k === "type" || a[k] === undefined || a[k] === null) continue;
    out[k] = readProp(a, k);
  }
  return out;
}

/** One relationship property, null when absent. */
export function relProp(g: KnowledgeGraph, key: string, prop: string): Value {
  if (prop === "type") return null;
  return readProp(g.getEdgeAttributes(key) as unknown as Attrs, prop);
}

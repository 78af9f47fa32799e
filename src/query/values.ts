/**
 * Runtime values of the query engine and their semantics (openCypher 9, "Values", "Comparability and equality",
 * "Orderability"): integers are `bigint` (64-bit, so `1` and `1.0` stay distinct as in Cypher), floats are
 * `number`, maps are plain objects, and graph elements are references by key.
 */

/**
 * A node, by key. `attrs` is the node's attributes object when the reference is the shared one of the adjacency
 * index of a read-only query (adjacency.ts, `nodeRefAt`; property reads then skip the lookup by key); null
 * otherwise. A query has at most one index, which holds one shared reference per node: two shared references are
 * the same node exactly when they are the same object (no need to read their keys).
 */
export class NodeRef {
  constructor(
    readonly key: string,
    readonly attrs: Record<string, unknown> | null = null,
  ) {}
}
export class RelRef {
  constructor(readonly key: string) {}
}
export class PathVal {
  /** nodes.length === rels.length + 1 */
  constructor(readonly nodes: NodeRef[], readonly rels: RelRef[]) {}
}

export type CMap = { [k: string]: Value };
export type Value = null | boolean | bigint | number | string | Value[] | CMap | NodeRef | RelRef | PathVal;

export const INT_MIN = -(2n ** 63n);
export const INT_MAX = 2n ** 63n - 1n;

export function isMap(v: unknown): v is CMap {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NodeRef) && !(v instanceof RelRef) && !(v instanceof PathVal);
}

export function isNumber(v: Value): v is bigint | number {
  return typeof v === "bigint" || typeof v === "number";
}

/** The Cypher type name of a value, for error messages. */
export function typeName(v: Value): string {
  if (v === null) return "NULL";
  if (typeof v === "boolean") return "BOOLEAN";
  if (typeof v === "bigint") return "INTEGER";
  if (typeof v === "number") return "FLOAT";
  if (typeof v === "string") return "STRING";
  if (Array.isArray(v)) return "LIST";
  if (v instanceof NodeRef) return "NODE";
  if (v instanceof RelRef) return "RELATIONSHIP";
  if (v instanceof PathVal) return "PATH";
  return "MAP";
}

/** Converts a stored attribute value (JSON-like) into a Cypher value: integral numbers become integers. */
export function fromStored(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isInteger(v) && Number.isSafeInteger(v) ? BigInt(v) : v;
  if (typeof v === "string" || typeof v === "boolean" || typeof v === "bigint") return v;
  if (Array.isArray(v)) return v.map(fromStored);
  if (typeof v === "object") {
    const out: CMap = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fromStored(x);
    return out;
  }
  return String(v);
}

/** Converts a Cypher value to a stored attribute value (integers become numbers, beyond 2^53 approximately). */
export function toStored(v: Value): unknown {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toStored);
  return v;
}

/** Ternary equality (`=`): null when either side is null or the comparison is undefined. */
export function equals(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  // The common case in WHERE clauses over patterns, first.
  if (a instanceof NodeRef && b instanceof NodeRef) return a === b || ((a.attrs === null || b.attrs === null) && a.key === b.key);
  if (isNumber(a) && isNumber(b)) {
    if (typeof a === "number" && Number.isNaN(a)) return false;
    if (typeof b === "number" && Number.isNaN(b)) return false;
    // eslint-disable-next-line eqeqeq
    return a == b;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    if (a.length !== b.length) return false;
    let sawNull = false;
    for (let i = 0; i < a.length; i++) {
      const r = equals(a[i], b[i]);
      if (r === false) return false;
      if (r === null) sawNull = true;
    }
    return sawNull ? null : true;
  }
  if (a instanceof NodeRef || b instanceof NodeRef) return a instanceof NodeRef && b instanceof NodeRef && a.key === b.key;
  if (a instanceof RelRef || b instanceof RelRef) return a instanceof RelRef && b instanceof RelRef && a.key === b.key;
  if (a instanceof PathVal || b instanceof PathVal) {
    if (!(a instanceof PathVal && b instanceof PathVal)) return false;
    return a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n.key === b.nodes[i].key) && a.rels.every((r, i) => r.key === b.rels[i].key);
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    let sawNull = false;
    for (const k of ka) {
      if (!(k in b)) return false;
      const r = equals(a[k], b[k]);
      if (r === false) return false;
      if (r === null) sawNull = true;
    }
    return sawNull ? null : true;
  }
  if (typeof a !== typeof b) return false;
  return a === b;
}

/**
 * Ternary comparison for `<`, `>`, `<=`, `>=`: a negative, zero or positive number, or null when the values
 * are not comparable (different types, null, NaN involved as Cypher defines).
 */
export function compare(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (isNumber(a) && isNumber(b)) {
    if ((typeof a === "number" && Number.isNaN(a)) || (typeof b === "number" && Number.isNaN(b))) return null;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compare(a[i], b[i]);
      if (c === null) return null;
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return null;
}

function orderRank(v: Value): number {
  if (isMap(v)) return 0;
  if (v instanceof NodeRef) return 1;
  if (v instanceof RelRef) return 2;
  if (Array.isArray(v)) return 3;
  if (v instanceof PathVal) return 4;
  if (typeof v === "string") return 5;
  if (typeof v === "boolean") return 6;
  if (isNumber(v)) return 7;
  return 8; // null
}

/** Total order used by ORDER BY, min and max (openCypher "Orderability"): maps < nodes < relationships < lists < paths < strings < booleans < numbers (NaN last) < null. */
export function orderCompare(a: Value, b: Value): number {
  const ra = orderRank(a);
  const rb = orderRank(b);
  if (ra !== rb) return ra - rb;
  if (isNumber(a) && isNumber(b)) {
    const na = typeof a === "number" && Number.isNaN(a);
    const nb = typeof b === "number" && Number.isNaN(b);
    if (na || nb) return na === nb ? 0 : na ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = orderCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (a instanceof NodeRef && b instanceof NodeRef) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  if (a instanceof RelRef && b instanceof RelRef) return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  if (a instanceof PathVal && b instanceof PathVal) {
    return orderCompare([...a.nodes], [...b.nodes]) || orderCompare([...a.rels], [...b.rels]);
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    const c = orderCompare(ka, kb);
    if (c !== 0) return c;
    for (const k of ka) {
      const d = orderCompare(a[k], b[k]);
      if (d !== 0) return d;
    }
  }
  return 0;
}

/** A string key such that equivalent values (grouping, DISTINCT: null ≡ null, 1 ≡ 1.0) share it. */
export function hashKey(v: Value): string {
  if (v === null) return "N";
  if (typeof v === "boolean") return v ? "T" : "F";
  if (typeof v === "bigint") return "#" + v.toString();
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? "#" + BigInt(v).toString() : "#" + String(v);
  // Length-prefixed text keeps keys unambiguous inside lists and joined columns without escaping.
  if (typeof v === "string") return "s" + v.length + ":" + v;
  if (Array.isArray(v)) return "[" + v.map(hashKey).join(",") + "]";
  if (v instanceof NodeRef) return "n" + v.key.length + ":" + v.key;
  if (v instanceof RelRef) return "r" + v.key.length + ":" + v.key;
  if (v instanceof PathVal) return "p" + hashKey(v.nodes) + hashKey(v.rels);
  return "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + hashKey(v[k])).join(",") + "}";
}

/**
 * Maps and sets keyed by Cypher value equivalence (grouping and DISTINCT, openCypher 9: null ≡ null, 1 ≡ 1.0,
 * lists and maps by content), as {@link hashKey} defines it, without building a key string for the common keys:
 * nodes and relationships go by their graph key, text by itself; other values by their `hashKey`.
 */
import { hashKey, NodeRef, RelRef, type Value } from "./values.ts";

export class ValueMap<T> {
  private readonly nodes = new Map<string, T>();
  private readonly rels = new Map<string, T>();
  private readonly texts = new Map<string, T>();
  private readonly others = new Map<string, T>();

  /** The entry of `v`, or undefined. */
  get(v: Value): T | undefined {
    if (typeof v === "string") return this.texts.get(v);
    if (v instanceof NodeRef) return this.nodes.get(v.key);
    if (v instanceof RelRef) return this.rels.get(v.key);
    return this.others.get(hashKey(v));
  }

  set(v: Value, x: T): void {
    if (typeof v === "string") this.texts.set(v, x);
    else if (v instanceof NodeRef) this.nodes.set(v.key, x);
    else if (v instanceof RelRef) this.rels.set(v.key, x);
    else this.others.set(hashKey(v), x);
  }
}

/** A set of values under the same equivalence. */
export class ValueSet {
  private readonly map = new ValueMap<true>();

  /** Adds `v`; true when it was not there yet. */
  add(v: Value): boolean {
    if (this.map.get(v) !== undefined) return false;
    this.map.set(v, true);
    return true;
  }
}

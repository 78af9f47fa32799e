/**
 * Maps and sets keyed by Cypher value equivalence (grouping and DISTINCT, openCypher 9: null ≡ null, 1 ≡ 1.0,
 * lists and maps by content), as {@link hashKey} defines it, without building a key string for the common keys:
 * nodes and relationships go by their graph key, text by itself; other values by their `hashKey`. Shared node
 * references (values.ts, `NodeRef`) go by identity, which reads nothing of the node, until a reference that is not
 * shared comes: then every node entry moves to its key.
 */
import { hashKey, NodeRef, RelRef, type Value } from "./values.ts";

export class ValueMap<T> {
  private readonly nodes = new Map<string, T>();
  private shared: Map<NodeRef, T> | null = new Map();
  private readonly rels = new Map<string, T>();
  private readonly texts = new Map<string, T>();
  private readonly others = new Map<string, T>();

  /** The entry of `v`, or undefined. */
  get(v: Value): T | undefined {
    if (typeof v === "string") return this.texts.get(v);
    if (v instanceof NodeRef) {
      if (this.shared !== null) return v.attrs !== null ? this.shared.get(v) : this.byKey().get(v.key);
      return this.nodes.get(v.key);
    }
    if (v instanceof RelRef) return this.rels.get(v.key);
    return this.others.get(hashKey(v));
  }

  set(v: Value, x: T): void {
    if (typeof v === "string") this.texts.set(v, x);
    else if (v instanceof NodeRef) {
      if (this.shared !== null && v.attrs !== null) this.shared.set(v, x);
      else this.byKey().set(v.key, x);
    }
    else if (v instanceof RelRef) this.rels.set(v.key, x);
    else this.others.set(hashKey(v), x);
  }

  /** The node entries by key, from now on (the shared references' entries moved there). */
  private byKey(): Map<string, T> {
    if (this.shared !== null) {
      for (const [ref, x] of this.shared) this.nodes.set(ref.key, x);
      this.shared = null;
    }
    return this.nodes;
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

/**
 * The TCK's expected-value notation: null, booleans, integers, floats (NaN, Inf), 'strings', [lists], {maps},
 * nodes (:L {k: v}), relationships [:T {k: v}] and paths <(:A)-[:T]->(:B)>. Parsed into `Expected` and compared
 * with engine values.
 */
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { nodeLabels, nodeProps, relProps, relType } from "../../../src/query/graph-access.ts";
import { isMap, NodeRef, PathVal, RelRef, type Value } from "../../../src/query/values.ts";

export type Expected =
  | { k: "null" }
  | { k: "bool"; v: boolean }
  | { k: "int"; v: bigint }
  | { k: "float"; v: number }
  | { k: "string"; v: string }
  | { k: "list"; items: Expected[] }
  | { k: "map"; entries: [string, Expected][] }
  | { k: "node"; labels: string[]; props: [string, Expected][] }
  | { k: "rel"; type: string; props: [string, Expected][] }
  | { k: "path"; nodes: Expected[]; rels: { rel: Expected; forward: boolean }[] };

class P {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (/\s/.test(this.s[this.i] ?? "")) this.i++;
  }
  peek(): string {
    this.ws();
    return this.s[this.i] ?? "";
  }
  eat(c: string): void {
    this.ws();
    if (!this.s.startsWith(c, this.i)) throw new Error(`TCK value: expected ${c} at ${this.i} in ${this.s}`);
    this.i += c.length;
  }
  tryEat(c: string): boolean {
    this.ws();
    if (this.s.startsWith(c, this.i)) {
      this.i += c.length;
      return true;
    }
    return false;
  }
  name(): string {
    this.ws();
    if (this.s[this.i] === "`") {
      const j = this.s.indexOf("`", this.i + 1);
      const n = this.s.slice(this.i + 1, j);
      this.i = j + 1;
      return n;
    }
    const m = /^[\p{L}\p{N}_]+/u.exec(this.s.slice(this.i));
    if (!m) throw new Error(`TCK value: name expected at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return m[0];
  }
  props(): [string, Expected][] {
    const out: [string, Expected][] = [];
    if (this.peek() !== "{") return out;
    this.eat("{");
    if (this.tryEat("}")) return out;
    do {
      const k = this.name();
      this.eat(":");
      out.push([k, this.value()]);
    } while (this.tryEat(","));
    this.eat("}");
    return out;
  }
  node(): Expected {
    this.eat("(");
    const labels: string[] = [];
    while (this.tryEat(":")) labels.push(this.name());
    const props = this.props();
    this.eat(")");
    return { k: "node", labels, props };
  }
  rel(): Expected {
    this.eat("[");
    this.eat(":");
    const type = this.name();
    const props = this.props();
    this.eat("]");
    return { k: "rel", type, props };
  }
  value(): Expected {
    const c = this.peek();
    const rest = this.s.slice(this.i);
    if (c === "'" || c === '"') {
      let v = "";
      this.i++;
      while (this.s[this.i] !== c) {
        if (this.s[this.i] === "\\") {
          const e = this.s[this.i + 1];
          v += e === "n" ? "\n" : e === "t" ? "\t" : e === "\\" || e === "'" || e === '"' ? e : "\\" + e;
          this.i += 2;
        } else v += this.s[this.i++];
      }
      this.i++;
      return { k: "string", v };
    }
    if (c === "(") return this.node();
    if (c === "<") {
      this.eat("<");
      const nodes = [this.node()];
      const rels: { rel: Expected; forward: boolean }[] = [];
      while (this.peek() === "-" || this.peek() === "<") {
        const back = this.tryEat("<");
        this.eat("-");
        const rel = this.rel();
        this.eat("-");
        const fwd = this.tryEat(">");
        rels.push({ rel, forward: fwd && !back });
        nodes.push(this.node());
      }
      this.eat(">");
      return { k: "path", nodes, rels };
    }
    if (c === "[") {
      if (/^\[\s*:/.test(rest)) return this.rel();
      this.eat("[");
      const items: Expected[] = [];
      if (!this.tryEat("]")) {
        do items.push(this.value());
        while (this.tryEat(","));
        this.eat("]");
      }
      return { k: "list", items };
    }
    if (c === "{") return { k: "map", entries: this.props() };
    let m = /^(null|true|false)\b/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[0] === "null" ? { k: "null" } : { k: "bool", v: m[0] === "true" };
    }
    m = /^-?(NaN|Inf(inity)?)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { k: "float", v: m[1] === "NaN" ? NaN : m[0].startsWith("-") ? -Infinity : Infinity };
    }
    m = /^-?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?/.exec(rest);
    if (m) {
      this.i += m[0].length;
      if (m[0].includes(".") || /[eE]/.test(m[0])) return { k: "float", v: Number(m[0]) };
      return { k: "int", v: BigInt(m[0]) };
    }
    throw new Error(`TCK value: cannot parse ${rest}`);
  }
}

/** Parses a TCK cell. */
export function parseExpected(s: string): Expected {
  const p = new P(s);
  const v = p.value();
  p.ws();
  if (p.i !== s.length) throw new Error(`TCK value: trailing text in ${s}`);
  return v;
}

/** Converts an expected literal (no graph elements) into an engine value, for parameters. */
export function toValue(e: Expected): Value {
  switch (e.k) {
    case "null":
      return null;
    case "bool":
    case "int":
    case "float":
    case "string":
      return e.v;
    case "list":
      return e.items.map(toValue);
    case "map":
      return Object.fromEntries(e.entries.map(([k, v]) => [k, toValue(v)]));
    default:
      throw new Error("TCK value: graph elements cannot be parameters");
  }
}

function propsMatch(actual: Record<string, Value>, exp: [string, Expected][], g: KnowledgeGraph, unordered: boolean, dropNulls = true): boolean {
  const keys = Object.keys(actual).filter((k) => !dropNulls || actual[k] !== null);
  if (keys.length !== exp.length) return false;
  return exp.every(([k, v]) => k in actual && matches(actual[k], v, g, unordered));
}

/** True when engine value `a` equals the expected value. */
export function matches(a: Value, e: Expected, g: KnowledgeGraph, unordered = false): boolean {
  switch (e.k) {
    case "null":
      return a === null;
    case "bool":
    case "string":
      return a === e.v;
    case "int":
      return typeof a === "bigint" && a === e.v;
    case "float":
      if (typeof a !== "number") return false;
      if (Number.isNaN(e.v)) return Number.isNaN(a);
      return a === e.v || Math.abs(a - e.v) <= 1e-12 * Math.max(1, Math.abs(e.v));
    case "list": {
      if (!Array.isArray(a) || a.length !== e.items.length) return false;
      if (!unordered) return e.items.every((x, i) => matches(a[i], x, g, unordered));
      return bipartite(a, e.items, (x, y) => matches(x, y, g, unordered));
    }
    case "map":
      return isMap(a) && propsMatch(a, e.entries, g, unordered, false);
    case "node": {
      if (!(a instanceof NodeRef) || !g.hasNode(a.key)) return false;
      const ls = nodeLabels(g, a.key);
      return ls.length === e.labels.length && e.labels.every((l) => ls.includes(l)) && propsMatch(nodeProps(g, a.key), e.props, g, unordered);
    }
    case "rel":
      return a instanceof RelRef && g.hasEdge(a.key) && relType(g, a.key) === e.type && propsMatch(relProps(g, a.key), e.props, g, unordered);
    case "path": {
      if (!(a instanceof PathVal) || a.nodes.length !== e.nodes.length) return false;
      if (!e.nodes.every((n, i) => matches(a.nodes[i], n, g))) return false;
      return e.rels.every((r, i) => {
        const rk = a.rels[i].key;
        if (!matches(a.rels[i], r.rel, g)) return false;
        const src = g.source(rk);
        return r.forward ? src === a.nodes[i].key : src === a.nodes[i + 1].key;
      });
    }
  }
}

/** Perfect matching between two equal-sized collections under `eq` (backtracking). */
export function bipartite<A, B>(as: A[], bs: B[], eq: (a: A, b: B) => boolean): boolean {
  if (as.length !== bs.length) return false;
  const used = new Array(bs.length).fill(false);
  const go = (i: number): boolean => {
    if (i === as.length) return true;
    for (let j = 0; j < bs.length; j++) {
      if (used[j] || !eq(as[i], bs[j])) continue;
      used[j] = true;
      if (go(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return go(0);
}

/**
 * WHERE predicates of a `shortestPath` / `allShortestPaths` part, applied during the search rather than to the one
 * path found (Neo4j Cypher manual, "Shortest path planning": predicates on the path are evaluated before deciding
 * which path is the shortest). Universal predicates over the path's relationships or nodes —
 * `all(x IN relationships(p) WHERE f)`, `none(x IN nodes(p) WHERE f)`, the same over the relationship-list
 * variable `r` of `[r*..6]`, or `NOT any(...)` — become per-relationship and per-node filters of the breadth-first
 * search. Any other predicate that reads the path makes the search exhaustive: paths are enumerated by length and
 * the shortest one that passes is kept.
 */
import type { Expr, PatternPart } from "./ast.ts";
import type { Row } from "./context.ts";
import { evaluate } from "./eval.ts";
import type { Matcher } from "./match.ts";
import { NodeRef, RelRef, type Value } from "./values.ts";
import { readVars } from "./vars.ts";

/** Filters steering the search, and whether some path predicate could not be turned into one. */
export interface PathFilters {
  /** Keeps a relationship (true) or drops it; always true when there is no filter. */
  rel(edge: string): boolean;
  /** Keeps a node on the path (start, intermediate and end nodes). */
  node(key: string): boolean;
  /** True when some predicate reads the path in another way: the search must enumerate paths. */
  exhaustive: boolean;
  /** Whether `rel` / `node` filter anything (false: they always answer true). */
  filtersRels: boolean;
  filtersNodes: boolean;
}

interface Filter {
  on: "rel" | "node";
  variable: string;
  where: Expr;
  /** `all`: the predicate must be true for each element; `none`: it must be false for each. */
  want: boolean;
}

/** The element list a quantifier ranges over: "rel" for relationships(p) or the list variable, "node" for nodes(p). */
function elementList(list: Expr, p: PatternPart): "rel" | "node" | null {
  const rv = p.rels[0]?.range ? p.rels[0].variable : null;
  if (list.kind === "var" && rv !== null && list.name === rv) return "rel";
  if (list.kind === "call" && list.args.length === 1 && list.args[0].kind === "var" && list.args[0].name === p.pathVar) {
    const f = list.name.toLowerCase();
    if (f === "relationships") return "rel";
    if (f === "nodes") return "node";
  }
  return null;
}

/** A conjunct as a per-element filter, or null when it is not one (or reads variables unbound at search time). */
function asFilter(e: Expr, p: PatternPart, bound: (v: string) => boolean): Filter | null {
  let negate = false;
  let q = e;
  if (q.kind === "unary" && q.op === "NOT") {
    negate = true;
    q = q.arg;
  }
  if (q.kind !== "quantifier" || !q.where) return null;
  let want: boolean;
  if (q.quantifier === "all" && !negate) want = true;
  else if ((q.quantifier === "none" && !negate) || (q.quantifier === "any" && negate)) want = false;
  else return null;
  const on = elementList(q.list, p);
  if (on === null) return null;
  for (const v of readVars(q.where)) if (v !== q.variable && !bound(v)) return null;
  return { on, variable: q.variable, where: q.where, want };
}

/**
 * Classifies the conjuncts of the MATCH that read the path variable or the relationship variable of `p`, with the
 * variables bound now (the start node included). Call once per start node: filters may read it.
 */
export function pathFilters(m: Matcher, p: PatternPart): PathFilters {
  const rp = p.rels[0];
  const names = [p.pathVar, rp.variable].filter((v): v is string => v !== null);
  const seen = new Set<Expr>();
  const filters: Filter[] = [];
  let exhaustive = false;
  for (const name of names) {
    for (const c of m.conjunctsOf(name)) {
      if (seen.has(c.expr)) continue;
      seen.add(c.expr);
      const f = asFilter(c.expr, p, (v) => m.b[v] !== undefined);
      if (f) filters.push(f);
      else exhaustive = true;
    }
  }
  const row: Row = {};
  for (const [k, v] of Object.entries(m.b)) if (v !== undefined) row[k] = v;
  const test = (on: "rel" | "node", value: Value): boolean => {
    for (const f of filters) {
      if (f.on !== on) continue;
      row[f.variable] = value;
      if (evaluate(f.where, row, m.ctx) !== f.want) return false;
    }
    return true;
  };
  const anyRel = filters.some((f) => f.on === "rel");
  const anyNode = filters.some((f) => f.on === "node");
  return {
    rel: anyRel ? (e) => test("rel", new RelRef(e)) : () => true,
    node: anyNode ? (k) => test("node", new NodeRef(k)) : () => true,
    exhaustive,
    filtersRels: anyRel,
    filtersNodes: anyNode,
  };
}

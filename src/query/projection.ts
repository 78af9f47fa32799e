/**
 * WITH / RETURN projection (openCypher 9, "RETURN", "WITH", "ORDER BY", "SKIP", "LIMIT"): items with aliases,
 * `*`, DISTINCT, grouping by the non-aggregate items, ORDER BY over projected and (for plain projections) the
 * incoming variables, SKIP and LIMIT as constant non-negative integers.
 */
import type { Expr, Projection } from "./ast.ts";
import type { Ctx, Row } from "./context.ts";
import { makeAccumulator, type Accumulator } from "./aggregate.ts";
import { CypherRuntimeError } from "./errors.ts";
import { evaluate } from "./eval.ts";
import { hashKey, orderCompare, type Value } from "./values.ts";
import { ValueMap } from "./value-map.ts";
import { aggregatesIn, exprKey, hasAggregate, substituteItems } from "./vars.ts";

export interface Column {
  name: string;
  expr: Expr;
}

/** The columns of a projection given the variables in scope (`*` expands to them, sorted). */
export function projectionColumns(p: Projection, scope: string[]): Column[] {
  const cols: Column[] = [];
  if (p.star) for (const v of [...scope].sort()) cols.push({ name: v, expr: { kind: "var", name: v, pos: 0 } });
  for (const it of p.items) cols.push({ name: it.alias ?? it.text, expr: it.expr });
  return cols;
}

function constInt(e: Expr | null, ctx: Ctx, what: string): number | null {
  if (!e) return null;
  const v = evaluate(e, {}, ctx);
  if (typeof v !== "bigint") {
    if (typeof v === "number" && Number.isInteger(v) === false) throw new CypherRuntimeError(`${what} expects an integer`, "SyntaxError", "InvalidArgumentType");
    throw new CypherRuntimeError(`${what} expects an integer`, "SyntaxError", "InvalidArgumentType");
  }
  if (v < 0n) throw new CypherRuntimeError(`${what} must not be negative`, "SyntaxError", "NegativeIntegerArgument");
  return Number(v);
}

interface Out {
  rec: Row;
  src: Row;
  vals: Map<Expr, Value> | null;
}

/** What a projection computes, derived from the AST and the variables in scope only. */
interface ProjectionPlan {
  cols: Column[];
  order: (Projection["order"][number])[];
  where: Expr | null;
  grouping: boolean;
  /** The columns without aggregates (the grouping key) and every aggregate call of the items and ORDER BY. */
  keyCols: Column[];
  allAggs: (Expr & { kind: "call" })[];
}

interface Group {
  first: Row;
  accs: Map<Expr, Accumulator>;
  list: Accumulator[];
}

/** True when projection `p` aggregates (groups its input rows by the items that are not aggregates). */
export function isGrouping(p: Projection): boolean {
  return p.items.some((it) => hasAggregate(it.expr));
}

/** Plans by projection (AST object) and scope: the same for every execution of a query text (parse cache). */
const plans = new WeakMap<Projection, Map<string, ProjectionPlan>>();

function planProjection(p: Projection, scope: string[], where0: Expr | null): ProjectionPlan {
  const sig = scope.join("\u0001");
  let byScope = plans.get(p);
  const hit = byScope?.get(sig);
  if (hit) return hit;
  const cols = projectionColumns(p, scope);
  const itemNames = new Map(cols.filter((c) => !hasAggregate(c.expr)).map((c) => [exprKey(c.expr), c.name]));
  const order = p.order.map((o) => ({ ...o, expr: substituteItems(o.expr, itemNames) }));
  const where = where0 ? substituteItems(where0, itemNames) : null;
  const aggs = cols.map((c) => aggregatesIn(c.expr));
  const keyCols = cols.filter((_, i) => aggs[i].length === 0);
  const allAggs = [...aggs.flat(), ...order.flatMap((o) => aggregatesIn(o.expr))];
  const plan: ProjectionPlan = { cols, order, where, grouping: aggs.some((a) => a.length > 0), keyCols, allAggs };
  if (!byScope) plans.set(p, (byScope = new Map()));
  if (byScope.size < 64) byScope.set(sig, plan);
  return plan;
}

/** Runs a projection over `input`, yielding the projected rows (keyed by column name). */
export function* project(input: Iterable<Row>, p: Projection, scope: string[], ctx: Ctx, where0: Expr | null = null): Generator<Row> {
  const plan = planProjection(p, scope, where0);
  const { cols, order, where, grouping } = plan;
  const skip = constInt(p.skip, ctx, "SKIP") ?? 0;
  const limit = constInt(p.limit, ctx, "LIMIT");
  if (limit === 0) return;

  const pass = (o: Out): boolean => {
    if (!where) return true;
    const sc: Row = grouping || p.distinct ? o.rec : { ...o.src, ...o.rec };
    return evaluate(where, sc, ctx) === true;
  };
  if (!grouping && !p.distinct && p.order.length === 0) {
    let skipped = 0;
    let n = 0;
    for (const row of input) {
      if (skipped < skip) {
        skipped++;
        continue;
      }
      const rec: Row = {};
      for (const c of cols) rec[c.name] = evaluate(c.expr, row, ctx);
      if (pass({ rec, src: row, vals: null })) yield rec;
      if (limit !== null && ++n >= limit) return;
    }
    return;
  }

  let outs: Out[] = [];
  if (grouping) {
    // Groups by the value of the one key column (no key string for text or nodes), else by the joined keys.
    const index = new ValueMap<Group>();
    const groups: Group[] = [];
    const { keyCols, allAggs } = plan;
    const one = keyCols.length === 1 ? keyCols[0].expr : null;
    for (const row of input) {
      const key = one !== null ? evaluate(one, row, ctx) : keyCols.length === 0 ? "" : keyCols.map((c) => hashKey(evaluate(c.expr, row, ctx))).join("\u0001");
      let g = index.get(key);
      if (!g) {
        const accs = new Map(allAggs.map((a) => [a as Expr, makeAccumulator(a, ctx)]));
        // The input may be one reused binding object (MatchHints.transient): keep a copy.
        g = { first: { ...row }, accs, list: [...accs.values()] };
        index.set(key, g);
        groups.push(g);
      }
      for (let i = 0; i < g.list.length; i++) g.list[i].add(row);
    }
    if (groups.length === 0 && keyCols.length === 0) groups.push({ first: {}, accs: new Map(allAggs.map((a) => [a as Expr, makeAccumulator(a, ctx)])), list: [] });
    for (const g of groups) {
      const vals = new Map<Expr, Value>();
      for (const [e, acc] of g.accs) vals.set(e, acc.result());
      const prev = ctx.aggValues;
      ctx.aggValues = vals;
      try {
        const rec: Row = {};
        for (const c of cols) rec[c.name] = evaluate(c.expr, g.first, ctx);
        outs.push({ rec, src: keyCols.length > 0 ? g.first : {}, vals });
      } finally {
        ctx.aggValues = prev;
      }
    }
  } else {
    for (const row of input) {
      const rec: Row = {};
      for (const c of cols) rec[c.name] = evaluate(c.expr, row, ctx);
      outs.push({ rec, src: row, vals: null });
    }
  }

  if (p.distinct) {
    const seen = new Set<string>();
    outs = outs.filter((o) => {
      const k = cols.map((c) => hashKey(o.rec[c.name])).join("\u0001");
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  if (order.length > 0) {
    const byKey = new Map(cols.map((c) => [exprKey(c.expr), c.name]));
    const keyed = outs.map((o) => {
      const scopeRow: Row = p.distinct || grouping ? { ...o.rec } : { ...o.src, ...o.rec };
      if (grouping) for (const [k, v] of Object.entries(o.src)) if (!(k in scopeRow)) scopeRow[k] = v;
      const prev = ctx.aggValues;
      ctx.aggValues = o.vals;
      try {
        const keys = order.map((ob) => {
          const col = byKey.get(exprKey(ob.expr));
          return col !== undefined ? o.rec[col] : evaluate(ob.expr, scopeRow, ctx);
        });
        return { o, keys };
      } finally {
        ctx.aggValues = prev;
      }
    });
    keyed.sort((a, b) => {
      for (let i = 0; i < order.length; i++) {
        const c = orderCompare(a.keys[i], b.keys[i]);
        if (c !== 0) return order[i].descending ? -c : c;
      }
      return 0;
    });
    outs = keyed.map((k) => k.o);
  }
  const end = limit === null ? outs.length : Math.min(outs.length, skip + limit);
  for (let i = skip; i < end; i++) if (pass(outs[i])) yield outs[i].rec;
}

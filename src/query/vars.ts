/** Variable analysis of expressions and patterns: which variables an expression reads, aggregate detection. */
import type { Expr, PatternPart } from "./ast.ts";
import { isAggregateName } from "./functions.ts";

/** Variables a pattern names (nodes, relationships, path). */
export function patternVars(p: PatternPart): string[] {
  const out: string[] = [];
  if (p.pathVar) out.push(p.pathVar);
  for (const n of p.nodes) if (n.variable) out.push(n.variable);
  for (const r of p.rels) if (r.variable) out.push(r.variable);
  return out;
}

/** Free variables of `e` (variables it reads from the row), minus those bound inside comprehensions. */
export function freeVars(e: Expr, out: Set<string> = new Set(), bound: ReadonlySet<string> = new Set()): Set<string> {
  const visit = (x: Expr | null, b: ReadonlySet<string> = bound): void => {
    if (x) freeVars(x, out, b);
  };
  const withVar = (...names: string[]): Set<string> => new Set([...bound, ...names]);
  switch (e.kind) {
    case "literal":
    case "param":
      return out;
    case "var":
      if (!bound.has(e.name)) out.add(e.name);
      return out;
    case "mapproj":
      if (!bound.has(e.target)) out.add(e.target);
      for (const it of e.items) {
        if (it.kind === "varsel" && !bound.has(it.name)) out.add(it.name);
        if (it.kind === "literal") visit(it.value);
      }
      return out;
    case "prop":
      visit(e.target);
      return out;
    case "index":
      visit(e.target);
      visit(e.index);
      return out;
    case "slice":
      visit(e.target);
      visit(e.from);
      visit(e.to);
      return out;
    case "list":
      e.items.forEach((x) => visit(x));
      return out;
    case "map":
      e.entries.forEach(([, x]) => visit(x));
      return out;
    case "unary":
      visit(e.arg);
      return out;
    case "binary":
      visit(e.left);
      visit(e.right);
      return out;
    case "compare":
      e.args.forEach((x) => visit(x));
      return out;
    case "isnull":
      visit(e.arg);
      return out;
    case "haslabels":
      visit(e.target);
      return out;
    case "call":
      e.args.forEach((x) => visit(x));
      return out;
    case "case":
      visit(e.test);
      e.whens.forEach(([w, t]) => (visit(w), visit(t)));
      visit(e.otherwise);
      return out;
    case "listcomp":
      visit(e.list);
      visit(e.where, withVar(e.variable));
      visit(e.map, withVar(e.variable));
      return out;
    case "quantifier":
      visit(e.list);
      visit(e.where, withVar(e.variable));
      return out;
    case "reduce":
      visit(e.init);
      visit(e.list);
      visit(e.expr, withVar(e.acc, e.variable));
      return out;
    case "patternpred":
      for (const v of patternVars(e.pattern)) if (!bound.has(v)) out.add(v);
      patternExprs(e.pattern).forEach((x) => visit(x));
      return out;
    case "patterncomp": {
      const introduced = withVar(...patternVars(e.pattern));
      // Variables of the pattern are free only if they refer to the outer scope; the caller decides.
      for (const v of patternVars(e.pattern)) if (!bound.has(v)) out.add("\u0000" + v);
      patternExprs(e.pattern).forEach((x) => visit(x, introduced));
      visit(e.where, introduced);
      visit(e.map, introduced);
      return out;
    }
  }
}

/** Property-map expressions inside a pattern. */
export function patternExprs(p: PatternPart): Expr[] {
  const out: Expr[] = [];
  for (const n of p.nodes) if (n.properties) out.push(n.properties);
  for (const r of p.rels) if (r.properties) out.push(r.properties);
  return out;
}

/** Variables read by `e`, with pattern-comprehension variables resolved against `scope`. */
export function readVars(e: Expr, scope?: ReadonlySet<string>): Set<string> {
  const raw = freeVars(e);
  const out = new Set<string>();
  for (const v of raw) {
    if (v.startsWith("\u0000")) {
      const name = v.slice(1);
      if (scope?.has(name)) out.add(name);
    } else out.add(v);
  }
  return out;
}

/** Aggregate calls inside `e` (not descending into nested aggregates). */
export function aggregatesIn(e: Expr, out: (Expr & { kind: "call" })[] = []): (Expr & { kind: "call" })[] {
  walk(e, (x) => {
    if (x.kind === "call" && isAggregateName(x.name)) {
      out.push(x);
      return false;
    }
    return true;
  });
  return out;
}

/** True when `e` contains an aggregate call. */
export function hasAggregate(e: Expr): boolean {
  return aggregatesIn(e).length > 0;
}

/** Pre-order walk; `f` returns false to skip the children. */
export function walk(e: Expr, f: (x: Expr) => boolean): void {
  if (!f(e)) return;
  const sub = (x: Expr | null): void => {
    if (x) walk(x, f);
  };
  switch (e.kind) {
    case "prop":
    case "haslabels":
      sub(e.target);
      break;
    case "index":
      sub(e.target);
      sub(e.index);
      break;
    case "slice":
      sub(e.target);
      sub(e.from);
      sub(e.to);
      break;
    case "list":
      e.items.forEach(sub);
      break;
    case "map":
      e.entries.forEach(([, x]) => sub(x));
      break;
    case "unary":
    case "isnull":
      sub(e.arg);
      break;
    case "binary":
      sub(e.left);
      sub(e.right);
      break;
    case "compare":
      e.args.forEach(sub);
      break;
    case "call":
      e.args.forEach(sub);
      break;
    case "case":
      sub(e.test);
      e.whens.forEach(([w, t]) => (sub(w), sub(t)));
      sub(e.otherwise);
      break;
    case "listcomp":
      sub(e.list);
      sub(e.where);
      sub(e.map);
      break;
    case "quantifier":
      sub(e.list);
      sub(e.where);
      break;
    case "reduce":
      sub(e.init);
      sub(e.list);
      sub(e.expr);
      break;
    case "patterncomp":
      patternExprs(e.pattern).forEach(sub);
      sub(e.where);
      sub(e.map);
      break;
    case "patternpred":
      patternExprs(e.pattern).forEach(sub);
      break;
    case "mapproj":
      for (const it of e.items) if (it.kind === "literal") sub(it.value);
      break;
    default:
      break;
  }
}

/** Structural key of an expression (positions ignored), to match ORDER BY expressions to projected items. */
export function exprKey(e: Expr): string {
  return JSON.stringify(e, (k, v) => (k === "pos" ? undefined : typeof v === "bigint" ? `${v}n` : v));
}

/**
 * Rewrites `e`, replacing each sub-expression structurally equal to a projected item by a reference to the
 * item's column (`RETURN me.age AS age ... ORDER BY me.age + count(*)` reads column `age`). Arguments of
 * aggregate calls are left alone: they refer to the rows before the projection.
 */
export function substituteItems(e: Expr, items: Map<string, string>): Expr {
  const rec = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(rec);
    if (x === null || typeof x !== "object") return x;
    const o = x as Record<string, unknown>;
    if (typeof o.kind === "string" && typeof o.pos === "number") {
      const name = items.get(exprKey(o as unknown as Expr));
      if (name !== undefined) return { kind: "var", name, pos: o.pos };
      if (o.kind === "call" && isAggregateName(String(o.name))) return o;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = rec(v);
    return out;
  };
  return rec(e) as Expr;
}

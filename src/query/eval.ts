/**
 * Expression evaluator: a tree-walking interpreter over the AST with Cypher's three-valued logic and null
 * propagation (openCypher 9, "Expressions"). Pure: everything comes from the row and the context.
 */
import type { Expr } from "./ast.ts";
import type { Ctx, Row } from "./context.ts";
import { argumentError, CypherRuntimeError, typeError } from "./errors.ts";
import { callFunction, isAggregateName } from "./functions.ts";
import { existingNodeProp, nodeProps, relProp } from "./graph-access.ts";
import { COMPREHENSION_HINTS, EXISTS_HINTS, matchPattern } from "./match.ts";
import { arith } from "./arith.ts";
import { compileRegex } from "./regex.ts";
import { compare, equals, isMap, NodeRef, RelRef, typeName, type CMap, type Value } from "./values.ts";

function asBool(v: Value, what: string): boolean | null {
  if (v === null || typeof v === "boolean") return v;
  throw typeError(`${what} expects a boolean, got ${typeName(v)}`);
}

/** Evaluates `e` against `row`. @throws CypherRuntimeError on type errors. */
export function evaluate(e: Expr, row: Row, ctx: Ctx): Value {
  switch (e.kind) {
    case "literal":
      return e.value as Value;
    case "param": {
      if (!(e.name in ctx.params)) throw argumentError(`parameter $${e.name} is missing`, "MissingParameter");
      return ctx.params[e.name];
    }
    case "var": {
      const v = row[e.name];
      if (v === undefined) throw typeError(`variable \`${e.name}\` is not defined`, "UndefinedVariable");
      return v;
    }
    case "prop":
      return propertyOf(evaluate(e.target, row, ctx), e.key, ctx);
    case "index":
      return indexOf(evaluate(e.target, row, ctx), evaluate(e.index, row, ctx), ctx);
    case "slice":
      return sliceOf(e, row, ctx);
    case "list":
      return e.items.map((x) => evaluate(x, row, ctx));
    case "map": {
      const out: CMap = {};
      for (const [k, x] of e.entries) out[k] = evaluate(x, row, ctx);
      return out;
    }
    case "unary": {
      const v = evaluate(e.arg, row, ctx);
      if (e.op === "NOT") {
        const b = asBool(v, "NOT");
        return b === null ? null : !b;
      }
      if (v === null) return null;
      if (e.op === "+") {
        if (typeof v !== "bigint" && typeof v !== "number") throw typeError(`unary + expects a number, got ${typeName(v)}`);
        return v;
      }
      return arith("-", 0n, v);
    }
    case "binary":
      return binary(e, row, ctx);
    case "compare": {
      let result: boolean | null = true;
      let left = evaluate(e.args[0], row, ctx);
      for (let i = 0; i < e.ops.length; i++) {
        const right = evaluate(e.args[i + 1], row, ctx);
        const r = compareOp(e.ops[i], left, right);
        if (r === false) return false;
        if (r === null) result = null;
        left = right;
      }
      return result;
    }
    case "isnull": {
      const v = evaluate(e.arg, row, ctx);
      return e.negated ? v !== null : v === null;
    }
    case "haslabels": {
      const v = evaluate(e.target, row, ctx);
      if (v === null) return null;
      if (v instanceof RelRef) {
        if (!ctx.graph.hasEdge(v.key)) return null;
        const t = ctx.graph.getEdgeAttribute(v.key, "type");
        return e.labels.every((l) => l === t);
      }
      if (!(v instanceof NodeRef)) throw typeError(`label test expects a node, got ${typeName(v)}`);
      if (!ctx.graph.hasNode(v.key)) return null;
      const a = ctx.graph.getNodeAttributes(v.key) as unknown as Record<string, unknown>;
      const ls = Array.isArray(a.labels) ? (a.labels as string[]) : typeof a.type === "string" ? [a.type] : [];
      return e.labels.every((l) => ls.includes(l));
    }
    case "call": {
      if (isAggregateName(e.name)) {
        if (ctx.aggValues && ctx.aggValues.has(e)) return ctx.aggValues.get(e)!;
        throw typeError(`aggregate ${e.name}() used where aggregation is not allowed`, "InvalidAggregation");
      }
      return callFunction(e.name, e.args.map((a) => evaluate(a, row, ctx)), ctx, e.args);
    }
    case "case": {
      if (e.test) {
        const t = evaluate(e.test, row, ctx);
        for (const [w, then] of e.whens) if (equals(t, evaluate(w, row, ctx)) === true) return evaluate(then, row, ctx);
      } else {
        for (const [w, then] of e.whens) if (evaluate(w, row, ctx) === true) return evaluate(then, row, ctx);
      }
      return e.otherwise ? evaluate(e.otherwise, row, ctx) : null;
    }
    case "listcomp": {
      const list = evaluate(e.list, row, ctx);
      if (list === null) return null;
      if (!Array.isArray(list)) throw typeError(`list comprehension expects a list, got ${typeName(list)}`);
      const out: Value[] = [];
      const inner: Row = { ...row };
      for (const x of list) {
        inner[e.variable] = x;
        if (e.where && evaluate(e.where, inner, ctx) !== true) continue;
        out.push(e.map ? evaluate(e.map, inner, ctx) : x);
      }
      return out;
    }
    case "quantifier":
      return quantifier(e, row, ctx);
    case "reduce": {
      const list = evaluate(e.list, row, ctx);
      if (list === null) return null;
      if (!Array.isArray(list)) throw typeError(`reduce expects a list, got ${typeName(list)}`);
      const inner: Row = { ...row, [e.acc]: evaluate(e.init, row, ctx) };
      for (const x of list) {
        inner[e.variable] = x;
        inner[e.acc] = evaluate(e.expr, inner, ctx);
      }
      return inner[e.acc];
    }
    case "patternpred": {
      for (const _ of matchPattern([e.pattern], null, row, ctx, e, EXISTS_HINTS)) return true;
      return false;
    }
    case "patterncomp": {
      const out: Value[] = [];
      for (const r of matchPattern([e.pattern], e.where, row, ctx, e, COMPREHENSION_HINTS)) out.push(evaluate(e.map, r, ctx));
      return out;
    }
    case "mapproj": {
      const t = row[e.target];
      if (t === undefined) throw typeError(`variable \`${e.target}\` is not defined`, "UndefinedVariable");
      if (t === null) return null;
      const out: CMap = {};
      for (const it of e.items) {
        if (it.kind === "allprops") Object.assign(out, allProps(t, ctx));
        else if (it.kind === "propsel") out[it.key] = propertyOf(t, it.key, ctx);
        else if (it.kind === "varsel") out[it.name] = evaluate({ kind: "var", name: it.name, pos: e.pos }, row, ctx);
        else out[it.key] = evaluate(it.value, row, ctx);
      }
      return out;
    }
  }
}

function allProps(v: Value, ctx: Ctx): CMap {
  if (v instanceof NodeRef) return nodeProps(ctx.graph, v.key);
  if (v instanceof RelRef) {
    const a = ctx.graph.getEdgeAttributes(v.key) as unknown as Record<string, unknown>;
    const out: CMap = {};
    for (const k of Object.keys(a)) if (k !== "type") out[k] = relProp(ctx.graph, v.key, k);
    return out;
  }
  if (isMap(v)) return { ...v };
  throw typeError(`map projection expects a node, relationship or map, got ${typeName(v)}`);
}

/** `v.key` on a node, relationship or map; null on null. */
export function propertyOf(v: Value, key: string, ctx: Ctx): Value {
  if (v === null) return null;
  if (v instanceof NodeRef) {
    const x = existingNodeProp(ctx.graph, v.key, key, v.attrs);
    if (x === undefined) throw new CypherRuntimeError(`node ${v.key} was deleted`, "EntityNotFound", "DeletedEntityAccess");
    return x;
  }
  if (v instanceof RelRef) {
    if (!ctx.graph.hasEdge(v.key)) throw new CypherRuntimeError(`relationship ${v.key} was deleted`, "EntityNotFound", "DeletedEntityAccess");
    return relProp(ctx.graph, v.key, key);
  }
  if (isMap(v)) return v[key] ?? null;
  throw typeError(`property access .${key} expects a node, relationship or map, got ${typeName(v)}`);
}

function indexOf(t: Value, i: Value, ctx: Ctx): Value {
  if (t === null || i === null) return null;
  if (Array.isArray(t)) {
    if (typeof i !== "bigint") throw typeError(`list index must be an integer, got ${typeName(i)}`);
    let k = Number(i);
    if (k < 0) k += t.length;
    return k >= 0 && k < t.length ? t[k] : null;
  }
  if (isMap(t) || t instanceof NodeRef || t instanceof RelRef) {
    if (typeof i !== "string") throw typeError(`map key must be a string, got ${typeName(i)}`);
    return propertyOf(t, i, ctx);
  }
  throw typeError(`cannot index a ${typeName(t)}`);
}

function sliceOf(e: Expr & { kind: "slice" }, row: Row, ctx: Ctx): Value {
  const t = evaluate(e.target, row, ctx);
  const f = e.from ? evaluate(e.from, row, ctx) : 0n;
  const to = e.to ? evaluate(e.to, row, ctx) : null;
  if (t === null || f === null || (e.to && to === null)) return null;
  if (!Array.isArray(t)) throw typeError(`cannot slice a ${typeName(t)}`);
  if (typeof f !== "bigint" || (to !== null && typeof to !== "bigint")) throw typeError("slice bounds must be integers");
  const n = t.length;
  let a = Number(f);
  let b = to === null ? n : Number(to);
  if (a < 0) a = Math.max(0, n + a);
  if (b < 0) b = Math.max(0, n + b);
  return t.slice(Math.min(a, n), Math.min(b, n));
}

function isNaNFloat(v: Value): boolean {
  return typeof v === "number" && Number.isNaN(v);
}

function compareOp(op: string, a: Value, b: Value): boolean | null {
  if (op === "=") return equals(a, b);
  if (op === "<>") {
    const r = equals(a, b);
    return r === null ? null : !r;
  }
  if (isNaNFloat(a) || isNaNFloat(b)) {
    const other = isNaNFloat(a) ? b : a;
    if (typeof other === "bigint" || typeof other === "number") return false;
  }
  const c = compare(a, b);
  if (c === null) return null;
  if (op === "<") return c < 0;
  if (op === ">") return c > 0;
  if (op === "<=") return c <= 0;
  return c >= 0;
}

function binary(e: Expr & { kind: "binary" }, row: Row, ctx: Ctx): Value {
  if (e.op === "AND" || e.op === "OR" || e.op === "XOR") {
    const a = asBool(evaluate(e.left, row, ctx), e.op);
    const b = asBool(evaluate(e.right, row, ctx), e.op);
    if (e.op === "AND") return a === false || b === false ? false : a === null || b === null ? null : true;
    if (e.op === "OR") return a === true || b === true ? true : a === null || b === null ? null : false;
    return a === null || b === null ? null : a !== b;
  }
  const l = evaluate(e.left, row, ctx);
  const r = evaluate(e.right, row, ctx);
  switch (e.op) {
    case "IN": {
      if (r === null) return null;
      if (!Array.isArray(r)) throw typeError(`IN expects a list on the right, got ${typeName(r)}`);
      let sawNull = false;
      for (const x of r) {
        const q = equals(l, x);
        if (q === true) return true;
        if (q === null) sawNull = true;
      }
      return sawNull ? null : false;
    }
    case "STARTS WITH":
    case "ENDS WITH":
    case "CONTAINS":
      if (typeof l !== "string" || typeof r !== "string") return null;
      return e.op === "STARTS WITH" ? l.startsWith(r) : e.op === "ENDS WITH" ? l.endsWith(r) : l.includes(r);
    case "=~": {
      if (typeof l !== "string" || typeof r !== "string") return null;
      return compileRegex(r).test(l);
    }
    default:
      return arith(e.op, l, r);
  }
}

function quantifier(e: Expr & { kind: "quantifier" }, row: Row, ctx: Ctx): Value {
  const list = evaluate(e.list, row, ctx);
  if (list === null) return null;
  if (!Array.isArray(list)) throw typeError(`${e.quantifier}() expects a list, got ${typeName(list)}`);
  let t = 0;
  let nul = 0;
  const inner: Row = { ...row };
  for (const x of list) {
    inner[e.variable] = x;
    const v = e.where ? evaluate(e.where, inner, ctx) : x;
    if (v === true) t++;
    else if (v === null) nul++;
  }
  const f = list.length - t - nul;
  switch (e.quantifier) {
    case "all":
      return f > 0 ? false : nul > 0 ? null : true;
    case "any":
      return t > 0 ? true : nul > 0 ? null : false;
    case "none":
      return t > 0 ? false : nul > 0 ? null : true;
    case "single":
      return t > 1 ? false : nul > 0 ? null : t === 1;
  }
}

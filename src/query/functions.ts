/**
 * Scalar functions (openCypher 9, "Functions"; Neo4j Cypher manual for the string and list functions) and the
 * names of the aggregate functions. `shabaka.*` functions live in `shabaka-functions.ts`.
 */
import type { Expr } from "./ast.ts";
import type { Ctx } from "./context.ts";
import { argumentError, CypherRuntimeError, typeError } from "./errors.ts";
import { nodeLabels, nodeProps, relProps, relType } from "./graph-access.ts";
import { floatText } from "./arith.ts";
import { SHABAKA_FUNCTIONS } from "./shabaka-functions.ts";
import { isMap, NodeRef, PathVal, RelRef, typeName, type Value } from "./values.ts";

const AGGREGATES = new Set(["count", "collect", "min", "max", "sum", "avg", "stdev", "stdevp", "percentiledisc", "percentilecont"]);

/** True when `name` (any case) is an aggregate function. */
export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name.toLowerCase());
}

type Fn = (args: Value[], ctx: Ctx, argExprs: Expr[]) => Value;

function str(v: Value, fn: string): string {
  if (typeof v !== "string") throw typeError(`${fn}() expects a string, got ${typeName(v)}`);
  return v;
}
function int(v: Value, fn: string): bigint {
  if (typeof v !== "bigint") throw typeError(`${fn}() expects an integer, got ${typeName(v)}`);
  return v;
}
function num(v: Value, fn: string): number {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  throw typeError(`${fn}() expects a number, got ${typeName(v)}`);
}
function nullIn(f: Fn): Fn {
  return (args, ctx, e) => (args.some((a) => a === null) ? null : f(args, ctx, e));
}
function mathFn(f: (x: number) => number): Fn {
  return nullIn((a) => f(num(a[0], "math")));
}

function parseIntText(s: string): bigint | null {
  const t = s.trim();
  if (/^[+-]?\d+$/.test(t)) return BigInt(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return BigInt(t);
  const f = Number(t);
  if (t !== "" && Number.isFinite(f)) return BigInt(Math.trunc(f));
  return null;
}

const FUNCTIONS: Record<string, Fn> = {
  id: nullIn(([v]) => {
    if (v instanceof NodeRef || v instanceof RelRef) return v.key;
    throw typeError(`id() expects a node or relationship, got ${typeName(v)}`);
  }),
  elementid: nullIn(([v]) => {
    if (v instanceof NodeRef || v instanceof RelRef) return v.key;
    throw typeError(`elementId() expects a node or relationship, got ${typeName(v)}`);
  }),
  labels: nullIn(([v], ctx) => {
    if (v instanceof NodeRef) {
      if (!ctx.graph.hasNode(v.key)) throw new CypherRuntimeError(`node ${v.key} was deleted`, "EntityNotFound", "DeletedEntityAccess");
      return [...nodeLabels(ctx.graph, v.key)];
    }
    throw typeError(`labels() expects a node, got ${typeName(v)}`, "InvalidArgumentValue");
  }),
  type: nullIn(([v], ctx) => {
    if (v instanceof RelRef) return ctx.graph.hasEdge(v.key) ? relType(ctx.graph, v.key) : (ctx.deletedRels.get(v.key)?.type ?? null);
    throw typeError(`type() expects a relationship, got ${typeName(v)}`, "InvalidArgumentValue");
  }),
  properties: nullIn(([v], ctx) => {
    if (v instanceof NodeRef) return nodeProps(ctx.graph, v.key);
    if (v instanceof RelRef) return relProps(ctx.graph, v.key);
    if (isMap(v)) return v;
    throw typeError(`properties() expects a node, relationship or map, got ${typeName(v)}`);
  }),
  keys: nullIn(([v], ctx) => {
    if (v instanceof NodeRef) return Object.keys(nodeProps(ctx.graph, v.key));
    if (v instanceof RelRef) return Object.keys(relProps(ctx.graph, v.key));
    if (isMap(v)) return Object.keys(v);
    throw typeError(`keys() expects a node, relationship or map, got ${typeName(v)}`);
  }),
  nodes: nullIn(([v]) => {
    if (v instanceof PathVal) return [...v.nodes];
    throw typeError(`nodes() expects a path, got ${typeName(v)}`);
  }),
  relationships: nullIn(([v]) => {
    if (v instanceof PathVal) return [...v.rels];
    throw typeError(`relationships() expects a path, got ${typeName(v)}`);
  }),
  length: nullIn(([v]) => {
    if (v instanceof PathVal) return BigInt(v.rels.length);
    if (typeof v === "string" || Array.isArray(v)) return BigInt(v.length);
    throw typeError(`length() expects a path, got ${typeName(v)}`);
  }),
  size: nullIn(([v]) => {
    if (typeof v === "string") return BigInt([...v].length);
    if (Array.isArray(v)) return BigInt(v.length);
    throw typeError(`size() expects a list or string, got ${typeName(v)}`);
  }),
  isempty: nullIn(([v]) => {
    if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
    if (isMap(v)) return Object.keys(v).length === 0;
    throw typeError(`isEmpty() expects a list, string or map, got ${typeName(v)}`);
  }),
  startnode: nullIn(([v], ctx) => {
    if (v instanceof RelRef) return new NodeRef(ctx.graph.hasEdge(v.key) ? ctx.graph.source(v.key) : ctx.deletedRels.get(v.key)!.source);
    throw typeError(`startNode() expects a relationship, got ${typeName(v)}`);
  }),
  endnode: nullIn(([v], ctx) => {
    if (v instanceof RelRef) return new NodeRef(ctx.graph.hasEdge(v.key) ? ctx.graph.target(v.key) : ctx.deletedRels.get(v.key)!.target);
    throw typeError(`endNode() expects a relationship, got ${typeName(v)}`);
  }),
  coalesce: (args) => args.find((a) => a !== null) ?? null,
  exists: ([v], _ctx, e) => (e[0]?.kind === "patternpred" ? v : v !== null),
  tolower: nullIn(([v]) => str(v, "toLower").toLowerCase()),
  toupper: nullIn(([v]) => str(v, "toUpper").toUpperCase()),
  trim: nullIn(([v]) => str(v, "trim").trim()),
  ltrim: nullIn(([v]) => str(v, "lTrim").trimStart()),
  rtrim: nullIn(([v]) => str(v, "rTrim").trimEnd()),
  reverse: nullIn(([v]) => {
    if (typeof v === "string") return [...v].reverse().join("");
    if (Array.isArray(v)) return [...v].reverse();
    throw typeError(`reverse() expects a string or list, got ${typeName(v)}`);
  }),
  split: nullIn(([s, d]) => str(s, "split").split(str(d, "split"))),
  replace: nullIn(([s, a, b]) => str(s, "replace").split(str(a, "replace")).join(str(b, "replace"))),
  substring: (args) => {
    const [s, st, len] = args;
    if (s === null) return null;
    const chars = [...str(s, "substring")];
    const start = Number(int(st, "substring"));
    if (start < 0) throw argumentError("substring() start must not be negative", "NegativeIntegerArgument");
    if (len === undefined || len === null) return chars.slice(start).join("");
    const l = Number(int(len, "substring"));
    if (l < 0) throw argumentError("substring() length must not be negative", "NegativeIntegerArgument");
    return chars.slice(start, start + l).join("");
  },
  left: (args) => {
    const [s, n] = args;
    if (s === null) return null;
    if (n === null) throw argumentError("left() length must not be null", "InvalidArgumentValue");
    const l = Number(int(n, "left"));
    if (l < 0) throw argumentError("left() length must not be negative", "NegativeIntegerArgument");
    return [...str(s, "left")].slice(0, l).join("");
  },
  right: (args) => {
    const [s, n] = args;
    if (s === null) return null;
    if (n === null) throw argumentError("right() length must not be null", "InvalidArgumentValue");
    const l = Number(int(n, "right"));
    if (l < 0) throw argumentError("right() length must not be negative", "NegativeIntegerArgument");
    const chars = [...str(s, "right")];
    return chars.slice(Math.max(0, chars.length - l)).join("");
  },
  tostring: nullIn(([v]) => {
    if (typeof v === "string") return v;
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number") return floatText(v);
    if (typeof v === "boolean") return v ? "true" : "false";
    throw typeError(`toString() cannot convert a ${typeName(v)}`, "InvalidArgumentValue");
  }),
  tointeger: nullIn(([v]) => {
    if (typeof v === "bigint") return v;
    if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : null;
    if (typeof v === "string") return parseIntText(v);
    if (typeof v === "boolean") return v ? 1n : 0n;
    throw typeError(`toInteger() cannot convert a ${typeName(v)}`, "InvalidArgumentValue");
  }),
  tofloat: nullIn(([v]) => {
    if (typeof v === "number") return v;
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "string") {
      const t = v.trim();
      const f = Number(t);
      return t !== "" && !Number.isNaN(f) ? f : null;
    }
    throw typeError(`toFloat() cannot convert a ${typeName(v)}`, "InvalidArgumentValue");
  }),
  toboolean: nullIn(([v]) => {
    if (typeof v === "boolean") return v;
    if (typeof v === "string") {
      const t = v.trim().toLowerCase();
      return t === "true" ? true : t === "false" ? false : null;
    }
    if (typeof v === "bigint") return v !== 0n;
    throw typeError(`toBoolean() cannot convert a ${typeName(v)}`, "InvalidArgumentValue");
  }),
  head: nullIn(([v]) => {
    if (!Array.isArray(v)) throw typeError(`head() expects a list, got ${typeName(v)}`);
    return v.length ? v[0] : null;
  }),
  last: nullIn(([v]) => {
    if (!Array.isArray(v)) throw typeError(`last() expects a list, got ${typeName(v)}`);
    return v.length ? v[v.length - 1] : null;
  }),
  tail: nullIn(([v]) => {
    if (!Array.isArray(v)) throw typeError(`tail() expects a list, got ${typeName(v)}`);
    return v.slice(1);
  }),
  range: (args) => {
    const [a, b, s] = args;
    if (a === null || b === null || s === null) throw argumentError("range() arguments must not be null", "InvalidArgumentValue");
    const rint = (x: Value): bigint => {
      if (typeof x !== "bigint") throw argumentError(`range() expects integers, got ${typeName(x)}`, "InvalidArgumentType");
      return x;
    };
    const start = rint(a);
    const end = rint(b);
    const step = s === undefined ? 1n : rint(s);
    if (step === 0n) throw argumentError("range() step must not be 0", "NumberOutOfRange");
    const out: bigint[] = [];
    if ((end - start) / step > 10_000_000n) throw argumentError("range() would hold more than 10,000,000 values", "NumberOutOfRange");
    for (let x = start; step > 0n ? x <= end : x >= end; x += step) out.push(x);
    return out;
  },
  abs: nullIn(([v]) => (typeof v === "bigint" ? (v < 0n ? -v : v) : Math.abs(num(v, "abs")))),
  sign: nullIn(([v]) => (typeof v === "bigint" ? BigInt(v > 0n ? 1 : v < 0n ? -1 : 0) : BigInt(Math.sign(num(v, "sign"))))),
  ceil: mathFn(Math.ceil),
  floor: mathFn(Math.floor),
  round: mathFn((x) => (x < 0 ? -Math.round(-x) : Math.round(x))),
  sqrt: mathFn(Math.sqrt),
  exp: mathFn(Math.exp),
  log: mathFn(Math.log),
  log10: mathFn(Math.log10),
  sin: mathFn(Math.sin),
  cos: mathFn(Math.cos),
  tan: mathFn(Math.tan),
  rand: () => Math.random(),
  pi: () => Math.PI,
  e: () => Math.E,
};

/**
 * Calls scalar function `name` (case-insensitive; `shabaka.*` included).
 * @throws CypherRuntimeError (SyntaxError/UnknownFunction) for an unknown name.
 */
export function callFunction(name: string, args: Value[], ctx: Ctx, argExprs: Expr[]): Value {
  const f = FUNCTIONS[name.toLowerCase()] ?? SHABAKA_FUNCTIONS[name.toLowerCase()];
  if (!f) throw new CypherRuntimeError(`unknown function ${name}()`, "SyntaxError", "UnknownFunction");
  return f(args, ctx, argExprs);
}

/** True when a scalar function of that name exists. */
export function isKnownFunction(name: string): boolean {
  const k = name.toLowerCase();
  return k in FUNCTIONS || k in SHABAKA_FUNCTIONS || AGGREGATES.has(k);
}

/** Every function name the engine knows (scalar, `shabaka.*` and aggregates), lower-cased, sorted. */
export function knownFunctionNames(): string[] {
  return [...Object.keys(FUNCTIONS), ...Object.keys(SHABAKA_FUNCTIONS), ...AGGREGATES].sort();
}

/**
 * Expression parser (openCypher 9 grammar, "Expression" productions, precedence from lowest to highest:
 * OR, XOR, AND, NOT, comparison (chained), string/list/null predicates, + -, * / %, ^, unary + -,
 * property lookup / index / slice / label test, atoms).
 */
import type { CompareOp, Expr, MapProjItem } from "./ast.ts";
import { Cursor, RESERVED } from "./cursor.ts";
import { parsePatternPart, tryParsePatternPart } from "./parse-pattern.ts";

const INT_MAX = 9223372036854775807n;

export function parseExpr(c: Cursor): Expr {
  return parseOr(c);
}

function parseOr(c: Cursor): Expr {
  let left = parseXor(c);
  while (c.isKw("OR")) {
    const pos = c.next().start;
    left = { kind: "binary", op: "OR", left, right: parseXor(c), pos };
  }
  return left;
}

function parseXor(c: Cursor): Expr {
  let left = parseAnd(c);
  while (c.isKw("XOR")) {
    const pos = c.next().start;
    left = { kind: "binary", op: "XOR", left, right: parseAnd(c), pos };
  }
  return left;
}

function parseAnd(c: Cursor): Expr {
  let left = parseNot(c);
  while (c.isKw("AND")) {
    const pos = c.next().start;
    left = { kind: "binary", op: "AND", left, right: parseNot(c), pos };
  }
  return left;
}

function parseNot(c: Cursor): Expr {
  if (c.isKw("NOT")) {
    const pos = c.next().start;
    return { kind: "unary", op: "NOT", arg: parseNot(c), pos };
  }
  return parseComparison(c);
}

const CMP = new Set(["=", "<>", "!=", "<", ">", "<=", ">="]);

function parseComparison(c: Cursor): Expr {
  const first = parsePredicates(c);
  const ops: CompareOp[] = [];
  const args: Expr[] = [first];
  while (c.peek().type === "punct" && CMP.has(c.peek().value)) {
    const v = c.next().value;
    ops.push((v === "!=" ? "<>" : v) as CompareOp);
    args.push(parsePredicates(c));
  }
  if (ops.length === 0) return first;
  return { kind: "compare", ops, args, pos: first.pos };
}

function parsePredicates(c: Cursor): Expr {
  let left = parseAdd(c);
  for (;;) {
    const pos = c.peek().start;
    if (c.isKw("STARTS") && c.isKw("WITH", 1)) {
      c.next();
      c.next();
      left = { kind: "binary", op: "STARTS WITH", left, right: parseAdd(c), pos };
    } else if (c.isKw("ENDS") && c.isKw("WITH", 1)) {
      c.next();
      c.next();
      left = { kind: "binary", op: "ENDS WITH", left, right: parseAdd(c), pos };
    } else if (c.isKw("CONTAINS")) {
      c.next();
      left = { kind: "binary", op: "CONTAINS", left, right: parseAdd(c), pos };
    } else if (c.isKw("IN")) {
      c.next();
      left = { kind: "binary", op: "IN", left, right: parseAdd(c), pos };
    } else if (c.isP("=~")) {
      c.next();
      left = { kind: "binary", op: "=~", left, right: parseAdd(c), pos };
    } else if (c.isKw("IS")) {
      c.next();
      const negated = c.acceptKw("NOT");
      c.expectKw("NULL");
      left = { kind: "isnull", arg: left, negated, pos };
    } else return left;
  }
}

function parseAdd(c: Cursor): Expr {
  let left = parseMul(c);
  while (c.isP("+") || c.isP("-")) {
    const t = c.next();
    left = { kind: "binary", op: t.value as "+" | "-", left, right: parseMul(c), pos: t.start };
  }
  return left;
}

function parseMul(c: Cursor): Expr {
  let left = parsePow(c);
  while (c.isP("*") || c.isP("/") || c.isP("%")) {
    const t = c.next();
    left = { kind: "binary", op: t.value as "*" | "/" | "%", left, right: parsePow(c), pos: t.start };
  }
  return left;
}

function parsePow(c: Cursor): Expr {
  let left = parseUnary(c);
  while (c.isP("^")) {
    const t = c.next();
    left = { kind: "binary", op: "^", left, right: parseUnary(c), pos: t.start };
  }
  return left;
}

function parseUnary(c: Cursor): Expr {
  if (c.isP("-") || c.isP("+")) {
    const t = c.next();
    const nt = c.peek();
    if (t.value === "-" && nt.type === "int") {
      c.next();
      const v = -parseIntLiteral(c, nt.value, nt.start, true);
      return parsePostfix(c, { kind: "literal", value: v, pos: t.start });
    }
    return { kind: "unary", op: t.value as "-" | "+", arg: parseUnary(c), pos: t.start };
  }
  return parsePostfix(c, parseAtom(c));
}

function parseIntLiteral(c: Cursor, text: string, pos: number, negative: boolean): bigint {
  let v: bigint;
  if (/^0x/.test(text)) v = BigInt(text);
  else if (/^0o/.test(text)) v = BigInt("0o" + text.slice(2));
  else v = BigInt(text);
  if (v > INT_MAX + (negative ? 1n : 0n)) throw c.error(`integer literal ${text} is too large`, pos, "IntegerOverflow");
  return v;
}

function parsePostfix(c: Cursor, e: Expr): Expr {
  for (;;) {
    if (c.isP(".") && c.isName(1)) {
      c.next();
      e = { kind: "prop", target: e, key: c.name(), pos: e.pos };
    } else if (c.isP("[")) {
      const pos = c.next().start;
      if (c.acceptP("..")) {
        const to = c.isP("]") ? null : parseExpr(c);
        c.expectP("]");
        e = { kind: "slice", target: e, from: null, to, pos };
        continue;
      }
      const idx = parseExpr(c);
      if (c.acceptP("..")) {
        const to = c.isP("]") ? null : parseExpr(c);
        c.expectP("]");
        e = { kind: "slice", target: e, from: idx, to, pos };
        continue;
      }
      c.expectP("]");
      e = { kind: "index", target: e, index: idx, pos };
    } else if (c.isP(":") && (e.kind === "var" || e.kind === "prop" || e.kind === "index")) {
      const labels: string[] = [];
      while (c.acceptP(":")) labels.push(c.name("a label"));
      e = { kind: "haslabels", target: e, labels, pos: e.pos };
    } else return e;
  }
}

function parseAtom(c: Cursor): Expr {
  const t = c.peek();
  const pos = t.start;
  switch (t.type) {
    case "int":
      c.next();
      return { kind: "literal", value: parseIntLiteral(c, t.value, t.start, false), pos };
    case "float": {
      c.next();
      const v = Number(t.value);
      if (!Number.isFinite(v)) throw c.error(`float literal ${t.value} is too large`, pos, "FloatingPointOverflow");
      return { kind: "literal", value: v, pos };
    }
    case "string":
      c.next();
      return { kind: "literal", value: t.value, pos };
    case "param":
      c.next();
      return { kind: "param", name: t.value, pos };
    case "eof":
      c.fail("expected an expression");
  }
  if (t.type === "punct") {
    if (t.value === "[") return parseListLike(c);
    if (t.value === "{") return parseMapLiteral(c);
    if (t.value === "(") {
      const pat = tryParsePatternPart(c, true);
      if (pat) return { kind: "patternpred", pattern: pat, pos };
      c.next();
      const e = parseExpr(c);
      c.expectP(")");
      return e;
    }
    c.fail("expected an expression");
  }
  // identifiers and keywords
  const up = t.type === "ident" ? t.value.toUpperCase() : "";
  if (up === "TRUE") return c.next(), { kind: "literal", value: true, pos };
  if (up === "FALSE") return c.next(), { kind: "literal", value: false, pos };
  if (up === "NULL") return c.next(), { kind: "literal", value: null, pos };
  if (up === "CASE") return parseCase(c);
  if ((up === "ALL" || up === "ANY" || up === "NONE" || up === "SINGLE") && c.isP("(", 1) && c.isName(2) && c.isKw("IN", 3)) {
    c.next();
    c.next();
    const variable = c.name();
    c.expectKw("IN");
    const list = parseExpr(c);
    const where = c.acceptKw("WHERE") ? parseExpr(c) : null;
    c.expectP(")");
    return { kind: "quantifier", quantifier: up.toLowerCase() as "all", variable, list, where, pos };
  }
  if (up === "REDUCE" && c.isP("(", 1)) {
    c.next();
    c.next();
    const acc = c.name();
    c.expectP("=");
    const init = parseExpr(c);
    c.expectP(",");
    const variable = c.name();
    c.expectKw("IN");
    const list = parseExpr(c);
    c.expectP("|");
    const expr = parseExpr(c);
    c.expectP(")");
    return { kind: "reduce", acc, init, variable, list, expr, pos };
  }
  if (up === "EXISTS" && c.isP("{", 1)) c.fail("EXISTS subqueries are not supported");
  // function call: name(.name)* (
  let k = 1;
  while (c.isP(".", k) && c.isName(k + 1)) k += 2;
  if (c.isP("(", k) && !(t.type === "ident" && RESERVED.has(up) && k === 1)) {
    const parts: string[] = [c.name()];
    while (c.acceptP(".")) parts.push(c.name());
    c.expectP("(");
    const name = parts.join(".");
    if (c.isP("*") && c.isP(")", 1)) {
      c.next();
      c.next();
      return { kind: "call", name, args: [], distinct: false, star: true, pos };
    }
    const distinct = c.acceptKw("DISTINCT");
    const args: Expr[] = [];
    if (!c.isP(")")) {
      do args.push(parseExpr(c));
      while (c.acceptP(","));
    }
    c.expectP(")");
    return { kind: "call", name, args, distinct, star: false, pos };
  }
  if (t.type === "ident" && RESERVED.has(up)) c.fail("expected an expression");
  const name = c.name();
  if (c.isP("{")) return parseMapProjection(c, name, pos);
  return { kind: "var", name, pos };
}

function parseCase(c: Cursor): Expr {
  const pos = c.next().start;
  const test = c.isKw("WHEN") ? null : parseExpr(c);
  const whens: [Expr, Expr][] = [];
  while (c.acceptKw("WHEN")) {
    const w = parseExpr(c);
    c.expectKw("THEN");
    whens.push([w, parseExpr(c)]);
  }
  if (whens.length === 0) c.fail("expected WHEN");
  const otherwise = c.acceptKw("ELSE") ? parseExpr(c) : null;
  c.expectKw("END");
  return { kind: "case", test, whens, otherwise, pos };
}

function parseListLike(c: Cursor): Expr {
  const pos = c.expectP("[").start;
  // list comprehension: [x IN list WHERE p | e]
  if (c.isName() && c.isKw("IN", 1)) {
    const variable = c.name();
    c.next();
    const list = parseExpr(c);
    const where = c.acceptKw("WHERE") ? parseExpr(c) : null;
    const map = c.acceptP("|") ? parseExpr(c) : null;
    c.expectP("]");
    return { kind: "listcomp", variable, list, where, map, pos };
  }
  // pattern comprehension: [p = (a)-->(b) WHERE p | e]
  const save = c.i;
  if (c.isP("(") || (c.isName() && c.isP("=", 1))) {
    const pat = tryParsePatternPart(c, c.isP("("));
    if (pat && (c.isKw("WHERE") || c.isP("|"))) {
      const where = c.acceptKw("WHERE") ? parseExpr(c) : null;
      c.expectP("|");
      const map = parseExpr(c);
      c.expectP("]");
      return { kind: "patterncomp", pattern: pat, where, map, pos };
    }
    c.i = save;
  }
  const items: Expr[] = [];
  if (!c.isP("]")) {
    do items.push(parseExpr(c));
    while (c.acceptP(","));
  }
  c.expectP("]");
  return { kind: "list", items, pos };
}

/** `{key: expr, ...}`; keys are names or strings. */
export function parseMapLiteral(c: Cursor): Expr & { kind: "map" } {
  const pos = c.expectP("{").start;
  const entries: [string, Expr][] = [];
  if (!c.isP("}")) {
    do {
      const k = c.peek().type === "string" ? c.next().value : c.name("a map key");
      c.expectP(":");
      entries.push([k, parseExpr(c)]);
    } while (c.acceptP(","));
  }
  c.expectP("}");
  return { kind: "map", entries, pos };
}

function parseMapProjection(c: Cursor, target: string, pos: number): Expr {
  c.expectP("{");
  const items: MapProjItem[] = [];
  if (!c.isP("}")) {
    do {
      if (c.acceptP(".")) {
        if (c.acceptP("*")) items.push({ kind: "allprops" });
        else items.push({ kind: "propsel", key: c.name() });
      } else {
        const name = c.name();
        if (c.acceptP(":")) items.push({ kind: "literal", key: name, value: parseExpr(c) });
        else items.push({ kind: "varsel", name });
      }
    } while (c.acceptP(","));
  }
  c.expectP("}");
  return { kind: "mapproj", target, items, pos };
}

export { parsePatternPart };

/** A property target for SET / REMOVE: an atom with its lookups, without operators (`n.k`, `n.a.b`). */
export function parseTargetExpr(c: Cursor): Expr {
  return parsePostfix(c, parseAtom(c));
}

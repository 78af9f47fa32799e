/**
 * Clause parser: a hand-written recursive-descent parser for the openCypher subset (openCypher 9 grammar,
 * "Query" and "Clause" productions). Produces the AST of `ast.ts`; `parseQuery` also runs the compile-time
 * checks of `semantic.ts`.
 */
import type { Clause, Expr, PatternPart, Projection, Query, RemoveItem, ReturnItem, SetItem, SingleQuery } from "./ast.ts";
import { Cursor } from "./cursor.ts";
import { parseExpr, parseTargetExpr } from "./parse-expr.ts";
import { parsePatternPart } from "./parse-pattern.ts";
import { checkQuery } from "./semantic.ts";

/**
 * Parses a Cypher statement into its AST and checks it (variables defined, types of variables consistent,
 * aggregation placement).
 * @throws CypherSyntaxError (code `QUERY_SYNTAX`) with `line`, `column` and a caret excerpt.
 */
export function parseQuery(text: string): Query {
  const hit = parsed.get(text);
  if (hit) {
    // Refresh the entry's position so the cache drops the least recently used text first.
    parsed.delete(text);
    parsed.set(text, hit);
    return hit;
  }
  const q = parseUncached(text);
  if (parsed.size >= PARSE_CACHE_MAX) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, q);
  return q;
}

/** Parsed and checked queries by text (the AST is never changed by execution), least recently used first. */
const parsed = new Map<string, Query>();
const PARSE_CACHE_MAX = 500;

function parseUncached(text: string): Query {
  const c = new Cursor(text);
  const parts: SingleQuery[] = [parseSingle(c)];
  const unionAll: boolean[] = [];
  while (c.acceptKw("UNION")) {
    unionAll.push(c.acceptKw("ALL"));
    parts.push(parseSingle(c));
  }
  c.acceptP(";");
  if (c.peek().type !== "eof") c.fail("expected a clause or the end of the query");
  const q: Query = { parts, unionAll, text };
  checkQuery(q);
  return q;
}

function parseSingle(c: Cursor): SingleQuery {
  const clauses: Clause[] = [];
  for (;;) {
    const cl = parseClause(c);
    if (!cl) break;
    clauses.push(cl);
    if (cl.kind === "return") break;
  }
  if (clauses.length === 0) c.fail("expected a clause (MATCH, RETURN, WITH, UNWIND, CREATE, ...)");
  return { clauses };
}

function parseClause(c: Cursor): Clause | null {
  const pos = c.peek().start;
  if (c.isKw("MATCH") || (c.isKw("OPTIONAL") && c.isKw("MATCH", 1))) {
    const optional = c.acceptKw("OPTIONAL");
    c.expectKw("MATCH");
    const pattern = parsePattern(c);
    const where = c.acceptKw("WHERE") ? parseExpr(c) : null;
    return { kind: "match", optional, pattern, where, pos };
  }
  if (c.acceptKw("UNWIND")) {
    const expr = parseExpr(c);
    c.expectKw("AS");
    return { kind: "unwind", expr, variable: c.name("a variable"), pos };
  }
  if (c.acceptKw("WITH")) {
    const projection = parseProjection(c);
    const where = c.acceptKw("WHERE") ? parseExpr(c) : null;
    return { kind: "with", projection, where, pos };
  }
  if (c.acceptKw("RETURN")) return { kind: "return", projection: parseProjection(c), pos };
  if (c.acceptKw("CREATE")) return { kind: "create", pattern: parsePattern(c), pos };
  if (c.acceptKw("MERGE")) {
    const pattern = parsePatternPart(c);
    const onCreate: SetItem[] = [];
    const onMatch: SetItem[] = [];
    while (c.isKw("ON")) {
      c.next();
      const which = c.acceptKw("CREATE") ? onCreate : (c.expectKw("MATCH"), onMatch);
      c.expectKw("SET");
      which.push(...parseSetItems(c));
    }
    return { kind: "merge", pattern, onCreate, onMatch, pos };
  }
  if (c.acceptKw("SET")) return { kind: "set", items: parseSetItems(c), pos };
  if (c.acceptKw("REMOVE")) return { kind: "remove", items: parseRemoveItems(c), pos };
  if (c.isKw("DELETE") || (c.isKw("DETACH") && c.isKw("DELETE", 1))) {
    const detach = c.acceptKw("DETACH");
    c.expectKw("DELETE");
    const exprs: Expr[] = [parseExpr(c)];
    while (c.acceptP(",")) exprs.push(parseExpr(c));
    return { kind: "delete", detach, exprs, pos };
  }
  if (c.isKw("CALL")) c.fail("CALL is not supported");
  return null;
}

function parsePattern(c: Cursor): PatternPart[] {
  const parts = [parsePatternPart(c)];
  while (c.acceptP(",")) parts.push(parsePatternPart(c));
  return parts;
}

function parseProjection(c: Cursor): Projection {
  const distinct = c.acceptKw("DISTINCT");
  let star = false;
  const items: ReturnItem[] = [];
  if (c.acceptP("*")) {
    star = true;
    if (c.acceptP(",")) parseItems(c, items);
  } else parseItems(c, items);
  const order: Projection["order"] = [];
  if (c.isKw("ORDER")) {
    c.next();
    c.expectKw("BY");
    do {
      const expr = parseExpr(c);
      let descending = false;
      if (c.acceptKw("DESC") || c.acceptKw("DESCENDING")) descending = true;
      else if (!c.acceptKw("ASC")) c.acceptKw("ASCENDING");
      order.push({ expr, descending });
    } while (c.acceptP(","));
  }
  const skip = c.acceptKw("SKIP") ? parseExpr(c) : null;
  const limit = c.acceptKw("LIMIT") ? parseExpr(c) : null;
  return { distinct, star, items, order, skip, limit };
}

function parseItems(c: Cursor, items: ReturnItem[]): void {
  do {
    const start = c.peek().start;
    const expr = parseExpr(c);
    const end = c.toks[c.i - 1].end;
    const alias = c.acceptKw("AS") ? c.name("an alias") : null;
    items.push({ expr, alias, text: c.text.slice(start, end) });
  } while (c.acceptP(","));
}

function parseSetItems(c: Cursor): SetItem[] {
  const items: SetItem[] = [];
  do {
    const pos = c.peek().start;
    if (c.isName() && (c.isP("=", 1) || c.isP("+=", 1))) {
      const variable = c.name();
      const merge = c.next().value === "+=";
      items.push({ kind: "setall", variable, value: parseExpr(c), merge });
    } else if (c.isName() && c.isP(":", 1)) {
      const variable = c.name();
      const labels: string[] = [];
      while (c.acceptP(":")) labels.push(c.name("a label"));
      items.push({ kind: "setlabels", variable, labels });
    } else {
      const target = parseTargetExpr(c);
      if (target.kind !== "prop") c.fail("expected a property to SET", "UnexpectedSyntax", pos);
      c.expectP("=");
      items.push({ kind: "setprop", target: target.target, key: target.key, value: parseExpr(c) });
    }
  } while (c.acceptP(","));
  return items;
}

function parseRemoveItems(c: Cursor): RemoveItem[] {
  const items: RemoveItem[] = [];
  do {
    const pos = c.peek().start;
    if (c.isName() && c.isP(":", 1)) {
      const variable = c.name();
      const labels: string[] = [];
      while (c.acceptP(":")) labels.push(c.name("a label"));
      items.push({ kind: "removelabels", variable, labels });
    } else {
      const target = parseTargetExpr(c);
      if (target.kind !== "prop") c.fail("expected a property to REMOVE", "UnexpectedSyntax", pos);
      items.push({ kind: "removeprop", target: target.target, key: target.key });
    }
  } while (c.acceptP(","));
  return items;
}

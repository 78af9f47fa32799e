/**
 * Pattern parser (openCypher 9 grammar, "Pattern" productions): `p = (a:L {k: v})-[r:T|U*1..3 {k: v}]->(b)`,
 * `shortestPath(...)` and `allShortestPaths(...)`.
 */
import type { Direction, Expr, NodePattern, PatternPart, RelPattern } from "./ast.ts";
import { Cursor } from "./cursor.ts";
import { CypherSyntaxError } from "./errors.ts";
import { parseMapLiteral } from "./parse-expr.ts";

/** Parses one pattern part, with an optional path variable and shortest-path function. */
export function parsePatternPart(c: Cursor): PatternPart {
  const pos = c.peek().start;
  let pathVar: string | null = null;
  if (c.isName() && c.isP("=", 1)) {
    pathVar = c.name();
    c.next();
  }
  const fn = c.peek();
  if (fn.type === "ident" && c.isP("(", 1)) {
    const up = fn.value.toUpperCase();
    if (up === "SHORTESTPATH" || up === "ALLSHORTESTPATHS") {
      c.next();
      c.next();
      const inner = parseChain(c);
      c.expectP(")");
      return { ...inner, pathVar, shortest: up === "SHORTESTPATH" ? "shortest" : "all", pos };
    }
  }
  const chain = parseChain(c);
  return { ...chain, pathVar, shortest: null, pos };
}

/** Tries to parse a pattern part; restores the cursor and returns null if it does not parse. */
export function tryParsePatternPart(c: Cursor, requireRel: boolean): PatternPart | null {
  const save = c.i;
  try {
    const p = parsePatternPart(c);
    if (requireRel && p.rels.length === 0) {
      c.i = save;
      return null;
    }
    return p;
  } catch (e) {
    if (!(e instanceof CypherSyntaxError) || e.cypherDetail !== "UnexpectedSyntax") throw e;
    c.i = save;
    return null;
  }
}

function parseChain(c: Cursor): { nodes: NodePattern[]; rels: RelPattern[] } {
  // A parenthesised pattern element: ((a)-->(b))
  if (c.isP("(") && c.isP("(", 1)) {
    c.next();
    const inner = parseChain(c);
    c.expectP(")");
    return inner;
  }
  const nodes: NodePattern[] = [parseNode(c)];
  const rels: RelPattern[] = [];
  while (isRelStart(c)) {
    rels.push(parseRel(c));
    nodes.push(parseNode(c));
  }
  return { nodes, rels };
}

function isRelStart(c: Cursor): boolean {
  if (c.isP("<") && c.isP("-", 1)) return true;
  if (c.isP("-") && (c.isP("[", 1) || c.isP("-", 1) || c.isP(">", 1))) return true;
  return false;
}

function parseProperties(c: Cursor): Expr | null {
  if (c.isP("{")) return parseMapLiteral(c);
  if (c.peek().type === "param") {
    const t = c.next();
    return { kind: "param", name: t.value, pos: t.start };
  }
  return null;
}

function parseNode(c: Cursor): NodePattern {
  const pos = c.expectP("(").start;
  const variable = c.isName() ? c.name() : null;
  const labels: string[] = [];
  while (c.acceptP(":")) labels.push(c.name("a label"));
  const properties = parseProperties(c);
  c.expectP(")");
  return { variable, labels, properties, pos };
}

function parseRel(c: Cursor): RelPattern {
  const pos = c.peek().start;
  const left = c.acceptP("<");
  c.expectP("-");
  let variable: string | null = null;
  const types: string[] = [];
  let properties: Expr | null = null;
  let range: RelPattern["range"] = null;
  if (c.acceptP("[")) {
    if (c.isName()) variable = c.name();
    if (c.acceptP(":")) {
      types.push(c.name("a relationship type"));
      while (c.acceptP("|")) {
        c.acceptP(":");
        types.push(c.name("a relationship type"));
      }
    }
    if (c.isP("..")) c.fail("a variable-length relationship needs \"*\" before its range", "InvalidRelationshipPattern");
    if (c.acceptP("*")) {
      let min: number | null = null;
      let max: number | null = null;
      if (c.isP("-") || (c.isP("..") && c.isP("-", 1))) c.fail("a variable-length bound cannot be negative", "InvalidRelationshipPattern");
      if (c.peek().type === "int") min = Number(c.next().value);
      if (c.acceptP("..")) {
        if (c.isP("-")) c.fail("a variable-length bound cannot be negative", "InvalidRelationshipPattern");
        if (c.peek().type === "int") max = Number(c.next().value);
      } else if (min !== null) max = min;
      range = { min: min ?? 1, max };
    }
    properties = parseProperties(c);
    c.expectP("]");
  }
  c.expectP("-");
  const right = c.acceptP(">");
  let direction: Direction = "both";
  if (left && !right) direction = "in";
  else if (right && !left) direction = "out";
  return { variable, types, direction, properties, range, pos };
}

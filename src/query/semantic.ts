/**
 * Compile-time checks (openCypher 9 semantic rules, detail codes as in the openCypher TCK): undefined variables,
 * variables used as two kinds of element, variables bound twice, aggregation placement, projection aliases,
 * SKIP/LIMIT constants, parameters as MATCH properties, unknown functions.
 */
import type { Clause, Expr, PatternPart, Projection, Query, SetItem } from "./ast.ts";
import { CypherSyntaxError, type CypherErrorClass } from "./errors.ts";
import { isAggregateName, isKnownFunction } from "./functions.ts";
import { exprKey, substituteItems, walk } from "./vars.ts";
import { ARG_TYPES, kindOf, staticType, type Kind, type Scope, type SType } from "./static-types.ts";



class Checker {
  /** Projected items of the last projection checked: structural key → column name. */
  private itemNames = new Map<string, string>();
  constructor(private readonly text: string) {}

  fail(msg: string, pos: number, detail: string, cls: CypherErrorClass = "SyntaxError"): never {
    throw new CypherSyntaxError(msg, this.text, pos, detail, cls);
  }

  query(q: Query): void {
    let columns: string[] | null = null;
    for (const part of q.parts) {
      const cols = this.single(part.clauses);
      if (columns && cols && columns.join("\u0001") !== cols.join("\u0001")) {
        this.fail("all parts of a UNION must return the same column names", 0, "DifferentColumnsInUnion");
      }
      columns = cols;
    }
  }

  private single(clauses: Clause[]): string[] | null {
    let scope: Scope = new Map();
    let cols: string[] | null = null;
    clauses.forEach((c, i) => {
      if (c.kind !== "return" && i === clauses.length - 1 && !["create", "merge", "set", "remove", "delete"].includes(c.kind)) {
        this.fail("a query cannot end with this clause; add RETURN", c.pos, "InvalidClauseComposition");
      }
      scope = this.clause(c, scope);
      if (c.kind === "return") cols = [...scope.keys()];
    });
    return cols;
  }

  private bindPattern(p: PatternPart, scope: Scope, local: Set<string>, mode: "match" | "create" | "merge"): void {
    const define = (name: string, kind: Kind, pos: number): void => {
      const cur = scope.get(name);
      if (cur !== undefined && cur !== "any" && cur !== kind && !(cur === "list" && kind === "rels")) this.fail(`variable \`${name}\` is already a ${cur}`, pos, "VariableTypeConflict");
      scope.set(name, kind);
      local.add(name);
    };
    for (const n of p.nodes) {
      if (n.properties?.kind === "param" && mode !== "create") this.fail("a parameter cannot be used as a pattern's properties", n.properties.pos, "InvalidParameterUse");
      if (n.properties) this.expr(n.properties, scope, false);
      if (!n.variable) continue;
      if (mode !== "match" && scope.has(n.variable) && !local.has(n.variable) && (n.labels.length > 0 || n.properties || p.nodes.length === 1)) {
        this.fail(`variable \`${n.variable}\` is already bound`, n.pos, "VariableAlreadyBound");
      }
      define(n.variable, "node", n.pos);
    }
    for (const r of p.rels) {
      if (r.properties?.kind === "param" && mode !== "create") this.fail("a parameter cannot be used as a pattern's properties", r.properties.pos, "InvalidParameterUse");
      if (r.properties) this.expr(r.properties, scope, false);
      if (mode !== "match") {
        if (r.types.length !== 1) this.fail(`${mode.toUpperCase()} needs exactly one relationship type`, r.pos, "NoSingleRelationshipType");
        if (r.range) this.fail(`${mode.toUpperCase()} cannot create a variable-length relationship`, r.pos, "CreatingVarLength");
        if (mode === "create" && r.direction === "both") this.fail("CREATE needs a relationship direction", r.pos, "RequiresDirectedRelationship");
      }
      if (!r.variable) continue;
      const kind: Kind = r.range ? "rels" : "rel";
      if (local.has(r.variable) && (scope.get(r.variable) === "rel" || scope.get(r.variable) === "rels")) this.fail(`relationship variable \`${r.variable}\` used twice in one pattern`, r.pos, "RelationshipUniquenessViolation");
      if (mode !== "match" && scope.has(r.variable)) this.fail(`variable \`${r.variable}\` is already bound`, r.pos, "VariableAlreadyBound");
      define(r.variable, kind, r.pos);
    }
    if (p.shortest && (p.rels.length !== 1 || p.nodes.length !== 2)) this.fail("shortestPath() needs a pattern with one relationship", p.pos, "InvalidRelationshipPattern");
    if (p.pathVar) {
      if (scope.has(p.pathVar)) {
        const k = scope.get(p.pathVar)!;
        // A path variable cannot name an element bound before it, in this clause or an earlier one (TCK Match6).
        this.fail(`variable \`${p.pathVar}\` is already bound (as a ${k})`, p.pos, "VariableAlreadyBound");
      }
      define(p.pathVar, "path", p.pos);
    }
  }

  private clause(c: Clause, scope: Scope): Scope {
    switch (c.kind) {
      case "match": {
        const next = new Map(scope);
        const local = new Set<string>();
        for (const p of c.pattern) this.bindPattern(p, next, local, "match");
        if (c.where) this.expr(c.where, next, false);
        return next;
      }
      case "create": {
        const next = new Map(scope);
        const local = new Set<string>();
        for (const p of c.pattern) this.bindPattern(p, next, local, "create");
        return next;
      }
      case "merge": {
        const next = new Map(scope);
        this.bindPattern(c.pattern, next, new Set(), "merge");
        for (const it of [...c.onCreate, ...c.onMatch]) this.setItem(it, next);
        return next;
      }
      case "unwind": {
        this.expr(c.expr, scope, false);
        const next = new Map(scope);
        next.set(c.variable, "any");
        return next;
      }
      case "with": {
        const next = this.projection(c.projection, scope, true);
        const plain = !c.projection.distinct && !c.projection.items.some((it) => hasAgg(it.expr));
        if (c.where) this.expr(substituteItems(c.where, this.itemNames), plain ? new Map([...scope, ...next]) : next, false);
        return next;
      }
      case "return":
        return this.projection(c.projection, scope, false);
      case "set":
        for (const it of c.items) this.setItem(it, scope);
        return scope;
      case "remove":
        for (const it of c.items) {
          if (it.kind === "removeprop") this.expr(it.target, scope, false);
          else this.useVar(it.variable, scope, c.pos);
        }
        return scope;
      case "delete":
        for (const e of c.exprs) this.expr(e, scope, false);
        return scope;
    }
  }

  private setItem(it: SetItem, scope: Scope): void {
    if (it.kind === "setprop") {
      this.expr(it.target, scope, false);
      this.expr(it.value, scope, false);
    } else if (it.kind === "setall") {
      this.useVar(it.variable, scope, 0);
      this.expr(it.value, scope, false);
    } else this.useVar(it.variable, scope, 0);
  }

  private useVar(name: string, scope: Scope, pos: number): void {
    if (!scope.has(name)) this.fail(`variable \`${name}\` is not defined`, pos, "UndefinedVariable");
  }

  private projection(p: Projection, scope: Scope, isWith: boolean): Scope {
    if (p.star && scope.size === 0) this.fail("RETURN * needs variables in scope", 0, "NoVariablesInScope");
    const next: Scope = new Map();
    if (p.star) for (const [k, v] of scope) next.set(k, v);
    const names = new Set<string>(next.keys());
    const groupKeys = new Set<string>();
    const groupVars = new Set<string>();
    const aggItems: Expr[] = [];
    for (const it of p.items) {
      this.expr(it.expr, scope, true);
      if (isWith && !it.alias && it.expr.kind !== "var") this.fail("expression in WITH must be aliased (use AS)", it.expr.pos, "NoExpressionAlias");
      const name = it.alias ?? it.text;
      if (names.has(name)) this.fail(`column name ${name} is used twice`, it.expr.pos, "ColumnNameConflict");
      names.add(name);
      next.set(name, it.expr.kind === "var" ? (scope.get(it.expr.name) ?? "any") : kindOf(staticType(it.expr, scope)));
      if (hasAgg(it.expr)) aggItems.push(it.expr);
      else {
        groupKeys.add(exprKey(it.expr));
        if (it.expr.kind === "var") groupVars.add(it.expr.name);
      }
    }
    if (p.star) for (const k of scope.keys()) groupVars.add(k);
    for (const e of aggItems) this.ambiguous(e, groupKeys, groupVars);
    const aggregating = aggItems.length > 0;
    const itemNames = new Map(p.items.filter((it) => !hasAgg(it.expr)).map((it) => [exprKey(it.expr), it.alias ?? it.text]));
    this.itemNames = itemNames;
    const orderScope: Scope = aggregating || p.distinct ? new Map(next) : new Map([...scope, ...next]);
    for (const o0 of p.order) {
      const o = { ...o0, expr: substituteItems(o0.expr, itemNames) };
      if (aggregating || p.distinct) {
        const k = exprKey(o.expr);
        if (!groupKeys.has(k) && !p.items.some((it) => exprKey(it.expr) === k)) this.expr(o.expr, orderScope, aggregating, scope);
      } else this.expr(o.expr, orderScope, false);
      if (!aggregating && hasAgg(o.expr)) this.fail("aggregation in ORDER BY needs an aggregating projection", o.expr.pos, "InvalidAggregation");
      // The grouping keys an aggregating ORDER BY item may use are variables and property lookups, as in the
      // projection itself; a returned complex expression does not count (TCK ReturnOrderBy6 [5]).
      if (aggregating && hasAgg(o0.expr)) this.ambiguous(o0.expr, groupKeys, new Set([...groupVars, ...itemNames.values()]));
    }
    for (const e of [p.skip, p.limit]) {
      if (!e) continue;
      const vars: string[] = [];
      walk(e, (x) => (x.kind === "var" && vars.push(x.name), true));
      if (vars.length > 0 || hasAgg(e)) this.fail("SKIP and LIMIT take a constant expression", e.pos, "NonConstantExpression");
      if (e.kind === "literal") {
        if (typeof e.value === "number") this.fail("SKIP and LIMIT take an integer", e.pos, "InvalidArgumentType");
        if (typeof e.value === "bigint" && e.value < 0n) this.fail("SKIP and LIMIT must not be negative", e.pos, "NegativeIntegerArgument");
      }
    }
    return next;
  }

  private ambiguous(e: Expr, keys: Set<string>, vars: Set<string>, local: Set<string> = new Set()): void {
    walk(e, (x) => {
      if (x.kind === "call" && isAggregateName(x.name)) return false;
      if (keys.has(exprKey(x)) && (x.kind === "prop" || x.kind === "var")) return false;
      if (x.kind === "listcomp" || x.kind === "quantifier") {
        this.ambiguous(x.list, keys, vars, local);
        const inner = new Set(local).add(x.variable);
        if (x.where) this.ambiguous(x.where, keys, vars, inner);
        if (x.kind === "listcomp" && x.map) this.ambiguous(x.map, keys, vars, inner);
        return false;
      }
      if (x.kind === "reduce") {
        this.ambiguous(x.init, keys, vars, local);
        this.ambiguous(x.list, keys, vars, local);
        this.ambiguous(x.expr, keys, vars, new Set(local).add(x.acc).add(x.variable));
        return false;
      }
      if (x.kind === "var" && !vars.has(x.name) && !local.has(x.name)) this.fail("aggregating expression mixes aggregates with a non-grouping variable", x.pos, "AmbiguousAggregationExpression");
      return true;
    });
  }

  /** Compile-time type errors on operands whose type is evident (openCypher TCK: InvalidArgumentType). */
  private types(x: Expr, sc: Scope): void {
    const bad = (t: SType, ok: SType[]): boolean => t !== null && t !== "null" && !ok.includes(t);
    if (x.kind === "binary" && (x.op === "AND" || x.op === "OR" || x.op === "XOR")) {
      for (const a of [x.left, x.right]) if (bad(staticType(a, sc), ["bool"])) this.fail(`${x.op} expects booleans`, a.pos, "InvalidArgumentType");
    }
    if (x.kind === "unary" && x.op === "NOT" && bad(staticType(x.arg, sc), ["bool"])) this.fail("NOT expects a boolean", x.arg.pos, "InvalidArgumentType");
    if (x.kind === "binary" && x.op === "IN" && bad(staticType(x.right, sc), ["list"])) this.fail("IN expects a list", x.right.pos, "InvalidArgumentType");
    if (x.kind === "call") {
      const ok = ARG_TYPES[x.name.toLowerCase()];
      if (x.name.toLowerCase() === "size" && x.args[0]?.kind === "patternpred") this.fail("size() of a pattern is not allowed; use a pattern comprehension", x.args[0].pos, "UnexpectedSyntax");
      if (ok && x.args[0] && bad(staticType(x.args[0], sc), ok)) this.fail(`${x.name}() cannot take this argument type`, x.args[0].pos, "InvalidArgumentType");
    }
  }

  /** Checks an expression; `aggOk` when aggregates may appear (projection items). */
  expr(e: Expr, scope: Scope, aggOk: boolean, aggScope?: Scope): void {
    const visit = (x: Expr, sc: Scope, inAgg: boolean): void => {
      this.types(x, sc);
      switch (x.kind) {
        case "var":
          if (!sc.has(x.name)) this.fail(`variable \`${x.name}\` is not defined`, x.pos, "UndefinedVariable");
          return;
        case "mapproj":
          if (!sc.has(x.target)) this.fail(`variable \`${x.target}\` is not defined`, x.pos, "UndefinedVariable");
          for (const it of x.items) {
            if (it.kind === "varsel" && !sc.has(it.name)) this.fail(`variable \`${it.name}\` is not defined`, x.pos, "UndefinedVariable");
            if (it.kind === "literal") visit(it.value, sc, inAgg);
          }
          return;
        case "prop":
          if (x.target.kind === "var" && sc.get(x.target.name) === "path") this.fail(`a path has no properties (${x.target.name}.${x.key})`, x.pos, "InvalidArgumentType");
          if (x.target.kind === "var" && (sc.get(x.target.name) === "value" || sc.get(x.target.name) === "list")) {
            this.fail(`\`${x.target.name}\` is a ${sc.get(x.target.name) === "list" ? "list" : "scalar value"} and has no properties (${x.target.name}.${x.key})`, x.pos, "InvalidArgumentType", "TypeError");
          }
          visit(x.target, sc, inAgg);
          return;
        case "call": {
          if (!isKnownFunction(x.name)) this.fail(`unknown function ${x.name}()`, x.pos, "UnknownFunction");
          const agg = isAggregateName(x.name);
          if (agg && !aggOk) this.fail(`aggregate ${x.name}() is not allowed here`, x.pos, "InvalidAggregation");
          if (agg && inAgg) this.fail(`aggregate ${x.name}() inside another aggregate`, x.pos, "NestedAggregation");
          if (agg && x.args.some((a) => a.kind === "call" && a.name.toLowerCase() === "rand")) this.fail(`aggregate ${x.name}() of rand()`, x.pos, "NonConstantExpression");
          x.args.forEach((a) => visit(a, agg && aggScope ? aggScope : sc, inAgg || agg));
          return;
        }
        case "listcomp":
        case "quantifier": {
          visit(x.list, sc, inAgg);
          for (const sub of [x.where, x.kind === "listcomp" ? x.map : null]) {
            if (sub && hasAgg(sub)) this.fail("aggregation inside a list comprehension or quantifier", sub.pos, "InvalidAggregation");
          }
          const inner = new Map(sc).set(x.variable, "any");
          if (x.where) visit(x.where, inner, inAgg);
          if (x.kind === "listcomp" && x.map) visit(x.map, inner, inAgg);
          return;
        }
        case "reduce": {
          visit(x.init, sc, inAgg);
          visit(x.list, sc, inAgg);
          visit(x.expr, new Map(sc).set(x.acc, "any").set(x.variable, "any"), inAgg);
          return;
        }
        case "patterncomp": {
          const inner = new Map(sc);
          this.bindPattern(x.pattern, inner, new Set(), "match");
          if (x.where) visit(x.where, inner, inAgg);
          visit(x.map, inner, inAgg);
          return;
        }
        case "patternpred": {
          for (const n of x.pattern.nodes) if (n.variable && !sc.has(n.variable)) this.fail(`variable \`${n.variable}\` is not defined`, n.pos, "UndefinedVariable");
          for (const r of x.pattern.rels) if (r.variable && !sc.has(r.variable)) this.fail(`variable \`${r.variable}\` is not defined`, r.pos, "UndefinedVariable");
          for (const n of x.pattern.nodes) if (n.properties) visit(n.properties, sc, inAgg);
          return;
        }
        default:
          walkChildren(x, (c) => visit(c, sc, inAgg));
      }
    };
    visit(e, scope, false);
  }
}

function hasAgg(e: Expr): boolean {
  let found = false;
  walk(e, (x) => {
    if (x.kind === "call" && isAggregateName(x.name)) found = true;
    return !found;
  });
  return found;
}

function walkChildren(e: Expr, f: (c: Expr) => void): void {
  let first = true;
  walk(e, (x) => {
    if (first) {
      first = false;
      return true;
    }
    f(x);
    return false;
  });
}

/** Runs the compile-time checks on a parsed query. @throws CypherSyntaxError with the TCK detail code. */
export function checkQuery(q: Query): void {
  new Checker(q.text).query(q);
}

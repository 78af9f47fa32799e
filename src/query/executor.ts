/**
 * Runs a parsed query: each clause turns a stream of rows into the next (lazy for reads, so LIMIT stops the
 * matching early; materialised before a write clause so a clause never sees its own changes), UNION / UNION ALL
 * combine the parts. Returns column names and a row generator.
 */
import type { Clause, Query, SingleQuery } from "./ast.ts";
import { WRITE_CLAUSES } from "./ast.ts";
import type { Ctx, Row } from "./context.ts";
import { evaluate } from "./eval.ts";
import { matchPattern, NO_HINTS, type MatchHints } from "./match.ts";
import { multiplicityInsensitive } from "./pruning.ts";
import { isGrouping, project, projectionColumns } from "./projection.ts";
import { hashKey, type Value } from "./values.ts";
import { patternVars } from "./vars.ts";
import { applyDelete, applyRemove, applySet, createPattern, merge } from "./writes.ts";
import { WritesForbiddenError } from "./errors.ts";
import { typeError } from "./errors.ts";

export interface Execution {
  columns: string[];
  rows: Generator<Row>;
}

/** Executes `q`. Write clauses need `ctx.allowWrites`. @throws WritesForbiddenError, CypherRuntimeError */
export function execute(q: Query, ctx: Ctx): Execution {
  if (!ctx.allowWrites) {
    for (const part of q.parts) for (const c of part.clauses) if (WRITE_CLAUSES.has(c.kind)) throw new WritesForbiddenError(c.kind.toUpperCase());
  }
  if (q.parts.length === 1) return executeSingle(q.parts[0], ctx);
  const execs = q.parts.map((p) => executeSingle(p, ctx));
  const columns = execs[0].columns;
  const distinct = q.unionAll.some((a) => !a);
  function* rows(): Generator<Row> {
    const seen = new Set<string>();
    for (const ex of execs) {
      for (const r of ex.rows) {
        if (distinct) {
          const k = columns.map((c) => hashKey(r[c])).join("\u0001");
          if (seen.has(k)) continue;
          seen.add(k);
        }
        yield r;
      }
    }
  }
  return { columns, rows: rows() };
}

function clauseScope(c: Clause, scope: string[]): string[] {
  const s = new Set(scope);
  switch (c.kind) {
    case "match":
    case "create":
      for (const p of c.pattern) for (const v of patternVars(p)) s.add(v);
      return [...s];
    case "merge":
      for (const v of patternVars(c.pattern)) s.add(v);
      return [...s];
    case "unwind":
      s.add(c.variable);
      return [...s];
    case "with":
    case "return":
      return projectionColumns(c.projection, scope).map((col) => col.name);
    default:
      return scope;
  }
}

function executeSingle(sq: SingleQuery, ctx: Ctx): Execution {
  let scope: string[] = [];
  let stream: Iterable<Row> = [{}];
  let columns: string[] = [];
  sq.clauses.forEach((c, i) => {
    const before = scope;
    scope = clauseScope(c, scope);
    stream = applyClause(c, stream, before, scope, ctx, hintsFor(sq.clauses[i + 1]));
    if (c.kind === "return") columns = scope;
  });
  const last = sq.clauses[sq.clauses.length - 1];
  if (last.kind !== "return") {
    // A query ending in an update returns no rows, but must run to completion.
    const src = stream;
    function* drain(): Generator<Row> {
      for (const _ of src);
    }
    return { columns: [], rows: drain() };
  }
  return { columns, rows: toGen(stream) };
}

function* toGen(it: Iterable<Row>): Generator<Row> {
  yield* it;
}

const hints = new WeakMap<Clause, MatchHints>();

/**
 * What the clause after a MATCH lets the matcher do: prune var-length expansion when it ignores multiplicity
 * (pruning.ts), hand out one reused row object when it aggregates (a grouping projection keeps no input row: it
 * copies the first row of each group).
 */
function hintsFor(next: Clause | undefined): MatchHints {
  if (next === undefined) return NO_HINTS;
  let h = hints.get(next);
  if (!h) {
    h = { pruning: multiplicityInsensitive(next), transient: (next.kind === "with" || next.kind === "return") && isGrouping(next.projection) };
    hints.set(next, h);
  }
  return h;
}

function applyClause(c: Clause, input: Iterable<Row>, before: string[], after: string[], ctx: Ctx, matchHints: MatchHints): Iterable<Row> {
  switch (c.kind) {
    case "match": {
      const introduced = after.filter((v) => !before.includes(v));
      return (function* () {
        for (const row of input) {
          let any = false;
          for (const r of matchPattern(c.pattern, c.where, row, ctx, c.pattern, matchHints)) {
            any = true;
            yield r;
          }
          if (!any && c.optional) {
            const r: Row = { ...row };
            for (const v of introduced) r[v] = null;
            yield r;
          }
        }
      })();
    }
    case "unwind":
      return (function* () {
        for (const row of input) {
          const v = evaluate(c.expr, row, ctx);
          if (v === null) continue;
          const list: Value[] = Array.isArray(v) ? v : [v];
          for (const x of list) yield { ...row, [c.variable]: x };
        }
      })();
    case "with":
      return project(input, c.projection, before, ctx, c.where);
    case "return":
      return project(input, c.projection, before, ctx);
    case "create":
      return [...input].map((row) => createPattern(c.pattern, row, ctx));
    case "merge": {
      const out: Row[] = [];
      for (const row of [...input]) for (const r of merge(c.pattern, c.onCreate, c.onMatch, row, ctx)) out.push(r);
      return out;
    }
    case "set": {
      const rows = [...input];
      for (const r of rows) applySet(c.items, r, ctx);
      return rows;
    }
    case "remove": {
      const rows = [...input];
      for (const r of rows) applyRemove(c.items, r, ctx);
      return rows;
    }
    case "delete": {
      const rows = [...input];
      const values: Value[] = [];
      for (const r of rows) {
        for (const e of c.exprs) {
          const v = evaluate(e, r, ctx);
          if (v !== null && typeof v !== "object") throw typeError("DELETE expects a node, relationship or path");
          values.push(v);
        }
      }
      applyDelete(values, c.detach, ctx);
      return rows;
    }
  }
}

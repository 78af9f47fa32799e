/**
 * Aggregate functions (openCypher 9, "Aggregating functions"): count, collect, sum, avg, min, max, stDev,
 * stDevP, percentileDisc, percentileCont, each with DISTINCT. Nulls are skipped; `count(*)` counts rows.
 */
import type { Expr } from "./ast.ts";
import type { Ctx, Row } from "./context.ts";
import { argumentError, typeError } from "./errors.ts";
import { evaluate } from "./eval.ts";
import { arith } from "./arith.ts";
import { orderCompare, typeName, type Value } from "./values.ts";
import { ValueSet } from "./value-map.ts";

export interface Accumulator {
  add(row: Row): void;
  result(): Value;
}

type CallExpr = Expr & { kind: "call" };

/** A fresh accumulator for aggregate call `e`. */
export function makeAccumulator(e: CallExpr, ctx: Ctx): Accumulator {
  const name = e.name.toLowerCase();
  const seen = e.distinct ? new ValueSet() : null;
  const arg = e.star ? null : e.args[0];
  if (name === "count") {
    // Counts only: no list of values.
    let n = 0;
    return {
      add: (row) => {
        if (arg === null) n++;
        else {
          const v = evaluate(arg, row, ctx);
          if (v !== null && (seen === null || seen.add(v))) n++;
        }
      },
      result: () => BigInt(n),
    };
  }
  const values: Value[] = [];
  let rows = 0;
  let param: Value | undefined;
  const percentile = name === "percentiledisc" || name === "percentilecont";
  const push = (row: Row): void => {
    rows++;
    if (arg === null) return;
    const v = evaluate(arg, row, ctx);
    if (percentile && param === undefined) param = evaluate(e.args[1], row, ctx);
    if (v === null) return;
    if (seen !== null && !seen.add(v)) return;
    values.push(v);
  };
  return {
    add: push,
    result: () => finish(name, e, values, rows, param),
  };
}

function nums(values: Value[], fn: string): number[] {
  return values.map((v) => {
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "number") return v;
    throw typeError(`${fn}() expects numbers, got ${typeName(v)}`);
  });
}

function finish(name: string, e: CallExpr, values: Value[], rows: number, param: Value | undefined): Value {
  switch (name) {
    case "count":
      return BigInt(e.star ? rows : values.length);
    case "collect":
      return values;
    case "sum": {
      let acc: Value = 0n;
      for (const v of values) {
        if (typeof v !== "bigint" && typeof v !== "number") throw typeError(`sum() expects numbers, got ${typeName(v)}`);
        acc = arith("+", acc, v);
      }
      return acc;
    }
    case "avg": {
      if (values.length === 0) return null;
      const xs = nums(values, "avg");
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    }
    case "min":
    case "max": {
      if (values.length === 0) return null;
      let best = values[0];
      for (const v of values) {
        const c = orderCompare(v, best);
        if (name === "min" ? c < 0 : c > 0) best = v;
      }
      return best;
    }
    case "stdev":
    case "stdevp": {
      const xs = nums(values, name);
      const n = xs.length;
      if (n === 0 || (name === "stdev" && n === 1)) return 0;
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
      return Math.sqrt(ss / (name === "stdev" ? n - 1 : n));
    }
    case "percentiledisc":
    case "percentilecont": {
      if (values.length === 0) return null;
      const p = typeof param === "bigint" ? Number(param) : param;
      if (typeof p !== "number" || p < 0 || p > 1) throw argumentError(`${e.name}() percentile must be between 0.0 and 1.0`, "NumberOutOfRange");
      const sorted = [...values].sort(orderCompare);
      const xs = nums(sorted, name);
      if (name === "percentiledisc") {
        const idx = p === 0 ? 0 : Math.ceil(p * xs.length) - 1;
        return sorted[Math.max(0, idx)];
      }
      const pos = p * (xs.length - 1);
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
    }
  }
  throw typeError(`unknown aggregate ${e.name}()`);
}

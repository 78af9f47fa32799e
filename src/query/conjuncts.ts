/**
 * Placement of a MATCH's WHERE conjuncts (openCypher 9 semantics are those of filtering after matching; checking a
 * conjunct as soon as the variables it reads are bound gives the same rows, earlier).
 */
import type { Expr, PatternPart } from "./ast.ts";
import type { Row } from "./context.ts";
import { patternVars, readVars } from "./vars.ts";

/** A WHERE conjunct and the variables of this MATCH it reads. */
export interface Conj {
  expr: Expr;
  vars: string[];
}

/** Splits a WHERE expression into its AND-ed conjuncts. */
export function conjuncts(e: Expr | null, out: Expr[] = []): Expr[] {
  if (!e) return out;
  if (e.kind === "binary" && e.op === "AND") {
    conjuncts(e.left, out);
    conjuncts(e.right, out);
  } else out.push(e);
  return out;
}

/** Where each WHERE conjunct is checked: before matching, or once the variables it reads are bound. */
export interface ConjunctPlan {
  byVar: Map<string, Conj[]>;
  upfront: Expr[];
  /** Variables this MATCH binds (not bound by the input row). */
  introduced: string[];
}

/**
 * Conjunct plans by pattern (the AST's array, stable across rows) and by the input row's variables: the plan
 * depends only on which variables are bound, so it is computed once per MATCH and row shape, not once per row.
 */
const plans = new WeakMap<object, Map<string, ConjunctPlan>>();

/** The plan of the WHERE of a MATCH over parts `parts` (cached under `key`) for input rows shaped like `row`. */
export function planConjuncts(key: object, parts: PatternPart[], where: Expr | null, row: Row): ConjunctPlan {
  const sig = Object.keys(row).join("\u0001");
  let byShape = plans.get(key);
  const hit = byShape?.get(sig);
  if (hit) return hit;
  const introduced = new Set<string>();
  for (const p of parts) for (const v of patternVars(p)) if (row[v] === undefined) introduced.add(v);
  const scope = new Set([...Object.keys(row), ...introduced]);
  const plan: ConjunctPlan = { byVar: new Map(), upfront: [], introduced: [...introduced] };
  for (const c of conjuncts(where)) {
    const vars = [...readVars(c, scope)].filter((v) => introduced.has(v));
    if (vars.length === 0) plan.upfront.push(c);
    else {
      const conj = { expr: c, vars };
      for (const v of vars) {
        const l = plan.byVar.get(v) ?? [];
        l.push(conj);
        plan.byVar.set(v, l);
      }
    }
  }
  if (!byShape) plans.set(key, (byShape = new Map()));
  if (byShape.size < 64) byShape.set(sig, plan);
  return plan;
}

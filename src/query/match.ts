/**
 * Pattern matching over the graphology graph (openCypher 9, "MATCH"): the parts of a pattern one after the other
 * (each by backtracking along its chain, chain.ts, or as a shortest path, shortest.ts), relationship isomorphism
 * (a relationship is used at most once per MATCH), variable-length relationships capped at `maxHops`, and WHERE
 * conjuncts checked as soon as all their variables are bound.
 */
import type { Expr, NodePattern, PatternPart, RelPattern } from "./ast.ts";
import type { Ctx, Row } from "./context.ts";
import { evaluate } from "./eval.ts";
import { hasLabels, nodeProp, relProp, relType } from "./graph-access.ts";
import { chain } from "./chain.ts";
import { prunable, pruningExpand } from "./pruning.ts";
import { shortestPaths } from "./shortest.ts";
import { equals, isMap, NodeRef, RelRef, typeName, type CMap, type Value } from "./values.ts";
import { planConjuncts, type Conj } from "./conjuncts.ts";
import { readVars } from "./vars.ts";
import { typeError } from "./errors.ts";

/** What the consumer of a MATCH's rows lets the matcher do (decided by the executor from the next clause). */
export interface MatchHints {
  /** The consumer ignores row multiplicity: a var-length part may be expanded by pruning BFS (pruning.ts). */
  pruning: boolean;
  /**
   * The consumer is done with a row before it asks for the next and keeps none of them (an aggregation, an
   * existence test): every row is then the matcher's own binding object, not a copy.
   */
  transient: boolean;
}

export const NO_HINTS: MatchHints = { pruning: false, transient: false };
/** A pattern predicate: existence only, any one row, neither kept nor counted. */
export const EXISTS_HINTS: MatchHints = { pruning: true, transient: true };
/** A pattern comprehension: every row counts, but each is read once and not kept. */
export const COMPREHENSION_HINTS: MatchHints = { pruning: false, transient: true };

/**
 * The matching state. `b` holds the bindings: every variable the MATCH introduces is a property from the start
 * (undefined while unbound) and unbinding sets it back to undefined rather than deleting it, so the object keeps
 * one shape (V8 switches objects that lose properties to slow dictionary mode).
 */
export class Matcher {
  readonly b: Row;
  readonly used = new Set<string>();
  private readonly byVar: Map<string, Conj[]>;
  private readonly upfront: Expr[];

  constructor(
    readonly parts: PatternPart[],
    where: Expr | null,
    row: Row,
    readonly ctx: Ctx,
    planKey: object = parts,
    private readonly hints: MatchHints = NO_HINTS,
  ) {
    const plan = planConjuncts(planKey, parts, where, row);
    this.byVar = plan.byVar;
    this.upfront = plan.upfront;
    this.b = { ...row };
    for (const v of plan.introduced) this.b[v] = undefined as unknown as Value;
  }

  /** The WHERE conjuncts that read `name`, a variable this MATCH introduces. */
  conjunctsOf(name: string): readonly Conj[] {
    return this.byVar.get(name) ?? [];
  }

  /** Binds `name` to `value`: 1 = newly bound (conjuncts passed), 2 = already bound to an equal value, 0 = rejected. */
  bind(name: string | null, value: Value): 0 | 1 | 2 {
    if (name === null) return 2;
    const cur = this.b[name];
    if (cur !== undefined) return sameElement(cur, value) ? 2 : 0;
    this.b[name] = value;
    const cs = this.byVar.get(name);
    if (cs === undefined) return 1;
    next: for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      for (let j = 0; j < c.vars.length; j++) if (this.b[c.vars[j]] === undefined) continue next;
      if (evaluate(c.expr, this.b, this.ctx) !== true) {
        this.b[name] = undefined as unknown as Value;
        return 0;
      }
    }
    return 1;
  }

  unbind(name: string | null, how: 0 | 1 | 2): void {
    if (how === 1 && name !== null) this.b[name] = undefined as unknown as Value;
  }

  /** The matches: none when a conjunct on already bound variables fails (no generator layer of its own). */
  run(): Iterable<Row> {
    for (const c of this.upfront) if (evaluate(c, this.b, this.ctx) !== true) return [];
    // A pruned expansion yields its rows itself: one generator layer per row instead of three.
    if (this.hints.pruning && this.parts.length === 1 && prunable(this.parts[0])) return pruningExpand(this, this.parts[0], () => this.row());
    return this.parts_(0);
  }

  private *parts_(i: number): Generator<Row> {
    if (i === this.parts.length) {
      yield this.row();
      return;
    }
    const p = this.parts[i];
    const gen = p.shortest ? shortestPaths(this, p) : chain(this, p);
    // The last part yields rows itself: no generator per binding.
    if (i + 1 === this.parts.length) for (const _ of gen) yield this.row();
    else for (const _ of gen) yield* this.parts_(i + 1);
  }

  /**
   * The output row of a complete match: the input row and every variable this MATCH bound. `b` has exactly those
   * keys, in that order, all bound now, and keeps one shape, so a spread copies it on V8's fast path.
   */
  row(): Row {
    return this.hints.transient ? this.b : { ...this.b };
  }

  /** Node candidates for an unbound node pattern: a WHERE `id(v) = x` lookup when there is one, else a scan. */
  candidates(np: NodePattern): Iterable<string> {
    if (np.variable) {
      const cur = this.b[np.variable];
      if (cur !== undefined) return cur instanceof NodeRef && this.ctx.graph.hasNode(cur.key) ? [cur.key] : [];
      const id = this.idLookup(np.variable);
      if (id !== undefined) return typeof id === "string" && this.ctx.graph.hasNode(id) ? [id] : [];
    }
    return this.ctx.graph.nodes();
  }

  private idLookup(v: string): Value | undefined {
    for (const c of this.byVar.get(v) ?? []) {
      const e = c.expr;
      if (e.kind !== "compare" || e.ops.length !== 1 || e.ops[0] !== "=" || c.vars.length !== 1) continue;
      const [l, r] = e.args;
      const isId = (x: Expr): boolean => x.kind === "call" && /^(id|elementid)$/i.test(x.name) && x.args.length === 1 && x.args[0].kind === "var" && x.args[0].name === v;
      if (isId(l) && readVars(r).size === 0) return evaluate(r, this.b, this.ctx);
      if (isId(r) && readVars(l).size === 0) return evaluate(l, this.b, this.ctx);
    }
    return undefined;
  }

  /** Whether node `key` (attributes `attrs` when known) fits `np`'s labels and property map. */
  nodeOk(np: NodePattern, key: string, attrs: Record<string, unknown> | null = null): boolean {
    if (!hasLabels(this.ctx.graph, key, np.labels, attrs)) return false;
    if (np.properties) {
      const m = this.propMap(np.properties);
      for (const k of Object.keys(m)) if (equals(nodeProp(this.ctx.graph, key, k), m[k]) !== true) return false;
    }
    return true;
  }

  relOk(rp: RelPattern, edge: string, props: CMap | null): boolean {
    if (this.used.size > 0 && this.used.has(edge)) return false;
    if (rp.types.length > 0 && !rp.types.includes(relType(this.ctx.graph, edge))) return false;
    if (props) for (const k of Object.keys(props)) if (equals(relProp(this.ctx.graph, edge, k), props[k]) !== true) return false;
    return true;
  }

  propMap(e: Expr): CMap {
    const m = evaluate(e, this.b, this.ctx);
    if (!isMap(m)) throw typeError(`pattern properties must be a map, got ${typeName(m)}`);
    return m;
  }

  /**
   * Whether `rp` skips co-occurrence edges: a variable-length or shortest-path relationship that names no type,
   * unless the query runs with `cooccurrenceInPaths` (docs/query.md, "Co-occurrence in paths").
   */
  skipsCooccurrence(rp: RelPattern, shortest = false): boolean {
    return rp.types.length === 0 && (rp.range !== null || shortest) && !this.ctx.cooccurrenceInPaths;
  }

  /** Upper bound of a variable-length relationship, with the hop cap applied. */
  maxHops(rp: RelPattern): number {
    const cap = this.ctx.maxHops;
    const max = rp.range?.max ?? cap;
    if (max > cap) {
      this.ctx.warnings.add(`variable-length relationship capped at ${cap} hops (maxHops)`);
      this.ctx.truncated.value = true;
      return cap;
    }
    if (rp.range && rp.range.max === null) this.ctx.warnings.add(`"*" without an upper bound means up to ${cap} hops (maxHops)`);
    return max;
  }
}

function sameElement(a: Value, b: Value): boolean {
  if (a instanceof NodeRef || a instanceof RelRef) return (b instanceof NodeRef || b instanceof RelRef) && a.constructor === b.constructor && a.key === b.key;
  return equals(a, b) === true;
}

/**
 * All bindings of `parts` extending `row` that satisfy `where`. `planKey` identifies the pattern across calls (an
 * AST object) when `parts` is a fresh array; `hints` say what the consumer of the rows allows ({@link MatchHints}).
 */
export function matchPattern(parts: PatternPart[], where: Expr | null, row: Row, ctx: Ctx, planKey: object = parts, hints: MatchHints = NO_HINTS): Iterable<Row> {
  return new Matcher(parts, where, row, ctx, planKey, hints).run();
}

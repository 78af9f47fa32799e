/** Execution context shared by the evaluator, the matcher and the clauses. */
import type { Expr } from "./ast.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import type { Value } from "./values.ts";
import type { Adjacency } from "./adjacency.ts";

/** A row of bound variables. */
export type Row = Record<string, Value>;

/** Counters of the changes a query made. */
export interface WriteStats {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
}

/**
 * The time budget: `expired()` reads the clock every 256 calls (the clock is a parameter so the engine stays
 * free of globals). Once expired, matchers stop producing rows and the result is marked truncated.
 */
export class Budget {
  private calls = 0;
  private done = false;
  constructor(
    private readonly deadline: number,
    private readonly clock: () => number,
  ) {}
  expired(): boolean {
    if (this.done) return true;
    if ((++this.calls & 255) !== 0) return false;
    if (this.clock() > this.deadline) this.done = true;
    return this.done;
  }
  get hit(): boolean {
    return this.done;
  }
}

export interface Ctx {
  graph: KnowledgeGraph;
  params: Record<string, Value>;
  budget: Budget;
  maxHops: number;
  allowWrites: boolean;
  /** Untyped variable-length and shortest-path patterns also follow co-occurrence edges (default: they skip them). */
  cooccurrenceInPaths: boolean;
  warnings: Set<string>;
  stats: WriteStats;
  /** Values of aggregate calls for the group being projected. */
  aggValues: Map<Expr, Value> | null;
  /** Next id for nodes and relationships created by the query. */
  nextId: { n: number };
  /** Relationships deleted by this query: type and ends stay readable (`type(r)` after `DELETE r`). */
  deletedRels: Map<string, { type: string; source: string; target: string }>;
  /** Set when a cap (hops) cut results. */
  truncated: { value: boolean };
  /** The adjacency index for a read-only query (built on first use), null when the query writes. */
  adjacency(): Adjacency | null;
}

export function emptyStats(): WriteStats {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0, labelsRemoved: 0 };
}

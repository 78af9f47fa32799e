/**
 * AST of the openCypher subset. Every node has `kind`; expressions also carry `pos` (offset into the query text)
 * for error messages. Shapes follow the openCypher 9 grammar's productions.
 */

export type Expr =
  | { kind: "literal"; value: unknown; pos: number }
  | { kind: "param"; name: string; pos: number }
  | { kind: "var"; name: string; pos: number }
  | { kind: "prop"; target: Expr; key: string; pos: number }
  | { kind: "index"; target: Expr; index: Expr; pos: number }
  | { kind: "slice"; target: Expr; from: Expr | null; to: Expr | null; pos: number }
  | { kind: "list"; items: Expr[]; pos: number }
  | { kind: "map"; entries: [string, Expr][]; pos: number }
  | { kind: "unary"; op: "-" | "+" | "NOT"; arg: Expr; pos: number }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: "compare"; ops: CompareOp[]; args: Expr[]; pos: number }
  | { kind: "isnull"; arg: Expr; negated: boolean; pos: number }
  | { kind: "haslabels"; target: Expr; labels: string[]; pos: number }
  | { kind: "call"; name: string; args: Expr[]; distinct: boolean; star: boolean; pos: number }
  | { kind: "case"; test: Expr | null; whens: [Expr, Expr][]; otherwise: Expr | null; pos: number }
  | { kind: "listcomp"; variable: string; list: Expr; where: Expr | null; map: Expr | null; pos: number }
  | { kind: "quantifier"; quantifier: "all" | "any" | "none" | "single"; variable: string; list: Expr; where: Expr | null; pos: number }
  | { kind: "reduce"; acc: string; init: Expr; variable: string; list: Expr; expr: Expr; pos: number }
  | { kind: "patterncomp"; pattern: PatternPart; where: Expr | null; map: Expr; pos: number }
  | { kind: "patternpred"; pattern: PatternPart; pos: number }
  | { kind: "mapproj"; target: string; items: MapProjItem[]; pos: number };

export type MapProjItem =
  | { kind: "propsel"; key: string }
  | { kind: "allprops" }
  | { kind: "varsel"; name: string }
  | { kind: "literal"; key: string; value: Expr };

export type BinaryOp =
  | "OR" | "XOR" | "AND" | "+" | "-" | "*" | "/" | "%" | "^"
  | "IN" | "STARTS WITH" | "ENDS WITH" | "CONTAINS" | "=~";

export type CompareOp = "=" | "<>" | "<" | ">" | "<=" | ">=";

export interface NodePattern {
  variable: string | null;
  labels: string[];
  properties: Expr | null;
  pos: number;
}

export type Direction = "out" | "in" | "both";

export interface RelPattern {
  variable: string | null;
  types: string[];
  direction: Direction;
  properties: Expr | null;
  /** Variable length: `*min..max`; null for a single hop. `max` null = up to the hop cap. */
  range: { min: number; max: number | null } | null;
  pos: number;
}

/** A chain: nodes[0] rels[0] nodes[1] rels[1] ... nodes[n]. */
export interface PatternPart {
  pathVar: string | null;
  shortest: "shortest" | "all" | null;
  nodes: NodePattern[];
  rels: RelPattern[];
  pos: number;
}

export interface ReturnItem {
  expr: Expr;
  alias: string | null;
  /** The source text of the expression, used as column name when there is no alias. */
  text: string;
}

export interface OrderItem {
  expr: Expr;
  descending: boolean;
}

export interface Projection {
  distinct: boolean;
  star: boolean;
  items: ReturnItem[];
  order: OrderItem[];
  skip: Expr | null;
  limit: Expr | null;
}

export type SetItem =
  | { kind: "setprop"; target: Expr; key: string; value: Expr }
  | { kind: "setall"; variable: string; value: Expr; merge: boolean }
  | { kind: "setlabels"; variable: string; labels: string[] };

export type RemoveItem =
  | { kind: "removeprop"; target: Expr; key: string }
  | { kind: "removelabels"; variable: string; labels: string[] };

export type Clause =
  | { kind: "match"; optional: boolean; pattern: PatternPart[]; where: Expr | null; pos: number }
  | { kind: "unwind"; expr: Expr; variable: string; pos: number }
  | { kind: "with"; projection: Projection; where: Expr | null; pos: number }
  | { kind: "return"; projection: Projection; pos: number }
  | { kind: "create"; pattern: PatternPart[]; pos: number }
  | { kind: "merge"; pattern: PatternPart; onCreate: SetItem[]; onMatch: SetItem[]; pos: number }
  | { kind: "set"; items: SetItem[]; pos: number }
  | { kind: "remove"; items: RemoveItem[]; pos: number }
  | { kind: "delete"; detach: boolean; exprs: Expr[]; pos: number };

export interface SingleQuery {
  clauses: Clause[];
}

/** A whole statement: one or more single queries joined by UNION / UNION ALL. */
export interface Query {
  parts: SingleQuery[];
  /** `unionAll[i]` tells whether parts[i] and parts[i+1] are joined by UNION ALL. */
  unionAll: boolean[];
  text: string;
}

/** Clause kinds that change the graph. */
export const WRITE_CLAUSES: ReadonlySet<Clause["kind"]> = new Set(["create", "merge", "set", "remove", "delete"]);

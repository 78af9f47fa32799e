/**
 * Static types for the compile-time checks (semantic.ts): what a variable holds as far as the checker knows, and the
 * type of an expression when it is evident without running it (openCypher TCK: InvalidArgumentType at compile time).
 */
import type { Expr } from "./ast.ts";

/** What a variable holds: "value" is a non-null scalar (not a map); "any" when unknown. */
export type Kind = "node" | "rel" | "rels" | "path" | "list" | "map" | "value" | "any";
export type Scope = Map<string, Kind>;

export type SType = "bool" | "int" | "float" | "string" | "list" | "map" | "node" | "rel" | "path" | "null" | null;

/** The type of an expression when it is evident without running it (literals, known variables); else null. */
export function staticType(e: Expr, scope: Scope): SType {
  switch (e.kind) {
    case "literal": {
      const v = e.value;
      if (v === null) return "null";
      if (typeof v === "boolean") return "bool";
      if (typeof v === "bigint") return "int";
      if (typeof v === "number") return "float";
      if (typeof v === "string") return "string";
      return null;
    }
    case "list":
    case "listcomp":
    case "patterncomp":
      return "list";
    case "map":
    case "mapproj":
      return "map";
    case "var": {
      const k = scope.get(e.name);
      return k === "node" ? "node" : k === "rel" ? "rel" : k === "path" ? "path" : k === "rels" ? "list" : null;
    }
    case "compare":
    case "isnull":
    case "quantifier":
    case "patternpred":
      return "bool";
    case "call":
      return /^(collect|labels|keys|nodes|relationships|range|split|tail)$/i.test(e.name) ? "list" : null;
    default:
      return null;
  }
}

/** The variable kind of a value of static type `t`. */
export function kindOf(t: SType): Kind {
  if (t === "node") return "node";
  if (t === "rel") return "rel";
  if (t === "path") return "path";
  if (t === "list") return "list";
  if (t === "map") return "map";
  if (t === null || t === "null") return "any";
  return "value";
}

/** Functions whose argument type is checked at compile time: name → accepted static types. */
export const ARG_TYPES: Record<string, SType[]> = {
  labels: ["node"],
  type: ["rel"],
  length: ["path"],
  size: ["list", "string"],
  properties: ["node", "rel", "map"],
  keys: ["node", "rel", "map"],
  nodes: ["path"],
  relationships: ["path"],
  startnode: ["rel"],
  endnode: ["rel"],
};

/**
 * Completion for the query console (CodeMirror's `@codemirror/autocomplete`): clause keywords, node labels after
 * `(x:`, relationship types after `[r:`, property keys after `x.`, and function names — drawn from the loaded
 * graph so that the console suggests the labels, types and keys that exist (the ontology's closed vocabulary).
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import type { KnowledgeGraph } from "../../src/graph/types.ts";

/** Clause and operator keywords of the supported openCypher subset (docs/query.md). */
export const CYPHER_KEYWORDS = [
  "MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER BY", "SKIP", "LIMIT", "DISTINCT", "AS",
  "AND", "OR", "XOR", "NOT", "IN", "IS NULL", "IS NOT NULL", "STARTS WITH", "ENDS WITH", "CONTAINS", "CASE", "WHEN",
  "THEN", "ELSE", "END", "UNION", "UNION ALL", "ASC", "DESC", "EXISTS", "shortestPath", "allShortestPaths", "true",
  "false", "null",
] as const;

/**
 * Function names as they are usually written (openCypher 9 spelling); each is known to the engine, and every
 * engine function is listed (a test checks both against `knownFunctionNames` of src/query/functions.ts).
 */
export const CYPHER_FUNCTIONS = [
  "abs", "avg", "ceil", "coalesce", "collect", "cos", "count", "e", "elementId", "endNode", "exists", "exp", "floor",
  "head", "id", "isEmpty", "keys", "labels", "last", "left", "length", "log", "log10", "ltrim", "max", "min", "nodes",
  "percentileCont", "percentileDisc", "pi", "properties", "rand", "range", "relationships", "replace", "reverse",
  "right", "round", "rtrim", "shabaka.find", "shabaka.match", "sign", "sin", "size", "split", "sqrt", "startNode",
  "stDev", "stDevP", "substring", "sum", "tail", "tan", "toBoolean", "toFloat", "toInteger", "toLower", "toString",
  "toUpper", "trim", "type",
] as const;

/** What the graph offers for completion: labels (node types), relationship types and attribute keys. */
export interface GraphVocabulary {
  labels: string[];
  relTypes: string[];
  propertyKeys: string[];
}

/** Collects node types, edge types and attribute keys of `graph` (sorted, distinct). O(nodes + edges). */
export function graphVocabulary(graph: KnowledgeGraph): GraphVocabulary {
  const labels = new Set<string>();
  const relTypes = new Set<string>();
  const keys = new Set<string>();
  graph.forEachNode((_k, a) => {
    if (typeof a.type === "string") labels.add(a.type);
    for (const k of Object.keys(a)) keys.add(k);
  });
  graph.forEachEdge((_k, a) => {
    if (typeof a.type === "string") relTypes.add(a.type);
    for (const k of Object.keys(a)) keys.add(k);
  });
  const sorted = (s: Set<string>) => [...s].sort();
  return { labels: sorted(labels), relTypes: sorted(relTypes), propertyKeys: sorted(keys) };
}

/**
 * Where the cursor is for completion: after `:` inside an open `(` (a label) or `[` (a relationship type), after
 * `name.` (a property key), or elsewhere (a keyword or function). Strings and comments are not special-cased.
 */
export function completionKind(before: string): "label" | "relType" | "property" | "word" {
  const m = /([:.])\s*[\p{L}\p{N}_]*$/u.exec(before);
  if (m?.[1] === ".") {
    if (/\bshabaka\.[\p{L}\p{N}_]*$/iu.test(before)) return "word";
    return /(?:^|[^\p{L}\p{N}_])[\p{L}_][\p{L}\p{N}_]*\.[\p{L}\p{N}_]*$/u.test(before) ? "property" : "word";
  }
  if (m?.[1] === ":") {
    let depth = 0;
    for (let i = before.length - 1; i >= 0; i--) {
      const c = before[i];
      if (c === ")" || c === "]") depth++;
      else if (c === "(" || c === "[") {
        if (depth === 0) return c === "(" ? "label" : "relType";
        depth--;
      }
    }
  }
  return "word";
}

/** A completion source over `vocab` for `autocompletion({ override: [...] })`. */
export function cypherCompletionSource(vocab: GraphVocabulary): CompletionSource {
  const kw: Completion[] = [
    ...CYPHER_KEYWORDS.map((label) => ({ label, type: "keyword" })),
    ...CYPHER_FUNCTIONS.map((label) => ({ label, type: "function", apply: `${label}(` })),
  ];
  const labels: Completion[] = vocab.labels.map((label) => ({ label, type: "type" }));
  const rels: Completion[] = vocab.relTypes.map((label) => ({ label, type: "type" }));
  const props: Completion[] = vocab.propertyKeys.map((label) => ({ label, type: "property" }));
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[\p{L}\p{N}_.]*$/u);
    const from = word ? word.from : ctx.pos;
    const before = ctx.state.sliceDoc(Math.max(0, ctx.pos - 500), ctx.pos);
    const kind = completionKind(before);
    if (kind === "property") {
      const dot = before.lastIndexOf(".");
      return { from: ctx.pos - (before.length - dot - 1), options: props, validFor: /^[\p{L}\p{N}_]*$/u };
    }
    if (kind === "label") return { from, options: labels, validFor: /^[\p{L}\p{N}_]*$/u };
    if (kind === "relType") return { from, options: rels, validFor: /^[\p{L}\p{N}_]*$/u };
    if (!ctx.explicit && (!word || word.from === word.to)) return null;
    return { from, options: kw, validFor: /^[\p{L}\p{N}_.]*$/u };
  };
}

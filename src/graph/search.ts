/**
 * Name search over the graph: labels, aliases and English labels under the text layer's Arabic normalisation,
 * so اربيل finds أربيل and الحسناوي finds كريم الحسناوي (through its alias).
 */
import { normalizeKey } from "../text/normalize.ts";
import type { NodeType } from "./schema.ts";
import type { KnowledgeGraph } from "./types.ts";

/** One search hit. `score` is in (0, 100]; `matched` is the name that matched, as written in the graph. */
export interface SearchResult {
  key: string;
  label: string;
  labelEn?: string;
  type: NodeType;
  score: number;
  matched: string;
}

/** Options of {@link searchNodes}. */
export interface SearchOptions {
  /** Maximum number of results (default 10, at most 100). */
  limit?: number;
  /** Only nodes of these types. */
  types?: readonly NodeType[];
}

function nameScore(queryKey: string, name: string, isLabel: boolean): number {
  const key = normalizeKey(name).toLowerCase();
  if (key.length === 0) return 0;
  if (key === queryKey) return isLabel ? 100 : 95;
  const words = key.split(" ");
  if (words.includes(queryKey)) return isLabel ? 85 : 80;
  if (key.startsWith(queryKey)) return 70;
  if (words.some((w) => w.startsWith(queryKey))) return 60;
  if (key.includes(queryKey)) return 45;
  return 0;
}

/**
 * Ranks the nodes whose label, aliases or English label match `query` (exact > whole word > prefix > substring;
 * labels before aliases; entities before events; then by mention count). An empty query gives no results.
 */
export function searchNodes(graph: KnowledgeGraph, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
  const q = normalizeKey(query).toLowerCase();
  if (q.length === 0) return [];
  const types = options.types ? new Set(options.types) : null;
  const hits: (SearchResult & { weight: number })[] = [];
  graph.forEachNode((key, a) => {
    if (types && !types.has(a.type)) return;
    let best = 0;
    let matched = "";
    const consider = (name: string | undefined, isLabel: boolean) => {
      if (typeof name !== "string") return;
      const s = nameScore(q, name, isLabel);
      if (s > best) {
        best = s;
        matched = name;
      }
    };
    consider(a.label, true);
    for (const alias of a.aliases ?? []) consider(alias, false);
    consider(a.labelEn, false);
    if (best === 0) return;
    const score = a.type === "event" ? best - 5 : best;
    hits.push({ key, label: a.label, labelEn: a.labelEn, type: a.type, score, matched, weight: a.mentions ?? 0 });
  });
  hits.sort((x, y) => y.score - x.score || y.weight - x.weight || x.label.localeCompare(y.label));
  return hits.slice(0, limit).map(({ weight: _w, ...r }) => r);
}

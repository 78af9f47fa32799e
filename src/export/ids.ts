/**
 * Export ids of node and edge keys. XML 1.0 cannot hold some characters (see `sanitize.ts`), so a key holding
 * one loses it; when that clashes with another key (or another cleaned key), `~2`, `~3`… is appended. The ids
 * are fixed once per export, in graph order, so every file of an export (nodes.csv and edges.csv, or the nodes
 * and edges of a GEXF) names a node the same way.
 */
import { cleanText, ExportReport, isCleanText } from "./sanitize.ts";

/**
 * Maps each key of `keys` that is not a valid id (empty, or holding a forbidden character) to a new id; keys
 * that are valid are absent from the map and are their own id.
 * @param exists true when an id is already used by a key of the graph (so a new id must avoid it).
 */
export function changedIds(keys: Iterable<string>, exists: (id: string) => boolean): Map<string, string> {
  const changed = new Map<string, string>();
  const taken = new Set<string>();
  const scratch = new ExportReport("ids");
  for (const key of keys) {
    if (key !== "" && isCleanText(key)) continue;
    const base = cleanText(key, scratch) || "_";
    let candidate = base;
    for (let i = 2; exists(candidate) || taken.has(candidate); i++) candidate = `${base}~${i}`;
    taken.add(candidate);
    changed.set(key, candidate);
  }
  return changed;
}

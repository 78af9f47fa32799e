/**
 * A memo of `normalizeKey` (src/text/normalize.ts) for the labels, aliases and surfaces extraction normalises
 * several times per document. The result depends on the string only, so the memo is invisible; it is bounded and
 * cleared when full.
 */
import { normalizeKey } from "../text/normalize.ts";

const KEYS = new Map<string, string>();
const MAX = 50_000;

/** `normalizeKey(s)`, memoised. */
export function cachedKey(s: string): string {
  let k = KEYS.get(s);
  if (k === undefined) {
    if (KEYS.size >= MAX) KEYS.clear();
    k = normalizeKey(s);
    KEYS.set(s, k);
  }
  return k;
}

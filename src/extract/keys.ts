/**
 * A memo of `normalizeKey` (src/text/normalize.ts) for the labels, aliases and surfaces extraction normalises
 * several times per document. The result depends on the string only, so the memo is invisible; it is bounded and
 * cleared when full.
 */
import { memoize } from "../memo.ts";
import { normalizeKey } from "../text/normalize.ts";

/** `normalizeKey(s)`, memoised (bounded, see src/memo.ts). */
export const cachedKey: (s: string) => string = memoize(normalizeKey, 50_000);

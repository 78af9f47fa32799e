/**
 * Arabic-aware lookup functions, an implementation extension to Cypher (documented in docs/query.md):
 *
 * - `shabaka.match(n, text)`: true when `text` names node `n`: under the text layer's normalisation
 *   (`normalizeKey`: hamza forms, ta marbuta, alef maqsura, harakat, tatweel) and Latin case folding, the text's
 *   words are a contiguous run of the words of the node's label, one of its aliases or its English label.
 *   A leading definite article "ال" is optional on both sides (`كاظمي` matches `الكاظمي`). An event's label is a
 *   description built from its participants' names (docs/ontology.md), so an event matches only its whole label
 *   or a whole alias: `shabaka.match(e, 'الحسناوي')` is false for the event "زيارة كريم الحسناوي".
 * - `shabaka.find(text)`: the nodes `shabaka.match` accepts, best first (exact label, exact alias or English
 *   label, then partial matches; ties by number of mentions, then key).
 */
import type { Ctx } from "./context.ts";
import type { Expr } from "./ast.ts";
import { typeError } from "./errors.ts";
import { memoize } from "../memo.ts";
import { normalizeKey } from "../text/normalize.ts";
import { NodeRef, typeName, type Value } from "./values.ts";

type Fn = (args: Value[], ctx: Ctx, argExprs: Expr[]) => Value;

/** Words of a name, memoised (bounded, see src/memo.ts): names repeat across calls (one call per node and row). */
const words = memoize((s: string): string[] =>
  normalizeKey(s)
    .toLowerCase()
    .split(/[\s\-_.,،/]+/u)
    .filter((w) => w !== "")
    .map((w) => (w.length > 3 && w.startsWith("ال") ? w.slice(2) : w)));

/**
 * 3 = the whole label, 2 = a whole alias or English label, 1 = a contiguous run of words (unless `wholeOnly`),
 * 0 = no match.
 */
function score(query: string[], names: { text: string; weight: number }[], wholeOnly: boolean): number {
  if (query.length === 0) return 0;
  let best = 0;
  for (const { text, weight } of names) {
    const w = words(text);
    if (w.length === query.length && w.every((x, i) => x === query[i])) {
      best = Math.max(best, weight);
      continue;
    }
    if (wholeOnly) continue;
    for (let i = 0; i + query.length <= w.length; i++) {
      if (query.every((q, j) => w[i + j] === q)) {
        best = Math.max(best, 1);
        break;
      }
    }
  }
  return best;
}

function namesOf(ctx: Ctx, key: string): { text: string; weight: number }[] {
  const a = ctx.graph.getNodeAttributes(key) as unknown as Record<string, unknown>;
  const out: { text: string; weight: number }[] = [];
  if (typeof a.label === "string") out.push({ text: a.label, weight: 3 });
  if (typeof a.labelEn === "string") out.push({ text: a.labelEn, weight: 2 });
  if (typeof a.name === "string") out.push({ text: a.name, weight: 2 });
  if (Array.isArray(a.aliases)) for (const x of a.aliases) if (typeof x === "string") out.push({ text: x, weight: 2 });
  return out;
}

function isEvent(ctx: Ctx, key: string): boolean {
  return ctx.graph.getNodeAttribute(key, "type") === "event";
}

function matchFn(args: Value[], ctx: Ctx): Value {
  const [n, text] = args;
  if (n === null || n === undefined || text === null || text === undefined) return null;
  if (!(n instanceof NodeRef)) throw typeError(`shabaka.match() expects a node, got ${typeName(n)}`);
  if (typeof text !== "string") throw typeError(`shabaka.match() expects a string, got ${typeName(text)}`);
  if (!ctx.graph.hasNode(n.key)) return null;
  return score(words(text), namesOf(ctx, n.key), isEvent(ctx, n.key)) > 0;
}

function findFn(args: Value[], ctx: Ctx): Value {
  const [text] = args;
  if (text === null || text === undefined) return null;
  if (typeof text !== "string") throw typeError(`shabaka.find() expects a string, got ${typeName(text)}`);
  const q = words(text);
  const hits: { key: string; s: number; m: number }[] = [];
  ctx.graph.forEachNode((key, attrs) => {
    const s = score(q, namesOf(ctx, key), attrs.type === "event");
    if (s > 0) hits.push({ key, s, m: typeof attrs.mentions === "number" ? attrs.mentions : 0 });
  });
  hits.sort((a, b) => b.s - a.s || b.m - a.m || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return hits.map((h) => new NodeRef(h.key));
}

/** The `shabaka.*` functions by lower-case name. */
export const SHABAKA_FUNCTIONS: Record<string, Fn> = {
  "shabaka.match": matchFn,
  "shabaka.find": findFn,
};

/**
 * A token trie: multi-word names keyed by the normalised keys of their words, matched longest-first over a
 * token sequence. The first word of a match may carry proclitics (و ف ب ك ل, لل → ال), see {@link procliticForms}.
 */
import { memoize } from "../memo.ts";
import { normalizeKey } from "../text/normalize.ts";

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/** A match of a trie entry at a token position. */
export interface TrieMatch<T> {
  values: T[];
  /** Number of tokens covered. */
  length: number;
  /** Number of normalised characters of proclitics stripped from the first token. */
  prefix: number;
}

/**
 * Forms of a normalised word with its proclitics stripped: `[form, strippedChars]`, the unstripped form first.
 * Rules (Buckwalter-style proclitic set, conjunction then preposition): optional و or ف (leaving at least 2 letters), then optional ب ك ل (leaving at least 3);
 * ل before the article (لل) restores the article's alef: للداخلية → الداخلية; before a stem opening with ل it
 * restores the alef alone: للواء → اللواء.
 */
export function procliticForms(key: string): ReadonlyArray<readonly [string, number]> {
  return memoForms(key);
}

/**
 * Memo of {@link procliticForms}: every trie lookup of every token asks for the forms of its first word, and news
 * vocabulary is small (bounded, see src/memo.ts).
 */
const memoForms = memoize((key: string): ReadonlyArray<readonly [string, number]> => computeProcliticForms(key));

function computeProcliticForms(key: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[key, 0]];
  const bases: Array<[string, number]> = [[key, 0]];
  if ((key[0] === "و" || key[0] === "ف") && key.length >= 3) {
    bases.push([key.slice(1), 1]);
    out.push([key.slice(1), 1]);
  }
  for (const [b, o] of bases) {
    if (b.startsWith("لل") && b.length >= 5) {
      out.push(["ال" + b.slice(2), o + 1]);
      // ل + a definite word whose stem opens with ل drops the article's alef only: للواء = ل + اللواء.
      out.push(["ا" + b, o + 1]);
    }
    else if ((b[0] === "ب" || b[0] === "ك" || b[0] === "ل") && b.length >= 4) out.push([b.slice(1), o + 1]);
  }
  return out;
}

/** {@link nameKeys} without the copy: a shared, memoised list (bounded, see src/memo.ts) that callers must not modify. */
export const sharedNameKeys: (name: string) => readonly string[] =
  memoize((name: string): readonly string[] => normalizeKey(name).split(" ").filter((w) => w !== ""));

/** Splits a name into normalised word keys (the same keys `tokenize` gives its tokens). A new array each call. */
export function nameKeys(name: string): string[] {
  return sharedNameKeys(name).slice();
}

/** A trie from word-key sequences to values. */
export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  size = 0;

  /** Adds `value` under the word keys of `name` (normalised here). Empty names are ignored. */
  add(name: string, value: T): void {
    const keys = nameKeys(name);
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (child === undefined) {
        child = { next: new Map(), values: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  /** True when some entry starts with this (normalised) word. */
  hasFirst(key: string): boolean {
    return this.root.next.has(key);
  }

  /**
   * Longest match starting at `keys[i]`. `keys[j]` is the key of token j, or `null` where a match may not cross
   * (punctuation, sentence end). Proclitics are stripped from the first token only when `clitics` is true;
   * for equal lengths, the match with fewer stripped characters wins. `limit` bounds the match end (exclusive).
   */
  longest(keys: ReadonlyArray<string | null>, i: number, clitics = true, limit = keys.length): TrieMatch<T> | null {
    const first = keys[i];
    if (first === null || first === undefined) return null;
    if (!clitics) return this.walkLongest(keys, i, limit, first, 0, null);
    const forms = procliticForms(first);
    let best: TrieMatch<T> | null = null;
    for (let f = 0; f < forms.length; f++) best = this.walkLongest(keys, i, limit, forms[f][0], forms[f][1], best);
    return best;
  }

  /** One form's walk of {@link longest}: `best` replaced by a strictly longer match (no array per call). */
  private walkLongest(keys: ReadonlyArray<string | null>, i: number, limit: number, form: string, prefix: number, best: TrieMatch<T> | null): TrieMatch<T> | null {
    let node = this.root.next.get(form);
    let j = i + 1;
    while (node !== undefined) {
      if (node.values.length > 0) {
        const length = j - i;
        if (best === null || length > best.length) best = { values: node.values, length, prefix };
      }
      if (j >= limit) break;
      const k = keys[j];
      if (k === null || k === undefined) break;
      node = node.next.get(k);
      j++;
    }
    return best;
  }

  /** Every match starting at `i` (all lengths), shortest first, for callers that need alternatives. */
  all(keys: ReadonlyArray<string | null>, i: number, clitics = true, limit = keys.length): Array<TrieMatch<T>> {
    const first = keys[i];
    if (first === null || first === undefined) return [];
    const out: Array<TrieMatch<T>> = [];
    if (!clitics) {
      if (!this.root.next.has(first)) return out;
    } else {
      const forms = procliticForms(first);
      let any = false;
      for (let f = 0; f < forms.length && !any; f++) any = this.root.next.has(forms[f][0]);
      if (!any) return out;
    }
    for (const [form, prefix] of clitics ? procliticForms(first) : [[first, 0] as [string, number]]) {
      let node = this.root.next.get(form);
      let j = i + 1;
      while (node !== undefined) {
        if (node.values.length > 0) out.push({ values: node.values, length: j - i, prefix });
        if (j >= limit) break;
        const k = keys[j];
        if (k === null || k === undefined) break;
        node = node.next.get(k);
        j++;
      }
    }
    return out.sort((a, b) => a.length - b.length || a.prefix - b.prefix);
  }
}

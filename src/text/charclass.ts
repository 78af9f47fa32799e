/**
 * Character classes for the tokeniser and sentence splitter, read from Unicode properties (General Category,
 * White_Space) through a lazily filled lookup table: a code unit is classified with a Unicode regex the first
 * time it is seen, afterwards in one array read. JavaScript's `\w` and `\b` are ASCII-only and are not used.
 */

/** Letter (\p{L}), mark (\p{M}), decimal digit (\p{Nd}) or tatweel: part of a word. */
export const WORD = 1;
/** White space (\s). */
export const SPACE = 2;
/** Invisible format controls skipped between and kept inside words: ZWSP, ZWNJ, ZWJ, LRM/RLM, ALM, bidi embeddings and isolates, word joiner, BOM, soft hyphen. */
export const INVISIBLE = 4;
/** Decimal digit (\p{Nd}). */
export const DIGIT = 8;
/** Punctuation (\p{P}). */
export const PUNCT = 16;
/** Letter or mark (\p{L}, \p{M}), not tatweel. */
export const LETTER = 32;
/** Sentinel: not yet classified (also kept for high surrogates, which {@link classAt} reads as pairs). */
export const UNSEEN = 128;

const RE_LETTER = /^[\p{L}\p{M}]$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const RE_SPACE = /^\s$/u;
const RE_PUNCT = /^\p{P}$/u;
const RE_INVISIBLE = /^[\u200B-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]$/u;

/** Classes of one code point (as a string of one code point). */
export function classifyCodePoint(ch: string): number {
  const c = ch.codePointAt(0)!;
  let k = 0;
  if (c === 0x0640) k |= WORD;
  else if (RE_LETTER.test(ch)) k |= WORD | LETTER;
  else if (RE_DIGIT.test(ch)) k |= WORD | DIGIT;
  if (RE_SPACE.test(ch)) k |= SPACE;
  if (RE_INVISIBLE.test(ch)) k |= INVISIBLE;
  if (RE_PUNCT.test(ch)) k |= PUNCT;
  return k;
}

let table: Uint8Array | undefined;

/** The lookup table (index: UTF-16 code unit); an entry equal to {@link UNSEEN} must be read via {@link classAt}. */
export function classTable(): Uint8Array {
  table ??= new Uint8Array(0x10000).fill(UNSEEN);
  return table;
}

/** Classes of the code point starting at `i` in `s` (surrogate pairs classified as one code point). */
export function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const table = classTable();
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classifyCodePoint(s.slice(i, i + 2));
    return 0;
  }
  let k = table[c];
  if (k === UNSEEN) {
    k = c >= 0xdc00 && c <= 0xdfff ? 0 : classifyCodePoint(String.fromCharCode(c));
    table[c] = k;
  }
  return k;
}

/** Width in code units of the code point starting at `i` (2 for a surrogate pair, else 1). */
export function widthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Tokenisation with character offsets. Words are runs of letters, combining marks, digits and tatweel (Unicode
 * General Category via `charclass.ts`, never `\w` or `\b`, which are ASCII-only in JavaScript); invisible controls
 * (ZWNJ, ZWJ, bidi marks, zero-width spaces, soft hyphens) between two word characters stay inside the word (its
 * key drops them, except a ZWNJ between letters) and are skipped elsewhere; a number keeps its decimal and thousands separators between digits (3.5, ٣٫٥, 1,000); every other
 * visible character is a one-code-point punctuation or symbol token. Clitics are not split here: see `clitics.ts`.
 */
import { DIGIT, INVISIBLE, PUNCT, SPACE, UNSEEN, WORD, classAt, classTable } from "./charclass.ts";
import { collapseSpaces, normalizeKey, normalizeText } from "./normalize.ts";
import { KEEP, UNKNOWN, classify, getTable } from "./normalize-table.ts";
import type { Token, TokenKind } from "./types.ts";

function isSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

/**
 * Splits `text` into tokens in text order. Every token satisfies `text.slice(t.start, t.end) === t.surface` and
 * `t.key === normalizeKey(t.surface)`; every letter, mark and digit of `text` lies inside exactly one token; white
 * space and invisible controls between words are skipped.
 *
 * Kinds: `number` — digits with separators only between digits (`3.5`, `1,000`, `٢٠٢١`); `word` — any other run
 * of word characters (`كوفيد19`); `punct` — one `\p{P}` code point (incl. % and ،); `symbol` — anything else
 * (+, $, emoji) and a run of bare tatweel (its key is empty).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const tbl = classTable();
  const norm = getTable();
  const nkind = norm.kind;
  /** True when normalisation keeps code unit `u` as it is (surrogates: unknown, so false). */
  const unchanged = (u: number): boolean => {
    if (u < 0x80) return true;
    if ((u & 0xf800) === 0xd800) return false;
    const nk = nkind[u];
    return nk === KEEP || (nk === UNKNOWN && classify(norm, u) === KEEP);
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let k = tbl[c];
    if (k === UNSEEN) k = classAt(text, i);
    const w = (c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if ((k & WORD) === 0) {
      if ((k & (SPACE | INVISIBLE)) === 0) {
        const surface = text.slice(i, i + w);
        const kind: TokenKind = (k & PUNCT) !== 0 ? "punct" : "symbol";
        tokens.push({ surface, start: i, end: i + w, kind, key: normalizeKey(surface) });
      }
      i += w;
      continue;
    }
    const start = i;
    let clean = unchanged(c);
    let allDigits = (k & DIGIT) !== 0;
    let lastDigit = allDigits;
    let j = i + w;
    while (j < n) {
      const d = text.charCodeAt(j);
      let kj = tbl[d];
      if (kj === UNSEEN) kj = classAt(text, j);
      if ((kj & WORD) !== 0) {
        if (clean && !unchanged(d)) clean = false;
        lastDigit = (kj & DIGIT) !== 0;
        if (!lastDigit) allDigits = false;
        j += (d & 0xfc00) === 0xd800 && (text.charCodeAt(j + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      if ((kj & INVISIBLE) !== 0 || (lastDigit && isSeparator(d))) {
        // Invisible controls are kept when a word character follows; a separator when a digit follows a digit.
        let m = j + 1;
        if ((kj & INVISIBLE) !== 0) {
          while (m < n) {
            let km = tbl[text.charCodeAt(m)];
            if (km === UNSEEN) km = classAt(text, m);
            if ((km & INVISIBLE) === 0) break;
            m++;
          }
        }
        if (m < n) {
          let km = tbl[text.charCodeAt(m)];
          if (km === UNSEEN) km = classAt(text, m);
          const ok = (kj & INVISIBLE) !== 0 ? (km & WORD) !== 0 : (km & DIGIT) !== 0;
          if (ok) {
            for (let q = j; q < m; q++) if (clean && !unchanged(text.charCodeAt(q))) clean = false;
            j = m;
            continue;
          }
        }
      }
      break;
    }
    const surface = text.slice(start, j);
    // A word run holds no white space, so normalizeKey(surface) reduces to this unless NFKC introduced spaces;
    // a run of code units that normalisation keeps is its own key.
    let key = surface;
    if (!clean) {
      const normalized = normalizeText(surface);
      key = normalized === surface ? normalized : collapseSpaces(normalized);
    }
    const kind: TokenKind = allDigits ? "number" : key === "" ? "symbol" : "word";
    tokens.push({ surface, start, end: j, kind, key });
    i = j;
  }
  return tokens;
}

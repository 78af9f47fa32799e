/**
 * Sentence splitting with offsets. A sentence ends at a line break (paragraph), or at . ! ? ؟ ۔ … (with any
 * closing quotes and brackets that follow) when white space follows — but not:
 * - inside a number (3.5) or a token with inner dots (elaph.com, U.S.), since the next character is not space;
 * - at "..": the double dot is a pause in Arabic news prose, the sentence goes on (".. معتبرا أن");
 * - after an abbreviation: a single letter (د. = doctor, أ. = professor) unless it is م/هـ after a year
 *   ("عام 2014 م."), or a Latin abbreviation (Dr., Mr., e.g., etc.) followed by a word;
 * - inside a quotation that continues the sentence: « » and “ ” nesting, and ASCII " when the paragraph's
 *   quotes are balanced (unbalanced quotes — frequent in news copy — are ignored).
 */
import type { Sentence } from "./types.ts";

const LATIN_ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co", "gen", "col",
  "lt", "sgt", "capt", "gov", "sen", "rep", "approx", "fig", "vol", "pp", "p",
]);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x85 || c === 0x1680 || c === 0x205f || c === 0xfeff;
}
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x6d4 || c === 0x2026;
}
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x203a;
}
const LETTER = /[\p{L}\p{M}]/u;

/** Code units below U+202A the main loop must look at: line breaks, quotes, terminators (all others are skipped). */
const SPECIAL = ((): Uint8Array => {
  const t = new Uint8Array(0x202a);
  for (const c of [10, 0x2029, 0xab, 0xbb, 0x201c, 0x201d, 0x22, 0x2e, 0x21, 0x3f, 0x61f, 0x6d4, 0x2026]) t[c] = 1;
  return t;
})();
const DIGIT = /\p{Nd}/u;

/** The word (letters, marks and inner dots) that ends just before offset `end`. */
function wordBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && (LETTER.test(text[s - 1]) || (text[s - 1] === "." && s - 2 >= 0 && LETTER.test(text[s - 2])))) s--;
  return text.slice(s, end);
}

/** True when the "." at `i` ends an abbreviation rather than a sentence. */
function isAbbreviation(text: string, i: number): boolean {
  const w = wordBefore(text, i);
  if (w === "" || w.includes(" ")) return false;
  const letters = w.replace(/[\p{M}.]/gu, "");
  if (letters.length === 1) {
    if (/^[مهـ]$/u.test(letters)) {
      // "عام 2014 م." ends a sentence; "م. أحمد" (engineer) does not.
      let j = i - w.length - 1;
      while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
      if (j >= 0 && DIGIT.test(text[j])) return false;
    }
    return true;
  }
  if (/^[A-Za-z.]+$/u.test(w)) {
    if (/^(?:[A-Za-z]\.)+[A-Za-z]$/u.test(w)) return true; // U.S., e.g
    return LATIN_ABBREVIATIONS.has(w.toLowerCase());
  }
  return false;
}

/** Per paragraph: whether its ASCII double quotes are balanced (even count). */
function balancedQuotes(text: string, from: number): boolean {
  let n = 0;
  for (let i = from; i < text.length && text.charCodeAt(i) !== 10; i++) if (text.charCodeAt(i) === 0x22) n++;
  return n % 2 === 0;
}

/**
 * Splits `text` into sentences; each is trimmed and carries `[start, end)` offsets into `text`, so
 * `text.slice(s.start, s.end) === s.text`. Empty lines yield no sentence; indexes count from 0.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
  };
  let typoDepth = 0;
  let asciiOpen = false;
  let asciiReliable = balancedQuotes(text, 0);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x2029 || SPECIAL[c] === 0) continue;
    if (c === 10 || c === 0x2029) {
      push(i);
      start = i + 1;
      typoDepth = 0;
      asciiOpen = false;
      asciiReliable = balancedQuotes(text, i + 1);
      continue;
    }
    if (c === 0xab || c === 0x201c) { typoDepth++; continue; }
    if ((c === 0xbb || c === 0x201d) && typoDepth > 0) { typoDepth--; continue; }
    if (c === 0x22) { asciiOpen = !asciiOpen; continue; }
    if (!isTerminator(c)) continue;
    // Run of terminators: "?!", "...", "..".
    let j = i + 1;
    while (j < n && isTerminator(text.charCodeAt(j))) j++;
    const run = text.slice(i, j);
    if (run === "..") { i = j - 1; continue; }
    if (c === 0x2e && j === i + 1 && isAbbreviation(text, i)) continue;
    if (c === 0x2e && j === i + 1 && i > 0 && DIGIT.test(text[i - 1]) && j < n && DIGIT.test(text[j])) continue;
    // Closing quotes and brackets that follow belong to this sentence.
    let k = j;
    while (k < n && isCloser(text.charCodeAt(k))) {
      if (text.charCodeAt(k) === 0x22) asciiOpen = !asciiOpen;
      if ((text.charCodeAt(k) === 0xbb || text.charCodeAt(k) === 0x201d) && typoDepth > 0) typoDepth--;
      k++;
    }
    if (k < n && !isSpace(text.charCodeAt(k))) { i = k - 1; continue; }
    if (typoDepth > 0 || (asciiReliable && asciiOpen)) { i = k - 1; continue; }
    push(k);
    start = k;
    i = k - 1;
  }
  push(n);
  return out;
}

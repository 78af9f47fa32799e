/**
 * Proclitic segmentation (Arabic orthography attaches the conjunctions و ف, the prepositions ب ل ك and the article
 * ال to the next word; ل + ال is written لل). A token is split only when what remains is known to the caller's
 * lexicon (`isKnown`) or fits a reliable pattern, so names that begin with those letters (بيروت، وليد، لبنان،
 * كركوك) stay whole. A missing space that glues a known name to the next word is recovered (ومخمورشمال →
 * و + مخمور + شمال). Rules follow the proclitic order of Buckwalter/MADA-style tokenisation schemes:
 * [conj] [prep] [article] stem.
 */
import { isFunctionWord } from "./function-words.ts";
import { normalizeKey } from "./normalize.ts";
import type { Token } from "./types.ts";

type CliticKind = NonNullable<Token["clitic"]>;

interface Prefix {
  /** Normalised letters of the prefix. */
  letters: string;
  parts: { letters: number; clitic: CliticKind }[];
  /** True when the prefix ends with ال (or لل): the stem is definite. */
  article: boolean;
}

function buildPrefixes(): Prefix[] {
  const out: Prefix[] = [];
  for (const conj of ["", "و", "ف"]) {
    for (const prep of ["", "ب", "ل", "ك", "لل"]) {
      for (const art of prep === "لل" ? [""] : ["", "ال"]) {
        const letters = conj + prep + art;
        if (letters === "") continue;
        const parts: Prefix["parts"] = [];
        if (conj !== "") parts.push({ letters: 1, clitic: "conj" });
        if (prep === "لل") parts.push({ letters: 1, clitic: "prep" }, { letters: 1, clitic: "article" });
        else if (prep !== "") parts.push({ letters: 1, clitic: "prep" });
        if (art !== "") parts.push({ letters: 2, clitic: "article" });
        out.push({ letters, parts, article: art !== "" || prep === "لل" });
      }
    }
  }
  // Fewest letters stripped first: keep as much of the word as possible.
  return out.sort((a, b) => a.letters.length - b.letters.length);
}

let PREFIXES: Prefix[] | undefined;

/** Letters that do not join the following letter (Unicode ArabicShaping.txt joining type R): a space lost after them is invisible. */
const NON_JOINING = new Set(["ا", "د", "ذ", "ر", "ز", "و", "ه", "ء"]);
const NON_JOINING_SURFACE = /[اأإآٱدذرزوؤةء]$/u;
/** Endings that are suffixes (nisba, plural, dual, pronouns), never a separate word. */
const SUFFIXES = new Set([
  "ي", "يه", "يون", "يين", "يات", "يان", "يتين", "يتان", "ون", "ين", "ات", "ان", "ه", "ها", "هم", "هما", "هن", "نا",
  "كم", "كما", "كن", "وا", "تين", "تان", "يهم", "يها",
]);

/** Options of {@link segmentClitics}. */
export interface CliticOptions {
  /** Minimum letters of a stem accepted by pattern only (no lexicon hit) after ال. Default 3. */
  minPatternStem?: number;
  /** Minimum letters of the word glued after a known name. Default 4 (3 when `isKnown` knows it). */
  minGluedWord?: number;
}

interface Letter {
  /** Normalised letter (one character of the key), or "" for a code unit that normalises away. */
  ch: string;
  /** Offset in the surface where this letter (with its marks) starts. */
  at: number;
}

/** The token's letters with their surface offsets; marks, tatweel and invisible controls stay with the letter before. */
function lettersOf(surface: string): Letter[] {
  const out: Letter[] = [];
  for (let i = 0; i < surface.length; ) {
    const w = surface.codePointAt(i)! > 0xffff ? 2 : 1;
    const k = normalizeKey(surface.slice(i, i + w));
    for (const ch of k) out.push({ ch, at: i });
    i += w;
  }
  return out;
}

function isDigits(s: string): boolean {
  return /^[0-9][0-9.,]*$/u.test(s);
}

/**
 * Splits a word token into proclitics and stem(s). Returns `[token]` unchanged when nothing is split.
 *
 * Order of attempts: (1) the whole key is known → whole; (2) a prefix whose remaining stem is known
 * (`isKnown(stemKey)`, or `isKnown("ال" + stemKey)` after لل), fewest stripped letters first — so والموصل →
 * و + الموصل when the lexicon has الموصل; (3) a known name glued to the next word, with or without a prefix:
 * the name is known, ends with a non-joining letter (ا د ذ ر ز و ة ء — the lost space is invisible in print) or the
 * next word is known too, and the next word is not a suffix; (4) patterns: prefix + number (و5، بـ15), conjunction
 * + function word (وفي), لل + stem, or a prefix before ال + a stem of at least `minPatternStem` letters
 * (والجيش → و + الجيش). Function words are never split except by (4).
 *
 * @param isKnown called with normalised keys (see `normalizeKey`); true for lexicon entries.
 * @returns tokens whose offsets index the same text as `token` (each `surface` is a slice of it), prefixes
 *   marked with `clitic`.
 */
export function segmentClitics(token: Token, isKnown: (key: string) => boolean, options: CliticOptions = {}): Token[] {
  if (token.kind !== "word") return [token];
  const minPatternStem = options.minPatternStem ?? 3;
  const minGlued = options.minGluedWord ?? 4;
  const L = lettersOf(token.surface);
  const key = L.map((l) => l.ch).join("");
  if (key.length < 2 || isKnown(key)) return [token];
  const functionWord = isFunctionWord(token.surface);
  PREFIXES ??= buildPrefixes();
  const candidates = PREFIXES.filter((p) => key.startsWith(p.letters) && key.length > p.letters.length);

  const cut = (from: number, to: number, clitic?: CliticKind): Token => {
    // The first part starts at the token's start even when the token opens with a character that normalises away (ـ).
    const s = from === 0 ? 0 : from >= L.length ? token.surface.length : L[from].at;
    const e = to >= L.length ? token.surface.length : L[to].at;
    const surface = token.surface.slice(s, e);
    const k = normalizeKey(surface);
    const t: Token = { surface, start: token.start + s, end: token.start + e, kind: isDigits(k) ? "number" : "word", key: k };
    if (clitic !== undefined) t.clitic = clitic;
    return t;
  };
  const withPrefix = (p: Prefix | undefined, stemParts: number[]): Token[] => {
    const out: Token[] = [];
    let at = 0;
    for (const part of p?.parts ?? []) {
      out.push(cut(at, at + part.letters, part.clitic));
      at += part.letters;
    }
    for (const end of [...stemParts, L.length]) {
      if (end > at) out.push(cut(at, end));
      at = end;
    }
    return out;
  };

  if (!functionWord) {
    // (2) known stem after a prefix.
    for (const p of candidates) {
      const stem = key.slice(p.letters.length);
      if (stem.length < 2) continue;
      if (isKnown(stem) || (p.letters.endsWith("لل") && isKnown("ال" + stem))) return withPrefix(p, []);
    }
    // (3) a known name glued to the next word.
    for (const p of [undefined, ...candidates]) {
      const from = p === undefined ? 0 : p.letters.length;
      const stem = key.slice(from);
      for (let i = stem.length - 3; i >= 3; i--) {
        const head = stem.slice(0, i);
        const rest = stem.slice(i);
        if (!(isKnown(head) || (p?.letters.endsWith("لل") === true && isKnown("ال" + head)))) continue;
        if (SUFFIXES.has(rest)) continue;
        const restKnown = isKnown(rest);
        const headSurface = token.surface.slice(L[from].at, L[from + i].at);
        const invisibleGap = NON_JOINING.has(head[head.length - 1]) || NON_JOINING_SURFACE.test(headSurface);
        if (restKnown || (invisibleGap && rest.length >= minGlued)) return withPrefix(p, [from + i]);
      }
    }
  }
  // (4) patterns.
  for (const p of candidates) {
    const stem = key.slice(p.letters.length);
    const stemSurface = token.surface.slice(L[p.letters.length].at);
    if (isDigits(stem) && !p.article) return withPrefix(p, []);
    if (p.letters.length === 1 && (p.letters === "و" || p.letters === "ف") && isFunctionWord(stemSurface)) return withPrefix(p, []);
    if (functionWord) continue;
    if (p.letters.endsWith("لل") && p.letters.length <= 3 && stem.length >= 2 && !/^[0-9]/u.test(stem)) return withPrefix(p, []);
    if (p.letters.endsWith("ال") && p.letters.length >= 3 && stem.length >= minPatternStem) {
      // Keep the article with the stem: و + الجيش (the definite noun is the unit lexicons list).
      const q: Prefix = { letters: p.letters.slice(0, -2), parts: p.parts.slice(0, -1), article: false };
      return withPrefix(q, []);
    }
  }
  return [token];
}

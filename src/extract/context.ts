/**
 * The token view extraction works on: tokens (with glued words split), their matching keys, and the sentence of
 * each token. Keys are `null` for punctuation and symbols, so no name match crosses them.
 */
import { memoize, memoizePer } from "../memo.ts";
import { procliticForms } from "../lexicon/trie.ts";
import type { Lexicon } from "../lexicon/types.ts";
import { normalizeKey, normalizeWithMap } from "../text/normalize.ts";
import type { Sentence, Token } from "../text/types.ts";

/** Tokens of one document with keys and sentence bounds. */
export interface TokenView {
  text: string;
  tokens: Token[];
  keys: Array<string | null>;
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Token index range `[start, end)` of each sentence. */
  sentenceTokens: Array<[number, number]>;
}

const MIN_PART = 3;

function subToken(tok: Token, from: number, to: number): Token {
  const surface = tok.surface.slice(from, to);
  return { surface, start: tok.start + from, end: tok.start + to, kind: "word", key: normalizeKey(surface) };
}

/**
 * Splits a word written without the space before the next word (مخمورشمال → مخمور + شمال، القائمغربي → القائم +
 * غربي): the token is split when one side is a single-word lexicon name and the other a function word, or both
 * sides are lexicon names. A name that needs context (القائم is also a common word) may be split off a function
 * word: the context rules then decide whether it names a place. Returns the token unchanged otherwise.
 */
export function splitGlued(tok: Token, lexicon: Lexicon): Token[] {
  if (tok.kind !== "word") return [tok];
  const conj = conjunctionOnName(tok, lexicon);
  if (conj !== null) return conj;
  if (tok.key.length < 2 * MIN_PART) return [tok];
  const text = tok.key;
  const cut = glueCut(text, lexicon);
  if (cut < 0) return [tok];
  const { text: norm, map } = normalizeWithMap(tok.surface);
  if (norm !== text) return [tok];
  const at = map[cut];
  return [subToken(tok, 0, at), subToken(tok, at, tok.surface.length)];
}

/** Memo of {@link findGlueCut} per lexicon (bounded, see src/memo.ts): words recur, and the cut depends on the word only. */
const memoGlueCut = memoizePer((lexicon: Lexicon, text: string) => findGlueCut(text, lexicon));

/** Where the normalised word `text` splits into two glued words (see {@link splitGlued}), or -1. */
function glueCut(text: string, lexicon: Lexicon): number {
  return memoGlueCut(lexicon, text);
}

function findGlueCut(text: string, lexicon: Lexicon): number {
  if (procliticForms(text).some(([f]) => isKnownWord(f, lexicon))) return -1;
  const place = gluedPlaceCut(text, lexicon);
  if (place > 0) return place;
  const adjective = gluedAdjectiveCut(text, lexicon);
  if (adjective > 0) return adjective;
  for (let cut = MIN_PART; cut <= text.length - MIN_PART; cut++) {
    const left = text.slice(0, cut);
    const right = text.slice(cut);
    // Every accepted split has a function word or a name on the right (cheap test first).
    if (!lexicon.words.functionWords.has(right) && !lexicon.names.hasFirst(right)) continue;
    const leftName = procliticForms(left).some(([f]) => lexicon.names.hasFirst(f) && isSingleName(f, lexicon));
    const rightName = lexicon.names.hasFirst(right) && isSingleName(right, lexicon);
    const leftFn = lexicon.words.functionWords.has(left);
    const rightFn = lexicon.words.functionWords.has(right);
    const leftAny = procliticForms(left).some(([f]) => isSingleName(f, lexicon, true));
    const rightAny = isSingleName(right, lexicon, true);
    if ((leftName && (rightFn || rightName)) || (leftFn && rightName) || (leftAny && rightFn) || (leftFn && rightAny)) return cut;
  }
  return -1;
}

/**
 * The conjunction و written on a listed given name (وكريم، ومحمد) as its own token, so that a second name of a list
 * is read whole ("سعد جابر الحلفي وكريم عباس الحلفي"); null when the word is itself a name or a known word (وليد، وسام)
 * or the rest is no listed given name in its spelling (وعلى is "and on").
 */
/**
 * Where a definite adjective glued to the word before it starts (قصرالشمالي → قصر + الشمالي، البصرةالجديدة): the
 * right part a listed definite adjective or a definite nisba of six letters or more, the left part three letters or
 * more. 0 when none.
 */
/** Participles of attachment glued to a name (قضاء سنجارالتابع لمحافظة نينوى), split like adjectives. */
const GLUED_PARTICIPLES = new Set(["التابع", "التابعة", "التابعه", "الواقع", "الواقعة", "الواقعه"]);

function gluedAdjectiveCut(text: string, lexicon: Lexicon): number {
  for (let cut = text.indexOf("ال", MIN_PART); cut > 0; cut = text.indexOf("ال", cut + 1)) {
    const right = text.slice(cut);
    if (right.length < 6) break;
    const w = lexicon.words;
    if (w.adjectives.has(right) || GLUED_PARTICIPLES.has(right) || (/(ي|يه)$/u.test(right) && !w.functionWords.has(right) && !lexicon.names.hasFirst(right))) return cut;
  }
  return 0;
}

/** True when `key` (one word) is a non-weak lexicon name of a place. */
function isPlaceWord(key: string, lexicon: Lexicon): boolean {
  const m = lexicon.names.longest([key], 0, false);
  return m !== null && m.length === 1 && m.values.some((v) => !v.weak && v.entry.type === "place");
}

/** True when `rest`, glued after a place name, is an ordinary word: a known word or noun, or و + two letters or more. */
function isGluedTail(rest: string, lexicon: Lexicon): boolean {
  if (rest.length < 2) return false;
  const w = lexicon.words;
  if (isKnownWord(rest, lexicon) || w.nouns.has(rest) || w.commonWords.has(rest) || w.ordinals.has(rest)) return true;
  return rest.startsWith("و") && rest.length >= 3;
}

/**
 * Where a place name glued to the next word ends (نينوىوكركوك → نينوى + وكركوك، أربيلوحدها → أربيل + وحدها،
 * الأنبارحوادث → الأنبار + حوادث): the longest prefix of three letters or more (after proclitics) that is a place of
 * the lexicon, the rest an ordinary word (see {@link isGluedTail}). A word that is itself a known name is never cut
 * (checked by the caller). 0 when none.
 */
function gluedPlaceCut(text: string, lexicon: Lexicon): number {
  for (let cut = text.length - 2; cut >= MIN_PART; cut--) {
    const left = text.slice(0, cut);
    if (!procliticForms(left).some(([f]) => isPlaceWord(f, lexicon))) continue;
    if (isGluedTail(text.slice(cut), lexicon)) return cut;
  }
  return 0;
}

/**
 * Splits the last word of a multi-word place glued to the next word (ذي قارأمس → ذي قار + أمس): `prev` is the key of
 * the token before `tok`; the cut is where `prev` + the prefix of `tok` is a two-word place of the lexicon and the rest
 * an ordinary word. Returns null when there is no such cut.
 */
export function splitGluedAfter(prev: string | null, tok: Token, lexicon: Lexicon): Token[] | null {
  if (prev === null || tok.kind !== "word" || tok.key.length < 4 || !lexicon.names.hasFirst(prev)) return null;
  if (isKnownWord(tok.key, lexicon)) return null;
  for (let cut = tok.key.length - 2; cut >= 2; cut--) {
    const m = lexicon.names.longest([prev, tok.key.slice(0, cut)], 0, false);
    if (m === null || m.length !== 2 || !m.values.some((v) => !v.weak && v.entry.type === "place")) continue;
    if (!isGluedTail(tok.key.slice(cut), lexicon)) continue;
    // (the offset map only for a cut found: most tokens have none)
    const { text: norm, map } = normalizeWithMap(tok.surface);
    if (norm !== tok.key) return null;
    const at = map[cut];
    return [subToken(tok, 0, at), subToken(tok, at, tok.surface.length)];
  }
  return null;
}

function conjunctionOnName(tok: Token, lexicon: Lexicon): Token[] | null {
  const key = tok.key;
  if (!key.startsWith("و") || key.length < 4 || !tok.surface.startsWith("و")) return null;
  const rest = key.slice(1);
  const spelled = lexicon.firstNames.get(rest);
  if (spelled === undefined || spelled.endsWith("ى") !== tok.surface.endsWith("ى")) return null;
  if (lexicon.firstNames.has(key) || isKnownWord(key, lexicon)) return null;
  return [subToken(tok, 0, 1), subToken(tok, 1, tok.surface.length)];
}

function isSingleName(key: string, lexicon: Lexicon, ambiguousOk = false): boolean {
  const m = lexicon.names.longest([key], 0, false);
  return m !== null && m.length === 1 && !m.values[0].weak && (ambiguousOk || !m.values[0].entry.ambiguous);
}

function isKnownWord(key: string, lexicon: Lexicon): boolean {
  const w = lexicon.words;
  return lexicon.names.hasFirst(key) || w.functionWords.has(key) || w.verbs.has(key) || w.adjectives.has(key) ||
    lexicon.firstNames.has(key) || lexicon.titles.hasFirst(key) || lexicon.patterns.hasFirst(key);
}

/** Builds the token view of `text` from its tokens and sentences, splitting glued words. */
export function buildTokenView(text: string, rawTokens: Token[], sentences: Sentence[], lexicon: Lexicon): TokenView {
  const tokens: Token[] = [];
  for (const t of rawTokens) {
    const parts = splitGlued(t, lexicon);
    const prev = tokens.length > 0 && tokens[tokens.length - 1].kind === "word" ? tokens[tokens.length - 1].key : null;
    const after = parts.length === 1 ? splitGluedAfter(prev, t, lexicon) : null;
    for (const s of after ?? parts) tokens.push(s);
  }
  const keys = tokens.map((t) => (t.kind === "word" || t.kind === "number" ? t.key : null));
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  const sentenceTokens: Array<[number, number]> = sentences.map(() => [0, 0]);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (s < sentences.length && tokens[i].start >= sentences[s].end) s++;
    if (s < sentences.length && tokens[i].start >= sentences[s].start) sentenceOf[i] = s;
  }
  let i = 0;
  for (let k = 0; k < sentences.length; k++) {
    while (i < tokens.length && sentenceOf[i] < k) i++;
    const start = i;
    while (i < tokens.length && sentenceOf[i] === k) i++;
    sentenceTokens[k] = [start, i];
  }
  return { text, tokens, keys, sentenceOf, sentenceTokens };
}

/** Offset in the body where the name starts once `prefix` normalised proclitic characters are dropped. */
export function strippedStart(tok: Token, prefix: number): number {
  if (prefix === 0) return tok.start;
  const map = offsetMap(tok.surface);
  return tok.start + map[Math.min(prefix, map.length - 1)];
}

/** Memo of the normalisation offset maps of token surfaces (bounded; the map depends on the surface only). */
const offsetMap = memoize((surface: string): ArrayLike<number> => normalizeWithMap(surface).map);

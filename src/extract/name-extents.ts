/**
 * Name extents from context (docs/extraction.md, "Mentions", 3): a name with no title read from a listed given
 * name (عزيز الفلاني) whose first word is a given name no list knows (a Kurdish, Turkmen or Persian one: شيرزاد
 * عزيز الفلاني) starts one word earlier — the scan passed that word because nothing known opens a name there.
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import type { TokenView } from "./context.ts";
import { conjunctionReading } from "./persons.ts";

/**
 * True when token `k` may be an unlisted first word of a name: a word of three letters or more that no word list,
 * title, pattern head or lexicon name knows, not definite, not in ي/ت (an imperfect verb), not carrying a
 * conjunction or preposition, and not covered by the candidate before it.
 */
function unlistedNameWord(v: TokenView, k: number, lexicon: Lexicon): boolean {
  const key = v.keys[k];
  const tok = v.tokens[k];
  if (key === null || key === undefined || tok.kind !== "word" || key.length < 3 || key.startsWith("ال")) return false;
  if (/^[يت]/u.test(key) || verbShape(key, lexicon) || conjunctionReading(tok.surface, key, lexicon)) return false;
  // ب/ل/ك on a known word is a preposition (بجروح، لقوات); on no known word it may be the name's letter (بيشوا).
  if (/^[بلك]/u.test(key)) {
    const rest = key.slice(1);
    if (key.length < 5 || prepositionPhrase(key, lexicon) || lexicon.names.hasFirst(rest) || lexicon.patterns.hasFirst(rest) ||
      lexicon.titles.hasFirst(rest) || lexicon.words.verbs.has(rest) || lexicon.firstNames.has(rest)) return false;
  }
  const w = lexicon.words;
  if (w.functionWords.has(key) || w.verbs.has(key) || w.adjectives.has(key) || w.commonWords.has(key) || w.nouns.has(key) ||
    w.ordinals.has(key) || w.placeStopWords.has(key) || lexicon.firstNames.has(key) || lexicon.familyNames.has(key)) return false;
  if (lexicon.titles.hasFirst(key) || lexicon.patterns.hasFirst(key) || lexicon.names.hasFirst(key)) return false;
  // a past verb of the form فعل (three letters) before a subject is far more frequent than a three-letter given name
  return key.length >= 4;
}

/**
 * Widens a bare name (`bareNameAt`) over one unlisted name word right before it, when the name then has three
 * words or four and the word before that is no name word (a verb, a function word, punctuation): "وأصيب شيرزاد
 * عزيز الفلاني" → شيرزاد عزيز الفلاني. `out` are the candidates read so far (the word must be free).
 */
export function widenBareName(v: TokenView, c: Candidate, from: number, out: readonly Candidate[], lexicon: Lexicon): Candidate {
  const k = c.tokenStart - 1;
  const len = c.tokenEnd - c.tokenStart;
  if (k < from || len < 2 || len > 3) return c;
  const last = out[out.length - 1];
  if (last !== undefined && last.tokenEnd > k) return c;
  if (!unlistedNameWord(v, k, lexicon)) return c;
  if (k - 1 >= from && unlistedNameWord(v, k - 1, lexicon)) return c;
  const start = v.tokens[k].start;
  return { ...c, tokenStart: k, start, label: v.text.slice(start, c.end) };
}

/**
 * True when token `k` cannot continue a name: punctuation, the end of the sentence, a function word, verb or listed
 * noun, or a word carrying a preposition (بحضور، لوسائل).
 */
export function isNameBoundary(v: TokenView, k: number, limit: number, lexicon: Lexicon): boolean {
  const key = v.keys[k];
  if (k >= limit || key === null || key === undefined || v.tokens[k].kind !== "word") return true;
  const w = lexicon.words;
  return w.functionWords.has(key) || w.verbs.has(key) || w.nouns.has(key) || w.commonWords.has(key) || prepositionPhrase(key, lexicon) ||
    key.startsWith("ال") || verbShape(key, lexicon);
}

/**
 * True when `key` has the shape of an imperfect verb that no name has: the future prefix س + an imperfect prefix
 * (سيتولى، ستستقبل، سنعمل; not سأ, normalised سا as in سالار), or an imperfect prefix + the derived-stem letters ست/ت
 * (يستقبل، تستهدف، يتولى، تتابع), five letters or more and no listed given or family name (Arabic morphology: the
 * imperfect prefixes أ/ن/ي/ت and the future particle س).
 */
export function verbShape(key: string, lexicon: Lexicon): boolean {
  if (key.length < 5 || lexicon.firstNames.has(key) || lexicon.familyNames.has(key)) return false;
  // Kurdish given names share the letters: سيروان، سيبان (in -ان), سيامند، سالار (ا after س or its prefix).
  if (/ان$/u.test(key)) return false;
  return /^س[يتن][^ا]/u.test(key) || /^[يت](ست|ت)/u.test(key);
}

/** A word that is a preposition on a noun (بجروح، بالرصاص، لوسائل): ب/ل/ك with the article or with a known word after it. */
export function prepositionPhrase(key: string, lexicon: Lexicon): boolean {
  if (!/^[بلك]/u.test(key) || lexicon.firstNames.has(key)) return false;
  const rest = key.slice(1);
  const w = lexicon.words;
  return rest.startsWith("ال") || key.startsWith("لل") || w.nouns.has(rest) || w.commonWords.has(rest) || w.adjectives.has(rest);
}

/**
 * The length of a construct kin word at `k` (شقيق، نجل، ابن عم، والدة): a word — or two, ابن عم — that with the
 * possessive ه or ها is a listed kin word (words.json `kinWords`: شقيقه، ابن عمه). 0 when none.
 */
export function constructKinAt(v: TokenView, k: number, limit: number, lexicon: Lexicon): number {
  const key = v.keys[k];
  if (k >= limit || key === null || key === undefined || !kinFirstKeys(lexicon).has(key)) return 0;
  for (const phrase of lexicon.words.kinWords) {
    const n = phrase.length;
    if (k + n > limit) continue;
    let ok = true;
    for (let q = 0; q < n - 1 && ok; q++) ok = v.keys[k + q] === phrase[q];
    const lastKey = v.keys[k + n - 1];
    const lastKin = phrase[n - 1];
    if (ok && lastKey !== null && lastKey !== undefined && (lastKin === `${lastKey}ه` || lastKin === `${lastKey}ها` || lastKin === lastKey)) return n;
  }
  return 0;
}

const KIN_FIRST = new WeakMap<readonly (readonly string[])[], ReadonlySet<string>>();

/**
 * The keys a construct kin word may open with (see `constructKinAt`): the first word of a longer kin phrase, or a
 * one-word kin word with or without its possessive ه / ها. Computed once per kin list.
 */
function kinFirstKeys(lexicon: Lexicon): ReadonlySet<string> {
  const kin = lexicon.words.kinWords;
  let out = KIN_FIRST.get(kin);
  if (out === undefined) {
    const set = new Set<string>();
    for (const phrase of kin) {
      if (phrase.length === 0) continue;
      if (phrase.length > 1) {
        set.add(phrase[0]);
        continue;
      }
      const w = phrase[0];
      set.add(w);
      if (w.endsWith("ه")) set.add(w.slice(0, -1));
      if (w.endsWith("ها")) set.add(w.slice(0, -2));
    }
    KIN_FIRST.set(kin, (out = set));
  }
  return out;
}

/**
 * A name right before a construct kin word ("هاوري جمال كريم نجل القيادي …"، "X شقيق النائب Y"): two to four name
 * words no list rules out — three or more, or two of which one is a listed given name — then the kin word.
 */
export function kinAppositionNameAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, readName: (v: TokenView, j: number, limit: number, lexicon: Lexicon) => number): Candidate | null {
  const key = v.keys[i];
  if (key === null || v.tokens[i].kind !== "word" || key.startsWith("ال")) return null;
  // the kin word comes two to four words on (cheap test before the word lists and the name)
  let kinAhead = false;
  for (let k = i + 2; k <= i + 4 && k < limit && !kinAhead; k++) kinAhead = constructKinAt(v, k, limit, lexicon) > 0;
  if (!kinAhead || !unlistedOrGiven(v, i, lexicon)) return null;
  const len = readName(v, i, limit, lexicon);
  if (len < 2 || len > 4 || constructKinAt(v, i + len, limit, lexicon) === 0) return null;
  let listed = 0;
  for (let k = i; k < i + len; k++) {
    const kk = v.keys[k]!;
    if (lexicon.firstNames.has(kk) || lexicon.familyNames.has(kk)) listed++;
    else if (!unlistedOrGiven(v, k, lexicon) && !kk.startsWith("ال")) return null;
  }
  if (len < 3 && listed === 0) return null;
  const start = v.tokens[i].start;
  const end = v.tokens[i + len - 1].end;
  return {
    type: "person", label: v.text.slice(start, end), tokenStart: i, tokenEnd: i + len, start, end,
    sentence: v.sentenceOf[i], source: "name", confidence: 0.6,
  };
}

/** A listed given name, or a word that may be an unlisted one (see `unlistedNameWord`, without the length rule). */
function unlistedOrGiven(v: TokenView, k: number, lexicon: Lexicon): boolean {
  const key = v.keys[k]!;
  if (lexicon.firstNames.has(key)) return true;
  return unlistedNameWord(v, k, lexicon) || (key.length === 3 && !/^[يتبلكوف]/u.test(key) && !lexicon.words.verbs.has(key) &&
    !lexicon.words.functionWords.has(key) && !lexicon.words.nouns.has(key) && !lexicon.words.commonWords.has(key) && !lexicon.names.hasFirst(key));
}

/**
 * The end of a person's span `[a, b)` without the words after the name that cannot be name words: preposition
 * phrases (بجروح، بإشراف، بالاتفاق), listed nouns, verbs and function words (a tagger's span "X بجروح").
 */
export function trimNameEnd(v: TokenView, a: number, b: number, lexicon: Lexicon): number {
  const w = lexicon.words;
  while (b > a) {
    const key = v.keys[b - 1];
    if (key === null || key === undefined) break;
    const bare = key.replace(/^[وف]/u, "");
    const prep = /^[بلك]/u.test(key) && !lexicon.firstNames.has(key) && !lexicon.familyNames.has(key) &&
      (prepositionPhrase(key, lexicon) || /^(با|بإ|بأ|لإ|لأ)/u.test(v.tokens[b - 1].surface));
    if (!(prep || w.nouns.has(bare) || w.verbs.has(key) || w.functionWords.has(key) || verbShape(bare, lexicon))) break;
    b--;
  }
  return b;
}

/**
 * The start of a person's span `[a, b)` without the verbs before the name (a tagger's span "ستستقبل الموسوي"): listed
 * verbs and words of verb shape (see {@link verbShape}), with or without و/ف.
 */
export function trimNameStart(v: TokenView, a: number, b: number, lexicon: Lexicon): number {
  while (a < b) {
    const key = v.keys[a];
    if (key === null || key === undefined) break;
    const bare = key.replace(/^[وف]/u, "");
    if (!(lexicon.words.verbs.has(key) || verbShape(key, lexicon) || (bare !== key && verbShape(bare, lexicon)))) break;
    a++;
  }
  return a;
}

/**
 * Word-level helpers shared by the relation and event extractors: proclitic stripping, phrase matching over
 * tokens, and the normalised words of a stretch of text with clitics split off the following name.
 *
 * Clitic rules (Arabic orthography; cf. Habash, "Introduction to Arabic Natural Language Processing", 2010, §4):
 * conjunctions و ف, prepositions ب ل ك, the article ال, and ل + ال written لل.
 */
import { memoize, memoizePer } from "../../memo.ts";
import type { CueLexicon, Phrase } from "../../lexicon/cues.ts";
import { normalizeKey } from "../../text/normalize.ts";
import type { Token } from "../../text/types.ts";

/**
 * Every reading of a normalised word with its proclitics removed, the word itself first:
 * `وبالاتفاق` → `[وبالاتفاق, بالاتفاق, الاتفاق, اتفاق]`. Stems shorter than two letters are not produced.
 */
export function proclitcReadings(key: string): string[] {
  const out = new Set<string>([key]);
  const add = (s: string) => {
    if (s.length >= 2) out.add(s);
  };
  const level1 = [key];
  if (key.startsWith("و") || key.startsWith("ف")) level1.push(key.slice(1));
  const level2: string[] = [...level1];
  for (const w of level1) {
    if (w.startsWith("لل")) level2.push("ال" + w.slice(2), "ا" + w);
    if (/^[بلك]/u.test(w)) level2.push(w.slice(1));
  }
  for (const w of level2) {
    add(w);
    if (w.startsWith("ال")) add(w.slice(2));
  }
  return [...out];
}

/**
 * {@link proclitcReadings} of a normalised word, memoised: readings depend on the word only, and words repeat
 * across documents, so most lookups hit (bounded, see src/memo.ts; the list is shared: do not modify it).
 */
export const keyReadings: (key: string) => readonly string[] = memoize((key: string): readonly string[] => proclitcReadings(key));

/** {@link proclitcReadings} of a token's key (memoised by key, see {@link keyReadings}). */
export function tokenReadings(t: Token): readonly string[] {
  return keyReadings(t.key);
}

/** Memo of the first words of a phrase list (lists come from the loaded cue and trigger lexicons). */
const FIRST_WORDS = new WeakMap<readonly Phrase[], ReadonlySet<string>>();

function firstWordsOf(phrases: readonly Phrase[]): ReadonlySet<string> {
  let f = FIRST_WORDS.get(phrases);
  if (f === undefined) {
    f = new Set(phrases.map((p) => p[0]));
    FIRST_WORDS.set(phrases, f);
  }
  return f;
}

/** Attached pronouns (enclitics) recognised on trigger words, longest first. */
const ENCLITICS = ["هما", "هم", "هن", "ها", "ه"];

/**
 * Readings of a word with an attached pronoun removed: `تفقده` → `تفقد`; `زيارته` → `زياره` (ت of a feminine
 * noun restored to ة, normalised ه). Empty when the word carries no pronoun.
 */
export function encliticReadings(key: string): string[] {
  const out: string[] = [];
  for (const e of ENCLITICS) {
    if (key.length > e.length + 2 && key.endsWith(e)) {
      const stem = key.slice(0, -e.length);
      out.push(stem);
      if (stem.endsWith("ت")) out.push(stem.slice(0, -1) + "ه");
    }
  }
  return out;
}

/** {@link encliticReadings} of a normalised word, memoised (bounded, like {@link keyReadings}; the list is shared: do not modify it). */
export const keyEncliticReadings: (key: string) => readonly string[] = memoize((key: string): readonly string[] => encliticReadings(key));

/** How a phrase matched at a token: the token range and whether the first word carried an attached pronoun. */
export interface PhraseMatch {
  tokenStart: number;
  tokenEnd: number;
  phrase: Phrase;
  pronoun: boolean;
}

/**
 * Matches `phrase` at token `i`: the first word after proclitic stripping (and, with `allowPronoun`, an attached
 * pronoun on a one-word phrase), the following words exactly (by key).
 */
export function matchPhraseAt(
  tokens: readonly Token[], i: number, phrase: Phrase, limit: number, allowPronoun = false,
  readings: readonly string[] = tokenReadings(tokens[i]),
): PhraseMatch | null {
  if (phrase.length === 0 || i + phrase.length > limit) return null;
  let pronoun = false;
  if (!readings.includes(phrase[0])) {
    if (!allowPronoun || phrase.length !== 1) return null;
    const hit = readings.some((r) => keyEncliticReadings(r).includes(phrase[0]));
    if (!hit) return null;
    pronoun = true;
  }
  for (let k = 1; k < phrase.length; k++) if (tokens[i + k].key !== phrase[k]) return null;
  return { tokenStart: i, tokenEnd: i + phrase.length, phrase, pronoun };
}

/** True when a reading (or, with `allowPronoun`, a reading without its attached pronoun) is in `firsts`. */
function mayStart(readings: readonly string[], firsts: ReadonlySet<string>, allowPronoun: boolean): boolean {
  for (const r of readings) if (firsts.has(r)) return true;
  if (!allowPronoun) return false;
  for (const r of readings) for (const e of keyEncliticReadings(r)) if (firsts.has(e)) return true;
  return false;
}

/** Memo of {@link mayStart} by phrase list and word (without, with pronoun readings); bounded like the readings. */
const mayStartWith = memoizePer((phrases: readonly Phrase[], key: string) => mayStart(keyReadings(key), firstWordsOf(phrases), true));
const mayStartBare = memoizePer((phrases: readonly Phrase[], key: string) => mayStart(keyReadings(key), firstWordsOf(phrases), false));

/** {@link mayStart} for the readings of a normalised word, memoised per phrase list (it depends on both only). */
function mayStartKey(key: string, phrases: readonly Phrase[], allowPronoun: boolean): boolean {
  return (allowPronoun ? mayStartWith : mayStartBare)(phrases, key);
}

/**
 * The longest of `phrases` matching at token `i` (exact readings win over pronoun readings). `given` are the
 * proclitic readings of token `i` when the caller has them already.
 */
export function matchAnyAt(
  tokens: readonly Token[], i: number, phrases: readonly Phrase[], limit: number, allowPronoun = false,
  given?: readonly string[],
): PhraseMatch | null {
  if (given === undefined ? !mayStartKey(tokens[i].key, phrases, allowPronoun) : !mayStart(given, firstWordsOf(phrases), allowPronoun)) return null;
  const readings = given ?? tokenReadings(tokens[i]);
  let best: PhraseMatch | null = null;
  for (const p of phrases) {
    const m = matchPhraseAt(tokens, i, p, limit, allowPronoun, readings);
    if (!m) continue;
    if (!best || (best.pronoun && !m.pronoun) || (best.pronoun === m.pronoun && m.tokenEnd > best.tokenEnd)) best = m;
  }
  return best;
}

/**
 * The normalised words of `text.slice(from, to)`, punctuation dropped. When `to` falls inside a word (a clitic
 * written on the next name: لـوزارة), that partial word is kept as its own word (`ل`).
 */
export function wordsBetween(text: string, from: number, to: number): string[] {
  if (to <= from) return [];
  const key = normalizeKey(text.slice(from, to).replace(/[^\p{L}\p{M}\p{Nd}\s]+/gu, " "));
  return key.length === 0 ? [] : key.split(" ");
}

/** True when `text.slice(from, to)` holds punctuation other than a comma (a quotation, a bracket, a colon…). */
export function hasHardPunctuation(text: string, from: number, to: number): boolean {
  return /[.:;؛!?؟()"«»\[\]{}]/u.test(text.slice(from, Math.max(from, to)));
}

/** True when `words` ends with `phrase`. */
export function endsWith(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  const off = words.length - phrase.length;
  for (let k = 0; k < phrase.length; k++) if (words[off + k] !== phrase[k]) return false;
  return true;
}

const CLITIC_PREFIXES = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"];

/**
 * Splits a word into a proclitic and a member of `set` (`بالعاصمه` → `["ب", "العاصمه"]`, `للعاصمه` →
 * `["ل", "العاصمه"]`), or null when no reading of the word is in `set`.
 */
export function splitClitic(word: string, set: ReadonlySet<string>): [string, string] | null {
  for (const p of CLITIC_PREFIXES) {
    if (!word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (set.has(rest)) return [p, rest];
    if (p.endsWith("ل") && rest.startsWith("ل") && set.has("ا" + rest)) return [p, "ا" + rest];
  }
  return null;
}

/**
 * Removes trailing designators (محافظة، العاصمة، قضاء …) from gap words, splitting a clitic written on the
 * designator (`بالعاصمه` → `ب`). Returns every stage, the untouched words first.
 */
export function designatorStages(words: readonly string[], designators: ReadonlySet<string>): string[][] {
  const stages: string[][] = [[...words]];
  let cur = [...words];
  for (let guard = 0; guard < 4 && cur.length > 0; guard++) {
    const split = splitClitic(cur[cur.length - 1], designators);
    if (!split) break;
    cur = [...cur.slice(0, -1), ...(split[0] ? [split[0]] : [])];
    stages.push(cur);
  }
  return stages;
}

const RANK_WORDS = new WeakMap<CueLexicon, ReadonlySet<string>>();

/** The words of the cue lexicon's ranks (`cues.ranks`), as a set computed once per lexicon. */
export function rankWordsOf(cues: CueLexicon): ReadonlySet<string> {
  let w = RANK_WORDS.get(cues);
  if (w === undefined) RANK_WORDS.set(cues, (w = new Set(cues.ranks.flat())));
  return w;
}

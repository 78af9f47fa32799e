/**
 * Persons with no title whose name no list knows, recognised from the words before them (docs/extraction.md,
 * "Mentions", 3b) — never from a list of people:
 *
 * - after a possessive kin word (نجله، شقيقه، ابن عمه: words.json `kinWords`): one to four name words, listed or
 *   not ("ونجله هيوا البالغ من العمر" → هيوا);
 * - after a verb of saying (قال، أضاف: `speechVerbs`): two to four name words closed by a family name or nisba
 *   ("وقال مزاحم خلف العبيدي، أحد شيوخ …").
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import type { TokenView } from "./context.ts";
import { readName } from "./persons.ts";
import { isNameBoundary, prepositionPhrase } from "./name-extents.ts";

/** Token keys before `i` in its sentence without a conjunction on the first (ونجله → نجله). */
function endsWithPhrase(v: TokenView, i: number, phrase: readonly string[]): boolean {
  const from = i - phrase.length;
  if (from < 0 || v.sentenceOf[from] !== v.sentenceOf[i]) return false;
  for (let k = 0; k < phrase.length; k++) {
    const key = v.keys[from + k];
    if (key === null) return false;
    const ok = key === phrase[k] || (k === 0 && (key.startsWith("و") || key.startsWith("ف")) && key.length === phrase[k].length + 1 && key.startsWith(phrase[k], 1));
    if (!ok) return false;
  }
  return true;
}

const KIN_LAST = new WeakMap<readonly (readonly string[])[], ReadonlySet<string>>();

/**
 * The keys a kin phrase may end with right before a name (see `endsWithPhrase`): its last word, and for a one-word
 * phrase that word with و or ف. Computed once per kin list; a cheap test before the phrase-by-phrase one.
 */
function kinLastKeys(lexicon: Lexicon): ReadonlySet<string> {
  const kin = lexicon.words.kinWords;
  let out = KIN_LAST.get(kin);
  if (out === undefined) {
    const set = new Set<string>();
    for (const p of kin) {
      if (p.length === 0) continue;
      set.add(p[p.length - 1]);
      if (p.length === 1) {
        set.add(`و${p[0]}`);
        set.add(`ف${p[0]}`);
      }
    }
    KIN_LAST.set(kin, (out = set));
  }
  return out;
}

const familyLike = (key: string, lexicon: Lexicon) =>
  lexicon.familyNames.has(key) || (key.startsWith("ال") && key.length > 4 && /(ي|اوي|ائي)$/u.test(key));

/** A person named right after a kin word or a verb of saying at token `i`, or null. */
export function contextNameAt(v: TokenView, i: number, limit: number, lexicon: Lexicon): Candidate | null {
  const key = v.keys[i];
  if (key === null || v.tokens[i].kind !== "word" || key.startsWith("ال")) return null;
  const w = lexicon.words;
  const before = i > 0 ? v.keys[i - 1] : null;
  const kin = before !== null && before !== undefined && kinLastKeys(lexicon).has(before) && w.kinWords.some((p) => endsWithPhrase(v, i, p));
  const prev = i > 0 && v.sentenceOf[i - 1] === v.sentenceOf[i] ? v.keys[i - 1] : null;
  const speech = !kin && prev !== null && (w.speechVerbs.has(prev) || ((prev.startsWith("و") || prev.startsWith("ف")) && w.speechVerbs.has(prev.slice(1))));
  if (!kin && !speech) return null;
  let len = readName(v, i, limit, lexicon);
  // A given name that is also a function word (مزاحم خلف العبيدي): the family name after it shows it is a name.
  const after = i + len;
  if (len > 0 && len < 3 && after + 1 < limit && v.tokens[after].kind === "word" && w.functionWords.has(v.keys[after] ?? "") &&
    (v.keys[after] ?? "").length >= 3 && familyLike(v.keys[after + 1] ?? "", lexicon)) len += 2;
  // After a verb of saying, a name of five words runs into the noun after it (وروى X Y Z W تفاصيل): the noun ends it.
  if (speech && len === 5 && isNameBoundary(v, i + 4, limit, lexicon)) len = 4;
  if (len === 0 || len > 4) return null;
  // after a kin word, a second word must be a name too (a family name or a listed given name), not a verb: "شقيقه
  // كريم نجا" is Karim
  if (kin && len >= 2) {
    const end = v.keys[i + len - 1]!;
    if (!familyLike(end, lexicon) && !lexicon.firstNames.has(end)) len = 1;
  }
  const last = v.keys[i + len - 1]!;
  if (speech && (len < 2 || (!familyLike(last, lexicon) && !unlistedSpeaker(v, i, len, limit, lexicon)))) return null;
  if (kin && len === 1 && (key.length < 3 || w.nouns.has(key) || w.verbs.has(key) || w.adjectives.has(key) || prepositionPhrase(key, lexicon))) return null;
  // A kin word as the subject of a nominal clause (إن ابنها بريء، أن شقيقه مصاب): what follows is the predicate.
  if (kin && len === 1 && !lexicon.firstNames.has(key) && clauseSubject(v, i, lexicon)) return null;
  const start = v.tokens[i].start;
  const end = v.tokens[i + len - 1].end;
  return {
    type: "person", label: v.text.slice(start, end), tokenStart: i, tokenEnd: i + len, start, end,
    sentence: v.sentenceOf[i], source: "name", confidence: 0.6,
  };
}

/**
 * A speaker's name with no family name (a Kurdish, Turkmen or Persian name: وروى سيروان نوزاد حمه أمين): three or four
 * words, none a known common word, ending where the name must end.
 */
function unlistedSpeaker(v: TokenView, i: number, len: number, limit: number, lexicon: Lexicon): boolean {
  if (len < 3 || len > 4 || !isNameBoundary(v, i + len, limit, lexicon)) return false;
  const w = lexicon.words;
  for (let k = i; k < i + len; k++) {
    const key = v.keys[k]!;
    if (lexicon.firstNames.has(key) && k > i) continue;
    if (key.length < 3 || key.startsWith("ال") || w.nouns.has(key) || w.commonWords.has(key) || w.adjectives.has(key) ||
      w.ordinals.has(key) || lexicon.titles.longest(v.keys, k, false, limit) !== null || lexicon.patterns.hasFirst(key)) return false;
  }
  // two words (وقال حسين علوان،) stay the statistical tagger's: the shape alone is too weak a cue
  return len >= 3;
}

/** True when the kin word before `i` follows إن / أن / بأن / لأن: it opens a nominal clause as its subject. */
function clauseSubject(v: TokenView, i: number, lexicon: Lexicon): boolean {
  for (const p of lexicon.words.kinWords) {
    if (!endsWithPhrase(v, i, p)) continue;
    const before = i - p.length - 1;
    if (before < 0 || v.sentenceOf[before] !== v.sentenceOf[i]) return false;
    return ["ان", "بان", "لان", "وان"].includes(v.keys[before] ?? "");
  }
  return false;
}

/**
 * The romanisation table `graph-data/lexicon/romanisation.json`: its zod schema and its compiled form.
 * The scheme it serves is documented in docs/transliteration.md; the transliterator is src/extract/transliterate.ts.
 *
 * Sections: customary English forms of given names, family (tribal, nisba) names, name particles, two-word name
 * compounds and compound rules, vocabulary of body names (noun/adjective, for English word order), ordinal
 * numbers, and vowel patterns (awzan) for words no table knows. Keys are Arabic in any spelling: they are
 * compiled under their normalised key (src/text/normalize.ts), so أ/ا, ة/ه, ى/ي variants share an entry.
 */
import { z } from "zod";
import { DataError } from "../errors.ts";
import { normalizeKey } from "../text/normalize.ts";

const arabic = z.string().trim().min(1).regex(/[\u0600-\u06FF]/, "must contain Arabic letters");
const latin = z.string().trim().min(1).regex(/^[A-Za-z][A-Za-z' -]*$/, "must be Latin letters, spaces, hyphens or apostrophes");

/** One word of body vocabulary: its English, whether it is a noun (a head) or an adjective (follows its head). */
export const VocabularyEntry = z.object({
  en: latin,
  pos: z.enum(["noun", "adjective"]),
  /** Form used before another noun in English (العمال → Workers' in "Kurdistan Workers' Party"). */
  modifier: z.string().trim().min(1).optional(),
});

/** A compound rule: `first`/`second` are a word, `*` (any word) or `ال*` (any definite word). */
export const CompoundRule = z.object({
  first: z.string().min(1),
  second: z.string().min(1),
  /** Output with `{1}` and `{2}` for the romanised words, `{2}` without its article. */
  en: z.string().min(1).regex(/\{[12]\}/, "must use {1} or {2}"),
});

/** A vowel pattern: ف ع ل stand for root consonants (a second ل for the fourth), other letters match literally. */
export const VowelPattern = z.object({
  wazn: arabic,
  /** Latin output with {1}..{4} for the root consonants and ā ī ū for long vowels. */
  form: z.string().min(1).regex(/^[a-zāīū{}1-4']+$/, "must be lower-case Latin, ā ī ū and {1}..{4}"),
});

export const RomanisationFile = z.object({
  source: z.string().min(1),
  scheme: z.string().optional(),
  givenNames: z.record(arabic, latin),
  familyNames: z.record(arabic, latin),
  particles: z.record(arabic, latin),
  compounds: z.record(arabic, z.string().trim().min(1)),
  compoundRules: z.array(CompoundRule).default([]),
  vocabulary: z.record(arabic, VocabularyEntry),
  ordinals: z.record(arabic, z.number().int().min(1).max(99)),
  teens: z.array(arabic).default([]),
  patterns: z.array(VowelPattern).default([]),
});
export type RomanisationFile = z.infer<typeof RomanisationFile>;
export type VocabularyEntry = z.infer<typeof VocabularyEntry>;

/** A compiled vowel pattern: per letter, a root slot (1..4) or a literal normalised letter. */
export interface CompiledPattern {
  wazn: string;
  slots: Array<number | string>;
  form: string;
}

/** A compiled compound rule; `first`/`second` are normalised keys, `*` or `ال*`. */
export interface CompiledCompoundRule {
  first: string;
  second: string;
  en: string;
}

/** The romanisation table by normalised key. */
export interface RomanisationTable {
  givenNames: Map<string, string>;
  /** Family names under their key without the article, English without "al-". */
  familyNames: Map<string, string>;
  particles: Map<string, string>;
  /** Two-word compounds under "key1 key2". */
  compounds: Map<string, string>;
  compoundRules: CompiledCompoundRule[];
  /** Single vocabulary words. */
  vocabulary: Map<string, VocabularyEntry>;
  /** Multi-word vocabulary under their space-joined keys, with the longest length in words. */
  phrases: Map<string, VocabularyEntry>;
  phraseMaxWords: number;
  ordinals: Map<string, number>;
  teens: Set<string>;
  patterns: CompiledPattern[];
}

const ROOT: Record<string, number> = { "ف": 1, "ع": 2, "ل": 3 };

/** Compiles a wazn (فاعل) into slots; the second ل is root letter 4. Throws `DataError` on a bad form. */
export function compilePattern(wazn: string, form: string): CompiledPattern {
  const slots: Array<number | string> = [];
  let seenL = false;
  for (const ch of normalizeKey(wazn)) {
    if (ch === "ل") {
      slots.push(seenL ? 4 : 3);
      seenL = true;
    } else slots.push(ROOT[ch] ?? ch);
  }
  const roots = new Set(slots.filter((s): s is number => typeof s === "number"));
  for (const m of form.matchAll(/\{(\d)\}/g)) {
    if (!roots.has(Number(m[1]))) {
      throw new DataError(`compileRomanisation: pattern "${wazn}" uses {${m[1]}}, which its wazn lacks.`);
    }
  }
  return { wazn, slots, form };
}

const keyed = <T>(rec: Record<string, T>): Map<string, T> => {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(rec)) {
    const key = normalizeKey(k);
    if (key !== "" && !m.has(key)) m.set(key, v);
  }
  return m;
};

/**
 * Compiles a validated romanisation file into lookup maps. Family-name keys lose their article (الدليمي and
 * دليمي are one entry). Throws `DataError` when a pattern's form names a root letter its wazn lacks.
 */
export function compileRomanisation(file: RomanisationFile): RomanisationTable {
  const familyNames = new Map<string, string>();
  for (const [k, v] of Object.entries(file.familyNames)) {
    const key = normalizeKey(k).replace(/^ال/, "");
    if (!familyNames.has(key)) familyNames.set(key, v.replace(/^al-/i, ""));
  }
  const vocabulary = new Map<string, VocabularyEntry>();
  const phrases = new Map<string, VocabularyEntry>();
  let phraseMaxWords = 1;
  for (const [k, v] of keyed(file.vocabulary)) {
    const n = k.split(" ").length;
    if (n > 1) {
      phrases.set(k, v);
      phraseMaxWords = Math.max(phraseMaxWords, n);
    } else vocabulary.set(k, v);
  }
  const rule = (s: string): string => (s === "*" || s === "ال*" ? s : normalizeKey(s));
  return {
    givenNames: keyed(file.givenNames),
    familyNames,
    particles: keyed(file.particles),
    compounds: keyed(file.compounds),
    compoundRules: file.compoundRules.map((r) => ({ first: rule(r.first), second: rule(r.second), en: r.en })),
    vocabulary,
    phrases,
    phraseMaxWords,
    ordinals: keyed(file.ordinals),
    teens: new Set(file.teens.map(normalizeKey)),
    patterns: file.patterns.map((p) => compilePattern(p.wazn, p.form)),
  };
}

/** An empty table: the transliterator then uses its letter rules only. */
export function emptyRomanisation(): RomanisationTable {
  return {
    givenNames: new Map(), familyNames: new Map(), particles: new Map(), compounds: new Map(), compoundRules: [],
    vocabulary: new Map(), phrases: new Map(), phraseMaxWords: 1, ordinals: new Map(), teens: new Set(), patterns: [],
  };
}

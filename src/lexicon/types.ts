/** The in-memory lexicon: entries, tries for names, titles and pattern heads, and word classes. */
import type { EntityType } from "../graph/schema.ts";
import type { AnaphorFileEntry, PatternFileEntry, TitleFileEntry } from "./schema.ts";
import type { TokenTrie } from "./trie.ts";
import type { RomanisationTable } from "./romanisation.ts";

/** A named entity the lexicon knows: place, ministry, force or organization. Never a person. */
export interface LexiconEntry {
  id: string;
  type: EntityType;
  /** Canonical Arabic name (display spelling). */
  label: string;
  en: string;
  /** Place kind (governorate, district, subdistrict, country, city, region, area, site) or body type. */
  kind: string;
  /** True when the name is also a common word or given name: it names a place only with place context. */
  ambiguous: boolean;
  pcode?: string;
  /** Lexicon id of the containing place (places) or of the body this one is part of (bodies). */
  parent?: string;
  partOf?: string;
  lat?: number;
  lon?: number;
  /** Every name of the entry (label, variants, weak variants, other spellings) as written, filled by compileLexicon. */
  names?: string[];
  /** `gazetteer` (generated from ../shared/gazetteers) or `lexicon` (hand-written). */
  origin: "gazetteer" | "lexicon";
}

/** What a name in the names trie points to. */
export interface NameRef {
  entry: LexiconEntry;
  /** A weak variant (الداخلية for وزارة الداخلية): accepted only in context. */
  weak: boolean;
  /** A contextual name (الصباح): accepted only as a dateline's source or a statement's addressee. */
  contextual?: boolean;
}

export type TitleEntry = TitleFileEntry;
/** An anaphoric definite noun with the normalised words of the head its antecedent opens with. */
export type AnaphorEntry = AnaphorFileEntry & { headKeys?: string[] };
export type PatternEntry = PatternFileEntry & { isPlural: boolean };

/** Normalised word classes (keys as `normalizeKey` gives them). */
export interface WordClasses {
  functionWords: Set<string>;
  verbs: Set<string>;
  adjectives: Set<string>;
  ordinals: Set<string>;
  namePrefixes: Set<string>;
  nameSecondParts: Set<string>;
  placeStopWords: Set<string>;
  commonWords: Set<string>;
  nouns: Set<string>;
  weakVariantBlockers: Set<string>;
  /** Possessive kin words as word-key sequences (["ابن", "عمه"]). */
  kinWords: string[][];
  speechVerbs: Set<string>;
}

/** The loaded, validated lexicon. */
export interface Lexicon {
  entries: Map<string, LexiconEntry>;
  /** Every name and variant of every entry. */
  names: TokenTrie<NameRef>;
  titles: TokenTrie<TitleEntry>;
  /** Accusative titles written after a name (محافظا، وزيرا، متحدثا باسم). */
  postTitles: TokenTrie<TitleEntry>;
  patterns: TokenTrie<PatternEntry>;
  /** Definite nouns that refer back to a body or place of the document (الوزارة، المحافظة). */
  anaphors: TokenTrie<AnaphorEntry>;
  words: WordClasses;
  /** First names: normalised key → spelling in the list (to tell على from علي, which share a key). */
  firstNames: Map<string, string>;
  familyNames: Set<string>;
  /** Usual English spelling of given and family names, by normalised key (محمد → Muhammad). */
  nameEn: Map<string, string>;
  /** Romanisation table for English labels of unknown names (romanisation.json, docs/transliteration.md). */
  romanisation: RomanisationTable;
}

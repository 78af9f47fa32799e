/** The internal shape of a recognised mention before resolution into entities. */
import type { EntityType } from "../graph/schema.ts";
import type { LexiconEntry, TitleEntry } from "../lexicon/types.ts";

/** A title, rank or honorific seen before a person's name, with the body it names. */
export interface TitleSpan {
  entry: TitleEntry;
  start: number;
  end: number;
  /** Token range of the title including its body. */
  tokenStart: number;
  tokenEnd: number;
  body?: Candidate;
  /** Bodies named after the title's body (آمر اللواء 23 في الحشد الشعبي → الحشد الشعبي). */
  extraBodies?: Candidate[];
  /** The parent of the title's body (مدير دائرة X التابعة لوزارة الصحة → the ministry): a mention, no relation of the person. */
  parentBodies?: Candidate[];
}

/** A recognised mention. */
export interface Candidate {
  type: EntityType;
  /** Canonical label (lexicon label, or the name as read). */
  label: string;
  /** Name span: tokens `[tokenStart, tokenEnd)`, characters `[start, end)` of the body. */
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  sentence: number;
  /** Further surface forms to keep as aliases (e.g. محافظة بابل for بابل). */
  extraAliases?: string[];
  entry?: LexiconEntry;
  /** English label parts for patterns: template and the lexicon entry or text filling `{X}`. */
  en?: { text: string; source: "lexicon" | "transliteration" };
  source: string;
  confidence: number;
  /** Persons: titles before the name, in order. */
  titles?: TitleSpan[];
  /** Role-only mention (a title with no name) to resolve against the persons of the document. */
  roleOnly?: boolean;
  /** Anaphoric mention (الوزارة) of an earlier body or place: joins its entity, never becomes an alias. */
  anaphor?: boolean;
  /**
   * Places: every lexicon entry the name may denote, the chosen one first (الرياض: the Saudi capital and a
   * sub-district of Hawija); the document-level choice is made by src/extract/senses.ts.
   */
  senses?: LexiconEntry[];
  /** Places: the place kind the context named (ناحية الرياض → subdistrict), which fixed the sense. */
  senseKind?: string;
  /** Set by resolution: key of the entity the candidate belongs to. */
  entityKey?: string;
}

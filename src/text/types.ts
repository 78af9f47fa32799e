/**
 * Types shared by the text layer and its users.
 */

/** A decoded, cleaned article: the unit of extraction. Offsets everywhere index `text` (the body). */
export interface SourceDocument {
  /** Stable id derived from content and source (same article twice → same id). */
  id: string;
  title?: string;
  source?: string;
  url?: string;
  /** Publication date YYYY-MM-DD when known (front matter, meta tags, JSONL field). */
  date?: string;
  language?: string;
  /** Article body after boilerplate removal. */
  text: string;
  /** Lines removed as boilerplate, in order. */
  removed: string[];
  /** File path (and line for JSONL) it came from, for messages. */
  origin: string;
}

/** Kinds of token. */
export type TokenKind = "word" | "number" | "punct" | "symbol";

/** A token with `[start, end)` offsets into the text it came from: `text.slice(start, end) === surface`. */
export interface Token {
  surface: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Matching key: `normalizeKey(surface)`. */
  key: string;
  /**
   * Set on the proclitic parts produced by `segmentClitics`: `conj` (و ف), `prep` (ب ل ك) or `article` (ال, or the
   * second ل of لل). Absent on ordinary tokens and stems.
   */
  clitic?: "conj" | "prep" | "article";
}

/** A sentence with `[start, end)` offsets into the text (trimmed of surrounding white space). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

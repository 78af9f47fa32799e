/**
 * Lexicon recognition of places and bodies at one token position (docs/extraction.md, "Mentions"), and the word
 * tests the pattern reader (./patterns.ts) shares. Longest match wins; on equal length the lexicon beats a pattern.
 */
import type { Lexicon, LexiconEntry, NameRef } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import { nameKeys } from "../lexicon/trie.ts";
import { strippedStart, type TokenView } from "./context.ts";

/** Options of a lexical match at a position. */
export interface LexicalOptions {
  /** Accept weak variants (الداخلية) without checking the left context (after a title: وزير الداخلية). */
  weakOk?: boolean;
  /** Accept ambiguous places (after a place keyword). */
  ambiguousOk?: boolean;
  /** Accept patterns that only follow a title (قائد عمليات بغداد). */
  titleContext?: boolean;
  /** Only places. */
  placesOnly?: boolean;
  /**
   * The place kind the context names (ناحية → subdistrict, محافظ → governorate): among the entries sharing the
   * name, one of this kind is chosen (ناحية الرياض is the sub-district, not the Saudi capital).
   */
  kind?: string;
}

const isNisba = (k: string): boolean => /(ي|يه|يين|يون)$/.test(k);

/** True when `key` reads as an adjective agreeing with a definite head: the listed ones or a definite nisba. */
export function isDefiniteAdjective(key: string, lexicon: Lexicon): boolean {
  if (!key.startsWith("ال")) return false;
  const w = lexicon.words;
  if (w.functionWords.has(key) || w.placeStopWords.has(key)) return false;
  return w.adjectives.has(key) || w.ordinals.has(key) || (isNisba(key) && key.length > 4);
}

export function isStopWord(key: string, lexicon: Lexicon): boolean {
  const w = lexicon.words;
  return w.functionWords.has(key) || w.verbs.has(key);
}

function candidateFromEntry(v: TokenView, i: number, length: number, prefix: number, entry: LexiconEntry, source: string, confidence: number): Candidate {
  const start = strippedStart(v.tokens[i], prefix);
  const end = v.tokens[i + length - 1].end;
  return {
    type: entry.type, label: entry.label, tokenStart: i, tokenEnd: i + length, start, end,
    sentence: v.sentenceOf[i], entry, source, confidence, en: { text: entry.en, source: "lexicon" },
  };
}

/** True when `key` is the nisba adjective of a country (العراقي، الإماراتية، عراقية). */
export function isCountryAdjective(key: string, lexicon: Lexicon): boolean {
  const bare = key.startsWith("ال") ? key.slice(2) : key;
  const stem = bare.replace(/(يه|يون|يين|ي)$/u, "");
  if (stem === bare || stem.length < 2) return false;
  for (const form of [stem, `ال${stem}`, `${stem}ا`, `${stem}يا`]) {
    const m = lexicon.names.longest([form], 0, false);
    if (m !== null && m.length === 1 && m.values[0].entry.kind === "country") return true;
  }
  return false;
}

/**
 * Extends a body mention over agreeing adjectives that follow it (وزارة البيشمركة الكردية). An organization's
 * nationality (شركة دانة غاز الإماراتية) describes it and stays out of the name.
 */
export function absorbAdjectives(v: TokenView, c: Candidate, limit: number, lexicon: Lexicon): void {
  let j = c.tokenEnd;
  while (j < limit) {
    const k = v.keys[j];
    if (k === null || !isDefiniteAdjective(k, lexicon) || lexicon.names.hasFirst(k)) break;
    if (c.type === "organization" && isCountryAdjective(k, lexicon)) break;
    j++;
  }
  if (j > c.tokenEnd) {
    c.tokenEnd = j;
    c.end = v.tokens[j - 1].end;
  }
}

/** Whether the left context allows a weak variant: no definite noun or blocker right before it. */
function weakContextOk(v: TokenView, i: number, prefix: number, lexicon: Lexicon): boolean {
  if (prefix > 0) return true;
  const prev = i > 0 && v.sentenceOf[i - 1] === v.sentenceOf[i] ? v.keys[i - 1] : null;
  if (prev === null) return true;
  if (lexicon.words.weakVariantBlockers.has(prev)) return false;
  return !(prev.startsWith("ال") && !lexicon.words.functionWords.has(prev));
}

const DATELINE_MARK = /^[-–—/]$/u;

/**
 * Whether a media name of `length` tokens at `i` stands where a source is named: the source of a dateline
 * ("بغداد - الصباح": a short sentence, a place, a dash or slash, the name, nothing after), or the addressee of a
 * statement (ل on the name or before it, "قال لـ الصباح"، "للصباح", after a verb of saying in the sentence).
 */
function mediaContext(v: TokenView, i: number, length: number, prefix: number, lexicon: Lexicon): boolean {
  const [from, to] = v.sentenceTokens[v.sentenceOf[i]] ?? [i, i + length];
  const prev = i > from ? v.tokens[i - 1] : undefined;
  let rest = i + length;
  while (rest < to && v.tokens[rest].kind === "punct") rest++;
  if (prev !== undefined && prev.kind === "punct" && DATELINE_MARK.test(prev.surface) && i - from <= 4 && rest === to) return true;
  const lam = (prefix > 0 && /^[وف]?ل/u.test(v.keys[i] ?? "")) || (prev !== undefined && v.keys[i - 1] === "ل");
  if (!lam) return false;
  for (let k = from; k < i; k++) {
    const key = v.keys[k];
    if (key !== null && (lexicon.words.speechVerbs.has(key) || ((key.startsWith("و") || key.startsWith("ف")) && lexicon.words.speechVerbs.has(key.slice(1))))) return true;
  }
  return false;
}

/**
 * The lexicon match at `i`, if any passes the weak and ambiguity rules. When several entries share the name, the
 * first that passes is taken — one of `opt.kind` when the context names a place kind — and the other places are
 * kept as `senses` for the document-level choice (src/extract/senses.ts).
 */
export function lexiconAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, opt: LexicalOptions = {}): Candidate | null {
  const matches = lexicon.names.all(v.keys, i, true, limit);
  if (matches.length === 0 && opt.ambiguousOk === true) return articlePlaceAt(v, i, limit, lexicon, opt);
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m];
    const refs = match.values.filter((ref) => !(opt.placesOnly === true && ref.entry.type !== "place") &&
      !(ref.contextual === true && !mediaContext(v, i, match.length, match.prefix, lexicon)) &&
      !(ref.weak && opt.weakOk !== true && !weakContextOk(v, i, match.prefix, lexicon)) &&
      !(ref.entry.ambiguous && opt.ambiguousOk !== true));
    if (refs.length === 0) continue;
    const preferred = opt.kind !== undefined ? refs.find((r) => r.entry.kind === opt.kind) : undefined;
    const ref: NameRef = preferred ?? refs[0];
    const c = candidateFromEntry(v, i, match.length, match.prefix, ref.entry, "lexicon", ref.weak ? 0.8 : 0.95);
    if (ref.entry.type === "place") {
      // Every place the name may denote, ambiguous ones included (الرياض is also a given name: the sub-district
      // counts only when the context or the article's places choose it).
      const others = match.values.filter((r) => r !== ref && r.entry.type === "place" && r.entry.id !== ref.entry.id &&
        !(r.weak && opt.weakOk !== true)).map((r) => r.entry);
      if (others.length > 0) c.senses = [ref.entry, ...others];
      if (preferred !== undefined) c.senseKind = opt.kind;
    }
    if (c.type !== "place") absorbAdjectives(v, c, limit, lexicon);
    return c;
  }
  return null;
}

/**
 * An English label computed on first read: most pattern candidates lose to a longer match or join an entity that
 * has a lexicon name, so their transliteration is never needed.
 */
export function lazyEn(compute: () => string, source: "lexicon" | "transliteration"): { readonly text: string; readonly source: "lexicon" | "transliteration" } {
  let text: string | undefined;
  return {
    get text() {
      text ??= compute();
      return text;
    },
    source,
  };
}

/** The lexicon entry whose name (label or variant, weak ones included) is exactly `name`, if any. */
export function lexiconEntryNamed(name: string, lexicon: Lexicon): LexiconEntry | undefined {
  const keys = nameKeys(name);
  if (keys.length === 0) return undefined;
  const m = lexicon.names.longest(keys, 0, false);
  return m !== null && m.length === keys.length ? m.values[0].entry : undefined;
}

/**
 * The length of a coordinated part of a body's complement at `k`: "والY" + one or more agreeing adjectives
 * (وزارة الزراعة والموارد المائية، لجنة الزراعة والمياه النيابية). Y must be a definite noun that opens no lexicon
 * name (… والشرطة الاتحادية is a second body) and the adjective must follow it. 0 when none.
 */
export function coordinatedComplement(v: TokenView, k: number, limit: number, lexicon: Lexicon): number {
  const key = v.keys[k];
  if (k + 1 >= limit || key === null || key === undefined || !key.startsWith("وال") || key.length < 5 || v.tokens[k].kind !== "word") return 0;
  const rest = key.slice(1);
  const w = lexicon.words;
  if (w.functionWords.has(rest) || w.adjectives.has(rest) || lexicon.names.hasFirst(rest) || lexicon.titles.hasFirst(rest) ||
    lexicon.patterns.hasFirst(rest)) return 0;
  let n = 1;
  while (k + n < limit && n < 4 && v.keys[k + n] !== null && isDefiniteAdjective(v.keys[k + n]!, lexicon) && !lexicon.names.hasFirst(v.keys[k + n]!)) n++;
  return n > 1 ? n : 0;
}

const ARTICLE_KINDS: ReadonlySet<string> = new Set(["district", "subdistrict", "city"]);

/**
 * A gazetteer district, sub-district or city written with the article it is listed without (الدبس for دبس), where
 * the context allows a place that needs it (after a place keyword or a title naming a place): the name without
 * its article, one or two words.
 */
function articlePlaceAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, opt: LexicalOptions): Candidate | null {
  const key = v.keys[i];
  if (key === null || key === undefined || !key.startsWith("ال") || key.length < 5 || v.tokens[i].kind !== "word") return null;
  const keys = v.keys.slice(i, Math.min(limit, i + 3)).map((k) => k ?? "");
  keys[0] = key.slice(2);
  const m = lexicon.names.longest(keys, 0, false, keys.length);
  if (m === null) return null;
  const ref = m.values.find((r) => r.entry.type === "place" && ARTICLE_KINDS.has(r.entry.kind ?? "") && !r.weak &&
    (opt.kind === undefined || r.entry.kind === opt.kind)) ?? m.values.find((r) => r.entry.type === "place" && ARTICLE_KINDS.has(r.entry.kind ?? "") && !r.weak);
  if (ref === undefined) return null;
  return candidateFromEntry(v, i, m.length, 0, ref.entry, "lexicon", 0.8);
}

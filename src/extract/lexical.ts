/**
 * Lexicon and pattern recognition of places and bodies at one token position (docs/extraction.md, "Mentions").
 * Longest match wins; on equal length the lexicon beats a pattern.
 */
import type { Lexicon, LexiconEntry, NameRef, PatternEntry } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import { nameKeys } from "../lexicon/trie.ts";
import { normalizeKey } from "../text/normalize.ts";
import { strippedStart, type TokenView } from "./context.ts";
import { transliterate, transliterateComplement } from "./transliterate.ts";

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
function absorbAdjectives(v: TokenView, c: Candidate, limit: number, lexicon: Lexicon): void {
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
    if (key !== null && (lexicon.words.speechVerbs.has(key) || (/^[وف]/u.test(key) && lexicon.words.speechVerbs.has(key.slice(1))))) return true;
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
 * Reads a place name after a place keyword: one word, two after a name particle (أبو، عين، تل ...). `firstKey`
 * replaces the key of token `j` (the key without its conjunction, for a list member "وY").
 */
function placeNameAt(v: TokenView, j: number, limit: number, lexicon: Lexicon, firstKey?: string, p?: PatternEntry): number {
  const n = placeNameCore(v, j, limit, lexicon, firstKey, p);
  return n === 0 ? 0 : n + suffixAt(v, j + n, limit, p);
}

/** 1 when token `k` is one of the pattern's suffix words (حقل X للغاز، مستشفى X العام), else 0. */
function suffixAt(v: TokenView, k: number, limit: number, p?: PatternEntry): number {
  if (p === undefined || p.suffixes.length === 0 || k >= limit) return 0;
  const next = v.keys[k];
  return next !== null && next !== undefined && p.suffixes.some((x) => normalizeKey(x) === next) ? 1 : 0;
}

function placeNameCore(v: TokenView, j: number, limit: number, lexicon: Lexicon, firstKey?: string, p?: PatternEntry): number {
  const k = firstKey ?? v.keys[j];
  if (j >= limit || k === null || k === undefined) return 0;
  const w = lexicon.words;
  // A name particle first (أم قصر، أبو غريب، تل عفر): أم is also the conjunction "or", so test it before stop words.
  if (w.namePrefixes.has(k) && v.tokens[j].kind === "word") {
    const k2 = v.keys[j + 1];
    return j + 1 < limit && k2 !== null && k2 !== undefined && !isStopWord(k2, lexicon) ? 2 : 0;
  }
  if (v.tokens[j].kind !== "word" || isStopWord(k, lexicon) || w.placeStopWords.has(k) || w.adjectives.has(k)) return 0;
  if (lexicon.titles.hasFirst(k) || lexicon.patterns.hasFirst(k)) return 0;
  // Indefinite nisba adjectives (سكنية، حدودية) describe, they do not name.
  // After a singular keyword that is always followed by a name (منفذ زرباطية) a nisba form names; a country
  // adjective never does (خمس محافظات عراقية).
  // Otherwise a feminine nisba (-ية) describes (منطقة سكنية، مناطق حدودية), and so does a listed adjective in -ي
  // (مطار دولي); other words in -ي may be names (مستشفى آزادي، قرية كاني ماسي).
  const nameSlot = p?.nameOnly === true && !p.isPlural && !isCountryAdjective(k, lexicon);
  if (!nameSlot && !k.startsWith("ال") && !lexicon.firstNames.has(k)) {
    if (k.endsWith("يه")) return 0;
    if (k.endsWith("ي") && (w.adjectives.has(`ال${k}`) || w.commonWords.has(k) || isCountryAdjective(k, lexicon))) return 0;
  }
  if (k.length < 2) return 0;
  const k2 = v.keys[j + 1];
  if (j + 1 < limit && k2 !== null && k2 !== undefined && w.nameSecondParts.has(k2)) return 2;
  return 1;
}

/**
 * The complement of a head whose X opens with ل (الشركة العامة لتوزيع كهرباء الجنوب، الهيئة العامة للمنافذ): the ل
 * word, then indefinite words up to and including the first definite one. Token length, 0 when none.
 */
function lamComplementAt(v: TokenView, j: number, limit: number, lexicon: Lexicon): number {
  const first = v.keys[j];
  if (first === null || first === undefined || v.tokens[j].kind !== "word" || !first.startsWith("ل") || first.length < 4) return 0;
  if (first.startsWith("لل")) return 1;
  let k = j + 1;
  while (k < limit && k - j < 6) {
    const key = v.keys[k];
    if (key === null || v.tokens[k].kind !== "word" || isStopWord(key, lexicon) || lexicon.titles.hasFirst(key) || /^[وفبل]/u.test(key)) break;
    k++;
    if (key.startsWith("ال")) return k - j;
  }
  return k - j;
}

/** Reads the complement X of a body pattern; returns its token length (0: none). */
function bodyComplementAt(p: PatternEntry, v: TokenView, j: number, limit: number, lexicon: Lexicon): { len: number; inner?: Candidate } {
  const first = v.keys[j];
  if (j >= limit || first === null || first === undefined) return { len: 0 };
  if (p.number === true && v.tokens[j].kind === "number") return { len: 1 };
  if (p.lam === true) return { len: lamComplementAt(v, j, limit, lexicon) };
  if (p.adjectival === true) {
    let k = j;
    while (k < limit && v.keys[k] !== null && isDefiniteAdjective(v.keys[k]!, lexicon) && !lexicon.names.hasFirst(v.keys[k]!)) {
      k++;
      // Compound ordinals: الخامسة عشرة، الحادي عشر.
      if (lexicon.words.ordinals.has(v.keys[k - 1]!) && k < limit && (v.keys[k] === "عشر" || v.keys[k] === "عشره")) k++;
    }
    return { len: k - j };
  }
  let k = j;
  let lastDef = -1;
  let inner: Candidate | undefined;
  while (k < limit && k - j < 7) {
    const key = v.keys[k];
    if (key === null || v.tokens[k].kind !== "word" || isStopWord(key, lexicon)) break;
    // A title or a word carrying a preposition (برئاسة، بحضور، لمواجهة) ends the name.
    if (k > j && lexicon.titles.hasFirst(key)) break;
    if (k > j && /^[بل]/u.test(key) && key.length >= 4 && !key.startsWith("بال") && !key.startsWith("لل") &&
      !lexicon.names.hasFirst(key) && !lexicon.patterns.hasFirst(key)) break;
    const coordinated = key.startsWith("و") && k > j;
    if (key.startsWith("لل") || key.startsWith("بال") || key.startsWith("كال")) break;
    if (key.startsWith("وال") || key.startsWith("فال")) break;
    // An organization's nationality ends its name (شركة دانة غاز الإماراتية): the words before it are the name.
    if (k > j && p.type === "organization" && lastDef < 0 && isCountryAdjective(key, lexicon)) {
      return k - j <= 3 ? { len: k - j } : { len: 0 };
    }
    if (key.startsWith("ال")) {
      if (lastDef < 0) {
        const lex = lexiconAt(v, k, limit, lexicon, { ambiguousOk: true, weakOk: true });
        if (lex !== null && lex.tokenStart === k) {
          inner = lex;
          k = lex.tokenEnd;
          lastDef = k;
          continue;
        }
        k++;
        lastDef = k;
        continue;
      }
      if (isDefiniteAdjective(key, lexicon) && !lexicon.names.hasFirst(key)) {
        k++;
        lastDef = k;
        continue;
      }
      break;
    }
    if (lastDef >= 0) break;
    if (coordinated && (key.length < 4)) break;
    const lex = lexiconAt(v, k, limit, lexicon, { ambiguousOk: false, weakOk: true });
    if (lex !== null && lex.tokenStart === k && !coordinated) {
      inner = lex;
      k = lex.tokenEnd;
      lastDef = k;
      continue;
    }
    if (lexicon.patterns.hasFirst(key) && k > j && !(coordinated)) {
      // A nested head (قوات وزارة الداخلية): keep reading the construct chain.
      k++;
      continue;
    }
    k++;
  }
  if (lastDef > j) return { len: lastDef - j, inner };
  if (p.bare === true) {
    const key = v.keys[j]!;
    const w = lexicon.words;
    const commonNoun = /(ه|ات|ين|ون)$/.test(key) || w.adjectives.has(key) || w.commonWords.has(key);
    if (v.tokens[j].kind === "word" && !isStopWord(key, lexicon) && !commonNoun && !key.startsWith("ال") &&
      !/^[وفبلك]/.test(key) && key.length >= 3) return { len: 1 };
  }
  return { len: 0 };
}

function fillEn(template: string, x: string): string {
  return template.replace("{X}", x).replace(/\s+/g, " ").trim();
}

/**
 * The pattern match at `i` (body or place head + complement), or a list of places after a plural head.
 * Returns every candidate read (lists give several), or an empty array.
 */
export function patternAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, opt: LexicalOptions = {}): Candidate[] {
  const matches = lexicon.patterns.all(v.keys, i, true, limit);
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m];
    const p = match.values[0];
    if (p.titleOnly === true && opt.titleContext !== true) continue;
    if (opt.placesOnly === true && p.place !== true) continue;
    const headStart = strippedStart(v.tokens[i], match.prefix);
    const j = i + match.length;
    if (p.place === true) {
      const out = placeList(p, v, i, j, headStart, limit, lexicon);
      if (out.length > 0) return out;
      continue;
    }
    const { len, inner } = bodyComplementAt(p, v, j, limit, lexicon);
    if (len === 0) continue;
    const end = v.tokens[j + len - 1].end;
    // للواء 47 (ل + اللواء, one alef dropped): the label restores the article.
    const written = v.text.slice(headStart, end);
    const headKey = nameKeys(p.head)[0];
    const labelCore = headKey !== undefined && headKey.startsWith("ال") && `ال${normalizeKey(v.text.slice(headStart, v.tokens[i].end))}` === headKey
      ? `ال${written}` : written;
    const label = p.labelPrefix !== undefined ? `${p.labelPrefix} ${labelCore}` : labelCore;
    const xText = v.text.slice(v.tokens[j].start, end);
    const en = inner !== undefined && inner.tokenStart === j && inner.tokenEnd === j + len && inner.entry !== undefined
      ? { text: fillEn(p.en, inner.entry.en), source: "lexicon" as const }
      : lazyEn(() => transliterateComplement(p.en, xText, lexicon), "transliteration");
    const c: Candidate = {
      type: p.type, label, tokenStart: i, tokenEnd: j + len, start: headStart, end, sentence: v.sentenceOf[i],
      source: "pattern", confidence: 0.7, en,
    };
    absorbAdjectives(v, c, limit, lexicon);
    // A name the pattern built that the lexicon knows (قائد عمليات سامراء → قيادة عمليات سامراء) is that entry.
    const known = lexiconEntryNamed(v.text.slice(c.start, c.end), lexicon) ?? lexiconEntryNamed(c.label, lexicon);
    if (known !== undefined && known.type === c.type) {
      c.entry = known;
      c.label = known.label;
      c.en = { text: known.en, source: "lexicon" };
    }
    return [c];
  }
  return [];
}

/** Place keyword (singular or plural) followed by one place or a list "X وY وZ". */
function placeList(p: PatternEntry, v: TokenView, i: number, j: number, headStart: number, limit: number, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  let k = j;
  // "محافظتين هما النجف وواسط"
  if (p.isPlural && k < limit && (v.keys[k] === "هما" || v.keys[k] === "هي")) k++;
  for (let n = 0; k < limit && n < 12; n++) {
    const key = v.keys[k];
    if (key === null) break;
    let clitic = false;
    if (n > 0) {
      if (!key.startsWith("و")) break;
      clitic = true;
    }
    const lex = lexiconAt(v, k, limit, lexicon, { ambiguousOk: true, placesOnly: true, kind: p.kind });
    const full = p.label === "full" && n === 0 && !p.isPlural;
    let c: Candidate | null = null;
    if (lex !== null && !full) {
      c = { ...lex, source: "pattern", confidence: 0.95 };
    } else if (p.lexiconOnly !== true) {
      // A place the lexicon lacks, or a street/area named after one (شارع فلسطين).
      const prefix = clitic ? 1 : 0;
      const len = lex !== null ? lex.tokenEnd - k + suffixAt(v, lex.tokenEnd, limit, p) : placeNameAt(v, k, limit, lexicon, clitic ? key.slice(1) : undefined, p);
      if (len > 0) {
        const s = strippedStart(v.tokens[k], prefix);
        const e = v.tokens[k + len - 1].end;
        const name = v.text.slice(s, e);
        // English from the name without a suffix word (حقل كورمور للغاز → "Khor Mor … field").
        const core = lex !== null ? len : placeNameCore(v, k, limit, lexicon, clitic ? key.slice(1) : undefined, p);
        const coreName = v.text.slice(s, v.tokens[k + core - 1].end);
        const known = lex?.entry;
        c = {
          type: "place", label: full ? v.text.slice(headStart, e) : name, tokenStart: full ? i : k, tokenEnd: k + len,
          start: full ? headStart : s, end: e, sentence: v.sentenceOf[k], source: "pattern", confidence: 0.75,
          en: known !== undefined
            ? { text: full ? fillEn(p.en, known.en) : known.en, source: "lexicon" }
            : lazyEn(() => (full ? transliterateComplement(p.en, coreName, lexicon, { translate: false }) : transliterate(coreName, lexicon)), "transliteration"),
        };
      }
    }
    if (c === null) break;
    if (n === 0 && !p.isPlural && p.label === "complement") c.extraAliases = [v.text.slice(headStart, c.end)];
    out.push(c);
    k = c.tokenEnd;
    if (!p.isPlural) break;
  }
  return out;
}

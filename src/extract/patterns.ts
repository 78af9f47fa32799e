/**
 * Pattern recognition of bodies and places the lexicon may lack (docs/extraction.md, "Mentions", 2): a head noun
 * and its complement (وزارة X، قيادة عمليات X، الشركة العامة لـX), a place keyword and a name or a list (محافظة X،
 * محافظات X وY). Patterns are data: `graph-data/lexicon/patterns.json`.
 */
import type { Lexicon, PatternEntry } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import { nameKeys } from "../lexicon/trie.ts";
import { normalizeKey } from "../text/normalize.ts";
import { strippedStart, type TokenView } from "./context.ts";
import {
  type LexicalOptions, absorbAdjectives, coordinatedComplement, isCountryAdjective, isDefiniteAdjective, isStopWord, lazyEn, lexiconAt, lexiconEntryNamed,
} from "./lexical.ts";
import { transliterate, transliterateComplement } from "./transliterate.ts";
import { unitWithoutParent } from "./body-extents.ts";

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
  return next !== null && next !== undefined && normalizedSet(p.suffixes).has(next) ? 1 : 0;
}

/** Memo of the normalised keys of a pattern's word list (suffixes, excludes): lists are lexicon data, never changed. */
const NORMALIZED = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The normalised keys of `words` as a set (computed once per list). */
function normalizedSet(words: readonly string[]): ReadonlySet<string> {
  let out = NORMALIZED.get(words);
  if (out === undefined) NORMALIZED.set(words, (out = new Set(words.map((x) => normalizeKey(x)))));
  return out;
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
  // "شبكة لتهريب المخدرات"، "لجنة لمتابعة": an indefinite head + ل names a purpose, not a body.
  if (/^ل[^ل]/u.test(first) && !lexicon.names.hasFirst(first) && !lexicon.patterns.hasFirst(first)) return { len: 0 };
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
    // "لجنة الزراعة والمياه النيابية": a coordinated noun closed by an adjective belongs to the name.
    const coord = lastDef === k ? coordinatedComplement(v, k, limit, lexicon) : 0;
    if (coord > 0) {
      k += coord;
      lastDef = k;
      continue;
    }
    if (key.startsWith("وال") || key.startsWith("فال")) break;
    // An organization's nationality closes its name and belongs to it (شركة سينوتك الصينية، شركة دانة غاز الإماراتية).
    if (k > j && p.type === "organization" && lastDef < 0 && isCountryAdjective(key, lexicon)) {
      return k - j <= 3 ? { len: k - j + 1 } : { len: 0 };
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
      // A participle (المتضررة، المتنازع عليها) and its من-complement go on with the name: "صندوق إعادة إعمار
      // المناطق المتضررة من العمليات الإرهابية".
      if (/^الم(ت|س)/u.test(key) && key.length >= 7 && k === lastDef && !lexicon.names.hasFirst(key)) {
        k++;
        lastDef = k;
        if (k + 1 < limit && v.keys[k] === "من" && (v.keys[k + 1] ?? "").startsWith("ال") && v.tokens[k + 1].kind === "word" &&
          !isStopWord(v.keys[k + 1]!, lexicon)) {
          k += 2;
          while (k < limit && v.keys[k] !== null && isDefiniteAdjective(v.keys[k]!, lexicon)) k++;
          lastDef = k;
        }
        continue;
      }
      break;
    }
    if (lastDef >= 0) break;
    // "لجنة أمنية دائمة وملفا سنجار": an indefinite noun after و starts another phrase, not the body's name
    if (coordinated && (key.length < 4 || lexicon.names.longest(v.keys, k, true, limit) === null)) break;
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
    const commonNoun = /(ه|ات|ين|ون)$/.test(key) || w.adjectives.has(key) || w.commonWords.has(key) || verbalNounShape(key);
    if (v.tokens[j].kind === "word" && !isStopWord(key, lexicon) && !commonNoun && !key.startsWith("ال") &&
      !/^[وفبلك]/.test(key) && key.length >= 3) return { len: 1 };
  }
  return { len: 0 };
}

/**
 * True when `key` has the shape of a verbal noun of a derived verb (Arabic morphology: تفاعل تلاعب، تفعيل تهريب،
 * استفعال، انفعال، افتعال): after an indefinite head (شبكة تلاعب، شبكة تهريب) it describes an activity, not a name.
 */
function verbalNounShape(key: string): boolean {
  return /^ت[^ا]ا[^ا][^ا]$/u.test(key) || /^ت[^ا][^ا]ي[^ا]$/u.test(key) || /^است[^ا][^ا]ا[^ا]$/u.test(key) ||
    /^ان[^ا][^ا]ا[^ا]$/u.test(key) || /^ا[^ا]ت[^ا]ا[^ا]$/u.test(key);
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
    if (j < limit && p.exclude.length > 0 && normalizedSet(p.exclude).has(v.keys[j] ?? "\u0000")) continue;
    const { len, inner } = bodyComplementAt(p, v, j, limit, lexicon);
    if (len === 0) continue;
    // A designator of a known body (كتلة الاتحاد الوطني الكردستاني: the party's bloc) names that body.
    if (p.lexiconOnly === true) {
      if (inner === undefined || inner.tokenStart !== j || inner.tokenEnd !== j + len) continue;
      return [inner];
    }
    const end = v.tokens[j + len - 1].end;
    // للواء 47 (ل + اللواء, one alef dropped): the label restores the article.
    const written = v.text.slice(headStart, end);
    const headKey = nameKeys(p.head)[0];
    const headWritten = normalizeKey(v.text.slice(headStart, v.tokens[i].end));
    // (للشركة العامة read as ل + لشركة: one more alef to restore)
    const labelCore = headKey !== undefined && headKey.startsWith("ال") && `ال${headWritten}` === headKey
      ? `ال${written}` : headKey !== undefined && headKey.startsWith("ال") && `ا${headWritten}` === headKey ? `ا${written}` : written;
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
    // "هيئة التحكيم"، "لجنة التحقيق": a head + one verbal noun of the form التفعيل names an activity, not a body.
    if (p.type === "ministry" && c.tokenEnd === j + 1 && match.length === 1 && /^الت[^ي]{2}ي[^ي]$/u.test(v.keys[j] ?? "")) continue;
    // "الفوج الثالث" with no named force after it: a unit nothing names.
    if (p.adjectival === true && p.number === true && v.tokens[j].kind === "word" &&
      unitWithoutParent(v, c.tokenEnd, limit, lexicon, (k) => lexiconAt(v, k, limit, lexicon, { weakOk: true }) ?? patternAt(v, k, limit, lexicon)[0] ?? null)) continue;
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
      // "محافظتي أربيل ودهوك وإدارتي كرميان": another keyword opens the next list, it is no member
      if (lexicon.patterns.hasFirst(key.slice(1)) || lexicon.words.nouns.has(key.slice(1))) break;
      clitic = true;
    }
    // "الكيلو 160": a place named by a number after its keyword
    if (p.number === true && n === 0 && v.tokens[k].kind === "number") {
      const e = v.tokens[k].end;
      const num = v.tokens[k].surface;
      out.push({
        type: "place", label: v.text.slice(headStart, e), tokenStart: i, tokenEnd: k + 1, start: headStart, end: e,
        sentence: v.sentenceOf[k], source: "pattern", confidence: 0.75, en: { text: fillEn(p.en, num), source: "transliteration" },
      });
      break;
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
    // "مطار أربيل الدولي"، "منفذ الشلامجة الحدودي": the full name takes its adjective; the shorter one stays an alias.
    if (n === 0 && !p.isPlural && full) withPlaceAdjective(v, c, limit, lexicon);
    out.push(c);
    k = c.tokenEnd;
    if (!p.isPlural) break;
  }
  return out;
}

const DIRECTION_ADJECTIVES = /^ال(شمالي|جنوبي|شرقي|غربي)ه?$/u;

/** Extends a keyword place (مطار X) over one definite adjective after it (الدولي، الحدودي), keeping the shorter name. */
function withPlaceAdjective(v: TokenView, c: Candidate, limit: number, lexicon: Lexicon): void {
  const k = c.tokenEnd;
  const key = v.keys[k];
  if (k >= limit || key === null || key === undefined || v.tokens[k].kind !== "word") return;
  if (!isDefiniteAdjective(key, lexicon) || isCountryAdjective(key, lexicon) || lexicon.names.hasFirst(key)) return;
  // a direction (ميناء أم قصر الشمالي) names a part: the shorter name is another place, not an alias
  if (!DIRECTION_ADJECTIVES.test(key)) c.extraAliases = [...(c.extraAliases ?? []), c.label];
  c.tokenEnd = k + 1;
  c.end = v.tokens[k].end;
  c.label = `${c.label} ${v.tokens[k].surface}`;
}

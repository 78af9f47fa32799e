/**
 * Titles before a person's name and the bodies they name (docs/extraction.md, "Mentions", 1): a chain of up to
 * four titles, ranks and honorifics (`titles.json`), each with the body or place it names.
 *
 * - A title whose own words end in a place keyword (مدير ناحية، قائممقام قضاء) names the place after it
 *   (مدير ناحية كاني ماسي).
 * - A title with a `bodyHead` names the body "head + X" when it is followed by a definite noun X (وزير الكهرباء
 *   → وزارة الكهرباء), the lexicon entry when there is one.
 * - A definite title (المحافظ، الوزير، القائد العام) is no construct: a body after it must carry ل (القائد العام
 *   للقوات المسلحة); "وطالب المحافظ حكومة الإقليم" names no body of the governor.
 * - After the body: an abbreviation in brackets (بعثة الأمم المتحدة (يونامي) X), a further body after في / من /
 *   عن (MEMBER_OF), a parent after التابعة لـ (مدير دائرة صحة X التابعة لوزارة الصحة الدكتور Y: the directorate's
 *   parent, no relation of the person), a nationality and a posting (السفير التركي في بغداد).
 */
import type { Lexicon, LexiconEntry, TitleEntry } from "../lexicon/types.ts";
import { nameKeys } from "../lexicon/trie.ts";
import type { Candidate, TitleSpan } from "./candidates.ts";
import { strippedStart, type TokenView } from "./context.ts";
import { anaphorAt } from "./anaphora.ts";
import { coordinatedComplement, isCountryAdjective, isDefiniteAdjective, lazyEn, lexiconAt, lexiconEntryNamed } from "./lexical.ts";
import { patternAt } from "./patterns.ts";
import { transliterateComplement } from "./transliterate.ts";

const PARENT_WORDS = new Set(["التابعه", "التابع"]);

/** Titles, ranks and honorifics chained from `i` (with the bodies titles name); null when none. */
export function titleChain(v: TokenView, i: number, limit: number, lexicon: Lexicon, prior: readonly Candidate[]): { titles: TitleSpan[]; end: number } | null {
  const titles: TitleSpan[] = [];
  const extra: Candidate[] = [];
  const parents: Candidate[] = [];
  let j = i;
  while (j < limit && titles.length < 4) {
    const m = lexicon.titles.longest(v.keys, j, j === i, limit);
    if (m === null) break;
    const entry: TitleEntry = m.values[0];
    const start = strippedStart(v.tokens[j], m.prefix);
    let k = j + m.length;
    let body: Candidate | undefined;
    if (entry.body !== undefined) {
      let b = bodyAt(v, k, limit, lexicon, entry.body === "place", prior, entry.placeKind);
      if (b === null && entry.body === "place") b = keywordPlaceAt(v, k, limit, lexicon);
      // "وزير المالية والاقتصاد": a longer body of the head's name the lexicon knows wins over a weak variant
      if (b !== null && entry.bodyHead !== undefined && b.tokenStart === k) {
        const h = headedBodyAt(v, k, limit, lexicon, entry.bodyHead);
        if (h !== null && h.source === "lexicon" && h.tokenEnd > b.tokenEnd) b = h;
      }
      if (b === null && entry.bodyHead !== undefined) b = localHeadedBody(v, headedBodyAt(v, k, limit, lexicon, entry.bodyHead), limit, lexicon, prior);
      if (b === null && entry.bodyHead !== undefined) b = portfolioPlaceAt(v, k, limit, lexicon, entry.bodyHead, prior);
      if (b !== null && definite(v.keys[k - 1]) && !carriesLam(v, b)) b = null;
      if (b !== null) {
        body = b;
        k = b.tokenEnd;
        k = skipAbbreviation(v, k, limit);
        // "آمر اللواء 23 في الحشد الشعبي", "عضو المجلس عن الجبهة …": a further body belongs to the title too.
        if (k + 1 < limit && (v.keys[k] === "في" || v.keys[k] === "من" || v.keys[k] === "عن")) {
          const parent = bodyAt(v, k + 1, limit, lexicon, false, prior);
          if (parent !== null && parent.type !== "place") {
            extra.push(parent);
            k = parent.tokenEnd;
          }
        } else if (k + 1 < limit && PARENT_WORDS.has(v.keys[k] ?? "")) {
          const parent = bodyAt(v, k + 1, limit, lexicon, false, prior);
          if (parent !== null && parent.type !== "place" && parent.tokenStart === k + 1) {
            parents.push(parent);
            k = parent.tokenEnd;
          }
        }
      } else if (entry.body === "required" || entry.body === "place") {
        break;
      }
    }
    // "السفير التركي في بغداد X", "وزير الخارجية الإيراني X": a nationality and a posting belong to the title.
    // "وزير الخارجية التركي": the portfolio of another country is that country's ministry, not the Iraqi one (the
    // body read may have taken the adjective in)
    if (body !== undefined && entry.bodyHead !== undefined && body.tokenEnd - body.tokenStart >= 2 && body.tokenEnd === k &&
      isCountryAdjective(v.keys[k - 1] ?? "", lexicon)) {
      body = foreignMinistry(v, { ...body, tokenEnd: k - 1, end: v.tokens[k - 2].end }, k - 1, lexicon);
    } else if (body !== undefined && entry.bodyHead !== undefined && body.tokenEnd === k && k < limit && isCountryAdjective(v.keys[k] ?? "", lexicon)) {
      body = foreignMinistry(v, body, k, lexicon);
    }
    if (entry.kind === "title" && k < limit && v.keys[k] !== null && isCountryAdjective(v.keys[k]!, lexicon)) {
      k++;
      // القنصل الإيراني العام: the rank of the post after the nationality
      if (k < limit && (v.keys[k] === "العام" || v.keys[k] === "العامه")) k++;
    }
    if (entry.kind === "title" && k + 1 < limit && (v.keys[k] === "في" || v.keys[k] === "لدي")) {
      const posting = bodyAt(v, k + 1, limit, lexicon, true, prior);
      if (posting !== null && posting.tokenEnd > k + 1) {
        extra.push(posting);
        k = posting.tokenEnd;
      }
    }
    titles.push({ entry, start, end: v.tokens[k - 1].end, tokenStart: j, tokenEnd: k, body, extraBodies: extra.splice(0), parentBodies: parents.splice(0) });
    j = k;
  }
  return titles.length === 0 ? null : { titles, end: j };
}

/**
 * The body (or place) named right after a title: lexicon first (weak variants accepted), then patterns, then an
 * anaphor resolved against the candidates read so far (المتحدث باسم الوزارة). `kind`: the place kind the title
 * names (محافظ → governorate), for names of several places.
 */
export function bodyAt(v: TokenView, k: number, limit: number, lexicon: Lexicon, placesOnly: boolean, prior: readonly Candidate[], kind?: string): Candidate | null {
  if (k >= limit) return null;
  const lex = lexiconAt(v, k, limit, lexicon, { weakOk: true, ambiguousOk: placesOnly, placesOnly, kind });
  const pats = patternAt(v, k, limit, lexicon, { titleContext: true, placesOnly });
  const pat = pats.length === 1 ? pats[0] : null;
  if (lex !== null && (pat === null || lex.tokenEnd >= pat.tokenEnd)) return lex;
  if (pat !== null) return pat;
  const ana = anaphorAt(v, k, limit, lexicon, prior);
  return ana !== null && (!placesOnly || ana.type === "place") ? ana : null;
}

/** True when a title word is definite (المحافظ، العام): a definite noun heads no construct. */
const definite = (key: string | null | undefined): boolean => key !== null && key !== undefined && key.startsWith("ال") && key !== "ال";

/** True when the body's first word carries ل (للقوات المسلحة، لحزب الله): the body is a genitive with ل. */
function carriesLam(v: TokenView, b: Candidate): boolean {
  const t = v.tokens[b.tokenStart];
  return b.start > t.start && /^[وف]?ل/u.test(v.keys[b.tokenStart] ?? "");
}

/** The place after a title ending in a place keyword (مدير ناحية X): the keyword's pattern read from it. */
function keywordPlaceAt(v: TokenView, k: number, limit: number, lexicon: Lexicon): Candidate | null {
  const kw = v.keys[k - 1];
  if (kw === null || kw === undefined || !lexicon.patterns.hasFirst(kw)) return null;
  const places = patternAt(v, k - 1, limit, lexicon, { placesOnly: true });
  return places.length === 1 && places[0].tokenEnd > k ? places[0] : null;
}

/** `(يونامي)` after a body: an abbreviation in brackets, skipped. */
function skipAbbreviation(v: TokenView, k: number, limit: number): number {
  const open = v.tokens[k];
  const close = v.tokens[k + 2];
  if (k + 3 < limit && open?.kind === "punct" && open.surface === "(" && v.tokens[k + 1]?.kind === "word" &&
    close?.kind === "punct" && close.surface === ")") return k + 3;
  return k;
}

/** The candidate for lexicon body `entry` named by tokens `k .. k + len - 1` (a title's complement). */
function lexiconBody(v: TokenView, k: number, len: number, entry: LexiconEntry): Candidate {
  return {
    type: entry.type, label: entry.label, tokenStart: k, tokenEnd: k + len, start: v.tokens[k].start, end: v.tokens[k + len - 1].end,
    sentence: v.sentenceOf[k], entry, source: "lexicon", confidence: 0.9, en: { text: entry.en, source: "lexicon" },
  };
}

/**
 * "وزير الكهرباء": the body "head + X" for a definite noun X (and the definite adjectives after it) — the lexicon
 * entry of that name (وزارة الكهرباء), the longest first, else a body of the head's pattern type.
 */
function headedBodyAt(v: TokenView, k: number, limit: number, lexicon: Lexicon, head: string): Candidate | null {
  const first = v.keys[k];
  const w = lexicon.words;
  if (first === null || first === undefined || !definite(first) || v.tokens[k].kind !== "word") return null;
  if (w.functionWords.has(first) || w.adjectives.has(first) || w.commonWords.has(first) || lexicon.titles.hasFirst(first)) return null;
  let n = 1;
  while (k + n < limit && n < 4 && v.keys[k + n] !== null && isDefiniteAdjective(v.keys[k + n]!, lexicon)) n++;
  // A coordinated complement closed by an adjective (وزير الزراعة والموارد المائية) is one body's name.
  const coordinated = coordinatedComplement(v, k + n, limit, lexicon);
  if (coordinated > 0) {
    const len = n + coordinated;
    const text = v.text.slice(v.tokens[k].start, v.tokens[k + len - 1].end);
    const entry = lexiconEntryNamed(`${head} ${text}`, lexicon);
    if (entry !== undefined) {
      return lexiconBody(v, k, len, entry);
    }
    n = len;
  }
  // "وزير المالية والاقتصاد": two definite nouns joined by و, when the lexicon knows the body of that name
  if (coordinated === 0 && k + n < limit && /^وال/u.test(v.keys[k + n] ?? "") && v.tokens[k + n].kind === "word") {
    const text = v.text.slice(v.tokens[k].start, v.tokens[k + n].end);
    const entry = lexiconEntryNamed(`${head} ${text}`, lexicon);
    if (entry !== undefined) {
      return lexiconBody(v, k, n + 1, entry);
    }
  }
  for (let len = coordinated > 0 ? 0 : n; len >= 1; len--) {
    const text = v.text.slice(v.tokens[k].start, v.tokens[k + len - 1].end);
    const entry = lexiconEntryNamed(`${head} ${text}`, lexicon);
    if (entry !== undefined) {
      return lexiconBody(v, k, len, entry);
    }
  }
  const p = lexicon.patterns.longest(nameKeys(head), 0, false);
  if (p === null || p.length !== nameKeys(head).length) return null;
  const pattern = p.values[0];
  const end = v.tokens[k + n - 1].end;
  const xText = v.text.slice(v.tokens[k].start, end);
  return {
    type: pattern.type, label: `${head} ${xText}`, tokenStart: k, tokenEnd: k + n, start: v.tokens[k].start, end,
    sentence: v.sentenceOf[k], source: "pattern", confidence: 0.7,
    en: lazyEn(() => transliterateComplement(pattern.en, xText, lexicon), "transliteration"),
  };
}

/**
 * "مدير الموارد المائية في ذي قار": a body made from the title's portfolio (source pattern) and followed by في + a
 * governorate or city is that place's office — the posting joins its name (مديرية الموارد المائية في ذي قار). A
 * body the lexicon knows stays as it is.
 */
function localHeadedBody(v: TokenView, b: Candidate | null, limit: number, lexicon: Lexicon, prior: readonly Candidate[]): Candidate | null {
  if (b === null || b.source !== "pattern" || b.type !== "ministry" || !b.label.startsWith("مديرية")) return b;
  const k = b.tokenEnd;
  if (k + 1 >= limit || v.keys[k] !== "في") return b;
  const place = bodyAt(v, k + 1, limit, lexicon, true, prior);
  if (place === null || place.type !== "place" || place.tokenStart !== k + 1) return b;
  const end = v.tokens[place.tokenEnd - 1].end;
  const placeText = v.text.slice(v.tokens[k + 1].start, end);
  const en = b.en;
  return {
    ...b, label: `${b.label} في ${placeText}`, tokenEnd: place.tokenEnd, end,
    en: lazyEn(() => `${en?.text ?? ""} in ${place.en?.text ?? placeText}`, "transliteration"),
  };
}

/**
 * "مدير صحة البصرة": an indefinite portfolio noun in construct with a place names the place's office of that
 * portfolio (مديرية صحة البصرة), typed by the head's pattern. Null unless the word after the noun starts a place.
 */
function portfolioPlaceAt(v: TokenView, k: number, limit: number, lexicon: Lexicon, head: string, prior: readonly Candidate[]): Candidate | null {
  const key = v.keys[k];
  const w = lexicon.words;
  if (key === null || key === undefined || k + 1 >= limit || v.tokens[k].kind !== "word" || definite(key) || key.length < 3) return null;
  if (w.functionWords.has(key) || w.adjectives.has(key) || lexicon.titles.hasFirst(key) || lexicon.patterns.hasFirst(key) || lexicon.names.hasFirst(key)) return null;
  const place = bodyAt(v, k + 1, limit, lexicon, true, prior);
  if (place === null || place.type !== "place" || place.tokenStart !== k + 1) return null;
  const p = lexicon.patterns.longest(nameKeys(head), 0, false);
  if (p === null || p.length !== nameKeys(head).length) return null;
  const pattern = p.values[0];
  const end = v.tokens[place.tokenEnd - 1].end;
  const xText = v.text.slice(v.tokens[k].start, end);
  return {
    type: pattern.type, label: `${head} ${xText}`, tokenStart: k, tokenEnd: place.tokenEnd, start: v.tokens[k].start, end,
    sentence: v.sentenceOf[k], source: "pattern", confidence: 0.7,
    en: lazyEn(() => transliterateComplement(pattern.en, xText, lexicon), "transliteration"),
  };
}

/** Nationality adjectives of Iraq (normalised): the portfolio stays the Iraqi one. */
const IRAQI = new Set(["العراقي", "العراقيه"]);

/**
 * The ministry of another country named by a title's portfolio and nationality (وزير الخارجية التركي → وزارة
 * الخارجية التركية, a new body): the lexicon's Iraqi ministry is not his. The body is unchanged for an Iraqi
 * nationality or a body the lexicon does not hold as Iraqi (`iq.*`).
 */
function foreignMinistry(v: TokenView, body: Candidate, k: number, lexicon: Lexicon): Candidate {
  const key = v.keys[k] ?? "";
  if (IRAQI.has(key) || body.entry === undefined || !body.entry.id.startsWith("iq.")) return body;
  const adjective = v.tokens[k].surface.replace(/^[وف]/u, "");
  const label = `${body.entry.label} ${adjective.endsWith("ي") ? `${adjective}ة` : adjective}`;
  const en = body.entry.en;
  const { entry: _entry, ...rest } = body;
  return { ...rest, label, tokenEnd: k + 1, end: v.tokens[k].end, source: "pattern", confidence: 0.7, en: lazyEn(() => `${transliterateComplement("{X}", adjective, lexicon)} ${en}`, "transliteration") };
}

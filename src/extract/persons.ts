/**
 * Person mentions from context, never from a list of people (docs/extraction.md, "Persons"):
 * titles, ranks and honorifics before a name (اللواء كريم الحسناوي، المتحدث باسم X اللواء ...), and names with
 * no title when a listed first name or a kunya (أبو) opens a name that a family name or nisba closes.
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import type { TokenView } from "./context.ts";
import { isCountryAdjective, isStopWord } from "./lexical.ts";
import { isNameBoundary, prepositionPhrase, verbShape } from "./name-extents.ts";
import { titleChain } from "./titles.ts";
import { hasPost } from "./title-posts.ts";

export { bodyAt, titleChain } from "./titles.ts";

const MAX_NAME = 5;

/** True when the token's display spelling is a listed first name (على the preposition is not علي the name). */
export function isFirstName(surface: string, key: string, lexicon: Lexicon): boolean {
  const spelled = lexicon.firstNames.get(key);
  if (spelled === undefined) return false;
  return surface.endsWith("ى") === spelled.endsWith("ى");
}

/**
 * True when a word opening with و or ف reads as the conjunction plus a word (وعلي، والحسناوي، فقد). A word opening
 * with و is the conjunction unless it is a listed first name (وليد، وسام). A word opening with ف is the conjunction
 * when its rest is a listed first name, a definite word, a function word, verb, title or lexicon name; otherwise
 * the ف belongs to the name (فرحان، فاضل، فلاح are far more frequent in names than ف + an unknown word).
 */
export function conjunctionReading(surface: string, key: string, lexicon: Lexicon): boolean {
  if (!/^[وف]/.test(key) || isFirstName(surface, key, lexicon)) return false;
  // و is the conjunction far more often than a name's first letter (وفدا، وقال): only listed names keep it.
  if (key.startsWith("و")) return true;
  const rest = key.slice(1);
  if (rest.length < 2) return true;
  const w = lexicon.words;
  return rest.startsWith("ال") || isFirstName(surface.slice(1), rest, lexicon) || w.functionWords.has(rest) || w.verbs.has(rest) ||
    lexicon.familyNames.has(rest) || lexicon.titles.hasFirst(rest) || lexicon.patterns.hasFirst(rest) || lexicon.names.hasFirst(rest);
}

/** True when the word, read with or without a proclitic (بانتخاب، والاعتقال), is a listed common noun. */
function proclitcNoun(key: string, lexicon: Lexicon): boolean {
  const nouns = lexicon.words.nouns;
  if (nouns.has(key)) return true;
  const bare = key.replace(/^[وف]/, "");
  return nouns.has(bare) || nouns.has(bare.replace(/^[بلك]/, "")) || (bare.startsWith("لل") && nouns.has(bare.slice(2))) ||
    (bare.startsWith("ال") && nouns.has(bare.slice(2)));
}

/**
 * True when a word in ك is a name word, not the preposition on a word (كاكه، كاوه، كامران; not كعضو، كالمعتاد): no
 * article after the ك and no known word, title or lexicon name once the ك is read off.
 */
function kafName(key: string, lexicon: Lexicon): boolean {
  if (!key.startsWith("ك") || key.startsWith("كال") || key.length < 4) return false;
  const rest = key.slice(1);
  const w = lexicon.words;
  return !(w.nouns.has(rest) || w.commonWords.has(rest) || w.functionWords.has(rest) || w.adjectives.has(rest) ||
    lexicon.titles.hasFirst(rest) || lexicon.patterns.hasFirst(rest) || lexicon.names.hasFirst(rest) || lexicon.firstNames.has(rest));
}

/**
 * A one-word lexicon place of a small kind (district, sub-district, village, area) that ends a name after its
 * first word and is followed by no further name word: a family or tribal name that is also a place (أوميد
 * خوشناو، X برزنجي). Countries, regions and governorates end the name instead.
 */
function nameEndingPlace(v: TokenView, k: number, limit: number, lexicon: Lexicon): boolean {
  const m = lexicon.names.longest(v.keys, k, false, limit);
  if (m === null || m.length !== 1 || (v.keys[k] ?? "").startsWith("ال")) return false;
  const entry = m.values[0].entry;
  if (entry.type !== "place" || ["country", "region", "governorate", "city"].includes(entry.kind ?? "")) return false;
  const next = v.tokens[k + 1];
  const nextKey = v.keys[k + 1];
  return k + 1 >= limit || next === undefined || next.kind !== "word" || nextKey === null || nextKey === undefined ||
    isStopWord(nextKey, lexicon) || lexicon.words.nouns.has(nextKey);
}

/**
 * A one-word place of a small kind followed by a listed given name (المختار سوران عزيز محمد): a given name that is
 * also a place's name (سوران، آراس), opening a name.
 */
function placeAsGivenName(v: TokenView, k: number, limit: number, lexicon: Lexicon): boolean {
  const m = lexicon.names.longest(v.keys, k, false, limit);
  if (m === null || m.length !== 1 || (v.keys[k] ?? "").startsWith("ال")) return false;
  const entry = m.values[0].entry;
  if (entry.type !== "place" || ["country", "region", "governorate"].includes(entry.kind ?? "")) return false;
  const next = v.tokens[k + 1];
  return k + 1 < limit && next !== undefined && isFirstName(next.surface, v.keys[k + 1] ?? "", lexicon);
}

/**
 * A last name in ب (صباح عزيز بكتاش، X بابان): five letters or more, the rest no known word (not بجروح، بقذيفة),
 * and the name ends right after it (punctuation, a function word, a verb, a noun).
 */
function finalSurname(v: TokenView, k: number, limit: number, lexicon: Lexicon): boolean {
  const key = v.keys[k]!;
  if (!key.startsWith("ب") || key.startsWith("بال") || key.length < 5 || prepositionPhrase(key, lexicon)) return false;
  const rest = key.slice(1);
  const w = lexicon.words;
  if (w.verbs.has(rest) || lexicon.names.hasFirst(rest) || lexicon.patterns.hasFirst(rest) || lexicon.titles.hasFirst(rest) || lexicon.firstNames.has(rest)) return false;
  return isNameBoundary(v, k + 1, limit, lexicon);
}

/** Whether a lexicon entry that is not ambiguous starts at token `k`. */
function strongEntryAt(v: TokenView, k: number, limit: number, lexicon: Lexicon): boolean {
  const m = lexicon.names.longest(v.keys, k, false, limit);
  return m !== null && !m.values[0].weak && !m.values[0].entry.ambiguous;
}

/**
 * A function word that is also a given name (خلف) inside a name: after a listed given name and before a family
 * name or nisba that ends the name (عباس خلف التميمي), not a preposition (وقف خلف الساتر).
 */
function middleNameWord(v: TokenView, j: number, k: number, limit: number, lexicon: Lexicon): boolean {
  if (k === j || k + 1 >= limit || !isFirstName(v.tokens[k - 1].surface, v.keys[k - 1]!, lexicon)) return false;
  const next = v.keys[k + 1];
  const surface = v.tokens[k + 1]?.surface ?? "";
  const w = lexicon.words;
  if (next === null || next === undefined || !next.startsWith("ال") || w.commonWords.has(next) || w.adjectives.has(next)) return false;
  if (!(lexicon.familyNames.has(next) || /(ي|اوي|ائي)$/u.test(surface))) return false;
  return isNameBoundary(v, k + 2, limit, lexicon);
}

/**
 * Reads a person's name from token `j`: up to five words; it stops before function words, verbs, titles, numbers,
 * punctuation and words joined by و, and closes after the first definite word (family name or nisba) unless a
 * name particle precedes it (عبد الله، أبو بكر) or it is a compound's second part (صلاح الدين).
 * Returns the token count (0 when no name starts at `j`).
 */
export function readName(v: TokenView, j: number, limit: number, lexicon: Lexicon): number {
  // Memoised per view, token and limit: the scan asks several rules for the name at one token.
  let memo = READ_NAME.get(v);
  if (memo === undefined || memo.lexicon !== lexicon) {
    memo = { lexicon, limit: new Int32Array(v.tokens.length + 1).fill(-1), len: new Int32Array(v.tokens.length + 1) };
    READ_NAME.set(v, memo);
  }
  if (j < 0 || j >= memo.limit.length) return readNameAt(v, j, limit, lexicon);
  if (memo.limit[j] === limit) return memo.len[j];
  const len = readNameAt(v, j, limit, lexicon);
  memo.limit[j] = limit;
  memo.len[j] = len;
  return len;
}

/** Memo of {@link readName} per token view: the limit asked at each token and the length read. */
const READ_NAME = new WeakMap<TokenView, { lexicon: Lexicon; limit: Int32Array; len: Int32Array }>();

function readNameAt(v: TokenView, j: number, limit: number, lexicon: Lexicon): number {
  const w = lexicon.words;
  let k = j;
  while (k < limit && k - j < MAX_NAME) {
    const key = v.keys[k];
    const tok = v.tokens[k];
    if (key === null || tok.kind !== "word" || key.length < 2) break;
    // An indefinite accusative (اجتماعاً، سارياً، رسمياً: tanwin al-fath) is an adverb or object, never a name word.
    if (/[اى]\u064B$|\u064B[اى]?$/u.test(tok.surface)) break;
    const named = isFirstName(tok.surface, key, lexicon);
    // A kunya's nisba closes it (أبو عمر العراقي، أبو خطاب الشامي): the country or place adjective is the name's.
    if (k - j >= 2 && w.namePrefixes.has(v.keys[j]!) && v.keys[j]!.startsWith("اب") && key.startsWith("ال") && /ي$/u.test(key) &&
      (w.adjectives.has(key) || isCountryAdjective(key, lexicon))) {
      k++;
      break;
    }
    if ((isStopWord(key, lexicon) && !named && !middleNameWord(v, j, k, limit, lexicon)) || w.adjectives.has(key) || w.placeStopWords.has(key)) break;
    if (!named && proclitcNoun(key, lexicon)) break;
    // A future or derived imperfect verb (سيتولى، ستستقبل، يستقبل) is never a name word.
    if (!named && verbShape(key, lexicon)) break;
    const title = lexicon.titles.longest(v.keys, k, false, limit);
    if (title !== null && k > j) break;
    // An accusative title closes the name before it (انتخاب ريبوار طه محافظا).
    if (lexicon.postTitles.longest(v.keys, k, false, limit) !== null) break;
    if (lexicon.patterns.hasFirst(key) && !isFirstName(tok.surface, key, lexicon)) break;
    if (k === j) {
      if (key.startsWith("ال")) return 0;
      if (title !== null) return 0;
      // A word that is a known name, head or title once its proclitic is read (لجهاز، بالعاصمة) is not a name.
      if (!named && !placeAsGivenName(v, k, limit, lexicon) && (lexicon.names.longest(v.keys, k, true, limit) !== null || lexicon.patterns.longest(v.keys, k, true, limit) !== null ||
        lexicon.titles.longest(v.keys, k, true, limit) !== null)) return 0;
      if (conjunctionReading(tok.surface, key, lexicon)) return 0;
      if (strongEntryAt(v, k, limit, lexicon) && !isFirstName(tok.surface, key, lexicon) && !placeAsGivenName(v, k, limit, lexicon)) return 0;
      if (w.commonWords.has(key) && !isFirstName(tok.surface, key, lexicon)) return 0;
      // An unlisted word in ي/ت before a listed given name is an imperfect verb (ينتخب سالم …), not a name.
      const next = v.tokens[k + 1];
      // (not a word in -ان: تورهان، تيمور are names; a dual imperfect before a given name is rare)
      if (!named && /^[يت]/u.test(key) && !/ان$/u.test(key) && k + 1 < limit && next !== undefined && isFirstName(next.surface, v.keys[k + 1] ?? "", lexicon)) return 0;
    } else {
      if (conjunctionReading(tok.surface, key, lexicon)) break;
      if (!named && /^[بلك]/.test(key) && (lexicon.names.longest(v.keys, k, true, limit)?.prefix ?? 0) > 0) break;
      if (!named && /^[بلك]/.test(key) && (lexicon.patterns.longest(v.keys, k, true, limit)?.prefix ?? 0) > 0) break;
      // A preposition written on the next word (قتل يوسف بقذيفة، X بحضور): names rarely go on with an unlisted
      // ب/ل/ك word that is not a nisba.
      // After unlisted words (a foreign name: كارين لوندبرغ) a word in ل (not the article's لل) may be the name's
      // own letter; ب and ك there are prepositions (آكو بجروح).
      let listedBefore = false;
      for (let q = j; q < k && !listedBefore; q++) listedBefore = isFirstName(v.tokens[q].surface, v.keys[q]!, lexicon);
      const foreignLam = !listedBefore && key.startsWith("ل") && !key.startsWith("لل") && key.length >= 5 && !proclitcNoun(key, lexicon);
      if (!named && /^[بلك]/.test(key) && !lexicon.familyNames.has(key) && !(key.length >= 5 && /ي$/.test(key)) && !foreignLam &&
        !kafName(key, lexicon) && !finalSurname(v, k, limit, lexicon)) break;
      if (/^[وف]/.test(key) && isFirstName(tok.surface.slice(1), key.slice(1), lexicon)) break;
      const prev = v.keys[k - 1]!;
      if (strongEntryAt(v, k, limit, lexicon) && !w.namePrefixes.has(prev) && !(k - j >= 1 && nameEndingPlace(v, k, limit, lexicon))) break;
    }
    k++;
    // A definite word closes the name — not آل, the family particle (آل صادق), whose key is "ال".
    if (key.startsWith("ال") && key !== "ال" && k - 1 > j) {
      const prev = v.keys[k - 2]!;
      const compound = w.namePrefixes.has(prev) || w.nameSecondParts.has(key);
      if (!compound) break;
    }
  }
  // A name does not end on a particle (أبو، عبد).
  while (k > j && w.namePrefixes.has(v.keys[k - 1]!)) k--;
  return k - j;
}

/** Result of {@link personAt}: the candidates read (bodies in titles, then the person or role) and where to resume. */
export interface PersonMatch {
  candidates: Candidate[];
  end: number;
}

/**
 * A person introduced by titles at `i`, or a role mention (a title with no name) to resolve later.
 * Honorifics alone (الشهيد، السيد) need a listed first name or a name closed by a family name.
 */
export function personAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, prior: readonly Candidate[] = []): PersonMatch | null {
  const chain = titleChain(v, i, limit, lexicon, prior);
  if (chain === null) return null;
  const bodies = chain.titles.flatMap((t) => [...(t.body !== undefined ? [t.body] : []), ...(t.extraBodies ?? []), ...(t.parentBodies ?? [])]);
  const len = readName(v, chain.end, limit, lexicon);
  const hasTitle = chain.titles.some((t) => t.entry.kind === "title");
  const hasRank = chain.titles.some((t) => t.entry.kind === "rank");
  if (len > 0) {
    const first = v.tokens[chain.end];
    const lastKey = v.keys[chain.end + len - 1]!;
    const familyLike = lastKey.startsWith("ال") && (lexicon.familyNames.has(lastKey) || /(ي|اوي|ائي)$/.test(lastKey));
    let named = false;
    for (let k = chain.end; k < chain.end + len; k++) {
      if (isFirstName(v.tokens[k].surface, v.keys[k]!, lexicon)) named = true;
      // a compound given name (عبد الستار، نور الدين) is a given name too
      if (k + 1 < chain.end + len && lexicon.words.namePrefixes.has(v.keys[k]!) && lexicon.words.nameSecondParts.has(v.keys[k + 1]!)) named = true;
    }
    // After a rank a name of two words or more reads as one; a single word must be a listed first name (a verb or
    // noun after اللواء is the brigade: "قطعات اللواء تمكنت"). After a title or honorific a first name or a
    // family name must show — or, after a functional title that named its body or a posting (رئيسة بعثة … X،
    // الممثلة الخاصة للأمين العام في العراق X), two or three words no list knows (a foreign or Kurdish name).
    const bodied = chain.titles.some((t) => t.entry.kind === "title" &&
      (t.body !== undefined || (t.extraBodies?.length ?? 0) > 0));
    // After any title or honorific, two or three unknown words that end where a name must end (المزارع ئاري نوزاد
    // بجروح) are a name too.
    const unlisted = unlistedName(v, chain.end, len, lexicon);
    const lastKind = chain.titles[chain.titles.length - 1].entry.kind;
    // Unlisted words closed by a definite family name (سالار قادر أوجي الجاف) read as a name after any title.
    const familyClosed = unlisted && len >= 3 && lastKey.startsWith("ال");
    if (named || (len >= 2 && (hasRank || familyLike)) || (bodied && unlisted) || familyClosed ||
      (unlisted && lastKind !== "title" && isNameBoundary(v, chain.end + len, limit, lexicon))) {
      const start = first.start;
      const end = v.tokens[chain.end + len - 1].end;
      const person: Candidate = {
        type: hasPost(chain.titles, bodies) || hasRank ? "official" : "person", label: v.text.slice(start, end),
        tokenStart: chain.end, tokenEnd: chain.end + len, start, end, sentence: v.sentenceOf[chain.end],
        source: "title", confidence: hasTitle || hasRank ? 0.9 : 0.75, titles: chain.titles,
      };
      return { candidates: [...bodies, person], end: chain.end + len };
    }
  }
  // Title + family name alone (اللواء الحسناوي، رئيس الوزراء الربيعي).
  if (hasTitle || hasRank) {
    const k = chain.end;
    const key = v.keys[k];
    const w = lexicon.words;
    if (k < limit && key !== null && key !== undefined && key.startsWith("ال") && /(ي|اوي|ائي)$/.test(key) && key.length > 4 &&
      !w.adjectives.has(key) && !w.functionWords.has(key) && !w.commonWords.has(key) && !lexicon.names.hasFirst(key)) {
      const tok = v.tokens[k];
      const person: Candidate = {
        type: "official", label: tok.surface, tokenStart: k, tokenEnd: k + 1, start: tok.start, end: tok.end,
        sentence: v.sentenceOf[k], source: "title", confidence: 0.8, titles: chain.titles,
      };
      return { candidates: [...bodies, person], end: k + 1 };
    }
  }
  // A title with no name is a role mention (رئيس الوزراء، المتحدث العسكري); so is an honorific of a group
  // (الصحفية): resolution joins it to the one person of the document who holds it, or drops it.
  // With no name after them, functional titles in a row are separate roles ("والتقى الوزير رئيس الجهاز").
  const roleTitles = chain.titles.filter((x) => x.entry.kind === "title");
  if (roleTitles.length === 0 && chain.titles.length === 1 && chain.titles[0].entry.kind === "honorific" && chain.titles[0].entry.group !== undefined) {
    roleTitles.push(chain.titles[0]);
  }
  if (roleTitles.length === 0) return null;
  const roles: Candidate[] = roleTitles.map((t) => ({
    type: t.entry.kind === "title" ? "official" : "person", label: v.text.slice(t.start, t.end), tokenStart: t.tokenStart,
    tokenEnd: t.tokenEnd, start: t.start, end: t.end, sentence: v.sentenceOf[i], source: "coreference", confidence: 0.6,
    titles: [t], roleOnly: true,
  }));
  const ordered = [...bodies, ...roles].sort((a, b) => a.start - b.start);
  return { candidates: ordered, end: chain.end };
}

/**
 * Two or three words that no word list, lexicon name, pattern head or title knows, none definite or in ي/ت (a
 * verb): the shape of a foreign name (كارين لوندبرغ), accepted only right after a title and its body; or such words
 * closed by an unlisted definite family name (three or four words in all: سالار قادر أوجي الجاف).
 */
function unlistedName(v: TokenView, from: number, len: number, lexicon: Lexicon): boolean {
  const w = lexicon.words;
  // Three or four words whose last is a definite family name no list knows (سالار قادر أوجي الجاف): the words before
  // it are read as an unlisted name.
  const last = v.keys[from + len - 1];
  if (len >= 3 && len <= 4 && last !== null && last !== undefined && last.startsWith("ال") && last.length >= 5 &&
    !w.adjectives.has(last) && !w.commonWords.has(last) && !w.nouns.has(last) && !w.ordinals.has(last) && !w.placeStopWords.has(last) &&
    !w.functionWords.has(last) && !lexicon.names.hasFirst(last) && !lexicon.patterns.hasFirst(last) && !lexicon.titles.hasFirst(last)) {
    // (not a noun phrase: a word in ة — a feminine noun, خطوة — or a preposition on a word in alif, لإنهاء)
    for (let k = from; k < from + len - 1; k++) {
      if (/ة$/u.test(v.tokens[k].surface) || /^[بلك][اأإآ]/u.test(v.tokens[k].surface)) return false;
    }
    return unlistedName(v, from, len - 1, lexicon);
  }
  if (len < 2 || len > 3) return false;
  for (let k = from; k < from + len; k++) {
    const key = v.keys[k];
    // a word in ي/ت may be a verb, unless (ت) the two-word name ends at punctuation (تشانغ تاو،)
    if (key === null || key.length < 3 || key.startsWith("ال") || (/^[يت]/u.test(key) && !(key.startsWith("ت") && len === 2 && punctAt(v, from + len)))) return false;
    // a name particle inside the name (آوات شيخ X) is a name word
    if (k > from && k < from + len - 1 && w.namePrefixes.has(key)) continue;
    if (w.functionWords.has(key) || w.verbs.has(key) || w.adjectives.has(key) || w.commonWords.has(key) || w.nouns.has(key) ||
      w.ordinals.has(key) || lexicon.patterns.hasFirst(key) || lexicon.titles.hasFirst(key)) return false;
    // (a word that only opens a longer lexicon name — قادر of قادر كرم — that the name does not hold is a name word)
    if (lexicon.names.longest(v.keys, k, false, from + len) !== null && !(k === from + len - 1 && k > from && nameEndingPlace(v, k, from + len + 1, lexicon))) return false;
  }
  return true;
}

/** True when token `k` is punctuation (or the end of the text). */
function punctAt(v: TokenView, k: number): boolean {
  return k >= v.tokens.length || v.tokens[k].kind === "punct";
}

/** True when `key` is the nisba adjective of a country name (العراقي، عراقي، الإيراني). */
function isNisbaOfCountry(key: string, lexicon: Lexicon): boolean {
  for (const stem of [key.slice(0, -1), key.slice(2, -1), `ال${key.slice(0, -1)}`]) {
    const m = lexicon.names.longest([stem], 0, false);
    if (m !== null && m.values[0].entry.kind === "country") return true;
  }
  return false;
}

/**
 * A name with no title: a listed first name or a kunya (أبو/أم) followed by name words that a family name or
 * nisba closes (أحمد الساعدي، أبو مهدي المهندس). Never a single word.
 */
export function bareNameAt(v: TokenView, i: number, limit: number, lexicon: Lexicon): Candidate | null {
  const key = v.keys[i];
  if (key === null) return null;
  const tok = v.tokens[i];
  const w = lexicon.words;
  const kunya = key === "ابو" || key === "ام";
  if (!kunya && (!isFirstName(tok.surface, key, lexicon) || w.commonWords.has(key))) return null;
  const len = readName(v, i, limit, lexicon);
  if (len < 2) return null;
  const last = v.keys[i + len - 1]!;
  if (w.adjectives.has(last) || w.commonWords.has(last)) return null;
  // Kurdish and Persian family names carry no article (كاوة هورامي، علي رضا بيرداني): listed given names followed
  // by one word in -ani / -i of five letters or more.
  let givenBefore = true;
  for (let k = i; k < i + len - 1; k++) if (!isFirstName(v.tokens[k].surface, v.keys[k]!, lexicon)) givenBefore = false;
  const kurdish = !last.startsWith("ال") && !kunya && len >= 2 && len <= 3 && givenBefore && last.length >= 5 &&
    /(اني|ي)$/.test(last) && !lexicon.names.hasFirst(last) && !isNisbaOfCountry(last, lexicon);
  if (!last.startsWith("ال") && !kurdish) return null;
  const familyLike = kunya || kurdish || lexicon.familyNames.has(last) || /(ي|اوي|ائي)$/.test(last);
  if (!familyLike) return null;
  // A nationality or country adjective is not a family name (العراقي from العراق).
  if (isNisbaOfCountry(last, lexicon)) return null;
  const start = tok.start;
  const end = v.tokens[i + len - 1].end;
  return {
    type: "person", label: v.text.slice(start, end), tokenStart: i, tokenEnd: i + len, start, end,
    sentence: v.sentenceOf[i], source: "name", confidence: 0.6,
  };
}

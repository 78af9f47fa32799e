/**
 * The statistical tagger as a recall source for extraction (issue #9, docs/ner.md "In extraction"): spans the
 * tagger finds on tokens no other recogniser covered become mentions with `source: "ner"` and a confidence
 * from the tagger's score margin.
 *
 * Rules:
 * - **Disagreement**: lexicon, patterns, titles and names with no title always win. A tagger span that overlaps
 *   any of their candidates (even by one token, even with another type) is dropped; only spans lying wholly on
 *   uncovered tokens are added. A one-word PERS span that is the last word of a person already found is left to
 *   the short-form pass (`addShortForms`), which joins it to that person.
 * - **Types**: PERS → `official` when a title or rank of the lexicon ends right before the name (or before nisba
 *   adjectives there: الرئيس الأوغندي X), else `person`;
 *   LOC → `place`; ORG → the type of the lexicon pattern its head noun opens (وزارة → ministry, كتائب → force,
 *   حزب → organization), else `organization`; MISC is dropped (no ontology type).
 * - **Clitics**: ANERcorp tags words with their proclitics (بالعراق is LOC), so the span's first token is cut
 *   after و ف ب ك ل before the article (وبالعراق → العراق, للأمم → الأمم); a lone و ف ب ك ل without the article
 *   is cut only when the rest is a known word (lexicon, first or family name, a frequent training word, or a
 *   token of the same document) and the whole is not a listed first name (وليد stays).
 * - **Guards**: spans made only of function words, verbs, adjectives or common words, spans of one letter, and
 *   spans whose confidence is below {@link NER_MIN_CONFIDENCE} are dropped.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { EntityType } from "../graph/schema.ts";
import type { Lexicon } from "../lexicon/types.ts";
import { nameKeys } from "../lexicon/trie.ts";
import { readNerModelSync } from "../ner/model-io.ts";
import { NER_MODEL_FILE } from "../ner/shipped.ts";
import { splitProclitics } from "../ner/clitics.ts";
import { bioToSpans } from "../ner/spans.ts";
import { NerTagger } from "../ner/tagger.ts";
import { bioTransitionMask, spanMargin } from "../ner/viterbi.ts";
import { NER_TAGS, type NerType } from "../ner/types.ts";
import type { Candidate, TitleSpan } from "./candidates.ts";
import { trimNameEnd, trimNameStart } from "./name-extents.ts";
import { strippedStart, type TokenView } from "./context.ts";
import { isFirstName } from "./persons.ts";

/** Spans below this confidence are not added (0.5 is a zero margin: the tagger's own decision). */
export const NER_MIN_CONFIDENCE = 0.6;

const T = NER_TAGS.length;
const BIO = bioTransitionMask(NER_TAGS);

/** A tagger loaded on first use (the model file is read only when a document is tagged). */
export interface LazyNerTagger {
  /** Path of the model file. */
  readonly file: string;
  /**
   * The tagger, loaded and validated on the first call.
   * @throws DataError when the file is missing or corrupt.
   */
  get(): NerTagger;
}

const taggers = new Map<string, NerTagger>();

/** A lazily loaded tagger for `dataDir/models/ner-anercorp.bin.gz`, shared by every caller of the same file. */
export function lazyNerTagger(dataDir: string): LazyNerTagger {
  const file = resolve(dataDir, "models", NER_MODEL_FILE);
  return {
    file,
    get() {
      let t = taggers.get(file);
      if (t === undefined) taggers.set(file, (t = new NerTagger(readNerModelSync(file).model)));
      return t;
    },
  };
}

/**
 * The tagger of `dataDir` for extraction, or undefined with a warning pushed to `warnings` when the data folder
 * has no model file (extraction then runs without it). A file that exists but is corrupt fails on first use.
 */
export function nerSource(dataDir: string, warnings: string[]): LazyNerTagger | undefined {
  const lazy = lazyNerTagger(dataDir);
  if (existsSync(lazy.file)) return lazy;
  warnings.push(`loadResources: no NER model at "${lazy.file}", extracting without the statistical tagger (npm run train:ner writes it).`);
  return undefined;
}

/**
 * Confidence of a span from the final-stage scores: its margin (the best sequence's score minus the best
 * sequence's with the span's tokens all `O`, see `spanMargin`), mapped by `0.5 + 0.45 · tanh(margin / scale)`
 * into [0.5, 0.95), where `scale` is the largest weight of the model (comparable across retrainings).
 */
function spanConfidence(emit: Float64Array, trans: ArrayLike<number>, n: number, start: number, end: number, scale: number): number {
  const margin = spanMargin(emit, trans, BIO, n, T, start, end);
  return Math.round((0.5 + 0.45 * Math.tanh(margin / scale)) * 1000) / 1000;
}

function maxAbs(w: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) m = Math.max(m, Math.abs(w[i]));
  return m > 0 ? m : 1;
}
const scales = new WeakMap<NerTagger, number>();

/** A word that cannot be (part of) a name on its own. */
function isPlainWord(key: string, lexicon: Lexicon): boolean {
  const w = lexicon.words;
  return key.length < 2 || w.functionWords.has(key) || w.verbs.has(key) || w.adjectives.has(key) || w.commonWords.has(key) ||
    w.nouns.has(key);
}

/**
 * Normalised characters of proclitics to cut from a tagger span's first token (rules in the module comment).
 * @param known whether a normalised key is a known word (lexicon, lists, training or document vocabulary).
 */
export function procliticCut(surface: string, key: string, lexicon: Lexicon, known: (k: string) => boolean): number {
  const sp = splitProclitics(key);
  if (sp.stemOffset > 0) return sp.stemOffset;
  if (isFirstName(surface, key, lexicon) || known(key)) return 0;
  // و ف alone, ب ك ل alone, or و ف + ب ك ل, leaving at least three letters that form a known word.
  if (key.length >= 4 && /^[وفبكل]/u.test(key) && known(key.slice(1))) return 1;
  if (key.length >= 5 && /^[وف][بكل]/u.test(key) && known(key.slice(2))) return 2;
  return 0;
}

/** Type of an ORG span by its head noun (lexicon patterns). */
function orgType(v: TokenView, start: number, end: number, lexicon: Lexicon): EntityType {
  const m = lexicon.patterns.longest(v.keys, start, true, end);
  const type = m?.values[0].type;
  return type === "ministry" || type === "force" || type === "organization" ? type : "organization";
}

/** A definite nisba adjective (الأوغندي، العراقية): may stand between a title and the name. */
function isNisba(key: string | null): boolean {
  return key !== null && key.startsWith("ال") && key.length >= 5 && (key.endsWith("ي") || key.endsWith("يه"));
}

/**
 * A title or rank of the lexicon (up to four tokens) that ends right before token `start`, or before up to two
 * nisba adjectives there (الرئيس الأوغندي X).
 */
function titleBefore(v: TokenView, start: number, from: number, lexicon: Lexicon): TitleSpan | undefined {
  for (let end = start; end >= Math.max(from, start - 2); end--) {
    if (end < start && !isNisba(v.keys[end])) break;
    for (let j = Math.max(from, end - 4); j < end; j++) {
      const m = lexicon.titles.longest(v.keys, j, true, end);
      if (m !== null && j + m.length === end) {
        return {
          entry: m.values[0], start: strippedStart(v.tokens[j], m.prefix), end: v.tokens[start - 1].end, tokenStart: j, tokenEnd: start,
        };
      }
    }
  }
  return undefined;
}

/**
 * Candidates from the tagger on the tokens `found` leaves uncovered (rules in the module comment).
 * @param v the document's token view; `found` the candidates of the other recognisers.
 * @returns new candidates only, in text order.
 * @throws DataError when the model cannot be loaded.
 */
export function nerCandidates(v: TokenView, found: readonly Candidate[], lexicon: Lexicon, lazy: LazyNerTagger): Candidate[] {
  const tagger = lazy.get();
  let scale = scales.get(tagger);
  if (scale === undefined) scales.set(tagger, (scale = maxAbs(tagger.model.stage2.weights)));
  const frequent = tagger.model.resources.frequent;
  const sentences = v.sentenceTokens.map(([a, b]) => v.tokens.slice(a, b).map((t) => t.surface));
  const { tags, emit } = tagger.tagDocument(sentences);
  const covered = new Uint8Array(v.tokens.length);
  for (const c of found) for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
  // A person's titles are read too (رئيس حكومة إقليم كردستان): the tagger adds nothing inside them.
  for (const c of found) for (const t of c.titles ?? []) for (let k = t.tokenStart; k < t.tokenEnd; k++) covered[k] = 1;
  let docKeys: Set<string> | undefined; // built on first use: most documents never need it
  const inDoc = (k: string) => (docKeys ??= new Set(v.keys.filter((x): x is string => x !== null))).has(k);
  const known = (k: string) => frequent.has(k) || inDoc(k) || lexicon.firstNames.has(k) || lexicon.familyNames.has(k) ||
    lexicon.names.hasFirst(k) || lexicon.words.functionWords.has(k);
  const out: Candidate[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const [from] = v.sentenceTokens[s];
    for (const span of bioToSpans(tags[s])) {
      if (span.type === "MISC") continue;
      // A person's span does not start on a verb (ستستقبل الموسوي).
      const a = span.type === "PERS" ? trimNameStart(v, from + span.start, from + span.end, lexicon) : from + span.start;
      // A person's span does not run into a preposition phrase or a noun after the name (X بجروح، X بإشراف).
      const b = span.type === "PERS" ? trimNameEnd(v, from + span.start, from + span.end, lexicon) : from + span.end;
      if (b <= a) continue;
      let free = true;
      for (let k = a; k < b; k++) if (covered[k] === 1 || v.keys[k] === null) free = false;
      if (!free) continue;
      const first = v.tokens[a];
      const cut = procliticCut(first.surface, first.key, lexicon, known);
      const keys = [first.key.slice(cut), ...v.keys.slice(a + 1, b).map((k) => k!)];
      if (keys.every((k) => isPlainWord(k, lexicon) || isPlainWord(splitProclitics(k).bare, lexicon))) continue;
      const confidence = spanConfidence(emit[s], tagger.model.stage2.trans, tags[s].length, span.start, span.end, scale);
      if (confidence < NER_MIN_CONFIDENCE) continue;
      const start = strippedStart(first, cut);
      const end = v.tokens[b - 1].end;
      const label = v.text.slice(start, end).replace(/\s+/gu, " ").trim();
      const c: Candidate = {
        type: "person", label, tokenStart: a, tokenEnd: b, start, end, sentence: s, source: "ner", confidence,
      };
      const type: NerType = span.type;
      if (type === "LOC") c.type = "place";
      else if (type === "ORG") c.type = orgType(v, a, b, lexicon);
      else {
        const title = titleBefore(v, a, from, lexicon);
        if (title !== undefined) {
          c.type = "official";
          c.titles = [title];
        }
      }
      out.push(c);
    }
  }
  // One-word persons that end a longer person's name (with or without the article) are left to the short-form pass.
  const lastWords = new Set<string>();
  for (const c of [...found, ...out]) {
    if (c.type !== "person" && c.type !== "official") continue;
    const w = nameKeys(c.label);
    if (w.length < 2) continue;
    const last = w[w.length - 1];
    lastWords.add(last.startsWith("ال") ? last.slice(2) : last);
  }
  const bare = (k: string) => (k.startsWith("ال") ? k.slice(2) : k);
  return out.filter((c) => !((c.type === "person" || c.type === "official") && c.tokenEnd - c.tokenStart === 1 && lastWords.has(bare(nameKeys(c.label)[0]))) &&
    !accusativeWord(v, c));
}

/** A tagged span holding an indefinite accusative (سارياً، حضورياً، رسمياً: tanwin al-fath): an adverb, no name. */
function accusativeWord(v: TokenView, c: Candidate): boolean {
  for (let k = c.tokenStart; k < c.tokenEnd; k++) if (/\u064B/u.test(v.tokens[k]?.surface ?? "")) return true;
  return false;
}

/**
 * `found` plus the tagger's candidates, in text order (the hook of `analyseDocument` when the `ner` option is on).
 */
export function withNerMentions(v: TokenView, found: Candidate[], lexicon: Lexicon, lazy: LazyNerTagger): Candidate[] {
  const extra = nerCandidates(v, found, lexicon, lazy);
  if (extra.length === 0) return found;
  return [...found, ...extra].sort((x, y) => x.start - y.start || x.end - y.end);
}

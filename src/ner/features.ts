/**
 * Feature extraction for the sequence tagger (issue #9, "Deliver" 1): the word and its normalised key,
 * prefixes and suffixes (1–4 letters), clitic-stripped forms, shape, neighbouring words (±2), gazetteer
 * membership (single words and multi-word phrases), training frequency, letter trigrams of rare words, nisba adjectives (الفرنسي، الدولية) and
 * word clusters. Features are strings (`name=value`); the model maps them to weights per tag.
 *
 * Templates come in groups so that inference can cache them: {@link selfFeatures} depends on the word alone,
 * {@link neighbourFeatures} on one neighbour word and its offset, {@link contextFeatures} on the position.
 * Pure and deterministic.
 */
import { normalizeKey } from "../text/normalize.ts";
import { splitProclitics } from "./clitics.ts";
import { GAZ_CATEGORIES, matchPhrases, type Gazetteer } from "./gazetteer.ts";

/** Data the features consult besides the tokens (all shipped inside the model file). */
export interface FeatureResources {
  gazetteer: Gazetteer;
  /** Keys seen at least twice in the training split: absence marks a rare or unseen word. */
  frequent: Set<string>;
  /** Word-cluster ids by key (distributional clusters of the training split), possibly empty. */
  clusters: Map<string, string>;
}

/** What is known about one word regardless of its position (cacheable by surface form). */
export interface WordInfo {
  key: string;
  stem: string;
  bare: string;
  candidate: string;
  prefix: string;
  /** Gazetteer mask of the word (its key, stem, bare and candidate forms). */
  gaz: number;
  shape: string;
  rare: boolean;
  /** Nisba adjective with the article (الفرنسي، الدولية): a frequent neighbour of names. */
  nisba: boolean;
  cluster: string;
  /** Keys under which the word may begin a multi-word gazetteer phrase (key, stem, candidate; distinct). */
  starts: string[];
}

/** A word in its sentence: the word plus the multi-word gazetteer phrase covering it. */
export interface TokenObservation extends WordInfo {
  /** Gazetteer mask of a multi-word phrase covering the token (0 if none), and whether it begins there. */
  phrase: number;
  phraseBegin: boolean;
}

const LATIN = /[A-Za-z]/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

/** Every value {@link WordInfo.shape} can take (`pad` is the padding outside a sentence). */
export const SHAPES = ["num", "dig", "lat", "pun", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "pad"] as const;

function shapeOf(key: string): string {
  if (DIGIT.test(key)) return /^[\p{Nd}.,]+$/u.test(key) ? "num" : "dig";
  if (LATIN.test(key)) return "lat";
  if (!LETTER.test(key)) return "pun";
  return key.length >= 8 ? "L8" : `L${key.length}`;
}

/** The position-independent information of one surface token. */
export function wordInfo(surface: string, res: FeatureResources): WordInfo {
  const key = normalizeKey(surface);
  const sp = splitProclitics(key);
  const g = res.gazetteer.single;
  let gaz = g.get(key) ?? 0;
  if (sp.stem !== key) gaz |= g.get(sp.stem) ?? 0;
  if (sp.bare !== sp.stem) gaz |= g.get(sp.bare) ?? 0;
  if (sp.candidate !== "") gaz |= g.get(sp.candidate) ?? 0;
  return {
    key,
    stem: sp.stem,
    bare: sp.bare,
    candidate: sp.candidate,
    prefix: sp.prefix,
    gaz,
    shape: shapeOf(key),
    rare: !res.frequent.has(key),
    nisba: sp.stem.startsWith("ال") && sp.bare.length >= 4 && (sp.bare.endsWith("ي") || sp.bare.endsWith("يه")),
    cluster: res.clusters.get(key) ?? res.clusters.get(sp.stem) ?? "",
    starts: [key, sp.stem, sp.candidate].filter((k, i, a) => k !== "" && a.indexOf(k) === i),
  };
}

/**
 * Observations of every token of a sentence (surface tokens as in ANERcorp or `tokenize`).
 * @param words the tokens' {@link wordInfo}, possibly from a cache.
 */
export function observeWords(words: readonly WordInfo[], gaz: Gazetteer): TokenObservation[] {
  const m = matchPhrases(gaz, words.map((w) => w.starts), words.map((w) => w.key));
  return words.map((w, i) => ({
    key: w.key, stem: w.stem, bare: w.bare, candidate: w.candidate, prefix: w.prefix, gaz: w.gaz, shape: w.shape,
    rare: w.rare, nisba: w.nisba, cluster: w.cluster, starts: w.starts, phrase: m.mask[i], phraseBegin: m.begin[i] === 1,
  }));
}

/** Observations of a sentence of surface tokens. */
export function observe(tokens: readonly string[], res: FeatureResources): TokenObservation[] {
  return observeWords(tokens.map((t) => wordInfo(t, res)), res.gazetteer);
}

/** The padding word outside a sentence. */
export const PAD: TokenObservation = {
  key: "<s>", stem: "<s>", bare: "<s>", candidate: "", prefix: "", gaz: 0, shape: "pad", rare: false, nisba: false,
  cluster: "", starts: [], phrase: 0, phraseBegin: false,
};

/** Features of the word itself. */
export function selfFeatures(o: WordInfo, out: string[]): void {
  const k = o.key;
  out.push("b", `w=${k}`, `sh=${o.shape}`);
  if (o.stem !== k) out.push(`st=${o.stem}`, `pc=${o.prefix}`);
  if (o.bare !== o.stem) out.push(`ba=${o.bare}`);
  if (o.candidate !== "") out.push(`cd=${o.candidate}`, `c1=${k[0]}`);
  const b = o.bare;
  for (let n = 1; n <= 4 && n < b.length; n++) out.push(`p${n}=${b.slice(0, n)}`, `s${n}=${b.slice(-n)}`);
  if (b !== k) for (let n = 1; n <= 3 && n < k.length; n++) out.push(`P${n}=${k.slice(0, n)}`);
  if (o.rare) {
    // Letter trigrams of rare words: unseen names (transliterated foreign names above all) share letter
    // sequences with names seen in training. Tuned on a held-out part of the training split (docs/ner.md).
    out.push("rare");
    for (let n = 0; n + 3 <= b.length; n++) out.push(`tri=${b.slice(n, n + 3)}`);
  }
  if (o.nisba) out.push("nis");
  if (o.gaz !== 0) {
    out.push(`g=${o.gaz}`);
    for (let bit = 0; bit < GAZ_CATEGORIES.length; bit++) if ((o.gaz >> bit) & 1) out.push(`gb=${bit}`);
  }
  if (o.cluster !== "") out.push(`cl=${o.cluster}`);
}

/**
 * Features of a neighbour word at offset `rel` (−2, −1, +1, +2). The ±1 neighbours give more than the ±2 ones.
 */
export function neighbourFeatures(o: WordInfo, rel: number, out: string[]): void {
  const r = rel > 0 ? `+${rel}` : `${rel}`;
  out.push(`w${r}=${o.key}`);
  if (o.gaz !== 0) out.push(`g${r}=${o.gaz}`);
  if (rel === -1 || rel === 1) {
    out.push(`b${r}=${o.bare}`, `s3${r}=${o.bare.slice(-3)}`);
    if (rel === 1) out.push(`s2+1=${o.bare.slice(-2)}`);
    if (o.rare) out.push(`rare${r}`);
    if (o.nisba) out.push(`nis${r}`);
    if (o.cluster !== "") out.push(`cl${r}=${o.cluster}`);
  }
}

/** Word-pair templates: name and the two offsets whose keys the value joins with "|". */
export const WORD_PAIRS: readonly (readonly [string, number, number])[] = [
  ["w-1|w", -1, 0],
  ["w|w+1", 0, 1],
  ["w-2|w-1", -2, -1],
  ["w+1|w+2", 1, 2],
];

/** The observation at `j`, or {@link PAD} outside the sentence. */
function at(obs: readonly TokenObservation[], j: number): TokenObservation {
  return j >= 0 && j < obs.length ? obs[j] : PAD;
}

/** Features of the position besides word pairs: the shape trigram and multi-word gazetteer phrases. */
export function positionFeatures(obs: readonly TokenObservation[], i: number, out: string[]): void {
  const o = obs[i];
  out.push(`sh-1|sh|sh+1=${at(obs, i - 1).shape}|${o.shape}|${at(obs, i + 1).shape}`);
  if (o.phrase !== 0) out.push(`ph=${o.phrase}${o.phraseBegin ? "B" : "I"}`);
}

/** Features of the position: the word pairs of {@link WORD_PAIRS}, then {@link positionFeatures}. */
export function contextFeatures(obs: readonly TokenObservation[], i: number, out: string[]): void {
  for (const [name, a, b] of WORD_PAIRS) out.push(`${name}=${at(obs, i + a).key}|${at(obs, i + b).key}`);
  positionFeatures(obs, i, out);
}

/** Offsets of the neighbours {@link neighbourFeatures} is applied to, in order. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/** All local (stage-1) features of token `i`, appended to `out`. */
export function localFeatures(obs: readonly TokenObservation[], i: number, out: string[]): void {
  selfFeatures(obs[i], out);
  for (const rel of NEIGHBOUR_OFFSETS) {
    const j = i + rel;
    neighbourFeatures(j >= 0 && j < obs.length ? obs[j] : PAD, rel, out);
  }
  contextFeatures(obs, i, out);
}

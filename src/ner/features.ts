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
  return wordInfoOfKey(normalizeKey(surface), res);
}

/** {@link wordInfo} of a token whose normalised key (`normalizeKey(surface)`) is `key`: it depends on the key alone. */
export function wordInfoOfKey(key: string, res: FeatureResources): WordInfo {
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

/**
 * Names of the word-level feature templates ({@link selfFeatureParts}, {@link neighbourFeatureParts}), by id. A
 * feature is `name=value`, except for the templates of {@link VALUELESS}, whose feature is the bare name.
 */
export const WORD_TEMPLATES: readonly string[] = [
  "b", "w", "sh", "st", "pc", "ba", "cd", "c1", "p1", "p2", "p3", "p4", "s1", "s2", "s3", "s4", "P1", "P2", "P3",
  "rare", "tri", "nis", "g", "gb", "cl",
  ...["-2", "-1", "+1", "+2"].flatMap((r) => [`w${r}`, `g${r}`, `b${r}`, `s3${r}`, `rare${r}`, `nis${r}`, `cl${r}`]),
  "s2+1",
];
const tid = (name: string): number => WORD_TEMPLATES.indexOf(name);
const [B, W, SH, ST, PC, BA, CD, C1] = ["b", "w", "sh", "st", "pc", "ba", "cd", "c1"].map(tid);
const PN = [0, ...[1, 2, 3, 4].map((n) => tid(`p${n}`))];
const SN = [0, ...[1, 2, 3, 4].map((n) => tid(`s${n}`))];
const UPN = [0, ...[1, 2, 3].map((n) => tid(`P${n}`))];
const [RARE, TRI, NIS, G, GB, CL, S2P1] = ["rare", "tri", "nis", "g", "gb", "cl", "s2+1"].map(tid);
/** Neighbour template ids by offset `rel + 2` (−2, −1, ·, +1, +2). */
const NB = [-2, -1, 0, 1, 2].map((rel) => {
  const r = rel > 0 ? `+${rel}` : `${rel}`;
  return { w: tid(`w${r}`), g: tid(`g${r}`), b: tid(`b${r}`), s3: tid(`s3${r}`), rare: tid(`rare${r}`), nis: tid(`nis${r}`), cl: tid(`cl${r}`) };
});

/** Template ids whose feature is the bare template name (no value). */
export const VALUELESS: ReadonlySet<number> = new Set([B, RARE, NIS, NB[0].rare, NB[1].rare, NB[3].rare, NB[4].rare, NB[0].nis, NB[1].nis, NB[3].nis, NB[4].nis]);

/** Receives word-level features as (template id of {@link WORD_TEMPLATES}, value); value is `""` when valueless. */
export interface FeatureSink {
  feature(template: number, value: string): void;
}

/** A sink that appends feature names (`name=value`) to an array. */
class NameSink implements FeatureSink {
  constructor(readonly out: string[]) {}
  feature(t: number, v: string): void {
    this.out.push(VALUELESS.has(t) ? WORD_TEMPLATES[t] : `${WORD_TEMPLATES[t]}=${v}`);
  }
}

/** Features of the word itself, as (template, value) pairs; {@link selfFeatures} gives them as names. */
export function selfFeatureParts(o: WordInfo, out: FeatureSink): void {
  const k = o.key;
  out.feature(B, "");
  out.feature(W, k);
  out.feature(SH, o.shape);
  if (o.stem !== k) {
    out.feature(ST, o.stem);
    out.feature(PC, o.prefix);
  }
  if (o.bare !== o.stem) out.feature(BA, o.bare);
  if (o.candidate !== "") {
    out.feature(CD, o.candidate);
    out.feature(C1, k[0]);
  }
  const b = o.bare;
  for (let n = 1; n <= 4 && n < b.length; n++) {
    out.feature(PN[n], b.slice(0, n));
    out.feature(SN[n], b.slice(-n));
  }
  if (b !== k) for (let n = 1; n <= 3 && n < k.length; n++) out.feature(UPN[n], k.slice(0, n));
  if (o.rare) {
    // Letter trigrams of rare words: unseen names (transliterated foreign names above all) share letter
    // sequences with names seen in training. Tuned on a held-out part of the training split (docs/ner.md).
    out.feature(RARE, "");
    for (let n = 0; n + 3 <= b.length; n++) out.feature(TRI, b.slice(n, n + 3));
  }
  if (o.nisba) out.feature(NIS, "");
  if (o.gaz !== 0) {
    out.feature(G, `${o.gaz}`);
    for (let bit = 0; bit < GAZ_CATEGORIES.length; bit++) if ((o.gaz >> bit) & 1) out.feature(GB, `${bit}`);
  }
  if (o.cluster !== "") out.feature(CL, o.cluster);
}

/** Features of the word itself. */
export function selfFeatures(o: WordInfo, out: string[]): void {
  selfFeatureParts(o, new NameSink(out));
}

/**
 * Features of a neighbour word at offset `rel` (−2, −1, +1, +2), as (template, value) pairs. The ±1 neighbours
 * give more than the ±2 ones.
 * @throws RangeError for another offset.
 */
export function neighbourFeatureParts(o: WordInfo, rel: number, out: FeatureSink): void {
  const t = NB[rel + 2];
  if (rel === 0 || t === undefined) throw new RangeError(`neighbourFeatureParts: bad offset ${rel}.`);
  out.feature(t.w, o.key);
  if (o.gaz !== 0) out.feature(t.g, `${o.gaz}`);
  if (rel === -1 || rel === 1) {
    out.feature(t.b, o.bare);
    out.feature(t.s3, o.bare.slice(-3));
    if (rel === 1) out.feature(S2P1, o.bare.slice(-2));
    if (o.rare) out.feature(t.rare, "");
    if (o.nisba) out.feature(t.nis, "");
    if (o.cluster !== "") out.feature(t.cl, o.cluster);
  }
}

/**
 * Features of a neighbour word at offset `rel` (−2, −1, +1, +2). The ±1 neighbours give more than the ±2 ones.
 */
export function neighbourFeatures(o: WordInfo, rel: number, out: string[]): void {
  neighbourFeatureParts(o, rel, new NameSink(out));
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

/**
 * Training the two-stage tagger on an annotated corpus (issue #9). Stage 2 learns from *out-of-fold* stage-1
 * tags (k-fold jackknifing over contiguous blocks of sentences, so windows stay inside a block), so that it
 * sees stage-1 errors as they occur on unseen text. Pure and deterministic for a given seed.
 */
import { NER_TAGS, type TaggedSentence } from "./types.ts";
import { localFeatures, observe, type FeatureResources, type TokenObservation } from "./features.ts";
import { buildGazetteer, type GazetteerLists } from "./gazetteer.ts";
import type { NerModel } from "./tagger.ts";
import { LabelIndex, documentFeatures } from "./document.ts";
import { trainPerceptron, emissions, type EncodedSentence } from "./perceptron.ts";
import { bioTransitionMask, viterbi } from "./viterbi.ts";
import { normalizeKey } from "../text/normalize.ts";
import { DataError } from "../errors.ts";

/** Stage-1 feature strings of every token of every sentence. */
function localFeatureLists(obs: readonly (readonly TokenObservation[])[]): string[][][] {
  return obs.map((sent) =>
    sent.map((_, i) => {
      const out: string[] = [];
      localFeatures(sent, i, out);
      return out;
    }),
  );
}

/** Stage-2-only feature strings (document features from stage-1 tags) of every token. */
function documentFeatureLists(
  obs: readonly (readonly TokenObservation[])[],
  tags1: readonly Int32Array[],
  window: number,
): string[][][] {
  const index = new LabelIndex(obs, tags1);
  return obs.map((sent, s) =>
    sent.map((_, i) => {
      const out: string[] = [];
      documentFeatures(obs, tags1, index, s, i, window, out);
      return out;
    }),
  );
}

/** Training settings. */
export interface NerTrainSettings {
  /** Perceptron epochs of stage 1 and of stage 2. */
  epochs1: number;
  epochs2: number;
  /** Folds for the out-of-fold stage-1 tags stage 2 learns from (≥ 2). */
  folds: number;
  /** Label-consistency window, in sentences either side. */
  window: number;
  /** Seed of every shuffle. */
  seed: number;
  /** Features seen fewer times than this in training are dropped (≥ 1). */
  minFeatureCount: number;
  /**
   * Stage-2 perceptrons trained with different shuffles (seeds) whose weights are summed (≥ 1): a small
   * ensemble, +0.005 micro-F1 on the held-out part of the training split at 3 (docs/ner.md).
   */
  ensemble: number;
}

export const DEFAULT_NER_TRAIN_SETTINGS: NerTrainSettings = {
  epochs1: 10,
  epochs2: 10,
  folds: 5,
  window: 20,
  seed: 20261129,
  minFeatureCount: 1,
  ensemble: 3,
};

/**
 * Checks settings.
 * @throws RangeError naming the first bad field.
 */
export function validateNerTrainSettings(s: NerTrainSettings): NerTrainSettings {
  const ints: [keyof NerTrainSettings, number][] = [["epochs1", 1], ["epochs2", 1], ["folds", 2], ["window", 0], ["minFeatureCount", 1], ["ensemble", 1]];
  for (const [k, min] of ints) {
    const v = s[k];
    if (!Number.isInteger(v) || v < min) throw new RangeError(`NerTrainSettings.${k} must be an integer ≥ ${min}, got ${v}.`);
  }
  if (!Number.isInteger(s.seed)) throw new RangeError(`NerTrainSettings.seed must be an integer, got ${s.seed}.`);
  return s;
}

/** Maps feature strings to ids, keeping those seen at least `minCount` times. */
function buildDictionary(feats: readonly (readonly string[][])[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sent of feats) for (const tok of sent) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1);
  const dict = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) dict.set(f, dict.size);
  return dict;
}

function encode(feats: readonly string[][], dict: Map<string, number>, gold: Int32Array): EncodedSentence {
  const offsets = new Int32Array(feats.length + 1);
  const ids: number[] = [];
  for (let i = 0; i < feats.length; i++) {
    for (const f of feats[i]) {
      const id = dict.get(f);
      if (id !== undefined) ids.push(id);
    }
    offsets[i + 1] = ids.length;
  }
  return { ids: Int32Array.from(ids), offsets, gold };
}

/** Resources computed from the training split: the gazetteer and the set of frequent keys. */
export function buildResources(train: readonly TaggedSentence[], lists: GazetteerLists): FeatureResources {
  const counts = new Map<string, number>();
  for (const s of train) for (const t of s.tokens) {
    const k = normalizeKey(t);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const frequent = new Set<string>();
  for (const [k, c] of counts) if (c >= 2) frequent.add(k);
  return { gazetteer: buildGazetteer(lists), frequent, clusters: new Map() };
}

/**
 * Trains the two-stage tagger.
 * @param train annotated sentences in corpus order (gold tags required).
 * @param resources feature resources (see {@link buildResources}).
 * @param log progress messages (optional).
 * @throws DataError when a sentence has no tags or a tag outside {@link NER_TAGS}.
 */
export function trainNer(
  train: readonly TaggedSentence[],
  resources: FeatureResources,
  settings: NerTrainSettings = DEFAULT_NER_TRAIN_SETTINGS,
  log: (msg: string) => void = () => {},
): NerModel {
  validateNerTrainSettings(settings);
  const T = NER_TAGS.length;
  const allowed = bioTransitionMask(NER_TAGS);
  const gold = train.map((s, n) => {
    if (s.tags === undefined || s.tags.length !== s.tokens.length) throw new DataError(`trainNer: sentence ${n} has no tags for its tokens.`);
    return Int32Array.from(s.tags, (t) => {
      const k = NER_TAGS.indexOf(t);
      if (k < 0) throw new DataError(`trainNer: sentence ${n} has unknown tag "${t}".`);
      return k;
    });
  });
  const obs = train.map((s) => observe(s.tokens, resources));
  const local = localFeatureLists(obs);
  const dictLocal = buildDictionary(local, settings.minFeatureCount);
  const enc1 = local.map((f, n) => encode(f, dictLocal, gold[n]));
  log(`stage 1: ${dictLocal.size} features`);

  // Out-of-fold stage-1 tags over contiguous blocks.
  const oof: Int32Array[] = new Array(train.length);
  const F = settings.folds;
  for (let k = 0; k < F; k++) {
    const lo = Math.floor((k * train.length) / F);
    const hi = Math.floor(((k + 1) * train.length) / F);
    const rest = enc1.filter((_, n) => n < lo || n >= hi);
    const w = trainPerceptron(rest, dictLocal.size, T, allowed, { epochs: settings.epochs1, seed: settings.seed + k + 1 });
    for (let n = lo; n < hi; n++) oof[n] = viterbi(emissions(enc1[n], w.weights, T), w.trans, allowed, gold[n].length, T);
    log(`fold ${k + 1}/${F} done`);
  }
  const w1 = trainPerceptron(enc1, dictLocal.size, T, allowed, { epochs: settings.epochs1, seed: settings.seed });
  log("stage 1 trained");

  // Stage 2 over the union dictionary: local rows keep their ids, document features are appended.
  const docFeats = documentFeatureLists(obs, oof, settings.window);
  const dict = new Map(dictLocal);
  for (const [f] of buildDictionary(docFeats, settings.minFeatureCount)) if (!dict.has(f)) dict.set(f, dict.size);
  const enc2 = local.map((f, n) => encode(f.map((tok, i) => tok.concat(docFeats[n][i])), dict, gold[n]));
  log(`stage 2: ${dict.size} features`);
  const w2 = trainPerceptron(enc2, dict.size, T, allowed, { epochs: settings.epochs2, seed: settings.seed + 100 });
  for (let e = 1; e < settings.ensemble; e++) {
    const x = trainPerceptron(enc2, dict.size, T, allowed, { epochs: settings.epochs2, seed: settings.seed + 100 + e });
    for (let j = 0; j < w2.weights.length; j++) w2.weights[j] += x.weights[j];
    for (let j = 0; j < w2.trans.length; j++) w2.trans[j] += x.trans[j];
  }
  log("stage 2 trained");

  const weights1 = new Float64Array(dict.size * T);
  weights1.set(w1.weights);
  return {
    tags: NER_TAGS,
    window: settings.window,
    resources,
    features: dict,
    stage1: { weights: weights1, trans: w1.trans },
    stage2: { weights: w2.weights, trans: w2.trans },
  };
}

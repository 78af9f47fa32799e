/**
 * Averaged structured perceptron training over BIO tags (Collins 2002, "Discriminative training methods for
 * hidden Markov models"), with the lazy averaging of Daumé III (w − u / c). Features are integer ids; the
 * weight of feature `f` for tag `t` is `weights[f * T + t]`. Deterministic for a given seed.
 */
import { viterbi } from "./viterbi.ts";
import { mulberry32 } from "../prng.ts";

/** One training sentence: feature ids of token `i` are `ids[offsets[i] .. offsets[i + 1])`. */
export interface EncodedSentence {
  ids: Int32Array;
  offsets: Int32Array;
  /** Gold tag indices (length = number of tokens). */
  gold: Int32Array;
}

/** Perceptron settings. */
export interface PerceptronSettings {
  /** Passes over the training data (≥ 1). */
  epochs: number;
  /** Seed of the shuffling of sentence order per epoch. */
  seed: number;
}

export const DEFAULT_PERCEPTRON_SETTINGS: PerceptronSettings = { epochs: 10, seed: 20261129 };

/** Weights of a linear tagger: emissions per feature id and tag, and tag transitions (row 0 = start). */
export interface LinearWeights {
  weights: Float64Array;
  trans: Float64Array;
}

/** Emission scores of a sentence under `weights` (length `n * T`). */
export function emissions(s: { ids: Int32Array; offsets: Int32Array }, weights: Float64Array | Float32Array, T: number): Float64Array {
  const n = s.offsets.length - 1;
  const emit = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
      const f = s.ids[k];
      if (f < 0) continue;
      const w = f * T;
      for (let t = 0; t < T; t++) emit[base + t] += weights[w + t];
    }
  }
  return emit;
}

/**
 * Trains averaged weights.
 * @param data encoded sentences; `nFeatures` bounds their ids; `T` tags; `allowed` the transition mask.
 * @throws RangeError when `epochs < 1` or not an integer.
 */
export function trainPerceptron(
  data: readonly EncodedSentence[],
  nFeatures: number,
  T: number,
  allowed: Uint8Array,
  settings: PerceptronSettings = DEFAULT_PERCEPTRON_SETTINGS,
): LinearWeights {
  if (!Number.isInteger(settings.epochs) || settings.epochs < 1) {
    throw new RangeError(`trainPerceptron: epochs must be an integer ≥ 1, got ${settings.epochs}.`);
  }
  const w = new Float64Array(nFeatures * T);
  const u = new Float64Array(nFeatures * T);
  const tr = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const rand = mulberry32(settings.seed);
  const order = data.map((_, i) => i);
  let c = 1;
  const bump = (s: EncodedSentence, i: number, tag: number, d: number) => {
    for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
      const f = s.ids[k];
      if (f < 0) continue;
      const j = f * T + tag;
      w[j] += d;
      u[j] += c * d;
    }
  };
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const s = data[idx];
      const n = s.gold.length;
      const pred = viterbi(emissions(s, w, T), tr, allowed, n, T);
      let prevG = -1;
      let prevP = -1;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i];
        const p = pred[i];
        if (g !== p) {
          bump(s, i, g, 1);
          bump(s, i, p, -1);
        }
        if (g !== p || prevG !== prevP) {
          const jg = (prevG + 1) * T + g;
          const jp = (prevP + 1) * T + p;
          tr[jg] += 1;
          tu[jg] += c;
          tr[jp] -= 1;
          tu[jp] -= c;
        }
        prevG = g;
        prevP = p;
      }
      c++;
    }
  }
  for (let j = 0; j < w.length; j++) w[j] -= u[j] / c;
  for (let j = 0; j < tr.length; j++) tr[j] -= tu[j] / c;
  return { weights: w, trans: tr };
}

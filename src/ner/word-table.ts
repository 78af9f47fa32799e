/**
 * The tagger's cache of words (by surface form and by normalised key): each word's analysis, its ids, and its
 * *emission vectors*: the summed weights of its own features and of its features as each neighbour (±1, ±2), for
 * both stages. With them a token's local emissions are a few vector additions instead of about 40 scattered row
 * reads. Sums are in float64 over float32 weights that are multiples of one quantum per stage (the int8
 * quantisation of the model file), so they are exact and independent of the order of addition: the emissions
 * are bit for bit those of adding row by row (checked by test/ner/fast-path.test.ts).
 */
import { normalizeKey } from "../text/normalize.ts";
import { eligible } from "./document.ts";
import {
  neighbourFeatureParts, NEIGHBOUR_OFFSETS, PAD, SHAPES, selfFeatureParts, wordInfoOfKey,
  type FeatureResources, type FeatureSink, type WordInfo,
} from "./features.ts";
import type { FeatureIndex } from "./feature-index.ts";
import { NER_TAGS } from "./types.ts";

const T = NER_TAGS.length;
/** Length of one vector: stage-1 scores, then stage-2 scores. */
export const VEC = 2 * T;
/** Vectors per word: itself, then as the neighbour at each of {@link NEIGHBOUR_OFFSETS}. */
const STRIDE = (1 + NEIGHBOUR_OFFSETS.length) * VEC;

/** A multi-word gazetteer phrase (see `Gazetteer.multi`). */
export interface Phrase {
  keys: string[];
  mask: number;
}

/** A cached word. */
export interface Word {
  info: WordInfo;
  /** Offset of the word's vectors in {@link WordTable.vectors}: self at `at`, neighbour `k` at `at + (1 + k) · VEC`. */
  at: number;
  /** Id of the key in the word-pair vocabulary (see `FeatureIndex.vocabId`). */
  vid: number;
  /** Shape as an index of {@link SHAPES}. */
  sid: number;
  /** Whether the word takes part in label consistency, the id of its `bare` form, and of its candidate (−1: none). */
  eligible: boolean;
  form: number;
  cand: number;
  /** Phrase lists of the gazetteer under each of the word's start keys, in order (null when there are none). */
  phrases: Phrase[][] | null;
}

/** Adds the interleaved weight rows of the features it receives to one vector. */
class VectorSink implements FeatureSink {
  vectors: Float64Array = new Float64Array(0);
  base = 0;
  constructor(private readonly index: FeatureIndex, private readonly weights: Int8Array | Float32Array, private readonly scales: Float64Array) {}
  feature(t: number, v: string): void {
    const r = this.index.row(t, v);
    if (r < 0) return;
    const w = this.weights;
    const sc = this.scales;
    const vec = this.vectors;
    const o = r * VEC;
    const b = this.base;
    for (let u = 0; u < VEC; u++) vec[b + u] += Math.fround(w[o + u] * sc[u]);
  }
}

/** Bounded word cache; cleared only between documents (word ids must hold for a whole document). */
export class WordTable {
  /** Emission vectors of every cached word (see {@link Word.at}). */
  vectors = new Float64Array(1024 * STRIDE);
  /** Neighbour vectors of the padding outside a sentence, neighbour `k` at `k · VEC`. */
  readonly pad: Float64Array;
  /** Words by surface form and by normalised key (a key is also the surface of a word with that key). */
  private readonly words = new Map<string, Word>();
  private count = 0;
  /** `bare` and candidate forms → id (for label counts by form). */
  private readonly forms = new Map<string, number>();
  private readonly sink: VectorSink;

  /**
   * @param weights both stages' weights interleaved by row: `[row · VEC + t]` stage 1, `[row · VEC + T + t]` stage 2;
   *   a weight is `fround(weights[i] · scales[i mod VEC])`.
   * @param limit number of words above which the cache is cleared at the next document.
   */
  constructor(
    private readonly index: FeatureIndex, weights: Int8Array | Float32Array, scales: Float64Array, private readonly res: FeatureResources,
    private readonly limit = 50_000,
  ) {
    this.sink = new VectorSink(index, weights, scales);
    this.pad = new Float64Array(NEIGHBOUR_OFFSETS.length * VEC);
    this.sink.vectors = this.pad;
    NEIGHBOUR_OFFSETS.forEach((rel, k) => {
      this.sink.base = k * VEC;
      neighbourFeatureParts(PAD, rel, this.sink);
    });
  }

  /** Number of distinct forms so far (label counts need this many rows). */
  get formCount(): number {
    return this.forms.size;
  }

  /** Starts a document: clears the cache when it holds more than its limit. */
  beginDocument(): void {
    if (this.count <= this.limit) return;
    this.words.clear();
    this.forms.clear();
    this.count = 0;
  }

  /** The cached word of a surface token (analysed on first sight). */
  word(surface: string): Word {
    let w = this.words.get(surface);
    if (w === undefined) {
      const key = normalizeKey(surface);
      if (key !== surface) w = this.words.get(key);
      if (w === undefined) {
        w = this.make(key);
        if (key !== surface) this.words.set(key, w);
      }
      this.words.set(surface, w);
    }
    return w;
  }

  private formId(f: string): number {
    let id = this.forms.get(f);
    if (id === undefined) this.forms.set(f, (id = this.forms.size));
    return id;
  }

  private make(key: string): Word {
    const info = wordInfoOfKey(key, this.res);
    const at = this.count++ * STRIDE;
    if (at + STRIDE > this.vectors.length) {
      const v = new Float64Array(this.vectors.length * 2);
      v.set(this.vectors);
      this.vectors = v;
    }
    const sink = this.sink;
    sink.vectors = this.vectors;
    this.vectors.fill(0, at, at + STRIDE);
    sink.base = at;
    selfFeatureParts(info, sink);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
      sink.base = at + (1 + k) * VEC;
      neighbourFeatureParts(info, NEIGHBOUR_OFFSETS[k], sink);
    }
    let phrases: Phrase[][] | null = null;
    for (const k of info.starts) {
      const list = this.res.gazetteer.multi.get(k);
      if (list !== undefined) (phrases ??= []).push(list);
    }
    return {
      info,
      at,
      vid: this.index.vocabId(key),
      sid: SHAPES.indexOf(info.shape as (typeof SHAPES)[number]),
      eligible: eligible(info),
      form: this.formId(info.bare),
      cand: info.candidate !== "" ? this.formId(info.candidate) : -1,
      phrases,
    };
  }
}

/**
 * Two-stage tagging of a document with a trained model: stage 1 tags every sentence from local features;
 * stage 2 adds document-level label-consistency features from stage 1's tags (see `document.ts`) and tags again.
 * Both stages share one feature dictionary, so a token's local features are looked up once; the feature rows of
 * a word are cached by word (bounded caches), which makes tagging fast on running text.
 */
import { NER_TAGS } from "./types.ts";
import {
  wordInfo, observeWords, selfFeatures, neighbourFeatures, contextFeatures, localFeatures, NEIGHBOUR_OFFSETS, PAD,
  type FeatureResources, type TokenObservation, type WordInfo,
} from "./features.ts";
import { LabelIndex, documentFeatures } from "./document.ts";
import { viterbi, bioTransitionMask } from "./viterbi.ts";

/** Weights of one stage over the shared dictionary: `weights[row * T + tag]`; transitions with row 0 = start. */
export interface StageWeights {
  weights: Float32Array | Float64Array;
  trans: Float64Array;
}

/** A trained tagger in memory. */
export interface NerModel {
  tags: readonly string[];
  /** Sentences either side of the current one that count as "the document" for label consistency. */
  window: number;
  resources: FeatureResources;
  /** Feature name → row of the weight matrices (shared by both stages). */
  features: Map<string, number>;
  stage1: StageWeights;
  stage2: StageWeights;
}

const ALLOWED = bioTransitionMask(NER_TAGS);
const T = NER_TAGS.length;
const CACHE_LIMIT = 200_000;

/** Stage-1 feature strings of every token of every sentence. */
export function localFeatureLists(obs: readonly (readonly TokenObservation[])[]): string[][][] {
  return obs.map((sent) =>
    sent.map((_, i) => {
      const out: string[] = [];
      localFeatures(sent, i, out);
      return out;
    }),
  );
}

/** Stage-2-only feature strings (document features from stage-1 tags) of every token. */
export function documentFeatureLists(
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

/** Result of tagging a document. */
export interface TaggedDocument {
  /** BIO tags per sentence. */
  tags: string[][];
  /** Final-stage emission scores per sentence, `emit[i * T + t]`, for confidence estimates. */
  emit: Float64Array[];
}

/** Sums the weight rows `ids[from..to)` into `emit[base..base+T)`. */
function addRows(w: Float32Array | Float64Array, ids: ArrayLike<number>, from: number, to: number, emit: Float64Array, base: number): void {
  for (let k = from; k < to; k++) {
    const o = ids[k] * T;
    for (let t = 0; t < T; t++) emit[base + t] += w[o + t];
  }
}

/**
 * A model ready to tag: holds bounded caches of word analyses and feature rows. Not thread-safe; cheap to keep.
 */
export class NerTagger {
  readonly model: NerModel;
  private readonly words = new Map<string, WordInfo>();
  private readonly selfRows = new Map<string, Int32Array>();
  private readonly nbRows = NEIGHBOUR_OFFSETS.map(() => new Map<string, Int32Array>());

  constructor(model: NerModel) {
    this.model = model;
  }

  private rows(strings: string[]): Int32Array {
    const out: number[] = [];
    for (const f of strings) {
      const r = this.model.features.get(f);
      if (r !== undefined) out.push(r);
    }
    return Int32Array.from(out);
  }

  private cached(cache: Map<string, Int32Array>, key: string, make: (out: string[]) => void): Int32Array {
    let r = cache.get(key);
    if (r === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      const strings: string[] = [];
      make(strings);
      cache.set(key, (r = this.rows(strings)));
    }
    return r;
  }

  private word(surface: string): WordInfo {
    let w = this.words.get(surface);
    if (w === undefined) {
      if (this.words.size >= CACHE_LIMIT) this.words.clear();
      this.words.set(surface, (w = wordInfo(surface, this.model.resources)));
    }
    return w;
  }

  /** Feature rows of every token of a sentence (`ids[offsets[i]..offsets[i+1])`). */
  private encode(obs: readonly TokenObservation[]): { ids: Int32Array; offsets: Int32Array } {
    const parts: Int32Array[] = [];
    const offsets = new Int32Array(obs.length + 1);
    let total = 0;
    const scratch: string[] = [];
    for (let i = 0; i < obs.length; i++) {
      const o = obs[i];
      const add = (r: Int32Array) => {
        parts.push(r);
        total += r.length;
      };
      add(this.cached(this.selfRows, o.key, (out) => selfFeatures(o, out)));
      NEIGHBOUR_OFFSETS.forEach((rel, k) => {
        const j = i + rel;
        const nb = j >= 0 && j < obs.length ? obs[j] : PAD;
        add(this.cached(this.nbRows[k], nb.key, (out) => neighbourFeatures(nb, rel, out)));
      });
      scratch.length = 0;
      contextFeatures(obs, i, scratch);
      add(this.rows(scratch));
      offsets[i + 1] = total;
    }
    const ids = new Int32Array(total);
    let p = 0;
    for (const r of parts) {
      ids.set(r, p);
      p += r.length;
    }
    return { ids, offsets };
  }

  /**
   * Tags the sentences of one document (tokens as surface strings, clitics attached).
   * @param sentences token lists, one per sentence; empty sentences give empty tag lists.
   */
  tagDocument(sentences: readonly (readonly string[])[]): TaggedDocument {
    const m = this.model;
    const obs = sentences.map((toks) => observeWords(toks.map((t) => this.word(t)), m.resources.gazetteer));
    const enc = obs.map((o) => this.encode(o));
    const emit1 = enc.map((e) => {
      const n = e.offsets.length - 1;
      const emit = new Float64Array(n * T);
      for (let i = 0; i < n; i++) addRows(m.stage1.weights, e.ids, e.offsets[i], e.offsets[i + 1], emit, i * T);
      return emit;
    });
    const tags1 = emit1.map((emit, s) => viterbi(emit, m.stage1.trans, ALLOWED, obs[s].length, T));
    const index = new LabelIndex(obs, tags1);
    const tags: string[][] = [];
    const emits: Float64Array[] = [];
    const scratch: string[] = [];
    for (let s = 0; s < obs.length; s++) {
      const e = enc[s];
      const n = obs[s].length;
      const emit = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        addRows(m.stage2.weights, e.ids, e.offsets[i], e.offsets[i + 1], emit, i * T);
        scratch.length = 0;
        documentFeatures(obs, tags1, index, s, i, m.window, scratch);
        const r = this.rows(scratch);
        addRows(m.stage2.weights, r, 0, r.length, emit, i * T);
      }
      const t2 = viterbi(emit, m.stage2.trans, ALLOWED, n, T);
      tags.push(Array.from(t2, (t) => m.tags[t]));
      emits.push(emit);
    }
    return { tags, emit: emits };
  }
}

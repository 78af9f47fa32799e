/**
 * Two-stage tagging of a document with a trained model: stage 1 tags every sentence from local features;
 * stage 2 adds document-level label-consistency features from stage 1's tags (see `document.ts`) and tags again.
 * Both stages share one feature dictionary, so a token's local features are looked up once; the feature rows of
 * a word are cached by word (bounded caches), which makes tagging fast on running text.
 */
import { NER_TAGS } from "./types.ts";
import {
  wordInfo, observeWords, selfFeatures, neighbourFeatures, positionFeatures, localFeatures, NEIGHBOUR_OFFSETS, PAD, WORD_PAIRS,
  type FeatureResources, type TokenObservation, type WordInfo,
} from "./features.ts";
import { LabelIndex, documentCodes, documentFeatureName, documentFeatures, DOCUMENT_CODE_COUNT } from "./document.ts";
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

/** A growable buffer of row ids. */
class RowBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(r: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = r;
  }
  pushAll(rs: Int32Array): void {
    for (let k = 0; k < rs.length; k++) this.push(rs[k]);
  }
}

/**
 * A model ready to tag: holds bounded caches of word analyses and feature rows. Not thread-safe; cheap to keep.
 * Tagging speed on running text is measured by bench/ner.bench.ts (docs/ner.md).
 */
export class NerTagger {
  readonly model: NerModel;
  private readonly words = new Map<string, WordInfo>();
  private readonly selfRows = new Map<string, Int32Array>();
  private readonly nbRows = NEIGHBOUR_OFFSETS.map(() => new Map<string, Int32Array>());
  /** Row of every document feature code (−1 when the model lacks it). */
  private readonly docRows: Int32Array;
  /** Rows of the word-pair features by template, first key and second key (keys without "|" only). */
  private readonly pairRows: Map<string, Map<string, number>>[];

  constructor(model: NerModel) {
    this.model = model;
    this.docRows = new Int32Array(DOCUMENT_CODE_COUNT);
    for (let c = 0; c < DOCUMENT_CODE_COUNT; c++) this.docRows[c] = model.features.get(documentFeatureName(c)) ?? -1;
    this.pairRows = WORD_PAIRS.map(() => new Map());
    const prefixes = WORD_PAIRS.map(([name]) => `${name}=`);
    for (const [f, row] of model.features) {
      if (f.charCodeAt(0) !== 119 /* "w" */) continue;
      const k = prefixes.findIndex((p) => f.startsWith(p));
      if (k < 0) continue;
      const value = f.slice(prefixes[k].length);
      const bar = value.indexOf("|");
      if (bar < 0 || value.indexOf("|", bar + 1) >= 0) continue; // a key with "|" in it: looked up by name
      const a = value.slice(0, bar);
      let m = this.pairRows[k].get(a);
      if (m === undefined) this.pairRows[k].set(a, (m = new Map()));
      m.set(value.slice(bar + 1), row);
    }
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

  /** Stage-1 feature rows of every token of a sentence (`ids[offsets[i]..offsets[i+1])`). */
  private encode(obs: readonly TokenObservation[], buf: RowBuffer, scratch: string[]): { ids: Int32Array; offsets: Int32Array } {
    const features = this.model.features;
    const offsets = new Int32Array(obs.length + 1);
    buf.length = 0;
    for (let i = 0; i < obs.length; i++) {
      const o = obs[i];
      buf.pushAll(this.cached(this.selfRows, o.key, (out) => selfFeatures(o, out)));
      for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
        const rel = NEIGHBOUR_OFFSETS[k];
        const j = i + rel;
        const nb = j >= 0 && j < obs.length ? obs[j] : PAD;
        buf.pushAll(this.cached(this.nbRows[k], nb.key, (out) => neighbourFeatures(nb, rel, out)));
      }
      for (let k = 0; k < WORD_PAIRS.length; k++) {
        const [name, da, db] = WORD_PAIRS[k];
        const a = i + da >= 0 && i + da < obs.length ? obs[i + da].key : PAD.key;
        const b = i + db >= 0 && i + db < obs.length ? obs[i + db].key : PAD.key;
        let r: number | undefined;
        if (a.includes("|") || b.includes("|")) r = features.get(`${name}=${a}|${b}`);
        else r = this.pairRows[k].get(a)?.get(b);
        if (r !== undefined) buf.push(r);
      }
      scratch.length = 0;
      positionFeatures(obs, i, scratch);
      for (const f of scratch) {
        const r = features.get(f);
        if (r !== undefined) buf.push(r);
      }
      offsets[i + 1] = buf.length;
    }
    return { ids: buf.data.slice(0, buf.length), offsets };
  }

  /**
   * Tags the sentences of one document (tokens as surface strings, clitics attached). Label consistency looks
   * `model.window` sentences either side.
   * @param sentences token lists, one per sentence; empty sentences give empty tag lists.
   */
  tagDocument(sentences: readonly (readonly string[])[]): TaggedDocument {
    const m = this.model;
    const buf = new RowBuffer();
    const scratch: string[] = [];
    const obs = sentences.map((toks) => observeWords(toks.map((t) => this.word(t)), m.resources.gazetteer));
    const enc = obs.map((o) => this.encode(o, buf, scratch));
    const tags1 = enc.map((e, s) => {
      const n = obs[s].length;
      const emit = new Float64Array(n * T);
      for (let i = 0; i < n; i++) addRows(m.stage1.weights, e.ids, e.offsets[i], e.offsets[i + 1], emit, i * T);
      return viterbi(emit, m.stage1.trans, ALLOWED, n, T);
    });
    const index = new LabelIndex(obs, tags1);
    const tags: string[][] = [];
    const emits: Float64Array[] = [];
    const codes: number[] = [];
    const w2 = m.stage2.weights;
    for (let s = 0; s < obs.length; s++) {
      const e = enc[s];
      const n = obs[s].length;
      const emit = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        const base = i * T;
        addRows(w2, e.ids, e.offsets[i], e.offsets[i + 1], emit, base);
        codes.length = 0;
        documentCodes(obs, tags1, index, s, i, m.window, codes);
        for (const c of codes) {
          const r = this.docRows[c];
          if (r < 0) continue;
          const o = r * T;
          for (let t = 0; t < T; t++) emit[base + t] += w2[o + t];
        }
      }
      const t2 = viterbi(emit, m.stage2.trans, ALLOWED, n, T);
      tags.push(Array.from(t2, (t) => m.tags[t]));
      emits.push(emit);
    }
    return { tags, emit: emits };
  }
}

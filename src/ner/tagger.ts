/**
 * Two-stage tagging of a document with a trained model: stage 1 tags every sentence from local features;
 * stage 2 adds document-level label-consistency features from stage 1's tags (see `document.ts`) and tags again.
 * Both stages share one feature dictionary, so a token's local features are looked up once; the feature rows of
 * a word are cached by word (bounded caches), which makes tagging fast on running text.
 */
import { NER_TAGS } from "./types.ts";
import {
  wordInfo, observeWords, selfFeatures, neighbourFeatures, positionFeatures, NEIGHBOUR_OFFSETS, PAD, SHAPES, WORD_PAIRS,
  type FeatureResources, type TokenObservation, type WordInfo,
} from "./features.ts";
import { LabelIndex, documentCodes, documentFeatureName, DOCUMENT_CODE_COUNT } from "./document.ts";
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

/** Result of tagging a document. */
export interface TaggedDocument {
  /** BIO tags per sentence. */
  tags: string[][];
  /** Final-stage emission scores per sentence, `emit[i * T + t]`, for confidence estimates. */
  emit: Float64Array[];
}

/** A growable buffer of row ids. */
class RowBuffer {
  data = new Int32Array(4096);
  length = 0;
  private grow(need: number): void {
    const d = new Int32Array(Math.max(this.data.length * 2, need));
    d.set(this.data);
    this.data = d;
  }
  push(r: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = r;
  }
  pushAll(rs: Int32Array): void {
    if (this.length + rs.length > this.data.length) this.grow(this.length + rs.length);
    this.data.set(rs, this.length);
    this.length += rs.length;
  }
}

/**
 * A cached word: its analysis, its id in the word-pair vocabulary (−1 if in no pair, −2 if its key holds "|"),
 * its shape index, and the feature rows of the word itself and as each neighbour (one cache lookup per token).
 */
interface Word {
  info: WordInfo;
  vid: number;
  sid: number;
  self: Int32Array;
  nb: Int32Array[];
}

const NSH = SHAPES.length;
const PAD_SID = SHAPES.indexOf("pad");

/**
 * A model ready to tag: holds bounded caches of word analyses and feature rows, and integer-keyed tables of the
 * word-pair and shape features so that tagging builds almost no strings. Not thread-safe; cheap to keep.
 * Tagging speed is measured by bench/ner.bench.ts (docs/ner.md).
 */
export class NerTagger {
  readonly model: NerModel;
  private readonly words = new Map<string, Word>();
  /** Neighbour rows of the padding outside a sentence, by offset. */
  private readonly padRows: Int32Array[];
  /** Row of every document feature code (−1 when the model lacks it). */
  private readonly docRows: Int32Array;
  /** Keys that occur in word-pair features → vocabulary id. */
  private readonly vocab = new Map<string, number>();
  /** Word-pair rows by template, keyed by `first id · vocabulary size + second id` (small integers). */
  private readonly pairRows: Map<number, number>[];
  /** Shape-trigram rows by `(s−1 · NSH + s) · NSH + s+1` (−1 when absent). */
  private readonly shapeRows: Int32Array;
  private readonly phraseRows = new Map<number, number>();
  /** Both stages' weights interleaved by row (`[row·2T + t]` stage 1, `[row·2T + T + t]` stage 2), for locality. */
  private readonly both: Float32Array;

  constructor(model: NerModel) {
    this.model = model;
    const F = model.features.size;
    this.both = new Float32Array(F * 2 * T);
    for (let r = 0; r < F; r++) {
      for (let t = 0; t < T; t++) {
        this.both[r * 2 * T + t] = model.stage1.weights[r * T + t];
        this.both[r * 2 * T + T + t] = model.stage2.weights[r * T + t];
      }
    }
    this.docRows = new Int32Array(DOCUMENT_CODE_COUNT);
    for (let c = 0; c < DOCUMENT_CODE_COUNT; c++) this.docRows[c] = model.features.get(documentFeatureName(c)) ?? -1;
    this.shapeRows = new Int32Array(NSH * NSH * NSH);
    for (let a = 0; a < NSH; a++) for (let b = 0; b < NSH; b++) for (let c = 0; c < NSH; c++) {
      this.shapeRows[(a * NSH + b) * NSH + c] = model.features.get(`sh-1|sh|sh+1=${SHAPES[a]}|${SHAPES[b]}|${SHAPES[c]}`) ?? -1;
    }
    this.padRows = NEIGHBOUR_OFFSETS.map((rel) => this.features((out) => neighbourFeatures(PAD, rel, out)));
    this.pairRows = WORD_PAIRS.map(() => new Map());
    const prefixes = WORD_PAIRS.map(([name]) => `${name}=`);
    const id = (k: string) => {
      let v = this.vocab.get(k);
      if (v === undefined) this.vocab.set(k, (v = this.vocab.size));
      return v;
    };
    const pairs: [number, number, number, number][] = [];
    for (const [f, row] of model.features) {
      if (f.charCodeAt(0) !== 119 /* "w" */) continue;
      const k = prefixes.findIndex((p) => f.startsWith(p));
      if (k < 0) continue;
      const value = f.slice(prefixes[k].length);
      const bar = value.indexOf("|");
      if (bar < 0 || value.indexOf("|", bar + 1) >= 0) continue; // a key with "|" in it: looked up by name
      pairs.push([k, id(value.slice(0, bar)), id(value.slice(bar + 1)), row]);
    }
    const V = this.vocab.size;
    for (const [k, a, b, row] of pairs) this.pairRows[k].set(a * V + b, row);
  }

  private rows(strings: string[]): Int32Array {
    const features = this.model.features;
    const out = new Int32Array(strings.length);
    let n = 0;
    for (let k = 0; k < strings.length; k++) {
      const r = features.get(strings[k]);
      if (r !== undefined) out[n++] = r;
    }
    return out.slice(0, n);
  }

  private features(make: (out: string[]) => void): Int32Array {
    const strings: string[] = [];
    make(strings);
    return this.rows(strings);
  }

  private word(surface: string): Word {
    let w = this.words.get(surface);
    if (w === undefined) {
      if (this.words.size >= CACHE_LIMIT) this.words.clear();
      const info = wordInfo(surface, this.model.resources);
      w = {
        info,
        vid: info.key.includes("|") ? -2 : (this.vocab.get(info.key) ?? -1),
        sid: SHAPES.indexOf(info.shape as (typeof SHAPES)[number]),
        self: this.features((out) => selfFeatures(info, out)),
        nb: NEIGHBOUR_OFFSETS.map((rel) => this.features((out) => neighbourFeatures(info, rel, out))),
      };
      this.words.set(surface, w);
    }
    return w;
  }

  /** Row of a word-pair feature (−1 when the model has none). `vid` −2 marks a key containing "|". */
  private pairRow(k: number, a: string, va: number, b: string, vb: number): number {
    if (va === -2 || vb === -2) return this.model.features.get(`${WORD_PAIRS[k][0]}=${a}|${b}`) ?? -1;
    if (va < 0 || vb < 0) return -1;
    return this.pairRows[k].get(va * this.vocab.size + vb) ?? -1;
  }

  /** Stage-1 feature rows of every token of a sentence: `buf.data[offsets[i]..offsets[i+1])`. */
  private encode(obs: readonly TokenObservation[], words: readonly Word[], buf: RowBuffer): Int32Array {
    const n = obs.length;
    const offsets = new Int32Array(n + 1);
    buf.length = 0;
    const padVid = this.vocab.get(PAD.key) ?? -1;
    for (let i = 0; i < n; i++) {
      const o = obs[i];
      buf.pushAll(words[i].self);
      for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
        const j = i + NEIGHBOUR_OFFSETS[k];
        buf.pushAll(j >= 0 && j < n ? words[j].nb[k] : this.padRows[k]);
      }
      for (let k = 0; k < WORD_PAIRS.length; k++) {
        const ja = i + WORD_PAIRS[k][1];
        const jb = i + WORD_PAIRS[k][2];
        const inA = ja >= 0 && ja < n;
        const inB = jb >= 0 && jb < n;
        const r = this.pairRow(k, inA ? obs[ja].key : PAD.key, inA ? words[ja].vid : padVid, inB ? obs[jb].key : PAD.key, inB ? words[jb].vid : padVid);
        if (r >= 0) buf.push(r);
      }
      const sp = i > 0 ? words[i - 1].sid : PAD_SID;
      const sn = i + 1 < n ? words[i + 1].sid : PAD_SID;
      const sr = this.shapeRows[(sp * NSH + words[i].sid) * NSH + sn];
      if (sr >= 0) buf.push(sr);
      if (o.phrase !== 0) {
        const code = o.phrase * 2 + (o.phraseBegin ? 1 : 0);
        let r = this.phraseRows.get(code);
        if (r === undefined) {
          const names: string[] = [];
          positionFeatures(obs, i, names);
          this.phraseRows.set(code, (r = this.model.features.get(names[names.length - 1]) ?? -1));
        }
        if (r >= 0) buf.push(r);
      }
      offsets[i + 1] = buf.length;
    }
    return offsets;
  }

  /**
   * Tags the sentences of one document (tokens as surface strings, clitics attached). Label consistency looks
   * `model.window` sentences either side.
   * @param sentences token lists, one per sentence; empty sentences give empty tag lists.
   */
  tagDocument(sentences: readonly (readonly string[])[]): TaggedDocument {
    const m = this.model;
    const buf = new RowBuffer();
    const both = this.both;
    const w2 = m.stage2.weights;
    const T2 = 2 * T;
    const obs: TokenObservation[][] = [];
    // One pass over the local feature rows fills stage 1's emissions and the local part of stage 2's.
    const emit2: Float64Array[] = [];
    const tags1: Int32Array[] = [];
    for (const toks of sentences) {
      const words = toks.map((t) => this.word(t));
      const o = observeWords(words.map((w) => w.info), m.resources.gazetteer);
      const offsets = this.encode(o, words, buf);
      const ids = buf.data;
      const n = o.length;
      const e1 = new Float64Array(n * T);
      const e2 = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        const base = i * T;
        for (let k = offsets[i]; k < offsets[i + 1]; k++) {
          const r = ids[k] * T2;
          for (let t = 0; t < T; t++) {
            e1[base + t] += both[r + t];
            e2[base + t] += both[r + T + t];
          }
        }
      }
      obs.push(o);
      emit2.push(e2);
      tags1.push(viterbi(e1, m.stage1.trans, ALLOWED, n, T));
    }
    const index = new LabelIndex(obs, tags1);
    const tags: string[][] = [];
    const codes: number[] = [];
    for (let s = 0; s < obs.length; s++) {
      const n = obs[s].length;
      const emit = emit2[s];
      for (let i = 0; i < n; i++) {
        const base = i * T;
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
    }
    return { tags, emit: emit2 };
  }
}

/**
 * Two-stage tagging of a document with a trained model: stage 1 tags every sentence from local features;
 * stage 2 adds document-level label-consistency features from stage 1's tags (see `document.ts`) and tags again.
 *
 * Inference builds no feature strings for words it has met: every word's summed feature weights for both stages
 * (as itself and as each neighbour) are computed once and cached (`word-table.ts`), so a token's local
 * emissions for both stages come from one pass of a few vector additions, plus the rows of its word pairs, shape
 * trigram and gazetteer phrase. Stage 2's consistency evidence comes from sliding-window label counts
 * (`window-labels.ts`), and Viterbi decodes into reused arrays. The output is exactly that of the feature
 * functions of `features.ts` and `document.ts` that training uses (test/ner/fast-path.test.ts pins it on the
 * test split). Speed: bench/ner.bench.ts, docs/ner.md "Speed".
 */
import { NER_TAGS } from "./types.ts";
import type { FeatureResources } from "./features.ts";
import { FeatureIndex } from "./feature-index.ts";
import { LocalEmissions } from "./local-emissions.ts";
import { WordTable, VEC, type Word } from "./word-table.ts";
import { MAX_CODES, WindowLabels, type FlatTokens } from "./window-labels.ts";
import { DOCUMENT_CODE_COUNT } from "./document.ts";
import { bioTransitionMask, ViterbiDecoder } from "./viterbi.ts";

/** Weights of one stage over the shared dictionary: `weights[row * T + tag]`; transitions with row 0 = start. */
export interface StageWeights {
  weights: Float32Array | Float64Array;
  trans: Float64Array;
  /**
   * The int8 form the weights were read from (model file): `weights[i] = fround(q[i] · scale)`. The tagger then
   * keeps the compact form (4× less memory traffic); otherwise it keeps the weights as float32.
   */
  quantised?: { q: Int8Array; scale: number };
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

/** Result of tagging a document. */
export interface TaggedDocument {
  /** BIO tags per sentence. */
  tags: string[][];
  /** Final-stage emission scores per sentence, `emit[i * T + t]`, for confidence estimates. */
  emit: Float64Array[];
}

/**
 * A model ready to tag: holds a bounded cache of words with their emission vectors, and integer-keyed tables of
 * the word-pair, shape and document features. Not reentrant; cheap to keep (one per model and process).
 */
export class NerTagger {
  readonly model: NerModel;
  private readonly index: FeatureIndex;
  private readonly table: WordTable;
  /**
   * Both stages' weights interleaved by row (`[row·2T + t]` stage 1, `[row·2T + T + t]` stage 2), as int8 with
   * `scales` when the model was read from a file (weight = fround(q · scale), as the file reader computes it),
   * else as float32 with scales 1.
   */
  private readonly both: Int8Array | Float32Array;
  private readonly scales: Float64Array;
  /** Stage-2 weights of every document code (`[code·T + t]`), and whether the model has the code. */
  private readonly docVec: Float64Array;
  private readonly docHas: Uint8Array;
  private readonly labels = new WindowLabels();
  private readonly dec1: ViterbiDecoder;
  private readonly dec2: ViterbiDecoder;
  private readonly local: LocalEmissions;

  /**
   * @param options `cacheWords`: words kept in the cache before it is cleared at the next document (default
   *   50,000; about 1 KB each).
   */
  constructor(model: NerModel, options: { cacheWords?: number } = {}) {
    this.model = model;
    const F = model.features.size;
    const w1 = model.stage1.weights;
    const w2 = model.stage2.weights;
    const q1 = model.stage1.quantised;
    const q2 = model.stage2.quantised;
    const quantised = q1 !== undefined && q2 !== undefined && q1.q.length === F * T && q2.q.length === F * T;
    this.both = quantised ? new Int8Array(F * VEC) : new Float32Array(F * VEC);
    this.scales = new Float64Array(VEC).fill(1);
    if (quantised) {
      this.scales.fill(q1.scale, 0, T);
      this.scales.fill(q2.scale, T, VEC);
    }
    const s1 = quantised ? q1.q : w1;
    const s2 = quantised ? q2.q : w2;
    for (let r = 0, o = 0; r < F; r++, o += VEC) {
      for (let t = 0; t < T; t++) {
        this.both[o + t] = s1[r * T + t];
        this.both[o + T + t] = s2[r * T + t];
      }
    }
    this.index = new FeatureIndex(model.features);
    this.table = new WordTable(this.index, this.both, this.scales, model.resources, options.cacheWords);
    this.docVec = new Float64Array(DOCUMENT_CODE_COUNT * T);
    this.docHas = new Uint8Array(DOCUMENT_CODE_COUNT);
    for (let c = 0; c < DOCUMENT_CODE_COUNT; c++) {
      const r = this.index.docRows[c];
      if (r < 0) continue;
      this.docHas[c] = 1;
      for (let t = 0; t < T; t++) this.docVec[c * T + t] = w2[r * T + t];
    }
    this.local = new LocalEmissions(this.index, this.table, this.both, this.scales);
    this.dec1 = new ViterbiDecoder(model.stage1.trans, ALLOWED, T);
    this.dec2 = new ViterbiDecoder(model.stage2.trans, ALLOWED, T);
  }

  /**
   * Tags the sentences of one document (tokens as surface strings, clitics attached). Label consistency looks
   * `model.window` sentences either side.
   * @param sentences token lists, one per sentence; empty sentences give empty tag lists.
   */
  tagDocument(sentences: readonly (readonly string[])[]): TaggedDocument {
    const S = sentences.length;
    const start = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) start[s + 1] = start[s] + sentences[s].length;
    const N = start[S];
    const table = this.table;
    table.beginDocument();
    const words: Word[] = new Array(N);
    const d: FlatTokens = { form: new Int32Array(N), cand: new Int32Array(N), eligible: new Uint8Array(N), tags: new Int32Array(N) };
    const emit: Float64Array[] = new Array(S);
    for (let s = 0; s < S; s++) {
      const toks = sentences[s];
      const a = start[s];
      const n = toks.length;
      for (let i = 0; i < n; i++) {
        const w = table.word(toks[i]);
        words[a + i] = w;
        d.form[a + i] = w.form;
        d.cand[a + i] = w.cand;
        d.eligible[a + i] = w.eligible ? 1 : 0;
      }
      const e2 = new Float64Array(n * T);
      this.local.compute(words, a, n, e2);
      this.dec1.decode(this.local.e1, n, d.tags, a);
      emit[s] = e2;
    }
    return { tags: this.stage2(d, start, emit), emit };
  }

  /** Adds the document features to the stage-2 emissions and decodes; returns the tags per sentence. */
  private stage2(d: FlatTokens, start: Int32Array, emit: Float64Array[]): string[][] {
    const S = emit.length;
    const W = this.model.window;
    const labels = this.labels;
    labels.ensure(this.table.formCount);
    const names = this.model.tags;
    const docVec = this.docVec;
    const docHas = this.docHas;
    const tags: string[][] = new Array(S);
    let out = new Int32Array(256);
    let hi = -1; // last sentence added to the window
    let lo = 0; // first sentence still in it
    try {
      for (let s = 0; s < S; s++) {
        for (; hi < Math.min(S - 1, s + W); hi++) labels.update(d, start[hi + 1], start[hi + 2], 1);
        for (; lo < s - W; lo++) labels.update(d, start[lo], start[lo + 1], -1);
        const e2 = emit[s];
        const n = start[s + 1] - start[s];
        labels.sentenceCodes(d, start[s], start[s + 1]);
        const codes = labels.codes;
        for (let i = 0; i < n; i++) {
          const base = i * T;
          for (let k = i * MAX_CODES, end = k + labels.count[i]; k < end; k++) {
            const c = codes[k];
            if (docHas[c] === 0) continue;
            const o = c * T;
            for (let t = 0; t < T; t++) e2[base + t] += docVec[o + t];
          }
        }
        if (out.length < n) out = new Int32Array(n * 2);
        this.dec2.decode(e2, n, out);
        const row: string[] = new Array(n);
        for (let i = 0; i < n; i++) row[i] = names[out[i]];
        tags[s] = row;
      }
      for (; lo <= hi; lo++) labels.update(d, start[lo], start[lo + 1], -1);
    } catch (err) {
      labels.clear();
      throw err;
    }
    return tags;
  }
}

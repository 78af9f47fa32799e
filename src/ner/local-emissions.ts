/**
 * Both stages' local (stage-1 feature) emission scores of a sentence, from the cached word vectors of
 * `word-table.ts` and the rows of the sentence's word pairs, shape trigrams and multi-word gazetteer phrases.
 * The work is split into small steps (rows per sentence first, then one pass of additions) so that each step
 * stays small for the JIT. Sums are exact (see `word-table.ts`), so the result equals adding the feature rows of
 * `localFeatures` one by one.
 */
import { NEIGHBOUR_OFFSETS, PAD, SHAPES, WORD_PAIRS } from "./features.ts";
import type { FeatureIndex } from "./feature-index.ts";
import { VEC, type Word, type WordTable } from "./word-table.ts";
import { NER_TAGS } from "./types.ts";

const T = NER_TAGS.length;
const NSH = SHAPES.length;
const PAD_SID = SHAPES.indexOf("pad");
const NB = NEIGHBOUR_OFFSETS.length;
const NPAIRS = WORD_PAIRS.length;
/** Rows added to a token besides its word vectors: four word pairs, the shape trigram, a phrase. */
const EXTRA = NPAIRS + 2;

/** Computes local emissions sentence by sentence into reused arrays. Not reentrant. */
export class LocalEmissions {
  /** Stage-1 emissions of the last sentence, `e1[i · T + t]`. */
  e1 = new Float64Array(256 * T);
  /** Word-pair rows of each pair of adjacent positions of the padded sentence (4 per pair). */
  private pairs = new Int32Array(256 * NPAIRS);
  /** Extra rows of each token (−1: none), {@link EXTRA} per token. */
  private extra = new Int32Array(256 * EXTRA);
  private phMask = new Int32Array(256);
  private phBegin = new Uint8Array(256);

  /**
   * @param weights both stages' weights interleaved by row (see `WordTable`), a weight being
   *   `fround(weights[i] · scales[i mod VEC])`.
   */
  constructor(
    private readonly index: FeatureIndex, private readonly table: WordTable,
    private readonly weights: Int8Array | Float32Array, private readonly scales: Float64Array,
  ) {}

  /** Emissions of the sentence `words[a .. a + n)`: stage 1 into {@link e1}, stage 2 into `e2` (length n · T). */
  compute(words: readonly Word[], a: number, n: number, e2: Float64Array): void {
    if (this.e1.length < n * T) this.e1 = new Float64Array(n * T * 2);
    if (this.extra.length < n * EXTRA) this.extra = new Int32Array(n * EXTRA * 2);
    this.pairRows(words, a, n);
    this.phrases(words, a, n);
    this.extraRows(words, a, n);
    this.addVectors(words, a, n, e2);
    this.addExtraRows(n, e2);
  }

  /** Pair `p` joins padded positions p − 2 and p − 1 (two pads either side) and serves all four pair templates. */
  private pairRows(words: readonly Word[], a: number, n: number): void {
    if (this.pairs.length < (n + 3) * NPAIRS) this.pairs = new Int32Array((n + 3) * NPAIRS * 2);
    const index = this.index;
    const padVid = index.vocabId(PAD.key);
    for (let p = 0; p < n + 3; p++) {
      const inA = p >= 2 && p - 2 < n;
      const inB = p >= 1 && p - 1 < n;
      const wa = inA ? words[a + p - 2] : null;
      const wb = inB ? words[a + p - 1] : null;
      index.pairRowsOf(wa === null ? PAD.key : wa.info.key, wa === null ? padVid : wa.vid, wb === null ? PAD.key : wb.info.key, wb === null ? padVid : wb.vid, this.pairs, p * NPAIRS);
    }
  }

  /** Multi-word gazetteer phrases over the sentence (as `matchPhrases`): fills `phMask` and `phBegin`. */
  private phrases(words: readonly Word[], a: number, n: number): void {
    if (this.phMask.length < n) {
      this.phMask = new Int32Array(n * 2);
      this.phBegin = new Uint8Array(n * 2);
    }
    const mask = this.phMask;
    const begin = this.phBegin;
    mask.fill(0, 0, n);
    begin.fill(0, 0, n);
    for (let i = 0; i < n; ) {
      let matched = 0;
      const lists = words[a + i].phrases;
      if (lists !== null) {
        for (const list of lists) {
          for (const e of list) {
            if (i + e.keys.length > n) continue;
            let ok = true;
            for (let j = 1; j < e.keys.length && ok; j++) ok = words[a + i + j].info.key === e.keys[j];
            if (ok) {
              for (let j = 0; j < e.keys.length; j++) mask[i + j] |= e.mask;
              begin[i] = 1;
              matched = Math.max(matched, e.keys.length);
              break;
            }
          }
        }
      }
      i += matched > 0 ? matched : 1;
    }
  }

  /** The extra rows of every token: its word pairs (from {@link pairRows}), shape trigram and phrase. */
  private extraRows(words: readonly Word[], a: number, n: number): void {
    const x = this.extra;
    const pr = this.pairs;
    const shapeRows = this.index.shapeRows;
    for (let i = 0; i < n; i++) {
      const o = i * EXTRA;
      for (let k = 0; k < NPAIRS; k++) x[o + k] = pr[(i + 2 + WORD_PAIRS[k][1]) * NPAIRS + k];
      const sp = i > 0 ? words[a + i - 1].sid : PAD_SID;
      const sn = i + 1 < n ? words[a + i + 1].sid : PAD_SID;
      x[o + NPAIRS] = shapeRows[(sp * NSH + words[a + i].sid) * NSH + sn];
      x[o + NPAIRS + 1] = this.phMask[i] === 0 ? -1 : this.index.phraseRow(this.phMask[i], this.phBegin[i] === 1);
    }
  }

  /** Each token's own vector plus its neighbours' vectors as neighbours (the padding's outside the sentence). */
  private addVectors(words: readonly Word[], a: number, n: number, e2: Float64Array): void {
    const e1 = this.e1;
    const vec = this.table.vectors;
    const pad = this.table.pad;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const at = words[a + i].at;
      for (let t = 0; t < T; t++) {
        e1[base + t] = vec[at + t];
        e2[base + t] = vec[at + T + t];
      }
      for (let k = 0; k < NB; k++) {
        const j = i + NEIGHBOUR_OFFSETS[k];
        const inside = j >= 0 && j < n;
        const src = inside ? vec : pad;
        const o = inside ? words[a + j].at + (1 + k) * VEC : k * VEC;
        for (let t = 0; t < T; t++) {
          e1[base + t] += src[o + t];
          e2[base + t] += src[o + T + t];
        }
      }
    }
  }

  private addExtraRows(n: number, e2: Float64Array): void {
    const e1 = this.e1;
    const x = this.extra;
    const w = this.weights;
    const sc = this.scales;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = i * EXTRA; k < (i + 1) * EXTRA; k++) {
        const r = x[k];
        if (r < 0) continue;
        const o = r * VEC;
        for (let t = 0; t < T; t++) {
          e1[base + t] += Math.fround(w[o + t] * sc[t]);
          e2[base + t] += Math.fround(w[o + T + t] * sc[T + t]);
        }
      }
    }
  }
}

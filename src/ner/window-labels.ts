/**
 * Document-level label consistency at inference, the sliding-window twin of `documentCodes` (document.ts): the
 * stage-1 tag counts of every word form over the sentences `[s − window, s + window]` are kept up to date as `s`
 * advances (each sentence is added once and removed once), so a token's evidence is one array read instead of a
 * map lookup and two binary searches, and each token's summary is computed once, not once per neighbour. The
 * codes are the same as `documentCodes` gives, in the same order (checked by test/ner/fast-path.test.ts).
 */
import { DOCUMENT_CODES, summarise } from "./document.ts";
import { NER_TAGS } from "./types.ts";

const T = NER_TAGS.length;
const { C_T1, C_T1P, C_T1N, C_T1P2, C_T1N2, C_DL, C_DLT, C_DC, C_DCT, C_DTP, C_DTN, C_DT3, TAGV, TYPEV } = DOCUMENT_CODES;

/** The tokens of a document as flat arrays (token `k` of the document, sentence by sentence). */
export interface FlatTokens {
  /** Form id of the token's `bare` form, and of its candidate form (−1: none). */
  form: Int32Array;
  cand: Int32Array;
  /** 1 when the token takes part in label consistency. */
  eligible: Uint8Array;
  /** Stage-1 tag indices. */
  tags: Int32Array;
}

/** Stage-1 tag counts by form over a window of sentences. */
export class WindowLabels {
  private counts = new Int32Array(0);
  private readonly scratch = new Float64Array(T);
  private readonly codes: number[] = [];
  /** Summarised type of each token of the current sentence (an index of the types, 0 = no evidence). */
  private types = new Int32Array(64);

  /**
   * Makes room for `forms` form ids. The counts are all zero between documents: every sentence added is removed
   * again ({@link update}), or {@link clear} is called.
   */
  ensure(forms: number): void {
    if (this.counts.length < forms * T) this.counts = new Int32Array(Math.max(forms * T, this.counts.length * 2));
  }

  /** Sets every count to zero (after a document that did not finish). */
  clear(): void {
    this.counts.fill(0);
  }

  /** Adds (`delta` 1) or removes (−1) the tokens `[a, b)` to the counts. */
  update(d: FlatTokens, a: number, b: number, delta: number): void {
    const c = this.counts;
    for (let k = a; k < b; k++) if (d.eligible[k] === 1) c[d.form[k] * T + d.tags[k]] += delta;
  }

  private summary(form: number, self: number, tagBase: number, typeBase: number, out: number[] | null): number {
    const s = this.scratch;
    const o = form * T;
    for (let t = 0; t < T; t++) s[t] = this.counts[o + t];
    if (self >= 0) s[self]--; // the token itself is not evidence about itself
    return summarise(s, tagBase, typeBase, out);
  }

  /**
   * Calls `emit(i, code)` for every document feature code of every token `i` of the sentence `[a, b)` (0-based
   * within the sentence), in the order of `documentCodes`. The counts must hold the sentence's window.
   */
  sentenceCodes(d: FlatTokens, a: number, b: number, emit: (i: number, code: number) => void): void {
    const n = b - a;
    if (this.types.length < n) this.types = new Int32Array(n * 2);
    const types = this.types;
    for (let i = 0; i < n; i++) types[i] = d.eligible[a + i] === 1 ? this.summary(d.form[a + i], d.tags[a + i], 0, 0, null) : 0;
    const tg = d.tags;
    const tag = (j: number) => (j >= 0 && j < n ? tg[a + j] + 1 : 0);
    const codes = this.codes;
    for (let i = 0; i < n; i++) {
      const k = a + i;
      codes.length = 0;
      codes.push(C_T1 + tag(i), C_T1P + tag(i - 1) * TAGV + tag(i), C_T1N + tag(i) * TAGV + tag(i + 1), C_T1P2 + tag(i - 2), C_T1N2 + tag(i + 2));
      if (d.eligible[k] === 1) {
        this.summary(d.form[k], tg[k], C_DL, C_DLT, codes);
        if (d.cand[k] >= 0) this.summary(d.cand[k], -1, C_DC, C_DCT, codes);
      }
      const tPrev = i > 0 ? types[i - 1] : 0;
      const tNext = i + 1 < n ? types[i + 1] : 0;
      codes.push(C_DTP + tPrev, C_DTN + tNext, C_DT3 + (tPrev * TYPEV + types[i]) * TYPEV + tNext);
      for (let c = 0; c < codes.length; c++) emit(i, codes[c]);
    }
  }
}

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

/** Most codes one token can have (5 tag codes, 2 + 2 evidence codes, 3 type codes). */
export const MAX_CODES = 12;

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
  private readonly list: number[] = [];
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

  /** Codes of the last {@link sentenceCodes}: token `i`'s are `codes[i · MAX_CODES .. i · MAX_CODES + count[i])`. */
  codes = new Int32Array(64 * MAX_CODES);
  count = new Uint8Array(64);

  /**
   * The document feature codes of every token of the sentence `[a, b)` of `d`, in the order of `documentCodes`,
   * into {@link codes} and {@link count}. The counts must hold the sentence's window.
   */
  sentenceCodes(d: FlatTokens, a: number, b: number): void {
    const n = b - a;
    if (this.types.length < n) {
      this.types = new Int32Array(n * 2);
      this.codes = new Int32Array(n * 2 * MAX_CODES);
      this.count = new Uint8Array(n * 2);
    }
    const types = this.types;
    for (let i = 0; i < n; i++) types[i] = d.eligible[a + i] === 1 ? this.summary(d.form[a + i], d.tags[a + i], 0, 0, null) : 0;
    const tg = d.tags;
    const list = this.list;
    for (let i = 0; i < n; i++) {
      const k = a + i;
      const self = tg[k] + 1;
      list.length = 0;
      list.push(
        C_T1 + self, C_T1P + tagAt(tg, a, n, i - 1) * TAGV + self, C_T1N + self * TAGV + tagAt(tg, a, n, i + 1), C_T1P2 + tagAt(tg, a, n, i - 2),
        C_T1N2 + tagAt(tg, a, n, i + 2),
      );
      if (d.eligible[k] === 1) {
        this.summary(d.form[k], tg[k], C_DL, C_DLT, list);
        if (d.cand[k] >= 0) this.summary(d.cand[k], -1, C_DC, C_DCT, list);
      }
      const tPrev = i > 0 ? types[i - 1] : 0;
      const tNext = i + 1 < n ? types[i + 1] : 0;
      list.push(C_DTP + tPrev, C_DTN + tNext, C_DT3 + (tPrev * TYPEV + types[i]) * TYPEV + tNext);
      for (let c = 0; c < list.length; c++) this.codes[i * MAX_CODES + c] = list[c];
      this.count[i] = list.length;
    }
  }
}

/** First-stage tag value of token `j` of the sentence at `a` of length `n`: tag + 1, or 0 outside it. */
function tagAt(tags: Int32Array, a: number, n: number, j: number): number {
  return j >= 0 && j < n ? tags[a + j] + 1 : 0;
}

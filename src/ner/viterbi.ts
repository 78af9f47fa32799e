/**
 * First-order Viterbi decoding over BIO tags with the BIO constraint (an `I-X` only after `B-X` or `I-X`),
 * as used with structured perceptrons (Collins 2002).
 */
import { NER_TAGS } from "./types.ts";

/**
 * Allowed transitions for {@link NER_TAGS}: `allowed[(prev + 1) * T + t]` is 1 when tag `t` may follow tag `prev`
 * (`prev = -1` is the sentence start, row 0).
 */
export function bioTransitionMask(tags: readonly string[] = NER_TAGS): Uint8Array {
  const T = tags.length;
  const mask = new Uint8Array((T + 1) * T);
  for (let prev = -1; prev < T; prev++) {
    for (let t = 0; t < T; t++) {
      const tag = tags[t];
      let ok = true;
      if (tag.startsWith("I-")) {
        const type = tag.slice(2);
        ok = prev >= 0 && (tags[prev] === `B-${type}` || tags[prev] === `I-${type}`);
      }
      mask[(prev + 1) * T + t] = ok ? 1 : 0;
    }
  }
  return mask;
}

/**
 * The highest-scoring tag sequence.
 * @param emit emission scores, `emit[i * T + t]` for token `i` and tag `t` (length `n * T`).
 * @param trans transition scores, `trans[(prev + 1) * T + t]` (row 0 = from the start), length `(T + 1) * T`.
 * @param allowed transition mask of the same shape (see {@link bioTransitionMask}).
 * @param n number of tokens; `T` number of tags.
 * @returns tag indices, length `n` (empty for `n = 0`). Ties go to the lower tag index.
 * @throws RangeError when the arrays are shorter than `n` and `T` require.
 */
export function viterbi(emit: ArrayLike<number>, trans: ArrayLike<number>, allowed: Uint8Array, n: number, T: number): Int32Array {
  if (emit.length < n * T || trans.length < (T + 1) * T || allowed.length < (T + 1) * T) {
    throw new RangeError(`viterbi: arrays too short for ${n} tokens and ${T} tags.`);
  }
  const out = new Int32Array(n);
  if (n === 0) return out;
  decodeInto(emit, trans, allowed, predecessors(allowed, T), n, T, out, 0, new Float64Array(n * T), new Int32Array(n * T));
  return out;
}

/**
 * The allowed predecessors of every tag, in ascending order: `list[start[t] .. start[t + 1])` (so the BIO
 * constraint costs no test in the inner loop, and `I-X` tags look at two predecessors instead of all).
 */
function predecessors(allowed: Uint8Array, T: number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(T + 1);
  const list: number[] = [];
  for (let t = 0; t < T; t++) {
    for (let p = 0; p < T; p++) if (allowed[(p + 1) * T + t] === 1) list.push(p);
    start[t + 1] = list.length;
  }
  return { start, list: Int32Array.from(list) };
}

/** {@link viterbi} with its work arrays kept between calls (grown as needed). Not reentrant. */
export class ViterbiDecoder {
  private score = new Float64Array(1024);
  private back = new Int32Array(1024);
  private readonly preds: { start: Int32Array; list: Int32Array };

  /** @throws RangeError when the tables are shorter than `T` requires. */
  constructor(private readonly trans: ArrayLike<number>, private readonly allowed: Uint8Array, private readonly T: number) {
    if (trans.length < (T + 1) * T || allowed.length < (T + 1) * T) throw new RangeError(`ViterbiDecoder: tables too short for ${T} tags.`);
    this.preds = predecessors(allowed, T);
  }

  /**
   * {@link viterbi} without allocation: writes the `n` tags to `out[at .. at + n)`.
   * @throws RangeError when `emit` is shorter than `n · T` or `out` than `at + n`.
   */
  decode(emit: ArrayLike<number>, n: number, out: Int32Array, at = 0): void {
    const T = this.T;
    if (emit.length < n * T || out.length < at + n) throw new RangeError(`ViterbiDecoder: arrays too short for ${n} tokens.`);
    if (n === 0) return;
    if (this.score.length < n * T) {
      this.score = new Float64Array(n * T * 2);
      this.back = new Int32Array(n * T * 2);
    }
    decodeInto(emit, this.trans, this.allowed, this.preds, n, T, out, at, this.score, this.back);
  }
}

function decodeInto(
  emit: ArrayLike<number>, trans: ArrayLike<number>, allowed: Uint8Array, preds: { start: Int32Array; list: Int32Array },
  n: number, T: number, out: Int32Array, at: number, score: Float64Array, back: Int32Array,
): void {
  const { start, list } = preds;
  for (let t = 0; t < T; t++) score[t] = allowed[t] === 1 ? emit[t] + trans[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = start[t]; q < start[t + 1]; q++) {
        const p = list[q];
        const s = score[prev + p] + trans[(p + 1) * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emit[i * T + t];
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t] > best) {
      best = score[(n - 1) * T + t];
      arg = t;
    }
  }
  out[at + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[at + i - 1] = back[i * T + out[at + i]];
}

/**
 * Score of a tag sequence: emissions plus transitions (row 0 = from the start), as {@link viterbi} maximises.
 * @param tags tag indices, length `n`.
 */
export function pathScore(emit: ArrayLike<number>, trans: ArrayLike<number>, tags: ArrayLike<number>, T: number): number {
  let s = 0;
  let prev = -1;
  for (let i = 0; i < tags.length; i++) {
    s += emit[i * T + tags[i]] + trans[(prev + 1) * T + tags[i]];
    prev = tags[i];
  }
  return s;
}

/**
 * How much better the best sequence is than the best sequence with tokens `[start, end)` all `O` (tag 0): the
 * score margin of the entity span there (≥ 0; 0 when the best sequence already has them all `O`).
 */
export function spanMargin(emit: ArrayLike<number>, trans: ArrayLike<number>, allowed: Uint8Array, n: number, T: number, start: number, end: number): number {
  const best = pathScore(emit, trans, viterbi(emit, trans, allowed, n, T), T);
  const masked = Float64Array.from(emit);
  for (let i = start; i < end; i++) for (let t = 1; t < T; t++) masked[i * T + t] = -Infinity;
  const alt = viterbi(masked, trans, allowed, n, T);
  return Math.max(0, best - pathScore(emit, trans, alt, T));
}

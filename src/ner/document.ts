/**
 * Document-level label consistency (second stage, issue #9): features from the first stage's tags of the same
 * word elsewhere in the document. Following the two-stage idea of Krishnan & Manning 2006 ("An effective
 * two-stage model for exploiting non-local dependencies in named entity recognition"). ANERcorp has no document
 * markers, so a "document" is a window of `window` sentences either side of the current sentence. Pure.
 */
import { NER_TAGS } from "./types.ts";
import type { TokenObservation } from "./features.ts";

const T = NER_TAGS.length;

/** Whether a token takes part in label consistency: words of two letters or more (no numbers, punctuation). */
function eligible(o: TokenObservation): boolean {
  return o.shape.startsWith("L") && o.bare.length >= 2;
}

/** Occurrences of each word (by its `bare` form) with cumulative first-stage tag counts, for window queries. */
export class LabelIndex {
  private readonly byKey = new Map<string, { sents: number[]; cum: number[] }>();

  /**
   * @param obs observations per sentence of the document (or the whole stream).
   * @param tags first-stage tag indices per sentence (same shape).
   */
  constructor(obs: readonly (readonly TokenObservation[])[], tags: readonly Int32Array[]) {
    for (let s = 0; s < obs.length; s++) {
      for (let i = 0; i < obs[s].length; i++) {
        const o = obs[s][i];
        if (!eligible(o)) continue;
        let e = this.byKey.get(o.bare);
        if (e === undefined) this.byKey.set(o.bare, (e = { sents: [], cum: new Array(T).fill(0) }));
        const base = e.cum.length - T;
        for (let t = 0; t < T; t++) e.cum.push(e.cum[base + t]);
        e.cum[e.cum.length - T + tags[s][i]]++;
        e.sents.push(s);
      }
    }
  }

  /** Adds to `out` the tag counts of `key` in sentences `[lo, hi]`. */
  count(key: string, lo: number, hi: number, out: Float64Array): void {
    const e = this.byKey.get(key);
    if (e === undefined) return;
    const a = lowerBound(e.sents, lo);
    const b = lowerBound(e.sents, hi + 1);
    for (let t = 0; t < T; t++) out[t] += e.cum[b * T + t] - e.cum[a * T + t];
  }
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Summary of the other occurrences' tags: majority entity tag, its type and the entity share bucket. */
function summarise(counts: Float64Array, name: string, out: string[]): string {
  let tot = 0;
  for (let t = 0; t < T; t++) tot += counts[t];
  if (tot <= 0) return "";
  const ent = tot - counts[0];
  if (ent <= 0) {
    out.push(`${name}=O`);
    return "O";
  }
  let arg = 1;
  for (let t = 2; t < T; t++) if (counts[t] > counts[arg]) arg = t;
  const type = NER_TAGS[arg].slice(2);
  const r = ent / tot;
  out.push(`${name}=${NER_TAGS[arg]}`, `${name}t=${type}|${r >= 0.67 ? "h" : r >= 0.34 ? "m" : "l"}`);
  return type;
}

/**
 * Second-stage features of token `i` of sentence `s`: its own and neighbours' first-stage tags, and the
 * tags the first stage gave the same word (and its clitic-stripped candidate) in other positions of the window.
 */
export function documentFeatures(
  obs: readonly (readonly TokenObservation[])[],
  tags: readonly Int32Array[],
  index: LabelIndex,
  s: number,
  i: number,
  window: number,
  out: string[],
): void {
  const sent = obs[s];
  const tg = tags[s];
  const tag = (j: number) => (j >= 0 && j < tg.length ? NER_TAGS[tg[j]] : "<s>");
  out.push(`t1=${tag(i)}`, `t1-1|t1=${tag(i - 1)}|${tag(i)}`, `t1|t1+1=${tag(i)}|${tag(i + 1)}`, `t1-2=${tag(i - 2)}`, `t1+2=${tag(i + 2)}`);
  const lo = s - window;
  const hi = s + window;
  const types: string[] = [];
  for (const j of [i - 1, i, i + 1]) {
    if (j < 0 || j >= sent.length || !eligible(sent[j])) {
      types.push("-");
      continue;
    }
    const counts = new Float64Array(T);
    index.count(sent[j].bare, lo, hi, counts);
    counts[tg[j]]--; // the token itself is not evidence about itself
    const name = j === i ? "dl" : j < i ? "dl-1" : "dl+1";
    types.push(summarise(counts, name, j === i ? out : []) || "-");
    if (j === i && sent[j].candidate !== "") {
      const c = new Float64Array(T);
      index.count(sent[j].candidate, lo, hi, c);
      summarise(c, "dc", out);
    }
  }
  out.push(`dt-1=${types[0]}`, `dt+1=${types[2]}`, `dt-1|dt|dt+1=${types.join("|")}`);
}

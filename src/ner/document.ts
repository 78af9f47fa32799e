/**
 * Document-level label consistency (second stage, issue #9): features from the first stage's tags of the same
 * word elsewhere in the document. Following the two-stage idea of Krishnan & Manning 2006 ("An effective
 * two-stage model for exploiting non-local dependencies in named entity recognition"). ANERcorp has no document
 * markers, so a "document" is a window of `window` sentences either side of the current sentence. Pure.
 *
 * Features are integer *codes* (template offset + value) so that tagging needs no string building; training
 * turns them into names with {@link documentFeatureName} (`t1=B-PERS`, `dlt=LOC|h`, …).
 */
import { NER_TAGS, NER_TYPES } from "./types.ts";
import type { TokenObservation } from "./features.ts";

const T = NER_TAGS.length;
/** Values of a neighbouring first-stage tag: `<s>` (outside the sentence), then the tags. */
const TAGV = T + 1;
/** Values of a summarised type: `-` (no evidence), `O`, then the entity types. */
const TYPES = ["-", "O", ...NER_TYPES];
const TYPEV = TYPES.length;
const BUCKETS = ["h", "m", "l"];

/** Templates in code order, with the size of their value space and how a value is written. */
const TEMPLATES: { name: string; size: number; show: (v: number) => string }[] = [
  { name: "t1", size: TAGV, show: (v) => tagName(v) },
  { name: "t1-1|t1", size: TAGV * TAGV, show: (v) => `${tagName(Math.floor(v / TAGV))}|${tagName(v % TAGV)}` },
  { name: "t1|t1+1", size: TAGV * TAGV, show: (v) => `${tagName(Math.floor(v / TAGV))}|${tagName(v % TAGV)}` },
  { name: "t1-2", size: TAGV, show: (v) => tagName(v) },
  { name: "t1+2", size: TAGV, show: (v) => tagName(v) },
  { name: "dl", size: T, show: (v) => NER_TAGS[v] },
  { name: "dlt", size: NER_TYPES.length * BUCKETS.length, show: (v) => `${NER_TYPES[Math.floor(v / 3)]}|${BUCKETS[v % 3]}` },
  { name: "dc", size: T, show: (v) => NER_TAGS[v] },
  { name: "dct", size: NER_TYPES.length * BUCKETS.length, show: (v) => `${NER_TYPES[Math.floor(v / 3)]}|${BUCKETS[v % 3]}` },
  { name: "dt-1", size: TYPEV, show: (v) => TYPES[v] },
  { name: "dt+1", size: TYPEV, show: (v) => TYPES[v] },
  {
    name: "dt-1|dt|dt+1",
    size: TYPEV ** 3,
    show: (v) => `${TYPES[Math.floor(v / (TYPEV * TYPEV))]}|${TYPES[Math.floor(v / TYPEV) % TYPEV]}|${TYPES[v % TYPEV]}`,
  },
];
const OFFSET: number[] = [];
{
  let o = 0;
  for (const t of TEMPLATES) {
    OFFSET.push(o);
    o += t.size;
  }
  OFFSET.push(o);
}
/** Number of distinct document feature codes. */
export const DOCUMENT_CODE_COUNT = OFFSET[TEMPLATES.length];
const [C_T1, C_T1P, C_T1N, C_T1P2, C_T1N2, C_DL, C_DLT, C_DC, C_DCT, C_DTP, C_DTN, C_DT3] = OFFSET;
/**
 * First code of each template, and the sizes of the tag and type value spaces: for code arithmetic outside this
 * module (the tagger's sliding-window version of {@link documentCodes}, `window-labels.ts`).
 */
export const DOCUMENT_CODES = { C_T1, C_T1P, C_T1N, C_T1P2, C_T1N2, C_DL, C_DLT, C_DC, C_DCT, C_DTP, C_DTN, C_DT3, TAGV, TYPEV } as const;

function tagName(v: number): string {
  return v === 0 ? "<s>" : NER_TAGS[v - 1];
}

/**
 * The feature name of a code from {@link documentCodes}.
 * @throws RangeError for a code outside `[0, DOCUMENT_CODE_COUNT)`.
 */
export function documentFeatureName(code: number): string {
  if (!Number.isInteger(code) || code < 0 || code >= DOCUMENT_CODE_COUNT) throw new RangeError(`documentFeatureName: bad code ${code}.`);
  if (NAMES === undefined) {
    NAMES = [];
    for (let k = 0; k < TEMPLATES.length; k++) for (let v = 0; v < TEMPLATES[k].size; v++) NAMES.push(`${TEMPLATES[k].name}=${TEMPLATES[k].show(v)}`);
  }
  return NAMES[code];
}

let NAMES: string[] | undefined;

/** Whether a token takes part in label consistency: words of two letters or more (no numbers, punctuation). */
export function eligible(o: Pick<TokenObservation, "shape" | "bare">): boolean {
  return o.shape.charCodeAt(0) === 76 /* "L" */ && o.bare.length >= 2;
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

/**
 * Summary of the other occurrences' tags (`counts`, length ≥ T): pushes the majority-tag code (`tagBase + tag`)
 * and the type/share bucket code (`typeBase + …`) when `out` is given; returns the summarised type as an index
 * of `TYPES` (0 = no evidence, 1 = only O).
 */
export function summarise(counts: ArrayLike<number>, tagBase: number, typeBase: number, out: number[] | null): number {
  let tot = 0;
  for (let t = 0; t < T; t++) tot += counts[t];
  if (tot <= 0) return 0;
  const ent = tot - counts[0];
  if (ent <= 0) {
    if (out !== null) out.push(tagBase);
    return 1;
  }
  let arg = 1;
  for (let t = 2; t < T; t++) if (counts[t] > counts[arg]) arg = t;
  const type = (arg - 1) >> 1;
  const r = ent / tot;
  if (out !== null) out.push(tagBase + arg, typeBase + type * 3 + (r >= 0.67 ? 0 : r >= 0.34 ? 1 : 2));
  return 2 + type;
}

const scratch = new Float64Array(T);

/**
 * Second-stage feature codes of token `i` of sentence `s`: its own and neighbours' first-stage tags, and the
 * tags the first stage gave the same word (and its clitic-stripped candidate) in other positions of the window.
 * Appends codes (see {@link documentFeatureName}) to `out`.
 */
export function documentCodes(
  obs: readonly (readonly TokenObservation[])[],
  tags: readonly Int32Array[],
  index: LabelIndex,
  s: number,
  i: number,
  window: number,
  out: number[],
): void {
  const sent = obs[s];
  const tg = tags[s];
  const n = tg.length;
  const tag = (j: number) => (j >= 0 && j < n ? tg[j] + 1 : 0);
  out.push(
    C_T1 + tag(i), C_T1P + tag(i - 1) * TAGV + tag(i), C_T1N + tag(i) * TAGV + tag(i + 1), C_T1P2 + tag(i - 2), C_T1N2 + tag(i + 2),
  );
  const lo = s - window;
  const hi = s + window;
  let tPrev = 0;
  let tSelf = 0;
  let tNext = 0;
  for (let j = i - 1; j <= i + 1; j++) {
    if (j < 0 || j >= n || !eligible(sent[j])) continue;
    scratch.fill(0);
    index.count(sent[j].bare, lo, hi, scratch);
    scratch[tg[j]]--; // the token itself is not evidence about itself
    const type = summarise(scratch, C_DL, C_DLT, j === i ? out : null);
    if (j < i) tPrev = type;
    else if (j > i) tNext = type;
    else {
      tSelf = type;
      if (sent[j].candidate !== "") {
        scratch.fill(0);
        index.count(sent[j].candidate, lo, hi, scratch);
        summarise(scratch, C_DC, C_DCT, out);
      }
    }
  }
  out.push(C_DTP + tPrev, C_DTN + tNext, C_DT3 + (tPrev * TYPEV + tSelf) * TYPEV + tNext);
}

/** {@link documentCodes} as feature names (for training). */
export function documentFeatures(
  obs: readonly (readonly TokenObservation[])[],
  tags: readonly Int32Array[],
  index: LabelIndex,
  s: number,
  i: number,
  window: number,
  out: string[],
): void {
  const codes: number[] = [];
  documentCodes(obs, tags, index, s, i, window, codes);
  for (const c of codes) out.push(documentFeatureName(c));
}

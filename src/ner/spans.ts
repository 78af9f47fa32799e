/**
 * BIO tags ↔ entity spans, and CoNLL exact-span-match scoring (the conlleval convention of CoNLL-2000/2003:
 * an `I-X` after `O` or after another type opens a new span; a span counts only if its type, start and end
 * all match the gold span).
 */
import { NER_TYPES, type NerType, type TokenSpan } from "./types.ts";

/**
 * The entity spans encoded by a BIO tag sequence (conlleval chunking).
 * @param tags BIO tags such as `B-PERS`, `I-PERS`, `O`; unknown types are ignored (treated as `O`).
 */
export function bioToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag[0];
    const type = tag.slice(2) as NerType;
    const known = (prefix === "B" || prefix === "I") && tag[1] === "-" && NER_TYPES.includes(type);
    if (!known) {
      if (cur !== null) spans.push(cur);
      cur = null;
      continue;
    }
    if (prefix === "I" && cur !== null && cur.type === type) {
      cur.end = i + 1;
      continue;
    }
    if (cur !== null) spans.push(cur);
    cur = { type, start: i, end: i + 1 };
  }
  if (cur !== null) spans.push(cur);
  return spans;
}

/** Precision, recall and F1 of one type (or of the micro average), with the counts they come from. */
export interface PrfRow {
  tp: number;
  /** Number of predicted spans. */
  predicted: number;
  /** Number of gold spans. */
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Per-type scores and the micro average over `types`. */
export interface SpanScores {
  byType: Record<NerType, PrfRow>;
  micro: PrfRow;
  /** Types the micro average is taken over. */
  types: NerType[];
}

function row(tp: number, predicted: number, gold: number): PrfRow {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

/**
 * Scores predicted against gold tag sequences by exact span match.
 * @param gold gold BIO tags per sentence.
 * @param predicted predicted BIO tags per sentence (same shape as `gold`).
 * @param microTypes types included in the micro average (default PERS, LOC, ORG, as in issue #9).
 * @throws RangeError when the shapes differ.
 */
export function scoreSpans(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  microTypes: NerType[] = ["PERS", "LOC", "ORG"],
): SpanScores {
  if (gold.length !== predicted.length) {
    throw new RangeError(`scoreSpans: ${gold.length} gold sentences but ${predicted.length} predicted.`);
  }
  const counts = new Map<NerType, { tp: number; p: number; g: number }>(NER_TYPES.map((t) => [t, { tp: 0, p: 0, g: 0 }]));
  for (let s = 0; s < gold.length; s++) {
    if (gold[s].length !== predicted[s].length) {
      throw new RangeError(`scoreSpans: sentence ${s} has ${gold[s].length} gold tags but ${predicted[s].length} predicted.`);
    }
    const g = bioToSpans(gold[s]);
    const p = bioToSpans(predicted[s]);
    const goldKeys = new Set(g.map((x) => `${x.type}:${x.start}:${x.end}`));
    for (const x of g) counts.get(x.type)!.g++;
    for (const x of p) {
      const c = counts.get(x.type)!;
      c.p++;
      if (goldKeys.has(`${x.type}:${x.start}:${x.end}`)) c.tp++;
    }
  }
  const byType = {} as Record<NerType, PrfRow>;
  let tp = 0;
  let pr = 0;
  let gd = 0;
  for (const t of NER_TYPES) {
    const c = counts.get(t)!;
    byType[t] = row(c.tp, c.p, c.g);
    if (microTypes.includes(t)) {
      tp += c.tp;
      pr += c.p;
      gd += c.g;
    }
  }
  return { byType, micro: row(tp, pr, gd), types: microTypes };
}

/** Formats scores as a fixed-width table (one row per type, then the micro row). */
export function formatScores(scores: SpanScores): string {
  const head = "type      prec     rec      F1    pred    gold      tp";
  const fmt = (name: string, r: PrfRow) =>
    `${name.padEnd(8)} ${r.precision.toFixed(3).padStart(6)} ${r.recall.toFixed(3).padStart(7)} ${r.f1.toFixed(3).padStart(7)}` +
    ` ${String(r.predicted).padStart(7)} ${String(r.gold).padStart(7)} ${String(r.tp).padStart(7)}`;
  const lines = [head, ...NER_TYPES.map((t) => fmt(t, scores.byType[t])), fmt("micro", scores.micro)];
  return lines.join("\n");
}

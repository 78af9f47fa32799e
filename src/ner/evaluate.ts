/**
 * Evaluating a tagger on an annotated corpus: the whole corpus is tagged as one running stream (label
 * consistency looks `window` sentences either side, as in training) and scored by CoNLL exact span match.
 */
import { scoreSpans, type SpanScores } from "./spans.ts";
import type { NerTagger } from "./tagger.ts";
import type { TaggedSentence } from "./types.ts";

/** Scores and speed of one evaluation. */
export interface NerEvaluation {
  scores: SpanScores;
  tokens: number;
  /** CPU time of tagging (user + system of this process, so other processes do not count), in milliseconds. */
  ms: number;
  /** Tagging speed, tokens per second. */
  tokensPerSecond: number;
  /** Predicted tags per sentence. */
  predicted: string[][];
}

/**
 * Tags `sentences` and scores them against their gold tags.
 * @throws RangeError when a sentence has no gold tags.
 */
export function evaluateTagger(tagger: NerTagger, sentences: readonly TaggedSentence[]): NerEvaluation {
  const gold = sentences.map((s, n) => {
    if (s.tags === undefined) throw new RangeError(`evaluateTagger: sentence ${n} has no gold tags.`);
    return s.tags;
  });
  const tokens = sentences.reduce((a, s) => a + s.tokens.length, 0);
  const t0 = process.cpuUsage();
  const { tags } = tagger.tagDocument(sentences.map((s) => s.tokens));
  const d = process.cpuUsage(t0);
  const ms = (d.user + d.system) / 1000;
  return { scores: scoreSpans(gold, tags), tokens, ms, tokensPerSecond: ms > 0 ? (tokens * 1000) / ms : 0, predicted: tags };
}

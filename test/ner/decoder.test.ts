import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { emissions, trainPerceptron, type EncodedSentence } from "../../src/ner/perceptron.ts";
import { mulberry32 } from "../../src/prng.ts";
import { bioToSpans, scoreSpans } from "../../src/ner/spans.ts";
import { NER_TAGS } from "../../src/ner/types.ts";
import { bioTransitionMask, pathScore, spanMargin, viterbi } from "../../src/ner/viterbi.ts";
import { parseConll } from "../../src/ner/conll.ts";

const T = NER_TAGS.length;
const ALLOWED = bioTransitionMask(NER_TAGS);
const tag = (name: string) => NER_TAGS.indexOf(name);

/** Best allowed sequence by enumeration (small n only). */
function bruteForce(emit: number[], trans: number[], n: number): number {
  let best = -Infinity;
  const seq = new Array(n).fill(0);
  const rec = (i: number, prev: number, acc: number) => {
    if (i === n) {
      best = Math.max(best, acc);
      return;
    }
    for (let t = 0; t < T; t++) {
      if (ALLOWED[(prev + 1) * T + t] !== 1) continue;
      seq[i] = t;
      rec(i + 1, t, acc + emit[i * T + t] + trans[(prev + 1) * T + t]);
    }
  };
  rec(0, -1, 0);
  return best;
}

describe("Viterbi decoding over BIO tags", () => {
  it("never lets I-X follow O, another type, or the sentence start", () => {
    for (let prev = -1; prev < T; prev++) {
      for (let t = 0; t < T; t++) {
        const name = NER_TAGS[t];
        const ok = !name.startsWith("I-") || (prev >= 0 && NER_TAGS[prev].slice(2) === name.slice(2));
        expect(ALLOWED[(prev + 1) * T + t], `${prev < 0 ? "<s>" : NER_TAGS[prev]} → ${name}`).toBe(ok ? 1 : 0);
      }
    }
  });

  it("finds the highest-scoring allowed sequence (checked against enumeration)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer(), (n, seed) => {
        const r = mulberry32(seed);
        const emit = Array.from({ length: n * T }, () => Math.round((r() - 0.5) * 20));
        const trans = Array.from({ length: (T + 1) * T }, () => Math.round((r() - 0.5) * 10));
        const path = viterbi(emit, trans, ALLOWED, n, T);
        for (let i = 0; i < n; i++) expect(ALLOWED[((i === 0 ? -1 : path[i - 1]) + 1) * T + path[i]]).toBe(1);
        expect(pathScore(emit, trans, path, T)).toBe(bruteForce(emit, trans, n));
      }),
      { numRuns: 150 },
    );
  });

  it("prefers B-PERS I-PERS over an I- after O even when the I- emission is higher", () => {
    const emit = new Array(2 * T).fill(0);
    emit[tag("B-PERS")] = 2;
    emit[T + tag("I-PERS")] = 3;
    emit[T + tag("I-LOC")] = 5; // only reachable through B-LOC, which costs too much here
    emit[tag("B-LOC")] = -10;
    const trans = new Array((T + 1) * T).fill(0);
    expect(Array.from(viterbi(emit, trans, ALLOWED, 2, T), (t) => NER_TAGS[t])).toEqual(["B-PERS", "I-PERS"]);
  });

  it("returns an empty path for an empty sentence and rejects short arrays", () => {
    expect(viterbi([], new Array((T + 1) * T).fill(0), ALLOWED, 0, T).length).toBe(0);
    expect(() => viterbi([1, 2], new Array((T + 1) * T).fill(0), ALLOWED, 1, T)).toThrow(RangeError);
  });

  it("measures a span's margin: zero where the best path has O, positive where it has the entity", () => {
    const emit = new Array(3 * T).fill(0);
    emit[T + tag("B-LOC")] = 4;
    const trans = new Array((T + 1) * T).fill(0);
    expect(spanMargin(emit, trans, ALLOWED, 3, T, 1, 2)).toBe(4);
    expect(spanMargin(emit, trans, ALLOWED, 3, T, 0, 1)).toBe(0);
  });
});

describe("averaged structured perceptron", () => {
  // Toy task: feature 0 = "after a title" → B-PERS; feature 1 = "after في" → B-LOC; feature 2 = anything else → O.
  const sent = (fs: number[], gold: string[]): EncodedSentence => ({
    ids: Int32Array.from(fs),
    offsets: Int32Array.from(fs.map((_, i) => i).concat(fs.length)),
    gold: Int32Array.from(gold, tag),
  });
  const data = [
    sent([2, 0, 2], ["O", "B-PERS", "O"]),
    sent([1, 2], ["B-LOC", "O"]),
    sent([2, 2, 1], ["O", "O", "B-LOC"]),
    sent([0, 2, 2], ["B-PERS", "O", "O"]),
  ];
  it("learns a separable toy task and tags new sentences with it", () => {
    const w = trainPerceptron(data, 3, T, ALLOWED, { epochs: 5, seed: 1 });
    const s = sent([0, 2, 1], ["B-PERS", "O", "B-LOC"]);
    expect(Array.from(viterbi(emissions(s, w.weights, T), w.trans, ALLOWED, 3, T), (t) => NER_TAGS[t])).toEqual(["B-PERS", "O", "B-LOC"]);
  });
  it("is deterministic for a seed", () => {
    const a = trainPerceptron(data, 3, T, ALLOWED, { epochs: 3, seed: 7 });
    const b = trainPerceptron(data, 3, T, ALLOWED, { epochs: 3, seed: 7 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(() => trainPerceptron(data, 3, T, ALLOWED, { epochs: 0, seed: 1 })).toThrow(RangeError);
  });
});

describe("CoNLL spans and exact-match scoring", () => {
  it("chunks like conlleval: an I- after O or another type opens a span", () => {
    expect(bioToSpans(["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"])).toEqual([
      { type: "PERS", start: 0, end: 2 }, { type: "LOC", start: 3, end: 5 }, { type: "ORG", start: 5, end: 6 }, { type: "PERS", start: 6, end: 7 },
    ]);
  });
  it("counts a span only when type, start and end all match; micro over PERS, LOC, ORG only", () => {
    const gold = [["B-PERS", "I-PERS", "O", "B-LOC", "B-MISC"]];
    const pred = [["B-PERS", "O", "O", "B-LOC", "B-MISC"]];
    const s = scoreSpans(gold, pred);
    expect(s.byType.PERS).toMatchObject({ tp: 0, predicted: 1, gold: 1 });
    expect(s.byType.LOC).toMatchObject({ tp: 1, f1: 1 });
    expect(s.byType.MISC.tp).toBe(1);
    expect(s.micro).toMatchObject({ tp: 1, predicted: 2, gold: 2, f1: 0.5 });
    expect(() => scoreSpans(gold, [])).toThrow(RangeError);
  });
  it("parses the CAMeL Lab format and rejects unknown tags with a DataError", () => {
    const s = parseConll("فرانكفورت B-LOC\n(د O\n\nأعلن O\nاتحاد B-ORG\r\n");
    expect(s).toEqual([{ tokens: ["فرانكفورت", "(د"], tags: ["B-LOC", "O"] }, { tokens: ["أعلن", "اتحاد"], tags: ["O", "B-ORG"] }]);
    expect(() => parseConll("x B-FOO\n")).toThrow(DataError);
    expect(() => parseConll("lonely\n")).toThrow(DataError);
  });
});

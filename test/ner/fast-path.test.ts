/**
 * The fast inference path of NerTagger (cached word vectors, grouped lookups, sliding-window label counts,
 * allocation-free Viterbi) must give exactly what the feature functions that training uses give:
 * - on the whole test split, the tags and the final emission scores hash to digests taken from the tagger as it
 *   was before the fast path (commit ed3beaa), so any change of output fails here;
 * - on part of the test split and on made-up text, the tags and emissions equal those of a reference tagger
 *   written here from `localFeatures`, `documentCodes` and `viterbi`, adding weight rows one by one.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConll } from "../../src/ner/conll.ts";
import { LabelIndex, documentCodes, documentFeatureName } from "../../src/ner/document.ts";
import { localFeatures, observe } from "../../src/ner/features.ts";
import { readNerModelSync } from "../../src/ner/model-io.ts";
import { SHIPPED_NER_MODEL } from "../../src/ner/shipped.ts";
import { NerTagger, type NerModel, type TaggedDocument } from "../../src/ner/tagger.ts";
import { bioTransitionMask, viterbi } from "../../src/ner/viterbi.ts";
import { NER_TAGS } from "../../src/ner/types.ts";
import { ROOT } from "../helpers/seed.ts";

const T = NER_TAGS.length;
const ALLOWED = bioTransitionMask(NER_TAGS);

/** Digests of the shipped model's output on the test split, taken before the fast path (see the module doc). */
const DIGESTS = {
  /** The split as one stream: sha256 of the tags (space-joined per sentence, sentences joined by "\n"). */
  streamTags: "62dc30bb1d904267c8996410316270e2ae77449a7ab4fae7fac5c6beb0366711",
  /** …and of the bytes of the final emission scores (Float64, little-endian), sentence by sentence. */
  streamEmit: "c7a0add72d4936ac1b95bdc03e07db799710e0453ba36d04a02e9fca25a3fb73",
  /** The split as documents of 30 sentences, tagged one after the other by one tagger ("\n\n" after each). */
  docsTags: "e149450b4fec0cbc9177b2099fe185f0703f09710f7ae9ff80aa6a931eca779d",
  docsEmit: "2ff62b83a68fc8ec5612a0da3d2a248b24aec0a3ec54d5b6f2933c0823ac84bc",
};

const sha = () => createHash("sha256");
const emitBytes = (e: Float64Array) => new Uint8Array(e.buffer, e.byteOffset, e.byteLength);

/** Tags a document from the string features, adding rows in feature order (what training's functions say). */
function referenceTag(model: NerModel, sentences: readonly (readonly string[])[]): TaggedDocument {
  const obs = sentences.map((s) => observe([...s], model.resources));
  const w1 = model.stage1.weights;
  const w2 = model.stage2.weights;
  const local = obs.map((sent) => sent.map((_, i) => {
    const names: string[] = [];
    localFeatures(sent, i, names);
    return names.map((f) => model.features.get(f)).filter((r): r is number => r !== undefined);
  }));
  const e1 = local.map((sent) => {
    const e = new Float64Array(sent.length * T);
    sent.forEach((rows, i) => { for (const r of rows) for (let t = 0; t < T; t++) e[i * T + t] += Math.fround(w1[r * T + t]); });
    return e;
  });
  const tags1 = e1.map((e, s) => viterbi(e, model.stage1.trans, ALLOWED, obs[s].length, T));
  const index = new LabelIndex(obs, tags1);
  const emit = local.map((sent, s) => {
    const e = new Float64Array(sent.length * T);
    sent.forEach((rows, i) => {
      for (const r of rows) for (let t = 0; t < T; t++) e[i * T + t] += Math.fround(w2[r * T + t]);
      const codes: number[] = [];
      documentCodes(obs, tags1, index, s, i, model.window, codes);
      for (const c of codes) {
        const r = model.features.get(documentFeatureName(c));
        if (r !== undefined) for (let t = 0; t < T; t++) e[i * T + t] += w2[r * T + t];
      }
    });
    return e;
  });
  const tags = emit.map((e, s) => Array.from(viterbi(e, model.stage2.trans, ALLOWED, obs[s].length, T), (t) => NER_TAGS[t]));
  return { tags, emit };
}

describe("the tagger's fast path", () => {
  let model: NerModel;
  let test: string[][];
  beforeAll(() => {
    model = readNerModelSync(SHIPPED_NER_MODEL).model;
    test = parseConll(readFileSync(resolve(ROOT, "../shared/ner/anercorp-camellab/ANERCorp_CamelLab_test.txt"), "utf8")).map((s) => s.tokens);
  });

  it("tags the whole test split exactly as before (tags and emission scores, as one stream and as documents)", () => {
    const tagger = new NerTagger(model);
    const r = tagger.tagDocument(test);
    expect(r.tags.map((s) => s.length)).toEqual(test.map((s) => s.length));
    expect(sha().update(r.tags.map((s) => s.join(" ")).join("\n")).digest("hex")).toBe(DIGESTS.streamTags);
    const he = sha();
    for (const e of r.emit) he.update(emitBytes(e));
    expect(he.digest("hex")).toBe(DIGESTS.streamEmit);
    const ht = sha();
    const hd = sha();
    for (let s = 0; s < test.length; s += 30) {
      const d = tagger.tagDocument(test.slice(s, s + 30));
      ht.update(`${d.tags.map((x) => x.join(" ")).join("\n")}\n\n`);
      for (const e of d.emit) hd.update(emitBytes(e));
    }
    expect(ht.digest("hex")).toBe(DIGESTS.docsTags);
    expect(hd.digest("hex")).toBe(DIGESTS.docsEmit);
  });

  it("equals the reference tagger built from the training feature functions, bit for bit", () => {
    const doc = test.slice(0, 120);
    const ref = referenceTag(model, doc);
    const got = new NerTagger(model).tagDocument(doc);
    expect(got.tags).toEqual(ref.tags);
    expect(got.tags.flat().filter((t) => t !== "O").length).toBeGreaterThan(100);
    for (let s = 0; s < doc.length; s++) expect(Array.from(got.emit[s])).toEqual(Array.from(ref.emit[s]));
  });

  it("gives the same output whatever it tagged before, and after its word cache was cleared", () => {
    const doc = test.slice(300, 340);
    const fresh = new NerTagger(model).tagDocument(doc);
    const small = new NerTagger(model, { cacheWords: 50 });
    small.tagDocument(test.slice(0, 60)); // fills the cache far beyond 50 words: cleared before the next document
    const again = small.tagDocument(doc);
    expect(again.tags).toEqual(fresh.tags);
    expect(again.emit).toEqual(fresh.emit);
    expect(small.tagDocument(doc).emit).toEqual(fresh.emit);
  });

  it("handles empty documents and sentences, pads, and keys holding \"|\" like the reference", () => {
    const tagger = new NerTagger(model);
    expect(tagger.tagDocument([])).toEqual({ tags: [], emit: [] });
    const doc = [[], ["قال", "الرئيس", "العراقي", "سامر", "الحداد", "في", "بغداد"], ["a|b", "|", "بغداد", "|", "بغداد"], ["بغداد"], []];
    const ref = referenceTag(model, doc);
    const got = tagger.tagDocument(doc);
    expect(got.tags).toEqual(ref.tags);
    expect(got.emit.map((e) => Array.from(e))).toEqual(ref.emit.map((e) => Array.from(e)));
    expect(got.tags[0]).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { DOCUMENT_CODE_COUNT, LabelIndex, documentCodes, documentFeatureName, documentFeatures } from "../../src/ner/document.ts";
import { observe, type FeatureResources } from "../../src/ner/features.ts";
import { buildGazetteer } from "../../src/ner/gazetteer.ts";
import { NER_TAGS } from "../../src/ner/types.ts";

const res: FeatureResources = { gazetteer: buildGazetteer({}), frequent: new Set(), clusters: new Map() };
const tagIds = (tags: string[]) => Int32Array.from(tags, (t) => NER_TAGS.indexOf(t));

describe("document-level label consistency features", () => {
  it("names every code uniquely", () => {
    const names = new Set(Array.from({ length: DOCUMENT_CODE_COUNT }, (_, c) => documentFeatureName(c)));
    expect(names.size).toBe(DOCUMENT_CODE_COUNT);
    expect(() => documentFeatureName(DOCUMENT_CODE_COUNT)).toThrow(RangeError);
  });

  it("reports what stage 1 said about the same word elsewhere in the window, not about itself", () => {
    const obs = [observe(["قال", "كوندرا", "ان"], res), observe(["وصل", "كوندرا", "امس"], res), observe(["كوندرا", "هنا"], res)];
    const tags = [tagIds(["O", "B-PERS", "O"]), tagIds(["O", "B-PERS", "O"]), tagIds(["O", "O"])];
    const index = new LabelIndex(obs, tags);
    const f: string[] = [];
    documentFeatures(obs, tags, index, 2, 0, 5, f);
    // the two other occurrences were B-PERS: majority tag B-PERS, entity share 2/2 → high
    expect(f).toEqual(expect.arrayContaining(["t1=O", "dl=B-PERS", "dlt=PERS|h", "dt-1|dt|dt+1=-|PERS|-"]));
    // with a window of 0 only the sentence itself counts: no other occurrence, no dl feature
    const g: string[] = [];
    documentFeatures(obs, tags, index, 2, 0, 0, g);
    expect(g.some((x) => x.startsWith("dl"))).toBe(false);
  });

  it("gives the same codes as names", () => {
    const obs = [observe(["في", "بغداد"], res), observe(["من", "بغداد"], res)];
    const tags = [tagIds(["O", "B-LOC"]), tagIds(["O", "B-LOC"])];
    const index = new LabelIndex(obs, tags);
    const codes: number[] = [];
    documentCodes(obs, tags, index, 1, 1, 3, codes);
    const names: string[] = [];
    documentFeatures(obs, tags, index, 1, 1, 3, names);
    expect(codes.map(documentFeatureName)).toEqual(names);
    expect(names).toContain("t1-1|t1=O|B-LOC");
  });
});

import { describe, expect, it } from "vitest";
import { splitProclitics } from "../../src/ner/clitics.ts";
import {
  contextFeatures, localFeatures, neighbourFeatures, observe, selfFeatures, wordInfo, type FeatureResources,
} from "../../src/ner/features.ts";
import { buildGazetteer, gazBit, matchPhrases } from "../../src/ner/gazetteer.ts";

const res: FeatureResources = {
  gazetteer: buildGazetteer({ country: ["العراق", "الولايات المتحدة"], title: ["الرئيس"], first: ["محمد"] }),
  frequent: new Set(["في", "قال", "الرئيس"]),
  clusters: new Map(),
};

const feats = (f: (out: string[]) => void): string[] => {
  const out: string[] = [];
  f(out);
  return out;
};

describe("proclitic splitting (features and span mapping)", () => {
  it("cuts conjunction and preposition before the article, and reads لل as ل + ال", () => {
    expect(splitProclitics("وبالعراق")).toMatchObject({ prefix: "وب", stem: "العراق", bare: "عراق", stemOffset: 2 });
    expect(splitProclitics("للامم")).toMatchObject({ prefix: "ل", stem: "الامم", bare: "امم", stemOffset: 1 });
  });
  it("offers a lone proclitic letter only as a candidate and leaves short words alone", () => {
    expect(splitProclitics("وسوريا")).toMatchObject({ stem: "وسوريا", candidate: "سوريا", stemOffset: 0 });
    expect(splitProclitics("ولي")).toMatchObject({ stem: "ولي", candidate: "", stemOffset: 0 });
  });
});

describe("feature extraction", () => {
  it("gives the word, its clitic-stripped forms and prefixes/suffixes of 1–4 letters of the bare stem", () => {
    const f = feats((out) => selfFeatures(wordInfo("وبالعراق", res), out));
    expect(f).toEqual(expect.arrayContaining(["w=وبالعراق", "st=العراق", "pc=وب", "ba=عراق", "p1=ع", "p3=عرا", "s1=ق", "s3=راق"]));
    // a 4-letter bare stem has affixes up to 3 letters (n < length): no p4/s4 equal to the word itself
    expect(f.some((x) => x.startsWith("p4="))).toBe(false);
    expect(f).toContain(`gb=${Math.log2(gazBit("country"))}`);
  });
  it("marks rare words with their letter trigrams, frequent words without", () => {
    const rare = feats((out) => selfFeatures(wordInfo("كوندرا", res), out));
    expect(rare).toEqual(expect.arrayContaining(["rare", "tri=كون", "tri=وند", "tri=ندر", "tri=درا"]));
    const common = feats((out) => selfFeatures(wordInfo("قال", res), out));
    expect(common.filter((x) => x === "rare" || x.startsWith("tri="))).toEqual([]);
  });
  it("computes shapes: digits, Latin, punctuation and the length of Arabic words", () => {
    expect(wordInfo("2014", res).shape).toBe("num");
    expect(wordInfo("F16", res).shape).toBe("dig");
    expect(wordInfo("NATO", res).shape).toBe("lat");
    expect(wordInfo("،", res).shape).toBe("pun");
    expect(wordInfo("بغداد", res).shape).toBe("L5");
    expect(wordInfo("الاستخبارات", res).shape).toBe("L8");
  });
  it("normalises the key (alef forms, teh marbuta) before everything else", () => {
    expect(wordInfo("أمريكا", res).key).toBe("امريكا");
    expect(wordInfo("الحكومة", res).key).toBe("الحكومه");
  });
  it("names neighbours by offset, with richer features at ±1 than at ±2", () => {
    const w = wordInfo("الرئيس", res);
    const near = feats((out) => neighbourFeatures(w, -1, out));
    const far = feats((out) => neighbourFeatures(w, 2, out));
    expect(near).toEqual(expect.arrayContaining(["w-1=الرئيس", "b-1=رئيس", `g-1=${gazBit("title")}`]));
    expect(far).toEqual(["w+2=الرئيس", `g+2=${gazBit("title")}`]);
  });
  it("pads outside the sentence and pairs neighbouring words", () => {
    const obs = observe(["قال", "الرئيس", "محمد"], res);
    const f = feats((out) => contextFeatures(obs, 2, out));
    expect(f).toEqual(expect.arrayContaining(["w-1|w=الرئيس|محمد", "w|w+1=محمد|<s>", "w+1|w+2=<s>|<s>", "sh-1|sh|sh+1=L6|L4|pad"]));
  });
  it("marks multi-word gazetteer phrases, the first token with B", () => {
    const obs = observe(["في", "الولايات", "المتحدة", "أمس"], res);
    const bit = gazBit("country");
    expect(obs.map((o) => o.phrase)).toEqual([0, bit, bit, 0]);
    expect(feats((out) => localFeatures(obs, 1, out))).toContain(`ph=${bit}B`);
    expect(feats((out) => localFeatures(obs, 2, out))).toContain(`ph=${bit}I`);
  });
  it("matches a phrase whose first word carries a proclitic, longest first", () => {
    const gaz = buildGazetteer({ org: ["مجلس الأمن", "مجلس الأمن الدولي"] });
    const m = matchPhrases(gaz, [["ومجلس", "مجلس"], ["الامن"], ["الدولي"]], ["ومجلس", "الامن", "الدولي"]);
    expect(Array.from(m.mask)).toEqual([gazBit("org"), gazBit("org"), gazBit("org")]);
    expect(Array.from(m.begin)).toEqual([1, 0, 0]);
  });
  it("is deterministic: the same sentence gives the same features", () => {
    const a = observe(["وقال", "الرئيس", "محمد", "في", "بغداد"], res);
    const b = observe(["وقال", "الرئيس", "محمد", "في", "بغداد"], res);
    expect(a.map((_, i) => feats((o) => localFeatures(a, i, o)))).toEqual(b.map((_, i) => feats((o) => localFeatures(b, i, o))));
  });
});

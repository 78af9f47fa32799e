/**
 * Boilerplate removal (issue #3 §3): site-promotion lines are removed by the rules in graph-data/boilerplate.json
 * plus heuristics, and what was removed is kept on the document; news sentences that mention platforms stay.
 */
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { compileBoilerplateRules, isBoilerplateLine, parseDocument, removeBoilerplate } from "../../src/ingest/index.ts";

const PROMO = [
  "تابعونا على انستغرام", "تابعوا آخر الأخبار عبر قناتنا على تلغرام", "انضموا إلى قناتنا على تيليغرام", "تابعونا على واتساب",
  "اشترك في قناتنا على يوتيوب", "إضغط هنا للإشتراك", "انقر هنا للاشتراك في النشرة البريدية", "حمّل تطبيق الموقع الآن",
  "قم بتحميل تطبيقنا", "اقرأ أيضاً: مقتل 3 جنود في هجوم", "إقرأ المزيد", "شاهد أيضا", "اشترك الآن", "مواضيع ذات صلة",
  "يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال حسابنا على إنستجرام", "@elaph", "https://t.me/elaph", "#العراق #بغداد",
  "إعلان", "Follow us on Twitter", "Click here to subscribe", "Download our app", "Read also: the latest",
  "جميع الحقوق محفوظة © 2021",
];
const NEWS = [
  "قال الوزير في تغريدة على تويتر إن الهجوم فشل", "أعلنت الشركة اشتراكها في المؤتمر", "وتابع الوزير قائلا إن الوضع مستقر",
  "أطلقت الحكومة تطبيقا جديدا للمواطنين", "نشر المتحدث مقطعا على يوتيوب", "اضغط الجيش على المسلحين في الموصل",
  "وانضمت الكتيبة الى القوات المشتركة في كركوك",
];

describe("boilerplate rules", () => {
  it.each(PROMO)("promotion removed: %s", (line) => expect(isBoilerplateLine(line)).toBe(true));
  it.each(NEWS)("news kept: %s", (line) => expect(isBoilerplateLine(line)).toBe(false));
  it("a long line is never boilerplate, whatever its cues", () => {
    expect(isBoilerplateLine(`تابعونا على انستغرام ${"وقال المتحدث إن القوات تقدمت ".repeat(6)}`)).toBe(false);
  });
});

describe("removeBoilerplate", () => {
  it("removes promotion lines, keeps them in order, and collapses the blank lines left", () => {
    const body = "العنوان\nتابعونا على تلغرام\n\n\nالنص الأول.\nإضغط هنا للإشتراك\nالنص الثاني.\n\n";
    expect(removeBoilerplate(body)).toEqual({ text: "العنوان\n\nالنص الأول.\nالنص الثاني.", removed: ["تابعونا على تلغرام", "إضغط هنا للإشتراك"] });
  });
  it("a weak cue (half the threshold) is removed when the line repeats in the document, kept once", () => {
    const weak = "نشرتنا اليومية";
    expect(isBoilerplateLine(weak)).toBe(false);
    expect(removeBoilerplate(`${weak}\nنص الخبر.\n${weak}`).removed).toEqual([weak, weak]);
    expect(removeBoilerplate(`${weak}\nنص الخبر.`).removed).toEqual([]);
  });
  it("the document keeps what was removed (SourceDocument.removed)", () => {
    const [d] = parseDocument(new Uint8Array(Buffer.from("الخبر في بغداد.\nتابعونا على واتساب\nوقال المتحدث.")), "a.txt");
    expect([d.text, d.removed]).toEqual(["الخبر في بغداد.\nوقال المتحدث.", ["تابعونا على واتساب"]]);
  });
  it("boilerplate: false keeps every line", () => {
    const [d] = parseDocument(new Uint8Array(Buffer.from("تابعونا على واتساب\nنص")), "a.txt", { boilerplate: false });
    expect([d.text, d.removed]).toEqual(["تابعونا على واتساب\nنص", []]);
  });
  it("custom rules are normalised like the lines (alef forms, ة, harakat)", () => {
    const m = compileBoilerplateRules({ threshold: 1, rules: [{ id: "x", weight: 1, pattern: "\\bإعلانات مبوّبة\\b" }] });
    expect(removeBoilerplate("اعلانات مبوبة\nنص", m)).toEqual({ text: "نص", removed: ["اعلانات مبوبة"] });
  });
});

describe("compileBoilerplateRules", () => {
  const bad: [string, unknown][] = [
    ["not an object", null], ["no rules array", { threshold: 1 }], ["a rule without a pattern", { rules: [{ weight: 1 }] }],
    ["a non-numeric weight", { rules: [{ pattern: "x", weight: "1" }] }], ["an invalid regular expression", { rules: [{ id: "r", pattern: "(", weight: 1 }] }],
  ];
  it.each(bad)("%s is a DataError", (_name, file) => {
    expect(() => compileBoilerplateRules(file)).toThrow(DataError);
  });
});

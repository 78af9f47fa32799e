/**
 * Table-driven cases for the text layer (issue #3): normalisation keys, tokens with offsets, clitics, sentences,
 * dates with precision, function words. Every case asserts an exact output.
 */
import { describe, expect, it } from "vitest";
import {
  findDates, isFunctionWord, normalizeKey, normalizeWithMap, segmentClitics, splitSentences, tokenize,
} from "../../src/text/index.ts";
import type { DateMention } from "../../src/text/index.ts";

// ---------------------------------------------------------------------------------------------------------------
// Normalisation keys
const KEYS: [string, string, string][] = [
  ["presentation forms (PDF)", "ﻣﺼﺮ", "مصر"],
  ["lam-alef ligature", "ﻻ", "لا"],
  ["Allah ligature", "ﷲ", "الله"],
  ["harakat removed", "أُعْلِنَ", "اعلن"],
  ["tanween removed", "مجاناً", "مجانا"],
  ["superscript alef removed", "هٰذا", "هذا"],
  ["shadda removed", "القوّات", "القوات"],
  ["tatweel removed", "بغـــداد", "بغداد"],
  ["hamza above alef", "أربيل", "اربيل"],
  ["hamza below alef", "إيلاف", "ايلاف"],
  ["madda alef", "آذار", "اذار"],
  ["alef wasla", "ٱلله", "الله"],
  ["alef maksura in keys", "على", "علي"],
  ["teh marbuta in keys", "الداخلية", "الداخليه"],
  ["Persian kaf and yeh", "کرکوک", "كركوك"],
  ["Persian yeh", "کوردی", "كوردي"],
  ["Kurdish heh doachashmee and ae", "ھەولێر", "ههولێر"],
  ["Arabic-Indic digits", "٢٠٢١", "2021"],
  ["Persian digits", "۱۴۰۰", "1400"],
  ["Arabic decimal separator and percent", "٣٫٥٪", "3.5%"],
  ["Arabic thousands separator", "١٬٠٠٠", "1,000"],
  ["RLM removed", "بغ\u200Fداد", "بغداد"],
  ["LRM, ALM and bidi isolates removed", "\u2067بغداد\u2069\u200E\u061C", "بغداد"],
  ["ZWSP and BOM removed", "\uFEFFبغ\u200Bداد", "بغداد"],
  ["ZWNJ kept (Persian)", "می\u200Cخواهم", "مي\u200Cخواهم"],
  ["white space collapsed and trimmed", "  مصطفى \u00A0 الكاظمي\n", "مصطفي الكاظمي"],
  ["ASCII untouched", "ISIS 2014", "ISIS 2014"],
];

describe("normalizeKey", () => {
  it.each(KEYS)("%s: %s", (_name, input, expected) => {
    expect(normalizeKey(input)).toBe(expected);
  });
});

describe("normalizeWithMap", () => {
  it("maps every output character to its input offset (dropped harakat skipped)", () => {
    const r = normalizeWithMap("أُعلن");
    expect(r.text).toBe("اعلن");
    expect(Array.from(r.map)).toEqual([0, 2, 3, 4, 5]);
  });
  it("maps an expanded ligature to one input offset", () => {
    const r = normalizeWithMap("ﻻ بد");
    expect(r.text).toBe("لا بد");
    expect(Array.from(r.map)).toEqual([0, 0, 1, 2, 3, 4]);
  });
  it("keeps the display text untouched when nothing changes (identity map)", () => {
    const r = normalizeWithMap("بغداد");
    expect(r.text).toBe("بغداد");
    expect(Array.from(r.map)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Tokens
type T = [surface: string, start: number, kind: string, key: string];
const TOKENS: [string, string, T[]][] = [
  ["Arabic words and comma", "قال الكاظمي، أمس", [["قال", 0, "word", "قال"], ["الكاظمي", 4, "word", "الكاظمي"], ["،", 11, "punct", "،"], ["أمس", 13, "word", "امس"]]],
  ["decimal number", "بلغت 3.5%", [["بلغت", 0, "word", "بلغت"], ["3.5", 5, "number", "3.5"], ["%", 8, "punct", "%"]]],
  ["Arabic-Indic decimal", "٣٫٥ مليون", [["٣٫٥", 0, "number", "3.5"], ["مليون", 4, "word", "مليون"]]],
  ["thousands separator", "1,000 جندي", [["1,000", 0, "number", "1,000"], ["جندي", 6, "word", "جندي"]]],
  ["sentence-final dot is not part of a number", "عام 2014.", [["عام", 0, "word", "عام"], ["2014", 4, "number", "2014"], [".", 8, "punct", "."]]],
  ["letters and digits form one word", "كوفيد19", [["كوفيد19", 0, "word", "كوفيد19"]]],
  ["harakat stay in the surface", "أُعلن", [["أُعلن", 0, "word", "اعلن"]]],
  ["RLM inside a word stays in the word", "بغ\u200Fداد", [["بغ\u200Fداد", 0, "word", "بغداد"]]],
  ["bidi marks around a word are skipped", "\u200Fبغداد\u200F", [["بغداد", 1, "word", "بغداد"]]],
  ["ZWNJ inside a Persian word", "می\u200Cخواهم", [["می\u200Cخواهم", 0, "word", "مي\u200Cخواهم"]]],
  ["quotes and colon", "قال: \"نعم\"", [["قال", 0, "word", "قال"], [":", 3, "punct", ":"], ["\"", 5, "punct", "\""], ["نعم", 6, "word", "نعم"], ["\"", 9, "punct", "\""]]],
  ["guillemets and Arabic question mark", "«لماذا؟»", [["«", 0, "punct", "«"], ["لماذا", 1, "word", "لماذا"], ["؟", 6, "punct", "؟"], ["»", 7, "punct", "»"]]],
  ["symbol token", "5+3", [["5", 0, "number", "5"], ["+", 1, "symbol", "+"], ["3", 2, "number", "3"]]],
  ["bare tatweel run is a symbol with an empty key", "ــ", [["ــ", 0, "symbol", ""]]],
  ["presentation forms keep their surface", "ﻣﺼﺮ", [["ﻣﺼﺮ", 0, "word", "مصر"]]],
  ["astral emoji is one symbol", "😀 نعم", [["😀", 0, "symbol", "😀"], ["نعم", 3, "word", "نعم"]]],
];

describe("tokenize", () => {
  it.each(TOKENS)("%s", (_name, input, expected) => {
    expect(tokenize(input).map((t) => [t.surface, t.start, t.kind, t.key])).toEqual(expected);
    for (const t of tokenize(input)) expect(t.end).toBe(t.start + t.surface.length);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Clitics
const LEXICON = new Set(
  ["بيروت", "لبنان", "ألبانيا", "مخمور", "الموصل", "بغداد", "كركوك", "خانقين", "أربيل", "العراق", "البيشمركة", "تكريت",
    "الداخلية", "بدر", "فلسطين", "العاصمة"].map(normalizeKey),
);
const isKnown = (k: string) => LEXICON.has(k);
type C = [surface: string, start: number, clitic?: string];
const CLITICS: [string, C[]][] = [
  ["بيروت", [["بيروت", 0]]],
  ["وليد", [["وليد", 0]]],
  ["لبنان", [["لبنان", 0]]],
  ["ألبانيا", [["ألبانيا", 0]]],
  ["فلسطين", [["فلسطين", 0]]],
  ["ولبنان", [["و", 0, "conj"], ["لبنان", 1]]],
  ["وكركوك", [["و", 0, "conj"], ["كركوك", 1]]],
  ["لبغداد", [["ل", 0, "prep"], ["بغداد", 1]]],
  ["وبغداد", [["و", 0, "conj"], ["بغداد", 1]]],
  ["والموصل", [["و", 0, "conj"], ["الموصل", 1]]],
  ["بالعاصمة", [["ب", 0, "prep"], ["العاصمة", 1]]],
  ["للداخلية", [["ل", 0, "prep"], ["ل", 1, "article"], ["داخلية", 2]]],
  ["ومخمورشمال", [["و", 0, "conj"], ["مخمور", 1], ["شمال", 6]]],
  ["وَبَغْدَاد", [["وَ", 0, "conj"], ["بَغْدَاد", 2]]],
  ["والجيش", [["و", 0, "conj"], ["الجيش", 1]]],
  ["وفي", [["و", 0, "conj"], ["في", 1]]],
  ["و5", [["و", 0, "conj"], ["5", 1]]],
  ["بـ15", [["بـ", 0, "prep"], ["15", 2]]],
  ["العراقيون", [["العراقيون", 0]]],
  ["بغداديون", [["بغداديون", 0]]],
  ["بدرجات", [["بدرجات", 0]]],
  ["على", [["على", 0]]],
  ["فيه", [["فيه", 0]]],
  ["والدة", [["والدة", 0]]],
];

describe("segmentClitics", () => {
  it.each(CLITICS)("%s", (word, expected) => {
    const [tok] = tokenize(`x ${word}`).slice(1);
    const parts = segmentClitics(tok, isKnown);
    expect(parts.map((p) => (p.clitic === undefined ? [p.surface, p.start - 2] : [p.surface, p.start - 2, p.clitic]))).toEqual(expected);
    for (const p of parts) expect(`x ${word}`.slice(p.start, p.end)).toBe(p.surface);
  });
  it("leaves punctuation and numbers alone", () => {
    const [t] = tokenize("،");
    expect(segmentClitics(t, () => true)).toEqual([t]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Sentences
const SENTENCES: [string, string, string[]][] = [
  ["full stop and exclamation", "وصل الوفد. وبدأ الاجتماع!", ["وصل الوفد.", "وبدأ الاجتماع!"]],
  ["Arabic question mark and ?!", "هل انتهى؟! نعم.", ["هل انتهى؟!", "نعم."]],
  ["not inside a decimal number", "بلغت 3.5 في المئة. وقال", ["بلغت 3.5 في المئة.", "وقال"]],
  ["paragraph break", "العنوان\nالنص الأول", ["العنوان", "النص الأول"]],
  ["empty lines yield nothing", "أ\n\n\nب", ["أ", "ب"]],
  ["double dot is a pause", "المشتركة .. منوها الى ذلك.", ["المشتركة .. منوها الى ذلك."]],
  ["closing quote stays with its sentence", "قال \"انتهى.\" ثم غادر.", ["قال \"انتهى.\"", "ثم غادر."]],
  ["quotation that continues the sentence", "قال: \"الوضع مستقر. ونحن مستعدون\" وأضاف أنه سيعود.", ["قال: \"الوضع مستقر. ونحن مستعدون\" وأضاف أنه سيعود."]],
  ["guillemet quotation continues", "قال «نحن هنا. وسنبقى» ثم غادر. انتهى", ["قال «نحن هنا. وسنبقى» ثم غادر.", "انتهى"]],
  ["single-letter abbreviation", "وقال د. أحمد إن الوضع جيد.", ["وقال د. أحمد إن الوضع جيد."]],
  ["م. after a year ends the sentence", "قتل عام 2014 م. وقال", ["قتل عام 2014 م.", "وقال"]],
  ["Latin abbreviations", "Dr. Smith met U.S. envoys. Then left", ["Dr. Smith met U.S. envoys.", "Then left"]],
  ["dot inside a domain", "زوروا elaph.com اليوم", ["زوروا elaph.com اليوم"]],
  ["space before the full stop", "ثغرات أمنية . ولفت الأمين", ["ثغرات أمنية .", "ولفت الأمين"]],
];

describe("splitSentences", () => {
  it.each(SENTENCES)("%s", (_name, input, expected) => {
    const s = splitSentences(input);
    expect(s.map((x) => x.text)).toEqual(expected);
    s.forEach((x, i) => {
      expect(x.index).toBe(i);
      expect(input.slice(x.start, x.end)).toBe(x.text);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Dates
type D = Pick<DateMention, "text" | "value" | "precision" | "relative">;
const REF = "2021-05-16"; // a Sunday
const DATES: [string, string, string | undefined, D[]][] = [
  ["day month-pair year", "في 15 آذار مارس 2021 اثناء", REF, [{ text: "15 آذار مارس 2021", value: "2021-03-15", precision: "day", relative: false }]],
  ["month-pair with عام", "في كانون الثاني يناير عام 2017 وعائلة", REF, [{ text: "كانون الثاني يناير عام 2017", value: "2017-01", precision: "month", relative: false }]],
  ["day month-pair عام year", "في 28 كانون الاول ديسمبر عام 2014 .", REF, [{ text: "28 كانون الاول ديسمبر عام 2014", value: "2014-12-28", precision: "day", relative: false }]],
  ["Iraqi month with hamza forms", "في 4 آب أغسطس عام 2014 في", REF, [{ text: "4 آب أغسطس عام 2014", value: "2014-08-04", precision: "day", relative: false }]],
  ["slash-paired months", "كانون الثاني/يناير 2017", REF, [{ text: "كانون الثاني/يناير 2017", value: "2017-01", precision: "month", relative: false }]],
  ["bracketed pair", "تشرين الأول (أكتوبر) 2019", REF, [{ text: "تشرين الأول (أكتوبر) 2019", value: "2019-10", precision: "month", relative: false }]],
  ["Egyptian month", "في 3 يونيو 2020", REF, [{ text: "3 يونيو 2020", value: "2020-06-03", precision: "day", relative: false }]],
  ["Maghreb month", "جانفي 2020", REF, [{ text: "جانفي 2020", value: "2020-01", precision: "month", relative: false }]],
  ["Moroccan month", "12 غشت 2019", REF, [{ text: "12 غشت 2019", value: "2019-08-12", precision: "day", relative: false }]],
  ["ordinal day with month", "في الثاني من كانون الثاني 2020", REF, [{ text: "الثاني من كانون الثاني 2020", value: "2020-01-02", precision: "day", relative: false }]],
  ["numeric day/month/year", "بتاريخ 28/12/2014", REF, [{ text: "28/12/2014", value: "2014-12-28", precision: "day", relative: false }]],
  ["Arabic-Indic numeric date", "بتاريخ ٢٨/١٢/٢٠١٤", REF, [{ text: "٢٨/١٢/٢٠١٤", value: "2014-12-28", precision: "day", relative: false }]],
  ["ISO date", "في 2014-08-04", REF, [{ text: "2014-08-04", value: "2014-08-04", precision: "day", relative: false }]],
  ["invalid numeric date ignored", "31/02/2014", REF, []],
  ["year with م (Arabic-Indic)", "٢٠٢١م", REF, [{ text: "٢٠٢١م", value: "2021", precision: "year", relative: false }]],
  ["year after عام", "منذ عام 2003 وحتى", REF, [{ text: "عام 2003", value: "2003", precision: "year", relative: false }]],
  ["Hijri year not converted", "عام 1442 هـ", REF, []],
  ["bare count is not a year", "في 2000 منزل", REF, []],
  ["weekday on the document's own weekday", "أعلن في بغداد الاحد عن", REF, [{ text: "الاحد", value: "2021-05-16", precision: "day", relative: true }]],
  ["weekday before the document date", "خلال تفقده السبت لاوضاع", REF, [{ text: "السبت", value: "2021-05-15", precision: "day", relative: true }]],
  ["weekday with يوم and الماضي", "يوم الأحد الماضي", REF, [{ text: "يوم الأحد الماضي", value: "2021-05-09", precision: "day", relative: true }]],
  ["weekday المقبل", "الخميس المقبل", REF, [{ text: "الخميس المقبل", value: "2021-05-20", precision: "day", relative: true }]],
  ["ordinal of the current month", "زار في التاسع من الشهر الحالي الاقليم", REF, [{ text: "التاسع من الشهر الحالي", value: "2021-05-09", precision: "day", relative: true }]],
  ["ordinal of the current month (2)", "في الثالث من الشهر الحالي تشكيل", REF, [{ text: "الثالث من الشهر الحالي", value: "2021-05-03", precision: "day", relative: true }]],
  ["compound ordinal, last month", "في الحادي والعشرين من الشهر الماضي", REF, [{ text: "الحادي والعشرين من الشهر الماضي", value: "2021-04-21", precision: "day", relative: true }]],
  ["yesterday", "قال أمس", REF, [{ text: "أمس", value: "2021-05-15", precision: "day", relative: true }]],
  ["day before yesterday", "أول أمس", REF, [{ text: "أول أمس", value: "2021-05-14", precision: "day", relative: true }]],
  ["today", "اليوم", REF, [{ text: "اليوم", value: "2021-05-16", precision: "day", relative: true }]],
  ["tomorrow with tanween", "غداً", REF, [{ text: "غداً", value: "2021-05-17", precision: "day", relative: true }]],
  ["last month", "الشهر الماضي", REF, [{ text: "الشهر الماضي", value: "2021-04", precision: "month", relative: true }]],
  ["last year", "العام الماضي", REF, [{ text: "العام الماضي", value: "2020", precision: "year", relative: true }]],
  ["next year (feminine)", "السنة المقبلة", REF, [{ text: "السنة المقبلة", value: "2022", precision: "year", relative: true }]],
  ["month name with الماضي", "في آذار الماضي", REF, [{ text: "آذار الماضي", value: "2021-03", precision: "month", relative: true }]],
  ["day month without year: nearest year", "في 15 كانون الأول", REF, [{ text: "15 كانون الأول", value: "2020-12-15", precision: "day", relative: true }]],
  ["relative without a document date has no value", "السبت الماضي", undefined, [{ text: "السبت الماضي", relative: true }]],
  ["absolute date without a document date keeps its value", "4 آب 2014", undefined, [{ text: "4 آب 2014", value: "2014-08-04", precision: "day", relative: false }]],
];

describe("findDates", () => {
  it.each(DATES)("%s", (_name, input, ref, expected) => {
    const found = findDates(input, ref);
    expect(found.map(({ text, value, precision, relative }) => {
      const d: D = { text, relative };
      if (value !== undefined) d.value = value;
      if (precision !== undefined) d.precision = precision;
      return d;
    })).toEqual(expected);
    for (const d of found) expect(input.slice(d.start, d.end)).toBe(d.text);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Function words
const FUNCTION_WORDS: [string, boolean][] = [
  ["على", true], ["علي", false], ["الى", true], ["إلى", true], ["وعلى", true], ["فإن", true], ["الذي", true],
  ["أمام", true], ["إمام", false], ["بغداد", false], ["عَلَى", true],
];

describe("isFunctionWord", () => {
  it.each(FUNCTION_WORDS)("%s → %s", (w, expected) => {
    expect(isFunctionWord(w)).toBe(expected);
  });
  it("على and علي share a key, so callers must check the surface", () => {
    expect(normalizeKey("على")).toBe(normalizeKey("علي"));
  });
});

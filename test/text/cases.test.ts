/**
 * Table-driven cases for the text layer (issue #3): normalisation keys, tokens with offsets, clitics, sentences,
 * dates with precision, function words. Every case asserts an exact output.
 */
import { describe, expect, it } from "vitest";
import {
  displayLabel, findDates, isFunctionWord, normalizeKey, normalizeWithMap, segmentClitics, splitSentences, tokenize,
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
  ["presentation forms of a whole word", "ﺑﻐﺪاﺩ", "بغداد"],
  ["lam-alef with hamza below ligature", "ﻹ", "لا"],
  ["harakat range end U+065F", "ا\u065F", "ا"],
  ["hamza below mark U+0655", "ا\u0655", "ا"],
  ["LRE (U+202A) and PDF (U+202C) removed", "\u202Aبغداد\u202C", "بغداد"],
  ["RLE (U+202B) removed", "\u202Bبغداد", "بغداد"],
  ["LRO (U+202D) and RLO (U+202E) removed", "\u202Dبغ\u202Eداد", "بغداد"],
  ["LRI (U+2066) and FSI (U+2068) removed", "\u2066بغداد\u2068", "بغداد"],
  ["ZWNJ at a word's edge removed", "\u200Cبغداد\u200C", "بغداد"],
  ["ZWNJ next to a space removed", "بغداد \u200C كركوك", "بغداد كركوك"],
  ["ZWNJ kept across harakat", "مي\u064E\u200Cخواهم", "مي\u200Cخواهم"],
  ["Kurdish word with ZWNJ and Persian letters", "کوردی\u200Cیە", "كوردي\u200Cيه"],
  ["no-break and thin spaces collapsed", "صلاح\u00A0\u2009الدين", "صلاح الدين"],
];

describe("normalizeKey", () => {
  it.each(KEYS)("%s: %s", (_name, input, expected) => {
    expect(normalizeKey(input)).toBe(expected);
  });
});

describe("one key for spelling variants", () => {
  const SAME: [string, string][] = [
    ["كركوك", "کرکوک"], ["أربيل", "اربيل"], ["إيلاف", "ايلاف"], ["الداخلية", "الداخليه"], ["مصطفى", "مصطفي"],
    ["بغداد", "بغـــداد"], ["مصر", "ﻣﺼﺮ"], ["2021", "٢٠٢١"], ["2021", "۲۰۲۱"], ["بغداد", "بغ\u200Fداد"],
  ];
  it.each(SAME)("%s = %s", (a, b) => {
    expect(normalizeKey(b)).toBe(normalizeKey(a));
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
  ["Arabic percent sign after an Arabic decimal", "٣٫٥٪", [["٣٫٥", 0, "number", "3.5"], ["٪", 3, "punct", "%"]]],
  ["Persian digits form a number", "۱۴۰۰ سال", [["۱۴۰۰", 0, "number", "1400"], ["سال", 5, "word", "سال"]]],
  ["ZWNJ at a word's start is skipped", "\u200Cبغداد", [["بغداد", 1, "word", "بغداد"]]],
  ["ZWJ and ZWSP between words are skipped", "مصر\u200D \u200Bبغداد", [["مصر", 0, "word", "مصر"], ["بغداد", 6, "word", "بغداد"]]],
  ["clitics are not split by the tokeniser", "ولبنان", [["ولبنان", 0, "word", "ولبنان"]]],
  ["year with م is one word", "2021م", [["2021م", 0, "word", "2021م"]]],
  ["hyphen between Arabic words", "شمال-غرب", [["شمال", 0, "word", "شمال"], ["-", 4, "punct", "-"], ["غرب", 5, "word", "غرب"]]],
  ["Latin and Arabic words", "ISIS داعش", [["ISIS", 0, "word", "ISIS"], ["داعش", 5, "word", "داعش"]]],
  ["Arabic semicolon and question mark", "لماذا؛ كيف؟", [["لماذا", 0, "word", "لماذا"], ["؛", 5, "punct", "؛"], ["كيف", 7, "word", "كيف"], ["؟", 10, "punct", "؟"]]],
  ["no token for white space only", " \n\t\u00A0", []],
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
  ["وبيروت", [["و", 0, "conj"], ["بيروت", 1]]],
  ["لألبانيا", [["ل", 0, "prep"], ["ألبانيا", 1]]],
  ["كلبنان", [["ك", 0, "prep"], ["لبنان", 1]]],
  ["والبيشمركة", [["و", 0, "conj"], ["البيشمركة", 1]]],
  ["ولاية", [["ولاية", 0]]],
  ["بابل", [["بابل", 0]]],
  ["فلسطينيون", [["فلسطينيون", 0]]],
  ["وخانقين", [["و", 0, "conj"], ["خانقين", 1]]],
];

describe("segmentClitics without a lexicon entry for the name", () => {
  // Names that begin with clitic letters stay whole when nothing in the lexicon says otherwise.
  const WHOLE = ["بيروت", "وليد", "لبنان", "ألبانيا", "ولبنان", "فيصل", "كمال", "بلال", "ليبيا"];
  it.each(WHOLE)("%s stays whole", (word) => {
    const [tok] = tokenize(word);
    expect(segmentClitics(tok, () => false).map((p) => p.surface)).toEqual([word]);
  });
});

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
  ["ASCII question mark", "هل وصل؟ نعم? ربما", ["هل وصل؟", "نعم?", "ربما"]],
  ["Arabic-Indic decimal is not a boundary", "بلغ ٣.٥ مليون. ثم", ["بلغ ٣.٥ مليون.", "ثم"]],
  ["CRLF paragraph breaks", "الأول\r\nالثاني", ["الأول", "الثاني"]],
  ["question inside guillemets continues", "سأل «هل انتهى؟ ومتى نعود» ثم صمت. وبعد", ["سأل «هل انتهى؟ ومتى نعود» ثم صمت.", "وبعد"]],
  ["ellipsis ends a sentence before a space", "وانتظر... ثم عاد", ["وانتظر...", "ثم عاد"]],
  ["unbalanced quote does not swallow the paragraph", "قال \"انتهى. وعاد الوفد. ثم", ["قال \"انتهى.", "وعاد الوفد.", "ثم"]],
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
  ["weekday with hamza (الأحد)", "أعلن الأحد أن", REF, [{ text: "الأحد", value: "2021-05-16", precision: "day", relative: true }]],
  ["السبت الماضي resolved", "السبت الماضي", REF, [{ text: "السبت الماضي", value: "2021-05-15", precision: "day", relative: true }]],
  ["today without a document date has no value", "اليوم", undefined, [{ text: "اليوم", relative: true }]],
  ["last month without a document date", "الشهر الماضي", undefined, [{ text: "الشهر الماضي", relative: true }]],
  ["last year without a document date", "العام الماضي", undefined, [{ text: "العام الماضي", relative: true }]],
  ["day of this month without a document date", "في الثالث من الشهر الحالي", undefined, [{ text: "الثالث من الشهر الحالي", relative: true }]],
  ["weekday without a document date", "الأحد", undefined, [{ text: "الأحد", relative: true }]],
  ["Maghreb pair with a day", "في 5 جانفي 2020", REF, [{ text: "5 جانفي 2020", value: "2020-01-05", precision: "day", relative: false }]],
  ["Maghreb February", "فيفري 2019", REF, [{ text: "فيفري 2019", value: "2019-02", precision: "month", relative: false }]],
  ["Levantine/Egyptian pair with slash and day", "في 15 آذار/مارس 2021", REF, [{ text: "15 آذار/مارس 2021", value: "2021-03-15", precision: "day", relative: false }]],
  ["Egyptian name first, Levantine in brackets", "15 مارس (آذار) 2021", REF, [{ text: "15 مارس (آذار) 2021", value: "2021-03-15", precision: "day", relative: false }]],
  ["Arabic-Indic day month year", "١٥ آذار ٢٠٢١", REF, [{ text: "١٥ آذار ٢٠٢١", value: "2021-03-15", precision: "day", relative: false }]],
  ["numeric date with dashes", "يوم 15-3-2021", REF, [{ text: "15-3-2021", value: "2021-03-15", precision: "day", relative: false }]],
  ["year with عام and م", "في عام 2014م", REF, [{ text: "عام 2014م", value: "2014", precision: "year", relative: false }]],
  ["Arabic-Indic year after عام", "عام ٢٠١٤", REF, [{ text: "عام ٢٠١٤", value: "2014", precision: "year", relative: false }]],
  ["شهر + month without a year", "في شهر آب", REF, [{ text: "شهر آب", value: "2021-08", precision: "month", relative: true }]],
  ["a bare آب (also 'father') is no date", "آب", REF, []],
  ["words that contain date words are no dates", "أمسية اليومية", REF, []],
  ["الشهر alone is no date", "الشهر", REF, []],
  ["this year", "هذا العام", REF, [{ text: "هذا العام", value: "2021", precision: "year", relative: true }]],
  ["days ago in words", "اعتقل قبل ثلاثة أيام", REF, [{ text: "قبل ثلاثة أيام", value: "2021-05-13", precision: "day", relative: true }]],
  ["days ago in digits and since", "منذ 10 أيام", REF, [{ text: "منذ 10 أيام", value: "2021-05-06", precision: "day", relative: true }]],
  ["two days ago (dual)", "قبل يومين", REF, [{ text: "قبل يومين", value: "2021-05-14", precision: "day", relative: true }]],
  ["weeks ago give no day", "قبل أسبوع والأسبوع الماضي", REF, []],
  ["days before another event are not counted from the document date", "قبل يومين من الهجوم", REF, []],
  ["days ago followed by من + a noun", "اختطف قبل ثلاثة أيام من منزله", REF, [{ text: "قبل ثلاثة أيام", value: "2021-05-13", precision: "day", relative: true }]],
  ["منذ يوم + weekday is the weekday", "منذ يوم الأحد", REF, [{ text: "يوم الأحد", value: "2021-05-16", precision: "day", relative: true }]],
  ["month year with the date in the text and a later one without a year", "1 كانون الثاني 2020 و 2 شباط", REF, [
    { text: "1 كانون الثاني 2020", value: "2020-01-01", precision: "day", relative: false },
    { text: "2 شباط", value: "2021-02-02", precision: "day", relative: true },
  ]],
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

// ---------------------------------------------------------------------------------------------------------------
// Display labels: original spelling, no invisible controls
const LABELS: [string, string, string][] = [
  ["RLM around and inside", "\u200Fبغ\u200Fداد\u200F", "بغداد"],
  ["ZWSP and bidi isolates", "\u2067مصطفى\u200B الكاظمي\u2069", "مصطفى الكاظمي"],
  ["spelling kept: hamza, ى, ة, harakat, tatweel", "أُعلن علـى الداخلية", "أُعلن علـى الداخلية"],
  ["ZWNJ inside a word kept", "می\u200Cخواهم", "می\u200Cخواهم"],
  ["ZWNJ at the edges dropped", "\u200Cبغداد\u200C", "بغداد"],
  ["white space collapsed", "  صلاح \n الدين ", "صلاح الدين"],
];

describe("displayLabel", () => {
  it.each(LABELS)("%s", (_name, input, expected) => {
    expect(displayLabel(input)).toBe(expected);
  });
});

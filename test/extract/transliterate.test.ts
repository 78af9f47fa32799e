/**
 * The romaniser (docs/transliteration.md): name words from the romanisation table, nisbas, compounds, body
 * complements in English order, and the letter rules for unknown words. Expected values are the customary
 * English spellings of English-language news about Iraq; none is read from the seed article. Names here are
 * name words or invented combinations, not people.
 */
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { analyseDocument, loadResources } from "../../src/extract/pipeline.ts";
import { ordinalEn } from "../../src/extract/romanise-phrase.ts";
import { spell } from "../../src/extract/romanise-word.ts";
import { transliterate, transliterateComplement } from "../../src/extract/transliterate.ts";
import { loadLexicon, validateLexiconFile } from "../../src/lexicon/load.ts";
import { compilePattern, compileRomanisation, RomanisationFile } from "../../src/lexicon/romanisation.ts";
import type { Lexicon } from "../../src/lexicon/types.ts";

const ROOT = resolve(import.meta.dirname, "../..");
let lex: Lexicon;
beforeAll(async () => {
  lex = await loadLexicon(resolve(ROOT, "graph-data/lexicon"));
});

describe("names from the table", () => {
  const cases: Array<[string, string]> = [
    // given names (gazetteer keys and Iraqi additions)
    ["حسين", "Hussein"], ["عمر", "Omar"], ["مهند", "Muhannad"], ["محمد", "Muhammad"], ["عباس", "Abbas"],
    ["مصطفى", "Mustafa"], ["زينب", "Zainab"], ["أسامة", "Usama"], ["إسراء", "Israa"], ["ليث", "Laith"],
    // family names with the article, nisba forms
    ["مصطفى الكاظمي", "Mustafa al-Kadhimi"], ["تحسين الخفاجي", "Tahsin al-Khafaji"], ["الدليمي", "Al-Dulaimi"],
    ["سالم الجبوري", "Salim al-Jubouri"], ["حيدر الشمري", "Haidar al-Shammari"], ["علي العبيدي", "Ali al-Obeidi"],
    ["سعد الزيدي", "Saad al-Zaidi"], ["قاسم الأعرجي", "Qasim al-Araji"], ["رعد الساعدي", "Raad al-Saadi"],
    // kunya, particles, compounds
    ["أبو بكر", "Abu Bakr"], ["ابو علي الموسوي", "Abu Ali al-Mousawi"], ["عبد الله", "Abdullah"],
    ["عبد الرحمن", "Abdul-Rahman"], ["أبو عبد الله", "Abu Abdullah"], ["عبد الأمير", "Abdul-Amir"],
    ["عبدالأمير", "Abdul-Amir"], ["نور الدين", "Nour al-Din"], ["عماد الدين", "Imad al-Din"], ["نصر الله", "Nasrallah"],
    ["حسن بن علي", "Hassan bin Ali"], ["أم قصر", "Umm Qasr"],
    // Kurdish names common in Iraqi news
    ["هوشيار", "Hoshyar"], ["سربست", "Sarbast"], ["نيجيرفان", "Nechirvan"], ["ريبوار", "Rebwar"],
    ["آزاد شواني", "Azad Shwani"], ["جوتيار برواري", "Jotyar Barwari"],
  ];
  it.each(cases)("%s → %s", (ar, en) => {
    expect(transliterate(ar, lex)).toBe(en);
  });
});

describe("nisbas read from a known stem", () => {
  const cases: Array<[string, string]> = [
    ["الحسيني", "Al-Husseini"], // given name حسين
    ["الواسطي", "Al-Wasiti"], // place واسط
    ["البصري", "Al-Basri"], // place البصرة: the ة is dropped
    ["الحلي", "Al-Hilli"], // place الحلة
    ["الكربلائي", "Al-Karbalai"], // place كربلاء
    ["النجفي", "Al-Najafi"],
    ["الموصلي", "Al-Mosuli"], // the place's English "Al-Mosul" loses its article
    ["الحميداوي", "Al-Hamidawi"], // given name حميد + -awi
  ];
  it.each(cases)("%s → %s", (ar, en) => {
    expect(transliterate(ar, lex)).toBe(en);
  });

  it("does not build a nisba on a country whose English ends in a vowel the Arabic lacks", () => {
    expect(transliterate("الجزائري", lex)).not.toContain("Algeria");
  });
});

describe("unknown words through the letter rules (empty table but for the patterns)", () => {
  const cases: Array<[string, string]> = [
    ["تحسين", "Tahsin"], // تفعيل
    ["قاسم", "Qasim"], // فاعل
    ["سعد", "Saad"], // فعل, ع after a → aa
    ["جعفر", "Jaafar"], // فعلل
    ["رائد", "Raed"], // فاعل, ā + hamza + i → ae
    ["محمود", "Mahmoud"], // مفعول, ū inside a word → ou
    ["مخمور", "Makhmour"],
    ["مصطفى", "Mustafa"], // مفتعل with ط for ت, final ى → a
    ["مجتبى", "Mujtaba"],
    ["انتصار", "Intisar"], // افتعال
    ["أحمد", "Ahmad"], // أفعل
    ["أسعد", "Asaad"],
    ["فؤاد", "Fuad"], // ؤ says the vowel before it is u
    ["دليمي", "Dulaimi"], // فعيلي, the diminutive tribal nisba
    ["كبيسي", "Kubaisi"],
    ["فهداوي", "Fahdawi"], // فعلاوي
    ["فاطمة", "Fatima"], // ة → a
    ["عطية", "Atiya"], // final -ya after a consonant → iya
    ["كاوه", "Kawa"], // final ه as ة (Kurdish spelling)
    ["منير", "Munir"], // مفيل
    ["مُهَنَّد", "Muhannad"], // harakat read as written, shadda doubles
    ["عَبّاس", "Abbas"],
  ];
  let bare: { romanisation: Lexicon["romanisation"] };
  beforeAll(() => {
    bare = { romanisation: { ...lex.romanisation, givenNames: new Map(), familyNames: new Map(), compounds: new Map() } };
  });
  it.each(cases)("%s → %s", (ar, en) => {
    expect(transliterate(ar, bare)).toBe(en);
  });

  it("cannot know doubled consonants without a shadda (documented limit)", () => {
    expect(transliterate("جبار", bare)).toBe("Jabar");
    expect(transliterate("جبار", lex)).toBe("Jabbar");
  });

  it("takes a plain Map as the only known spellings, with the article handled", () => {
    const known = new Map([["سامر", "Samer"], ["الجبوري", "al-Jubouri"]]);
    expect(transliterate("سامر الجبوري", known)).toBe("Samer al-Jubouri");
    expect(transliterate("", known)).toBe("");
    expect(transliterate("ISIS 24", known)).toBe("ISIS 24");
  });
});

describe("body and place complements", () => {
  const bodies: Array<[string, string, string]> = [
    ["{X} Division", "الثامنة", "8th Division"],
    ["{X} Division", "الخاصة الثانية", "2nd Special Division"],
    ["{X} Regiment", "الأول", "1st Regiment"],
    ["{X} Brigade", "المدرعة الثالثة", "3rd Armoured Brigade"],
    ["{X} Brigade", "الخامسة عشرة", "15th Brigade"],
    ["{X} Brigade", "الحادي والعشرون", "21st Brigade"],
    ["{X} Brigade", "56", "56th Brigade"],
    ["Brigade {X}", "56", "Brigade 56"],
    ["{X} Police", "مكافحة الشغب", "Riot Control Police"],
    ["{X} Directorate", "صحة صلاح الدين", "Saladin Health Directorate"], // the lexicon's English for the place
    ["{X} Party", "العمال الكردستاني", "Kurdistan Workers' Party"],
    ["{X} Party", "العمال الكوردستاني", "Kurdistan Workers' Party"],
    ["{X} Police", "نينوى", "Nineveh Police"],
    ["{X} Forces", "الرد السريع", "Rapid Response Forces"],
    ["{X} Directorate", "أسايش السليمانية", "Sulaymaniyah Asayish Directorate"],
    ["Ministry of {X}", "الصحة", "Ministry of Health"],
    ["{X} Brigades", "جند الإمام", "Jand al-Imam Brigades"], // an unknown word: Arabic order, name words kept
  ];
  it.each(bodies)("%s + %s → %s", (template, x, en) => {
    expect(transliterateComplement(template, x, lex)).toBe(en);
  });

  const places: Array<[string, string, string]> = [
    ["{X} Square", "التحرير", "Tahrir Square"], // never translated, article dropped before the head
    ["Wadi {X}", "الشاي", "Wadi al-Shai"],
    ["{X} neighbourhood", "الواسطي", "Wasiti neighbourhood"],
  ];
  it.each(places)("%s + %s → %s (romanised)", (template, x, en) => {
    expect(transliterateComplement(template, x, lex, { translate: false })).toBe(en);
  });

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 56, 101, 111].map(ordinalEn)).toEqual(
      ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "56th", "101st", "111th"]);
  });
});

describe("spelling rules", () => {
  it.each([["sa'd", "saad"], ["rā'id", "raed"], ["'alā'", "alaa"], ["zayd", "zaid"], ["abū", "abu"], ["mahmūd", "mahmoud"]])(
    "%s → %s", (form, out) => expect(spell(form)).toBe(out));
});

describe("the romanisation file", () => {
  it("is validated when loaded: a bad entry is a DataError naming the file", () => {
    const bad = { source: "x", givenNames: { "حسين": "حسين" }, familyNames: {}, particles: {}, compounds: {}, vocabulary: {}, ordinals: {} };
    expect(() => validateLexiconFile("romanisation", bad)).toThrow(DataError);
    try {
      validateLexiconFile("romanisation", bad);
    } catch (e) {
      expect((e as DataError).code).toBe("DATA_ERROR");
      expect((e as Error).message).toContain("romanisation.json");
    }
  });

  it("rejects a pattern whose form names a root letter the wazn lacks", () => {
    expect(() => compilePattern("فعل", "{1}a{4}")).toThrow(DataError);
    expect(compilePattern("فعلل", "{1}a{2}{3}a{4}").slots).toEqual([1, 2, 3, 4]);
  });

  it("keys family names without the article and Arabic spelling variants together", () => {
    const t = compileRomanisation(RomanisationFile.parse({
      source: "test", givenNames: { "أسامة": "Usama" }, familyNames: { "الدليمي": "al-Dulaimi" }, particles: {},
      compounds: {}, vocabulary: { "مكافحة الشغب": { en: "Riot Control", pos: "noun" } }, ordinals: { "الأولى": 1 },
    }));
    expect(t.familyNames.get("دليمي")).toBe("Dulaimi");
    expect(t.givenNames.get("اسامه")).toBe("Usama");
    expect(t.phrases.get("مكافحه الشغب")?.en).toBe("Riot Control");
    expect(t.phraseMaxWords).toBe(2);
    expect(t.ordinals.get("الاولي")).toBe(1);
  });

  it("holds every first name of the arabic-names gazetteer", async () => {
    const { readFileSync } = await import("node:fs");
    const dir = resolve(ROOT, "../shared/gazetteers/arabic-names");
    let names: string[];
    try {
      names = ["male-first-names.txt", "female-first-names.txt"].flatMap((f) => readFileSync(resolve(dir, f), "utf8").split("\n"));
    } catch {
      return; // shared/ is not beside this checkout
    }
    const { normalizeKey } = await import("../../src/text/normalize.ts");
    const missing = names.map((n) => n.trim()).filter((n) => n !== "" && n.length > 2 && !n.includes(" "))
      .filter((n) => !lex.romanisation.givenNames.has(normalizeKey(n)));
    expect(missing).toEqual([]);
  });
});

describe("labels in extraction", () => {
  it("marks a body built by a pattern as transliterated, in English order", async () => {
    const res = await loadResources(resolve(ROOT, "graph-data"));
    const doc = { id: "t1", text: "وصلت قطعات من الفوج الثالث عشر في الجيش العراقي إلى أطراف المدينة.", removed: [], origin: "test" };
    const e = analyseDocument(doc, res).entities.find((x) => x.label === "الفوج الثالث عشر");
    expect(e?.labelEn).toBe("13th Regiment");
    expect(e?.labelEnSource).toBe("transliteration");
  });
});

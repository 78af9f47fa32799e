/**
 * One test per relation cue family, on sentences written for the tests (not from the seed article).
 * Names of people here are invented.
 */
import { describe, expect, it } from "vitest";
import { extract, typed } from "./relations-fixture.ts";

describe("role appositions", () => {
  it("reads SPOKESPERSON_OF from a title that names a body (body found inside the title span)", () => {
    const text = "وقال الناطق باسم وزارة الدفاع العميد سامر الجبوري إن القطعات تقدمت.";
    const { relations } = extract(text, [
      { surface: "وزارة الدفاع", type: "ministry", id: "mod" },
      { surface: "سامر الجبوري", type: "official", id: "p1", title: { text: "الناطق باسم وزارة الدفاع العميد", relation: "SPOKESPERSON_OF" } },
    ]);
    expect(typed(relations)).toEqual(["p1 -SPOKESPERSON_OF-> mod"]);
    const r = relations.find((x) => x.type === "SPOKESPERSON_OF")!;
    expect(text.slice(r.provenance[0].start, r.provenance[0].end)).toBe("الناطق باسم وزارة الدفاع العميد سامر الجبوري");
  });

  it("uses the body recognition set on the title", () => {
    const { relations } = extract("أكد محافظ نينوى نجم الطائي ان الوضع مستقر.", [
      { surface: "نينوى", type: "place", id: "nineveh" },
      { surface: "نجم الطائي", type: "official", id: "gov", title: { text: "محافظ نينوى", relation: "HEADS", body: "nineveh" } },
    ]);
    expect(typed(relations)).toEqual(["gov -HEADS-> nineveh"]);
  });

  it("falls back to title head + body + ranks when recognition left no title", () => {
    const { relations } = extract("أعلن قائد شرطة البصرة اللواء كريم الحسناوي اعتقال مطلوبين. وقال الأمين العام لمجلس الوزراء حامد الربيعي ان الخطة جاهزة.", [
      { surface: "شرطة البصرة", type: "force", id: "police" },
      { surface: "كريم الحسناوي", type: "official", id: "p1" },
      { surface: "مجلس الوزراء", type: "ministry", id: "com" },
      { surface: "حامد الربيعي", type: "official", id: "p2" },
    ]);
    expect(typed(relations)).toEqual(["p1 -HEADS-> police", "p2 -MEMBER_OF-> com"]);
  });
});

describe("affiliation", () => {
  it("reads MEMBER_OF from المنتسب لـ، من، في صفوف and distributes over a list", () => {
    const text = "قتل حيدر الكعبي المنتسب لقيادة شرطة ميسان. وأصيب مهند الزيدي وكرار الحلفي من الفرقة الخامسة. كما قتل ياسر الموسوي في صفوف سرايا السلام.";
    const { relations } = extract(text, [
      { surface: "حيدر الكعبي", type: "person", id: "a" },
      { surface: "قيادة شرطة ميسان", type: "force", id: "maysan_police" },
      { surface: "مهند الزيدي", type: "person", id: "b" },
      { surface: "كرار الحلفي", type: "person", id: "c" },
      { surface: "الفرقة الخامسة", type: "force", id: "div5" },
      { surface: "ياسر الموسوي", type: "person", id: "d" },
      { surface: "سرايا السلام", type: "force", id: "saraya" },
    ]);
    expect(typed(relations)).toEqual([
      "a -MEMBER_OF-> maysan_police", "b -MEMBER_OF-> div5", "c -MEMBER_OF-> div5", "d -MEMBER_OF-> saraya",
    ]);
  });

  it("does not read من between a place and a body as membership", () => {
    const { relations } = extract("وصل وفد من بغداد من قيادة العمليات المشتركة.", [
      { surface: "بغداد", type: "place" },
      { surface: "قيادة العمليات المشتركة", type: "force" },
    ]);
    expect(typed(relations)).toEqual([]);
  });
});

describe("construct chains and PART_OF", () => {
  it("links a body whose name ends with another body's name, and a body in another", () => {
    const text = "أعلنت مديرية استخبارات وزارة الدفاع اعتقال خلية. وقالت وزارة الدفاع ان اللجنة الأمنية في مجلس محافظة نينوى اجتمعت مع قيادة عمليات البصرة.";
    const { relations } = extract(text, [
      { surface: "مديرية استخبارات وزارة الدفاع", type: "force", id: "mi" },
      { surface: "وزارة الدفاع", type: "ministry", id: "mod" },
      { surface: "اللجنة الأمنية", type: "ministry", id: "committee" },
      { surface: "مجلس محافظة نينوى", type: "ministry", id: "council" },
      { surface: "قيادة عمليات البصرة", type: "force", id: "boc" },
    ]);
    expect(typed(relations)).toEqual(["committee -PART_OF-> council", "mi -PART_OF-> mod"]);
  });

  it("gives no LOCATED_IN from a body to the place its name ends with, and never makes a ministry part of a force", () => {
    const { relations } = extract("زار وفد من وزارة البيشمركة مقر البيشمركة في دهوك ثم قيادة عمليات البصرة في البصرة.", [
      { surface: "وزارة البيشمركة", type: "ministry", id: "mop" },
      { surface: "البيشمركة", type: "force", id: "pesh" },
      { surface: "دهوك", type: "place", id: "duhok" },
      { surface: "قيادة عمليات البصرة", type: "force", id: "boc" },
      { surface: "البصرة", type: "place", id: "basra" },
    ]);
    expect(typed(relations)).not.toContain("boc -LOCATED_IN-> basra");
    expect(typed(relations)).not.toContain("mop -PART_OF-> pesh");
  });
});

describe("geography", () => {
  it("reads CAPITAL_OF and LOCATED_IN from عاصمة، بالعاصمة، التابع لـ, with lists", () => {
    const text = "وقع الهجوم في الرمادي عاصمة محافظة الأنبار. وانفجرت عبوة في حي المنصور بالعاصمة بغداد. وتقع ناحيتا القيارة وحمام العليل التابعتين لقضاء الموصل جنوبا.";
    const { relations } = extract(text, [
      { surface: "الرمادي", type: "place", id: "ramadi" },
      { surface: "الأنبار", type: "place", id: "anbar" },
      { surface: "حي المنصور", type: "place", id: "mansour" },
      { surface: "بغداد", type: "place", id: "baghdad" },
      { surface: "القيارة", type: "place", id: "qayyarah" },
      { surface: "حمام العليل", type: "place", id: "hammam" },
      { surface: "الموصل", type: "place", id: "mosul" },
    ]);
    expect(typed(relations)).toEqual([
      "hammam -LOCATED_IN-> mosul", "mansour -LOCATED_IN-> baghdad", "qayyarah -LOCATED_IN-> mosul", "ramadi -CAPITAL_OF-> anbar",
    ]);
  });

  it("adds LOCATED_IN from the gazetteer hierarchy to the nearest named administrative unit", () => {
    const text = "شهدت القيارة والموصل ومحافظة نينوى امطارا. وفي أربيل هدوء.";
    const { relations } = extract(text, [
      { surface: "القيارة", type: "place", id: "qayyarah", pcode: "IQG15Q05N01" },
      { surface: "الموصل", type: "place", id: "mosul", pcode: "IQG15Q05" },
      { surface: "نينوى", type: "place", id: "nineveh", pcode: "IQG15" },
      { surface: "أربيل", type: "place", id: "erbil", pcode: "IQG11" },
    ]);
    expect(typed(relations)).toEqual(["mosul -LOCATED_IN-> nineveh", "qayyarah -LOCATED_IN-> mosul"]);
  });
});

describe("cooperation and opposition", () => {
  it("reads COOPERATES_WITH from مشتركة بين X و Y و Z (all pairs) and بالتنسيق مع", () => {
    const text = "نفذت قوة مشتركة بين جهاز مكافحة الإرهاب والحشد الشعبي وطيران الجيش عملية. ونفذت قيادة العمليات المشتركة ضربات بالتنسيق مع التحالف الدولي.";
    const { relations } = extract(text, [
      { surface: "جهاز مكافحة الإرهاب", type: "force", id: "cts" },
      { surface: "الحشد الشعبي", type: "force", id: "pmf" },
      { surface: "طيران الجيش", type: "force", id: "aviation" },
      { surface: "قيادة العمليات المشتركة", type: "force", id: "joc" },
      { surface: "التحالف الدولي", type: "force", id: "coalition" },
    ]);
    expect(typed(relations)).toEqual([
      "aviation -COOPERATES_WITH-> cts", "aviation -COOPERATES_WITH-> pmf", "coalition -COOPERATES_WITH-> joc", "cts -COOPERATES_WITH-> pmf",
    ]);
  });

  it("does not make places cooperate", () => {
    const { relations } = extract("تم الاتفاق على تنسيق مشترك بين بغداد وأربيل.", [
      { surface: "بغداد", type: "place" },
      { surface: "أربيل", type: "place" },
    ]);
    expect(typed(relations)).toEqual([]);
  });

  it("reads OPPOSES from the forces acting in the clause before ضد / لقتال", () => {
    const text = "تواصل قطعات الجيش العراقي والحشد الشعبي عملياتها ضد فلول داعش في صحراء الأنبار فيما أرسلت الشرطة الاتحادية تعزيزات لقتال عصابات داعش.";
    const { relations } = extract(text, [
      { surface: "الجيش العراقي", type: "force", id: "army" },
      { surface: "الحشد الشعبي", type: "force", id: "pmf" },
      { surface: "داعش", type: "force", id: "isis" },
      { surface: "صحراء الأنبار", type: "place", id: "desert" },
      { surface: "الشرطة الاتحادية", type: "force", id: "fp" },
      { surface: "عصابات داعش", type: "force", id: "isis" },
    ]);
    expect(typed(relations)).toEqual(["army -OPPOSES-> isis", "fp -OPPOSES-> isis", "pmf -OPPOSES-> isis"]);
  });

  it("keeps ministries out of OPPOSES (forces fight)", () => {
    const { relations } = extract("أرسلت وزارة الدفاع تعزيزات لقتال داعش.", [
      { surface: "وزارة الدفاع", type: "ministry" },
      { surface: "داعش", type: "force" },
    ]);
    expect(typed(relations)).toEqual([]);
  });
});

describe("kinship", () => {
  it("links a possessive kin word to the person before, and a construct kin word to its neighbours", () => {
    const text = "قتل المواطن حسين العبيدي ونجله محمد العبيدي بنيران مسلحين. واعتقلت القوات سعد الدليمي نجل القيادي فلاح الدليمي.";
    const { relations } = extract(text, [
      { surface: "حسين العبيدي", type: "person", id: "father" },
      { surface: "محمد العبيدي", type: "person", id: "son" },
      { surface: "سعد الدليمي", type: "person", id: "s2" },
      { surface: "فلاح الدليمي", type: "person", id: "f2" },
    ]);
    expect(typed(relations)).toEqual(["f2 -RELATIVE_OF-> s2", "father -RELATIVE_OF-> son"]);
  });
});

describe("co-occurrence", () => {
  it("adds MENTIONED_WITH only between entities with no typed relation, one provenance per sentence", () => {
    const text = "التقى وزير النفط بمحافظ البصرة في شركة نفط البصرة. وناقش وزير النفط مع شركة نفط البصرة الخطط في حي المنصور ببغداد.";
    const { relations } = extract(text, [
      { surface: "وزير النفط", type: "official", id: "minister" },
      { surface: "البصرة", type: "place", id: "basra" },
      { surface: "شركة نفط البصرة", type: "organization", id: "boc" },
      { surface: "وزير النفط", type: "official", id: "minister" },
      { surface: "شركة نفط البصرة", type: "organization", id: "boc" },
      { surface: "حي المنصور", type: "place", id: "mansour" },
      { surface: "بغداد", type: "place", id: "baghdad" },
    ]);
    const mw = relations.filter((r) => r.type === "MENTIONED_WITH");
    const pair = mw.find((r) => [r.source, r.target].sort().join() === "boc,minister")!;
    expect(pair.provenance.map((p) => p.sentence)).toEqual([0, 1]);
    // mansour is LOCATED_IN baghdad (ب): no co-occurrence edge for that pair
    expect(typed(relations)).toContain("mansour -LOCATED_IN-> baghdad");
    expect(mw.some((r) => [r.source, r.target].sort().join() === "baghdad,mansour")).toBe(false);
    // a company named after a city is not stated to be based there: co-occurrence only
    expect(typed(relations)).not.toContain("boc -LOCATED_IN-> basra");
    expect(mw.some((r) => [r.source, r.target].sort().join() === "basra,boc")).toBe(true);
  });
});

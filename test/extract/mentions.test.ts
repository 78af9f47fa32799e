/**
 * Mention recognition and resolution through the real pipeline (lexicon from graph-data), on sentences written
 * for the tests (not from the seed article). Names of people here are invented.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseDocument, extractDocument, loadResources } from "../../src/extract/pipeline.ts";
import type { ExtractedEntity } from "../../src/extract/types.ts";
import type { SourceDocument } from "../../src/text/types.ts";
import { ROOT } from "../helpers/seed.ts";

const resources = () => loadResources(resolve(ROOT, "graph-data"));

function doc(text: string, date = "2023-05-10"): SourceDocument {
  return { id: "t", text, date, removed: [], origin: "test" };
}

async function entities(text: string): Promise<ExtractedEntity[]> {
  return analyseDocument(doc(text), await resources()).entities;
}

const summary = (es: ExtractedEntity[]) => es.map((e) => `${e.type}:${e.label}`).sort();

async function typedRelations(text: string): Promise<string[]> {
  const x = extractDocument(doc(text), await resources());
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations
    .filter((r) => !["MENTIONED_WITH", "PARTICIPANT_IN", "OCCURRED_IN"].includes(r.type))
    .map((r) => `${label.get(r.source)} -${r.type}-> ${label.get(r.target)}`)
    .sort();
}

describe("persons", () => {
  it("keeps a name that opens with ف (فرحان، فلاح) whole, and stops at a conjunction", async () => {
    const es = await entities("وأكد محافظ البصرة فلاح جاسم العيداني وفدا من الوزارة.");
    expect(es.find((e) => e.type === "official")?.label).toBe("فلاح جاسم العيداني");
  });

  it("does not read a verb after a rank as a name (قطعات اللواء تمكنت …)", async () => {
    const es = await entities("وأوضح آمر اللواء 52 في الحشد الشعبي حسن الساعدي أن قطعات اللواء تمكنت من تطهير المنطقة.");
    expect(es.filter((e) => e.type === "official").map((e) => e.label)).toEqual(["حسن الساعدي"]);
  });

  it("reads a name with an accusative title after it (انتخاب X محافظا لـY) as an official who HEADS Y", async () => {
    const text = "صوت مجلس محافظة نينوى على انتخاب دلشاد هورامي محافظا لنينوى.";
    expect(summary(await entities(text))).toContain("official:دلشاد هورامي");
    expect(await typedRelations(text)).toContain("دلشاد هورامي -HEADS-> نينوى");
  });

  it("reads a title in apposition after a name (X، وزير الخارجية،)", async () => {
    const text = "وقال سالم عبد الكريم، وزير الخارجية، إن الوفد غادر.";
    expect(await typedRelations(text)).toContain("سالم عبد الكريم -HEADS-> وزارة الخارجية");
  });

  it("reads a Kurdish family name with no article after a listed first name", async () => {
    const es = await entities("وصل وفد من الاتحاد الوطني الكردستاني برئاسة آزاد زيباري الى بغداد.");
    expect(summary(es)).toContain("person:آزاد زيباري");
  });

  it("does not start a name with a verbal noun (اعتقال، انتخاب)", async () => {
    const es = await entities("أعلنت الشرطة اعتقال سعد حميد الكعبي في البصرة.");
    const person = es.find((e) => e.type === "person" || e.type === "official");
    expect(person?.label).toBe("سعد حميد الكعبي");
  });

  it("reads a nationality and a posting as part of a title (السفير التركي في بغداد X)", async () => {
    const es = await entities("واستدعت الوزارة السفير الإيراني في بغداد محمد كاظم آل صادق.");
    const o = es.find((e) => e.type === "official");
    expect(o?.label).toBe("محمد كاظم آل صادق");
    expect(summary(es)).toContain("place:بغداد");
  });

  it("reads a compound given name after a title (قائممقام X عبد الستار …) and HEADS the place", async () => {
    const text = "وقال قائممقام زاخو عبد الرحمن يوسف إن المصابين نقلوا الى المستشفى.";
    expect(await typedRelations(text)).toContain("عبد الرحمن يوسف -HEADS-> زاخو");
  });

  it("keeps the title in roles and out of the label", async () => {
    const es = await entities("وقال العقيد الركن نوزاد محمد طه إن القطعات تقدمت.");
    const o = es.find((e) => e.type === "official")!;
    expect(o.label).toBe("نوزاد محمد طه");
    expect(o.roles).toContain("العقيد الركن");
  });
});

describe("places", () => {
  it("splits a place name written against a direction word (القائمغربي) when the name needs context", async () => {
    const es = await entities("وقع الهجوم قرب قضاء القائمغربي محافظة الأنبار.");
    expect(summary(es)).toEqual(["place:الأنبار", "place:القائم"]);
  });

  it("reads a sub-district that is also a common word only with place context (ناحية العلم)", async () => {
    expect(summary(await entities("رفع الطلاب العلم في المدرسة."))).toEqual([]);
    expect(summary(await entities("وصلت القوات الى ناحية العلم."))).toEqual(["place:العلم"]);
  });

  it("does not read a nisba family name as its place (التكريتي is not تكريت)", async () => {
    const es = await entities("وقال الشهيد وليد التكريتي قبل استشهاده إن الوضع صعب.");
    expect(summary(es)).toEqual(["person:وليد التكريتي"]);
  });

  it("reads heads the lexicon may lack: منفذ، جزيرة، فندق", async () => {
    const es = await entities("وصلت الشحنة الى منفذ الشلامجة ثم الى فندق بابل في جزيرة أم الخنازير.");
    expect(summary(es)).toEqual(["place:جزيرة أم الخنازير", "place:فندق بابل", "place:منفذ الشلامجة"]);
  });
});

describe("anaphora and role mentions", () => {
  it("joins الوزارة to the latest ministry and takes it as the body of a title", async () => {
    const text = "أعلنت وزارة الصحة ارتفاع الإصابات. وقال المتحدث باسم الوزارة ماجد الحمداني إن المستشفيات جاهزة.";
    const es = await entities(text);
    const moh = es.find((e) => e.label === "وزارة الصحة")!;
    expect(moh.provenance).toHaveLength(2);
    expect(moh.aliases).not.toContain("الوزارة");
    expect(await typedRelations(text)).toContain("ماجد الحمداني -SPOKESPERSON_OF-> وزارة الصحة");
  });

  it("joins قيادة العمليات to the one operations command named before", async () => {
    const text = "أعلنت قيادة عمليات البصرة بدء عملية. وقالت قيادة العمليات إن العملية مستمرة بالتنسيق بين قيادة العمليات والشرطة المحلية.";
    const es = await entities(text);
    expect(es.filter((e) => e.type === "force").map((e) => e.label).sort()).toEqual(["الشرطة المحلية", "قيادة عمليات البصرة"]);
    const coop = (await typedRelations(text)).filter((r) => r.includes("COOPERATES_WITH"));
    expect(coop.map((r) => r.split(" -COOPERATES_WITH-> ").sort().join(" + "))).toEqual(["الشرطة المحلية + قيادة عمليات البصرة"]);
  });

  it("joins an honorific role mention (الصحفية) to the one person who holds it", async () => {
    const es = await entities("اختطفت الصحفية رنا العبيدي في بغداد. وطالب زملاء الصحفية بالإفراج عنها.");
    const rana = es.find((e) => e.label === "رنا العبيدي")!;
    expect(rana.provenance).toHaveLength(2);
  });

  it("joins a role mention that names a body to the holder of a title of that body", async () => {
    const text = "وقال رئيس هيئة النزاهة كاظم العيساوي ان التحقيق مستمر، فيما أكد رئيس جهاز الأمن الوطني سعد الخزرجي اعتقال متهمين. والتقى الوزير رئيس جهاز الأمن الوطني لبحث الملف.";
    const es = await entities(text);
    const khazraji = es.find((e) => e.label === "سعد الخزرجي")!;
    const issawi = es.find((e) => e.label === "كاظم العيساوي")!;
    expect(khazraji.provenance).toHaveLength(2);
    expect(issawi.provenance).toHaveLength(1);
  });

  it("merges body variants (الداخلية → وزارة الداخلية) and keeps a distinct force distinct", async () => {
    const text = "أعلنت الداخلية ان قوات الداخلية انتشرت في كربلاء.";
    expect(summary(await entities(text))).toEqual(["force:قوات وزارة الداخلية", "ministry:وزارة الداخلية", "place:كربلاء"]);
    expect(await typedRelations(text)).toContain("قوات وزارة الداخلية -PART_OF-> وزارة الداخلية");
  });
});

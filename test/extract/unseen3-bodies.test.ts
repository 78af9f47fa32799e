/**
 * Round 3 of rules for unseen text: officials after long or unusual titles, and bodies with long extents
 * (coordinated complements, participle chains, chambers, funds, governorate offices, units of a named force,
 * bracketed abbreviations). Sentences written for the tests; names of people invented.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run, ents, typed } from "./unseen-helpers.ts";


describe("officials after long or unusual titles", () => {
  const cases: [string, string, string, string | null][] = [
    ["a minister of a coordinated portfolio in the regional government",
      "وقال وزير الزراعة والموارد المائية في حكومة الإقليم بيكرد كاوان إن الموسم جيد.",
      "official:بيكرد كاوان", "بيكرد كاوان -HEADS-> وزارة الزراعة والموارد المائية"],
    ["an ambassador posted لدى a capital",
      "وقال السفير التركي لدى بغداد أحمد يلماز أوغلو إن العلاقات متينة.", "official:أحمد يلماز أوغلو", null],
    ["a consul general (العام after the nationality) posted in a city",
      "وأكد القنصل الإيراني العام في السليمانية محمد رضا كرمي أن المعبر مفتوح.", "official:محمد رضا كرمي", null],
    ["the head of a chamber of commerce",
      "وقال رئيس غرفة تجارة دهوك سيامند جليل الخياط إن الأسواق مستقرة.", "official:سيامند جليل الخياط", "سيامند جليل الخياط -HEADS-> غرفة تجارة دهوك"],
    ["a district head after قائممقام قضاء X",
      "وقال قائممقام قضاء زاخو نيجيرفان عزت إن الطرق مقطوعة.", "official:نيجيرفان عزت", "نيجيرفان عزت -HEADS-> زاخو"],
    ["the director general of a company with its abbreviation in brackets",
      "وأعلن المدير العام لشركة نفط البصرة (بوك) سامي كاظم العبودي ارتفاع الإنتاج.", "official:سامي كاظم العبودي", "سامي كاظم العبودي -HEADS-> شركة نفط البصرة"],
  ];
  for (const [what, text, entity, rel] of cases) {
    it(what, async () => {
      const x = await run(text);
      expect(ents(x)).toContain(entity);
      if (rel !== null) expect(typed(x)).toContain(rel);
    });
  }
});

describe("bodies with long extents", () => {
  const cases: [string, string, string][] = [
    ["a committee with a coordinated noun closed by an adjective", "وطالبت لجنة النفط والطاقة النيابية بزيادة الإنتاج.", "ministry:لجنة النفط والطاقة النيابية"],
    ["a chamber of commerce with an adjective", "وشاركت غرفة التجارة الدولية في المؤتمر.", "organization:غرفة التجارة الدولية"],
    ["a fund whose name runs over a participle and its من-complement",
      "وخصص صندوق إعادة إعمار المناطق المتضررة من العمليات الإرهابية مبلغا للمدارس.", "ministry:صندوق إعادة إعمار المناطق المتضررة من العمليات الإرهابية"],
    ["a governorate office", "وعقد الاجتماع في ديوان محافظة صلاح الدين.", "ministry:ديوان محافظة صلاح الدين"],
    ["a generic unit named by its parent force after ل", "وقصفت القوات البرية للحرس الثوري مواقع في جبال قنديل.", "force:القوات البرية للحرس الثوري"],
  ];
  for (const [what, text, entity] of cases) {
    it(what, async () => {
      expect(ents(await run(text))).toContain(entity);
    });
  }

  it("the unit of a named force is PART_OF it", async () => {
    expect(typed(await run("وقصفت القوات البرية للحرس الثوري مواقع في جبال قنديل."))).toContain("القوات البرية للحرس الثوري -PART_OF-> الحرس الثوري الإيراني");
  });

  it("an abbreviation in brackets is an alias of the body, never a node", async () => {
    const x = await run("وقالت شركة نفط ميسان (مومك) إن الحقول تعمل.");
    expect(x.entities.map((e) => e.label)).toEqual(["شركة نفط ميسان"]);
    expect(x.entities[0].aliases).toContain("مومك");
  });

  const none: [string, string, string][] = [
    ["an ordinal unit with no named parent", "وتمكن الفوج الثاني من صد الهجوم بعد ساعات.", "الفوج الثاني"],
    ["a head + a verbal noun of the form التفعيل", "وأعلنت هيئة التدقيق قرارها النهائي.", "هيئة التدقيق"],
  ];
  for (const [what, text, label] of none) {
    it(`no node: ${what}`, async () => {
      expect((await run(text)).entities.map((e) => e.label)).not.toContain(label);
    });
  }

  it("an ordinal unit of a named force stays", async () => {
    expect(ents(await run("وتمكن الفوج الثاني من الشرطة الاتحادية من صد الهجوم."))).toContain("force:الفوج الثاني");
  });
});

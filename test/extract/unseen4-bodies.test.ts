/**
 * Round 4 of rules for unseen text, bodies: coordinated ministry names after a title (the lexicon's longer name
 * over a weak variant), an international body's abbreviation that spells a town, one entity for a group's names,
 * emergency regiments, and a body name that stops at و + an indefinite noun. Sentences written for the tests;
 * names of people invented.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run, ents, typed } from "./unseen-helpers.ts";


describe("bodies in unseen text (round 4)", () => {
  it("a minister of a coordinated portfolio of the regional government heads it; it is PART_OF the KRG", async () => {
    const x = await run("وقال وزير المالية والاقتصاد في حكومة الإقليم هوشيار شيخ كمال إن الرواتب ستصرف.");
    expect(ents(x)).toContain("official:هوشيار شيخ كمال");
    expect(typed(x)).toContain("هوشيار شيخ كمال -HEADS-> وزارة المالية والاقتصاد");
    expect(typed(x)).toContain("وزارة المالية والاقتصاد -PART_OF-> حكومة إقليم كردستان");
  });
  it("an international body's bracketed abbreviation after its parent is its alias, not a town", async () => {
    const x = await run("وحذرت منظمة الأغذية والزراعة التابعة للأمم المتحدة (الفاو) من الجفاف.");
    expect(ents(x)).not.toContain("place:الفاو");
    expect(typed(x)).toContain("منظمة الأغذية والزراعة -PART_OF-> الأمم المتحدة");
    expect(x.entities.find((e) => e.label === "منظمة الأغذية والزراعة")?.aliases).toContain("الفاو");
  });
  it("the town of the same spelling stays a place elsewhere", async () => {
    expect(ents(await run("ووصل الوفد إلى قضاء الفاو جنوب البصرة."))).toContain("place:الفاو");
  });
  it("تنظيم بي كا كا and حزب العمال الكردستاني are one entity", async () => {
    const x = await run("وقصف الجيش التركي مواقع تنظيم بي كا كا في العمادية. وأعلن حزب العمال الكردستاني مسؤوليته.");
    expect(x.entities.filter((e) => e.type === "force" && e.label === "حزب العمال الكردستاني")).toHaveLength(1);
    expect(ents(x).filter((l) => l.includes("بي كا كا"))).toEqual([]);
  });
  it("emergency regiments of a governorate's police are a force", async () => {
    expect(ents(await run("وانتشرت أفواج طوارئ شرطة الأنبار في المدينة."))).toContain("force:أفواج طوارئ شرطة الأنبار");
  });
  it("a headline fragment is no body: the name stops at و + an indefinite noun", async () => {
    const labels = (await run("لجنة أمنية دائمة وملفا سنجار على طاولة الحوار.")).entities.map((e) => e.label);
    expect(labels.some((l) => l.includes("وملفا"))).toBe(false);
    expect(labels).toContain("سنجار");
  });
});

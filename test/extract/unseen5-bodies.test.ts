/**
 * Round 5 of rules for unseen text, bodies: the Public Prosecution and the Office of the Prime Minister (lexicon),
 * a company's nationality adjective inside its name, media names holding a place or a time word, and descriptions
 * that are no body (شبكة تلاعب، دائرة الصراع، الفوج الثاني with no parent). Sentences written for the tests.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const bodies = (x: Extraction) => x.entities.filter((e) => e.type !== "person" && e.type !== "official").map((e) => `${e.type}:${e.label}`);

describe("body extents in unseen text (round 5)", () => {
  const cases: [string, string, string[], string[]][] = [
    ["جهاز + definite noun + adjective", "وقال جهاز الادعاء العام في بيان إن التحقيق مستمر.", ["ministry:جهاز الادعاء العام"], ["force:جهاز الادعاء"]],
    ["a Chinese company in Arabic script", "ووقعت الوزارة عقداً مع شركة سينوتك الصينية لبناء المدارس.", ["organization:شركة سينوتك الصينية"], ["organization:شركة سينوتك"]],
    ["a Turkish company", "ووقعت عقداً مع شركة سينوتك التركية.", ["organization:شركة سينوتك التركية"], []],
    ["the office of the presidency of the council", "وأعلنت رئاسة مجلس الوزراء عن عطلة رسمية.", ["ministry:رئاسة مجلس الوزراء"], ["ministry:مجلس الوزراء"]],
    ["the council itself unchanged", "وقرر مجلس الوزراء تعطيل الدوام.", ["ministry:مجلس الوزراء"], ["ministry:رئاسة مجلس الوزراء"]],
    ["a channel named with a place and a time word", "وذكرت قناة بغداد اليوم أن الطريق أغلق.", ["organization:بغداد اليوم"], ["organization:قناة بغداد", "place:بغداد"]],
    ["an agency named with نيوز", "ونقلت وكالة شفق نيوز عن مصدر أن الطريق أغلق.", ["organization:شفق نيوز"], []],
    ["an indefinite network + verbal noun", "وكشفت عن شبكة تلاعب بالأسعار.", [], ["organization:شبكة تلاعب"]],
    ["an indefinite network + تفعيل noun", "وفككت القوات شبكة تهريب في المنطقة.", [], ["organization:شبكة تهريب"]],
    ["a figurative دائرة", "ودخل البلد في دائرة الصراع.", [], ["ministry:دائرة الصراع"]],
    ["a directorate still a body", "وقالت دائرة الصحة في بيان إن المستشفى جاهز.", ["ministry:دائرة الصحة"], []],
    ["an ordinal regiment with no parent", "وهاجم المسلحون الفوج الثاني ليلاً.", [], ["force:الفوج الثاني"]],
    ["تابعة alone is no place", "وقال إن القرية تابعة للقضاء.", [], ["place:تابعة"]],
  ];
  for (const [what, text, present, absent] of cases) {
    it(what, async () => {
      const b = bodies(await run(text));
      for (const x of present) expect(b).toContain(x);
      for (const x of absent) expect(b).not.toContain(x);
    });
  }
});

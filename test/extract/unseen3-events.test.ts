/**
 * Round 3 of rules for unseen text: events missed (arrests with أطاح بـ, court rulings, conferences) and spurious
 * ones (a non-specific "any X", a negated or prevented happening). Sentences written for the tests; names invented.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

/** `eventType role:label` for every participant. */
const parts = (x: Extraction) => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  const type = new Map(x.events.map((e) => [e.id, e.eventType]));
  return x.relations.filter((r) => r.type === "PARTICIPANT_IN").map((r) => `${type.get(r.target)} ${r.role}:${label.get(r.source)}`).sort();
};

describe("events missed before", () => {
  const cases: [string, string, string[]][] = [
    ["a court ruling is an event of type other with the court and the convicted",
      "وأصدرت محكمة جنايات نينوى حكماً بالإعدام بحق المدان رعد سالم الحمداني لإدانته بالإرهاب.",
      ["other agent:محكمة جنايات نينوى", "other target:رعد سالم الحمداني"]],
    ["أطاحت بـ is an arrest, its subject the agent",
      "وأطاحت مفارز مديرية شؤون المخدرات بالمتهم هردي سعيد الجبوري في حي الأندلس.",
      ["arrest agent:المديرية العامة لشؤون المخدرات", "arrest target:هردي سعيد الجبوري"]],
    ["a security conference is a meeting", "وعقد مؤتمر أمني موسع في مقر قيادة شرطة ميسان بحضور المحافظ حبيب ظاهر الفرطوسي.",
      ["meeting attendee:حبيب ظاهر الفرطوسي"]],
  ];
  for (const [what, text, expected] of cases) {
    it(what, async () => {
      const got = parts(await run(text));
      for (const e of expected) expect(got).toContain(e);
    });
  }
});

describe("no event for a non-specific, negated or prevented happening", () => {
  const cases: [string, string][] = [
    ["any protest (أي تظاهرات) in a warning", "وأكدت قيادة الشرطة أنها ستمنع أي تظاهرات في ساحة الحبوبي."],
    ["a negated explosion", "ولم يسجل أي انفجار في مدينة الحلة خلال المناسبة."],
    ["an explosion a plan is to prevent", "ووضعت الخطة لمنع وقوع انفجار في مخازن مدينة الديوانية."],
  ];
  for (const [what, text] of cases) {
    it(what, async () => {
      expect((await run(text)).events).toEqual([]);
    });
  }
});

describe("aims are no happenings", () => {
  it("a founding noun after the purpose ل founds no formation event", async () => {
    expect((await run("وخصصت الحكومة المحلية أراضي لإنشاء مخازن جديدة في مدينة البصرة.")).events.filter((e) => e.eventType === "formation")).toEqual([]);
  });
});

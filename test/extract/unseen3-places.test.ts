/**
 * Round 3 of rules for unseen text: places (a glued adjective split off, full names with their adjective, a
 * keyword place and its bare name as one entity) and the direction of containment. Sentences written for the tests.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const located = (x: Extraction) => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations.filter((r) => r.type === "LOCATED_IN").map((r) => `${label.get(r.source)} -> ${label.get(r.target)}`);
};

describe("place names", () => {
  const cases: [string, string, string, string[]][] = [
    ["a definite adjective glued to a place name is split off and kept in the full name",
      "ووصلت الباخرة إلى ميناء أم قصرالجنوبي فجر اليوم.", "ميناء أم قصر الجنوبي", []],
    ["an airport's full name takes its adjective", "وهبطت الطائرة في مطار السليمانية الدولي مساء أمس.", "مطار السليمانية الدولي", ["مطار السليمانية"]],
    ["a border crossing and its bare name later are one place",
      "وأعيد فتح منفذ باشماخ الحدودي أمس. وقال مسؤول إن باشماخ يستقبل الشاحنات.", "منفذ باشماخ الحدودي", ["منفذ باشماخ", "باشماخ"]],
  ];
  for (const [what, text, label, aliases] of cases) {
    it(what, async () => {
      const places = (await run(text)).entities.filter((e) => e.type === "place");
      const p = places.find((e) => e.label === label);
      expect(p, places.map((e) => e.label).join(", ")).toBeDefined();
      for (const a of aliases) expect(p!.aliases).toContain(a);
      expect(places.filter((e) => aliases.includes(e.label))).toEqual([]);
    });
  }
});

describe("containment goes from the smaller place to the larger", () => {
  it("never puts a governorate in its capital city", async () => {
    const x = await run("وعقد الاجتماع في مبنى محافظة الأنبار في مدينة الرمادي.");
    expect(located(x)).not.toContain("الأنبار -> الرمادي");
  });

  it("never puts a country in a governorate", async () => {
    const x = await run("وتم تعزيز الحدود مع إيران في محافظة ميسان.");
    expect(located(x).filter((r) => r.startsWith("إيران"))).toEqual([]);
  });
});

describe("gazetteer places written with the article", () => {
  it("reads a district listed without ال after a title naming a place (قائممقام الدبس)", async () => {
    const x = await run("وأشار قائممقام الدبس آزاد كمال رسول إلى أن الطرق آمنة.");
    const rels = x.relations.filter((r) => r.type === "HEADS").map((r) => x.entities.find((e) => e.id === r.target)?.label);
    expect(rels).toEqual(["دبس"]);
    expect(x.entities.find((e) => e.label === "دبس")?.aliases).toContain("الدبس");
  });
});

/**
 * Round 5 of rules for unseen text, places: a place name glued to the next word (no space), split off when the rest
 * is an ordinary word or و + a word (نينوىوكركوك، أربيلوحدها، ذي قارأمس). Sentences written for the tests.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const places = (x: Extraction) => x.entities.filter((e) => e.type === "place").map((e) => e.label);

describe("glued place names in unseen text (round 5)", () => {
  const cases: [string, string, string[], string[]][] = [
    ["two governorates glued by و", "وزار الوفد نينوىوكركوك أمس.", ["نينوى", "كركوك"], ["نينوىوكركوك"]],
    ["two definite places glued by و", "ووصلت التعزيزات إلى البصرةوالعمارة.", ["البصرة", "العمارة"], []],
    ["a place glued to وحدها", "وقال إن أربيلوحدها استقبلت النازحين.", ["أربيل"], ["أربيلوحدها"]],
    ["a place glued to a listed noun", "وسجلت الأنبارحوادث عدة.", ["الأنبار"], ["الأنبارحوادث"]],
    ["a place glued to a noun after a verb", "وشهدت كركوكهجمات متفرقة.", ["كركوك"], []],
    ["a place glued to a function word", "ويقيم في الحلةمنذ سنوات.", ["الحلة"], []],
    ["the last word of a two-word place glued to أمس", "ووصل الوفد إلى ذي قارأمس.", ["ذي قار"], []],
    ["spaced names unchanged", "وفي نينوى وكركوك أمس.", ["نينوى", "كركوك"], []],
  ];
  for (const [what, text, present, absent] of cases) {
    it(what, async () => {
      const p = places(await run(text));
      for (const x of present) expect(p).toContain(x);
      for (const x of absent) expect(p).not.toContain(x);
    });
  }
  it("a glued tail that is no word is not split off (no place from a prefix)", async () => {
    // كركوكي "a Kirkuki" (tail ي, one letter): not a place mention by the glue rule.
    expect(places(await run("وقال مواطن كركوكي إن الأسعار ارتفعت."))).not.toContain("كركوك");
  });
});

/**
 * Round 5 of rules for unseen text, name extents: a future or derived imperfect verb (سيتولى، ستستقبل، يستقبل،
 * سنعود) before or after a name is never part of it, nor a preposition phrase after it (بشظايا، بجروح، برصاص).
 * Sentences written for the tests.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument, loadResources } from "../../src/extract/pipeline.ts";
import type { Extraction } from "../../src/extract/types.ts";
import type { SourceDocument } from "../../src/text/types.ts";
import { verbShape } from "../../src/extract/name-extents.ts";
import { ROOT } from "../helpers/seed.ts";

const doc = (text: string): SourceDocument => ({ id: "t", text, date: "2023-05-10", removed: [], origin: "test" });
const lexicon = async () => loadResources(resolve(ROOT, "graph-data"));
async function run(text: string): Promise<Extraction> {
  return extractDocument(doc(text), await lexicon());
}
const people = (x: Extraction) => x.entities.filter((e) => e.type === "person" || e.type === "official").map((e) => e.label);

describe("name extents with verbs and preposition phrases (round 5)", () => {
  const cases: [string, string, string[], string[]][] = [
    ["a derived imperfect after a titled name", "وبين ان مدير الشرطة اللواء سعد فالح يستقبل المراجعين.", ["سعد فالح"], ["سعد فالح يستقبل المراجعين"]],
    ["a future verb in سن after a name", "وقال المواطن جاسم محمد سنعود إلى منازلنا.", ["جاسم محمد"], ["جاسم محمد سنعود"]],
    ["a future verb in ست before a family name", "وأكد المحافظ أن النائب ستستقبل الموسوي.", [], ["ستستقبل الموسوي"]],
    ["a future verb in سي after a titled name", "وقال إن الدكتور فاضل الموسوي سيتولى رئاسة اللجنة.", ["فاضل الموسوي"], ["فاضل الموسوي سيتولى"]],
    ["a preposition phrase بشظايا after a name", "وأصيب الملازم أحمد سعدون بشظايا قذيفة.", ["أحمد سعدون"], ["أحمد سعدون بشظايا"]],
    ["a preposition phrase برصاص after a name", "وأصيب العقيد شيرزاد عزيز الفلاني برصاص قناص.", ["شيرزاد عزيز الفلاني"], ["شيرزاد عزيز الفلاني برصاص"]],
    ["a name in ت is still read after a rank", "وقال العميد تحسين الخفاجي إن القوات تتقدم.", ["تحسين الخفاجي"], []],
  ];
  for (const [what, text, present, absent] of cases) {
    it(what, async () => {
      const p = people(await run(text));
      for (const x of present) expect(p).toContain(x);
      for (const x of absent) expect(p).not.toContain(x);
    });
  }
  const shapes: [string, boolean][] = [
    ["سيتولي", true], ["ستستقبل", true], ["سنعمل", true], ["سالعمل", false], ["يستقبل", true], ["تتابع", true],
    ["سيامند", false], ["سالار", false], ["سيروان", false], ["سعدون", false], ["تحسين", false], ["يوسف", false],
  ];
  it("verbShape tells verb shapes from name words", async () => {
    const { lexicon: lx } = await lexicon();
    for (const [key, expected] of shapes) {
      // a listed given name is never a verb shape, whatever its letters
      const want = expected && !lx.firstNames.has(key) && !lx.familyNames.has(key);
      expect([key, verbShape(key, lx)]).toEqual([key, want]);
    }
  });
});

/**
 * Round 5 of rules for unseen text, officials: after a title, unlisted words (Kurdish or other non-Arabic given
 * names) closed by an unlisted definite family name make one name of three or four words (سالار قادر أوجي الجاف).
 * Sentences written for the tests.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const officials = (x: Extraction) => x.entities.filter((e) => e.type === "official").map((e) => e.label);
const heads = (x: Extraction) => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations.filter((r) => r.type === "HEADS").map((r) => `${label.get(r.source)} -> ${label.get(r.target)}`);
};

describe("four-part unlisted names after a title (round 5)", () => {
  const cases: [string, string, string][] = [
    ["after a governor of a named governorate", "وقال محافظ السليمانية سالار قادر أوجي الجاف إن الوضع مستقر.", "سالار قادر أوجي الجاف"],
    ["after a director", "وأعلن مدير الناحية سالار قادر أوجي الجاف افتتاح المدرسة.", "سالار قادر أوجي الجاف"],
    ["after a bare title", "وقال النائب سالار قادر أوجي الجاف إن الكتلة ستقاطع الجلسة.", "سالار قادر أوجي الجاف"],
    ["three words after a title", "وقال النائب كاوه ئاكو البرزنجي إن الكتلة ستقاطع الجلسة.", "كاوه ئاكو البرزنجي"],
  ];
  for (const [what, text, name] of cases) {
    it(what, async () => {
      const o = officials(await run(text));
      expect(o).toContain(name);
      // no part of the name is an official of its own
      expect(o.filter((x) => x !== name && name.includes(x))).toEqual([]);
    });
  }
  it("the governor HEADS the governorate", async () => {
    expect(heads(await run("وقال محافظ السليمانية سالار قادر أوجي الجاف إن الوضع مستقر."))).toContain("سالار قادر أوجي الجاف -> السليمانية");
  });
  it("a title with no name after it gives no four-word official", async () => {
    expect(officials(await run("وقال النائب إن الكتلة الكبيرة قررت المقاطعة."))).toEqual([]);
  });
});

describe("noun phrases after a title are no unlisted name (round 5)", () => {
  it("a feminine noun + preposition phrase + definite noun", async () => {
    const x = await run("وقال رئيس الكتلة إن الاتفاق خطوة لإنهاء الانسداد السياسي.");
    expect(officials(x).some((o) => o.includes("خطوة"))).toBe(false);
  });
});

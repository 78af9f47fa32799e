/**
 * Round 4 of rules for unseen text, places: lists after dual keywords (the keyword of the next list is no member),
 * Kurdistan Region administrations, places named by a number (الكيلو 160), a participle of attachment glued to a
 * name (سنجارالتابع). Sentences written for the tests.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const places = (x: Extraction) => x.entities.filter((e) => e.type === "place").map((e) => e.label);
const located = (x: Extraction) => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations.filter((r) => r.type === "LOCATED_IN").map((r) => `${label.get(r.source)} -> ${label.get(r.target)}`);
};

describe("places in unseen text (round 4)", () => {
  const cases: [string, string, string[], string[]][] = [
    ["two dual-keyword lists: each member a place, the keywords none", "وشمل القرار محافظتي السليمانية وحلبجة وإدارتي كرميان ورابرين.",
      ["السليمانية", "حلبجة", "إدارة كرميان", "إدارة رابرين"], ["إدارتي", "وإدارتي"]],
    ["an administration named alone", "وقال مسؤول في إدارة رابرين إن الطرق مفتوحة.", ["إدارة رابرين"], []],
    ["a place named by a number after الكيلو", "وانفجرت عبوة ناسفة قرب الكيلو 160 على الطريق الدولي.", ["الكيلو 160"], []],
    ["a place named by a number after الكم", "وانفجرت عبوة قرب الكم 35 جنوب الرمادي.", ["الكم 35", "الرمادي"], []],
    ["a district with التابع glued to it", "ووقع الهجوم في قضاء تلعفرالتابع لمحافظة نينوى.", ["تلعفر", "نينوى"], ["تلعفرالتابع"]],
  ];
  for (const [what, text, present, absent] of cases) {
    it(what, async () => {
      const p = places(await run(text));
      for (const x of present) expect(p).toContain(x);
      for (const x of absent) expect(p).not.toContain(x);
    });
  }
  it("a glued district is LOCATED_IN the governorate after التابع ل", async () => {
    expect(located(await run("ووقع الهجوم في قضاء تلعفرالتابع لمحافظة نينوى."))).toContain("تلعفر -> نينوى");
  });
  it("every place of a list before في إقليم كردستان is LOCATED_IN the region", async () => {
    const l = located(await run("وتقع القرى في زاخو وسوران وشقلاوة في إقليم كردستان."));
    for (const p of ["زاخو", "سوران", "شقلاوة"]) expect(l).toContain(`${p} -> إقليم كردستان`);
  });
});

/**
 * Round 3 of rules for unseen text: person name extents and non-Arabic given names (Kurdish, Turkmen, Persian)
 * taken whole from context, and kinship between full names. Every sentence is written for the tests; every
 * person's name is invented.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const persons = (x: Extraction) => x.entities.filter((e) => e.type === "person" || e.type === "official").map((e) => `${e.type}:${e.label}`).sort();
const typed = (x: Extraction) => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations.filter((r) => !["MENTIONED_WITH", "PARTICIPANT_IN", "OCCURRED_IN"].includes(r.type))
    .map((r) => `${label.get(r.source)} -${r.type}-> ${label.get(r.target)}`).sort();
};

describe("whole names from context", () => {
  const cases: [string, string, string[]][] = [
    ["an unlisted first word before a listed given name and a family name",
      "وأصيب كاروان سعيد البياتي بجروح خطيرة في الحادث.", ["person:كاروان سعيد البياتي"]],
    ["a speaker's four-word name with no family name, ended by a noun",
      "وروى ريبين نهاد حمه أمين تفاصيل الحادث للصحفيين.", ["person:ريبين نهاد حمه أمين"]],
    ["a speaker's three unlisted words before أن",
      "وأكد زانيار ديلان كاكه أن القرية خالية.", ["person:زانيار ديلان كاكه"]],
    ["an honorific before two unlisted words ended by a preposition phrase",
      "وأصيب الراعي هه ڤال شوان بجروح جراء القصف.", ["person:هه ڤال شوان"]],
    ["a name word in ك after a title (no preposition)",
      "وأفاد المختار هيمن رسول كاكه حمه بأن القرية تعرضت للقصف.", ["official:هيمن رسول كاكه حمه"]],
    ["an acting minister: بالوكالة is a title modifier, not part of the name",
      "وقال وزير النقل بالوكالة سامان علي فاضل إن الرحلات مستمرة.", ["official:سامان علي فاضل"]],
    ["a family name that is also a small place ends the name after a title",
      "وقال محافظ السليمانية هفال برزنجي إن الطرق سالكة.", ["official:هفال برزنجي"]],
    ["an MP for a bloc named after a party",
      "وأكدت النائبة عن كتلة الاتحاد الوطني الكردستاني شنو رزكار عمر أن الاتفاق قريب.", ["official:شنو رزكار عمر"]],
    ["a Turkmen name of four words with a non-Arabic surname after a title and its body",
      "وقال رئيس الجبهة التركمانية العراقية محمد سمير كمال يلدز إن الانتخابات مهمة.", ["official:محمد سمير كمال يلدز"]],
  ];
  for (const [what, text, expected] of cases) {
    it(what, async () => {
      expect(persons(await run(text))).toEqual(expected);
    });
  }

  const none: [string, string][] = [
    ["a kin word followed by a preposition phrase is no name", "وأصيب شقيقه بجروح طفيفة في الحادث."],
    ["a kin word as the subject of a nominal clause is no name", "وقالت العائلة إن ابنها بريء من التهم."],
    ["a single unlisted word after an honorific is no name", "وأصيب المزارع بجروح خطيرة."],
  ];
  for (const [what, text] of none) {
    it(what, async () => {
      expect(persons(await run(text))).toEqual([]);
    });
  }

  it("an acting minister HEADS the ministry", async () => {
    expect(typed(await run("وأعلن وزير الكهرباء بالوكالة ديار نوري سليم عن خطة جديدة."))).toContain("ديار نوري سليم -HEADS-> وزارة الكهرباء");
  });

  it("the MP for a party's bloc is MEMBER_OF the party", async () => {
    expect(typed(await run("وأكدت النائبة عن كتلة الاتحاد الوطني الكردستاني شنو رزكار عمر أن الاتفاق قريب.")))
      .toContain("شنو رزكار عمر -MEMBER_OF-> الاتحاد الوطني الكردستاني");
  });
});

describe("kinship between full names", () => {
  const cases: [string, string, string][] = [
    ["X شقيق النائب Y, both four words",
      "وقتل المواطن دانا رسول حمه أمين شقيق النائب هيوا رسول حمه أمين في الهجوم.", "دانا رسول حمه أمين -RELATIVE_OF-> هيوا رسول حمه أمين"],
    ["X نجل القيادي Y with no title before X",
      "واعتقلت القوات ريباز جمال كريم نجل المختار آراس جمال كريم.", "ريباز جمال كريم -RELATIVE_OF-> آراس جمال كريم"],
    ["X ابن عم Y with an unlisted first word in ب",
      "وأصيب بختيار عزيز محمد ابن عم المختار سوران عزيز محمد بجروح.", "بختيار عزيز محمد -RELATIVE_OF-> سوران عزيز محمد"],
  ];
  for (const [what, text, rel] of cases) {
    it(what, async () => {
      const rels = typed(await run(text));
      expect(rels).toContain(rel);
      expect(rels.filter((r) => r.includes("RELATIVE_OF"))).toHaveLength(1);
    });
  }
});

describe("name words that look like function words, verbs or prepositions", () => {
  const cases: [string, string, string][] = [
    ["a final surname in ب before punctuation", "وقتل المواطن سامي عزيز بكتاش، وهو من سكان الحي.", "person:سامي عزيز بكتاش"],
    ["a given name in ت after a rank", "وقال المقدم تورهان جمال أوغلو إن التحقيق مستمر.", "official:تورهان جمال أوغلو"],
    ["a two-word foreign name in ت after a title and its posting", "والتقى السفير الصيني لدى بغداد تشونغ مينغ، وبحث معه المشاريع.", "official:تشونغ مينغ"],
    ["a speaker whose second word is a listed name that is also a time word (صباح)", "وروى هيمن صباح عزيز كاكه، نجل الضحية، تفاصيل الحادث.", "person:هيمن صباح عزيز كاكه"],
  ];
  for (const [what, text, expected] of cases) {
    it(what, async () => {
      expect(persons(await run(text))).toContain(expected);
    });
  }

  it("an imperfect verb after a title and its body is no name", async () => {
    expect(persons(await run("وزير النقل يفتتح رصيفا جديدا في الميناء."))).toEqual([]);
  });

  it("X، وهو شقيق Y: the copula pronoun does not cut the kin relation", async () => {
    expect(typed(await run("واعتقل المدعو دانا نوزاد حمه أمين، وهو شقيق المتهم الهارب آكو نوزاد حمه أمين.")))
      .toContain("دانا نوزاد حمه أمين -RELATIVE_OF-> آكو نوزاد حمه أمين");
  });
});

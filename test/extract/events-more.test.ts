/**
 * How event mentions share arguments and merge (docs/extraction.md, "Events"), on sentences written for the tests
 * (not from the seed article). Names of people here are invented.
 */
import { describe, expect, it } from "vitest";
import { argsOf, extract } from "./relations-fixture.ts";

describe("leads: members, counts and copulas", () => {
  it("reads the body whose members were arrested (اعتقال خمسة عناصر من X) as the target", () => {
    const { relations, events } = extract("أعلنت القوات اعتقال خمسة عناصر من تنظيم داعش في قضاء الحضر.", [
      { surface: "تنظيم داعش", type: "force", id: "isis" },
      { surface: "الحضر", type: "place", id: "hatra" },
    ]);
    const arrest = events.find((e) => e.eventType === "arrest")!;
    expect(argsOf(relations, arrest)).toEqual({ participants: ["isis:target"], places: ["hatra"] });
  });

  it("reads the victims after a copula (القتيلين هما X وY)", () => {
    const { relations, events } = extract("وقال المصدر ان القتيلين هما المنتسب كرار الزيدي والمنتسب حيدر اللامي.", [
      { surface: "كرار الزيدي", type: "person", id: "v1" },
      { surface: "حيدر اللامي", type: "person", id: "v2" },
    ]);
    // a killing is the death of one named person (ONTOLOGY.md): two victims, two killings
    expect(events).toHaveLength(2);
    expect(events.map((e) => argsOf(relations, e).participants)).toEqual([["v1:victim"], ["v2:victim"]]);
  });

  it("reads the perpetrator of an attack after شنه مسلحون من X", () => {
    const { relations, events } = extract("قتل مدنيان بهجوم شنه مسلحون من داعش على قرية الحورية.", [
      { surface: "داعش", type: "force", id: "isis" },
      { surface: "الحورية", type: "place", id: "village" },
    ]);
    const attack = events.find((e) => e.eventType === "attack")!;
    expect(argsOf(relations, attack)).toEqual({ participants: ["isis:perpetrator"], places: ["village"] });
  });
});

describe("mentions of one sentence share arguments", () => {
  it("gives a verb coordinated with و the subject and date of the verb before it", () => {
    const text = "وكان قائد القوات البرية اللواء ماهر الربيعي قد زار الشهر الماضي مقر الفرقة التاسعة واجتمع بقادة الحشد الشعبي.";
    const { relations, events } = extract(text, [
      { surface: "ماهر الربيعي", type: "official", id: "cmdr", title: { text: "قائد القوات البرية اللواء" } },
      { surface: "الفرقة التاسعة", type: "force", id: "div9" },
      { surface: "الحشد الشعبي", type: "force", id: "pmf" },
    ], "2023-03-12");
    const visit = events.find((e) => e.eventType === "visit")!;
    const meeting = events.find((e) => e.eventType === "meeting")!;
    expect(visit.date).toBe("2023-02");
    expect(argsOf(relations, visit).participants).toEqual(["cmdr:agent"]);
    expect(meeting.date).toBe("2023-02");
    expect(argsOf(relations, meeting).participants).toEqual(["cmdr:attendee", "pmf:attendee"]);
  });

  it("passes places and agent of an operation to what it resulted in (أسفرت عن)", () => {
    const text = "ونفذت شرطة ديالى عملية نوعية في ناحية بهرز أسفرت عن اعتقال مطلوبين وتحرير المختطف سامي الكرخي.";
    const { relations, events } = extract(text, [
      { surface: "شرطة ديالى", type: "force", id: "police" },
      { surface: "بهرز", type: "place", id: "buhriz" },
      { surface: "سامي الكرخي", type: "person", id: "hostage" },
    ]);
    const byType = new Map(events.map((e) => [e.eventType, e]));
    expect([...byType.keys()].sort()).toEqual(["arrest", "raid", "release"]);
    expect(argsOf(relations, byType.get("arrest")!)).toEqual({ participants: ["police:agent"], places: ["buhriz"] });
    expect(argsOf(relations, byType.get("release")!)).toEqual({ participants: ["hostage:target", "police:agent"], places: ["buhriz"] });
  });

  it("reads an explosion and the attack verb chained to it as one happening, with the places after both", () => {
    const text = "أصيب جنديان بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الرطبة.";
    const { relations, events } = extract(text, [{ surface: "الرطبة", type: "place", id: "rutba" }]);
    expect(events.map((e) => e.eventType)).toEqual(["explosion"]);
    expect(argsOf(relations, events[0]).places).toEqual(["rutba"]);
  });

  it("shares the place of a raid with the arrest it was part of (اعتقال … في عملية دهم في X)", () => {
    const text = "تم اعتقال متهم من عصابات الخطف في عملية دهم في حي العامل.";
    const { relations, events } = extract(text, [
      { surface: "عصابات الخطف", type: "force", id: "gang" },
      { surface: "حي العامل", type: "place", id: "amil" },
    ]);
    const arrest = events.find((e) => e.eventType === "arrest")!;
    expect(argsOf(relations, arrest).places).toEqual(["amil"]);
  });

  it("takes a date written right before the trigger", () => {
    const { events } = extract("انطلقت فجر اليوم الاثنين عملية أمنية واسعة في وادي حوران.", [
      { surface: "وادي حوران", type: "place", id: "wadi" },
    ], "2023-03-13");
    expect(events[0].eventType).toBe("raid");
    expect(events[0].date).toBe("2023-03-13");
  });
});

describe("merging across sentences", () => {
  it("joins a definite trigger noun with named victims to a killing whose victim is a body, one killing per named victim", () => {
    const text = "قتل جنديان من الجيش العراقي بانفجار في قضاء الرطبة. وقال مصدر ان القتيلين هما الجندي علي الفهداوي والجندي عمر الدليمي.";
    const { relations, events } = extract(text, [
      { surface: "الجيش العراقي", type: "force", id: "army" },
      { surface: "الرطبة", type: "place", id: "rutba" },
      { surface: "علي الفهداوي", type: "official", id: "v1", title: { text: "الجندي" } },
      { surface: "عمر الدليمي", type: "official", id: "v2", title: { text: "الجندي" } },
    ]);
    const killings = events.filter((e) => e.eventType === "killing");
    expect(killings).toHaveLength(2);
    expect(killings.map((k) => argsOf(relations, k).participants)).toEqual([["army:victim", "v1:victim"], ["army:victim", "v2:victim"]]);
    expect(killings.map((k) => argsOf(relations, k).places)).toEqual([["rutba"], ["rutba"]]);
  });

  it("keeps two killings with different named victims apart even when the second is a definite noun", () => {
    const text = "قتل المنتسب علي الفهداوي في الرطبة. وفي حادث آخر أعلنت الشرطة مقتل المنتسب سعد الكبيسي في هيت.";
    const { events } = extract(text, [
      { surface: "علي الفهداوي", type: "person", id: "v1" },
      { surface: "الرطبة", type: "place", id: "rutba" },
      { surface: "سعد الكبيسي", type: "person", id: "v2" },
      { surface: "هيت", type: "place", id: "hit" },
    ]);
    expect(events.filter((e) => e.eventType === "killing")).toHaveLength(2);
  });

  it("lets a headline with no participant join the body's event in the same governorate", () => {
    const text = "اعتقال ارهابيين في عملية دهم غربي الموصل\nونفذت قوة من الفرقة العشرين عملية دهم في قضاء البعاج واعتقلت مطلوبين.";
    const { events } = extract(text, [
      { surface: "الموصل", type: "place", id: "mosul", pcode: "IQG15Q05" },
      { surface: "الفرقة العشرين", type: "force", id: "div20" },
      { surface: "البعاج", type: "place", id: "baaj", pcode: "IQG15Q02" },
    ]);
    expect(events.filter((e) => e.eventType === "raid")).toHaveLength(1);
  });
});

/**
 * Events: triggers by eventType, participants with roles, places, dates, merging — on sentences written for the
 * tests (not from the seed article). Names of people here are invented.
 */
import { describe, expect, it } from "vitest";
import { argsOf, extract } from "./relations-fixture.ts";

describe("killing", () => {
  it("takes the victim from a relative clause, the place and the date from the clause after the trigger", () => {
    const text = "زار المحافظ عائلة الشهيد سعد الكناني الذي قتل في قضاء الطارمية في 3 تشرين الأول أكتوبر 2019 بنيران مسلحين.";
    const { relations, events } = extract(text, [
      { surface: "سعد الكناني", type: "person", id: "victim" },
      { surface: "الطارمية", type: "place", id: "tarmiyah" },
    ]);
    const killing = events.find((e) => e.eventType === "killing")!;
    expect(killing.date).toBe("2019-10-03");
    expect(killing.datePrecision).toBe("day");
    expect(argsOf(relations, killing)).toEqual({ participants: ["victim:victim"], places: ["tarmiyah"] });
    expect(killing.label).toBe("مقتل سعد الكناني في الطارمية");
    expect(text.slice(killing.provenance[0].start, killing.provenance[0].end)).toBe("قتل");
  });

  it("finds the perpetrator after على يد and keeps two victims apart", () => {
    const text = "استشهد المقاتل علي الربيعي على يد تنظيم داعش في كانون الثاني يناير عام 2016. كما استشهد المقاتل عمار الربيعي على يد تنظيم داعش.";
    const { relations, events } = extract(text, [
      { surface: "علي الربيعي", type: "person", id: "v1" },
      { surface: "تنظيم داعش", type: "force", id: "isis" },
      { surface: "عمار الربيعي", type: "person", id: "v2" },
      { surface: "تنظيم داعش", type: "force", id: "isis" },
    ]);
    const killings = events.filter((e) => e.eventType === "killing");
    expect(killings).toHaveLength(2);
    expect(argsOf(relations, killings[0]).participants).toEqual(["isis:perpetrator", "v1:victim"]);
    expect(killings[0].date).toBe("2016-01");
    expect(argsOf(relations, killings[1]).participants).toEqual(["isis:perpetrator", "v2:victim"]);
  });

  it("makes no killing without a named victim (plural relative)", () => {
    const { events } = extract("كرم الوزير عوائل الجنود الذين قتلوا في معارك الموصل.", [
      { surface: "الموصل", type: "place" },
    ]);
    expect(events.filter((e) => e.eventType === "killing")).toEqual([]);
  });
});

describe("arrest, raid and attack", () => {
  it("reads the agent and the target of a verb (VSO) and a relative date", () => {
    const { relations, events } = extract("اعتقلت الشرطة الاتحادية المتهم خالد الشمري في حي الجهاد امس.", [
      { surface: "الشرطة الاتحادية", type: "force", id: "fp" },
      { surface: "خالد الشمري", type: "person", id: "suspect" },
      { surface: "حي الجهاد", type: "place", id: "jihad" },
    ], "2023-03-12");
    expect(events).toHaveLength(1);
    expect(events[0].eventType).toBe("arrest");
    expect(events[0].date).toBe("2023-03-11");
    expect(argsOf(relations, events[0])).toEqual({ participants: ["fp:agent", "suspect:target"], places: ["jihad"] });
  });

  it("links a raid during which a killing happened to the killing's victim, place and date", () => {
    const text = "قتل المنتسب حسن الفتلاوي في ناحية جرف النصر في 7 حزيران يونيو 2020 أثناء مداهمة وكر للإرهابيين.";
    const { relations, events } = extract(text, [
      { surface: "حسن الفتلاوي", type: "person", id: "v" },
      { surface: "جرف النصر", type: "place", id: "jurf" },
    ]);
    const raid = events.find((e) => e.eventType === "raid")!;
    expect(raid.date).toBe("2020-06-07");
    expect(argsOf(relations, raid)).toEqual({ participants: ["v:agent"], places: ["jurf"] });
  });

  it("reads القبض على with the agent right before it", () => {
    const { relations, events } = extract("وألقت قوات الأمن القبض على مروان العزاوي في كركوك.", [
      { surface: "قوات الأمن", type: "force", id: "isf" },
      { surface: "مروان العزاوي", type: "person", id: "m" },
      { surface: "كركوك", type: "place", id: "kirkuk" },
    ]);
    expect(events.map((e) => e.eventType)).toEqual(["arrest"]);
    expect(argsOf(relations, events[0])).toEqual({ participants: ["isf:agent", "m:target"], places: ["kirkuk"] });
  });
});

describe("visit, meeting, agreement, formation, handover", () => {
  it("resolves a weekday against the document date and reads the visitor and the place", () => {
    const { relations, events } = extract("زار رئيس أركان الجيش صباح الفهداوي محافظة ديالى الخميس.", [
      { surface: "صباح الفهداوي", type: "official", id: "chief", title: { text: "رئيس أركان الجيش" } },
      { surface: "ديالى", type: "place", id: "diyala" },
    ], "2023-03-12");
    expect(events).toHaveLength(1);
    expect(events[0].eventType).toBe("visit");
    expect(events[0].date).toBe("2023-03-09");
    expect(argsOf(relations, events[0])).toEqual({ participants: ["chief:agent"], places: ["diyala"] });
  });

  it("merges repeated mentions of one meeting and takes attendees after بين", () => {
    const text = "عقد اجتماع أمني بين قيادة عمليات نينوى والشرطة المحلية في الثالث من الشهر الحالي. وناقش الاجتماع خطط حماية الانتخابات المحلية في نينوى.";
    const { relations, events } = extract(text, [
      { surface: "قيادة عمليات نينوى", type: "force", id: "noc" },
      { surface: "الشرطة المحلية", type: "force", id: "police" },
      { surface: "نينوى", type: "place", id: "nineveh" },
    ], "2023-03-12");
    const meetings = events.filter((e) => e.eventType === "meeting");
    expect(meetings).toHaveLength(1);
    expect(meetings[0].date).toBe("2023-03-03");
    expect(meetings[0].triggers).toEqual(["اجتماع", "الاجتماع"]);
    expect(argsOf(relations, meetings[0]).participants).toEqual(["noc:attendee", "police:attendee"]);
  });

  it("needs the security-file context for a handover, and merges a ministry with its forces", () => {
    const text = "تسلمت قوات الشرطة الملف الأمني في مدينة الموصل. وقال المتحدث ان وزارة الداخلية تسلمت أمن قضاء تلعفر. وتسلم المحافظ رسالة من الوزير.";
    const { relations, events } = extract(text, [
      { surface: "قوات الشرطة", type: "force", id: "police" },
      { surface: "الموصل", type: "place", id: "mosul" },
      { surface: "وزارة الداخلية", type: "ministry", id: "moi" },
      { surface: "تلعفر", type: "place", id: "talafar" },
    ], "2023-03-12");
    expect(events.map((e) => e.eventType)).toEqual(["handover", "handover"]);
    expect(argsOf(relations, events[0])).toEqual({ participants: ["police:agent"], places: ["mosul"] });
    // with PART_OF between the two bodies the mentions merge into one happening
    const merged = extract(text.replace("قوات الشرطة", "قوات وزارة الداخلية"), [
      { surface: "قوات وزارة الداخلية", type: "force", id: "police" },
      { surface: "الموصل", type: "place", id: "mosul" },
      { surface: "وزارة الداخلية", type: "ministry", id: "moi" },
      { surface: "تلعفر", type: "place", id: "talafar" },
    ]);
    const handovers = merged.events.filter((e) => e.eventType === "handover");
    expect(handovers).toHaveLength(1);
    expect(argsOf(merged.relations, handovers[0]).places).toEqual(["mosul", "talafar"]);
  });

  it("reads agreement and formation participants after بين، and attaches an argument-less repeat", () => {
    const text = "وقعت الحكومة الاتحادية وحكومة إقليم كردستان اتفاقا أمنيا. وينص الاتفاق على إنشاء قوة مشتركة بين الجيش العراقي والبيشمركة في سهل نينوى.";
    const { relations, events } = extract(text, [
      { surface: "الحكومة الاتحادية", type: "ministry", id: "gov" },
      { surface: "حكومة إقليم كردستان", type: "ministry", id: "krg" },
      { surface: "الجيش العراقي", type: "force", id: "army" },
      { surface: "البيشمركة", type: "force", id: "pesh" },
      { surface: "سهل نينوى", type: "place", id: "plains" },
    ]);
    expect(events.map((e) => e.eventType)).toEqual(["agreement", "formation"]);
    expect(events[0].triggers).toEqual(["اتفاقا", "الاتفاق"]);
    expect(argsOf(relations, events[1])).toEqual({ participants: ["army:agent", "pesh:agent"], places: ["plains"] });
  });
});

describe("event ids and provenance", () => {
  it("numbers events ev0, ev1 … and gives every relation provenance inside the document", () => {
    const text = "انفجرت عبوة ناسفة في سوق الشورجة ببغداد. واعتقلت قوة من الشرطة مشتبها به.";
    const { relations, events } = extract(text, [
      { surface: "سوق الشورجة", type: "place", id: "shorja" },
      { surface: "بغداد", type: "place", id: "baghdad" },
      { surface: "الشرطة", type: "force", id: "police" },
    ]);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `ev${i}`));
    expect(events[0].eventType).toBe("explosion");
    for (const r of relations) {
      for (const p of r.provenance) {
        expect(p.doc).toBe("t");
        expect(p.start).toBeGreaterThanOrEqual(0);
        expect(p.end).toBeLessThanOrEqual(text.length);
        expect(p.end).toBeGreaterThan(p.start);
      }
    }
  });
});

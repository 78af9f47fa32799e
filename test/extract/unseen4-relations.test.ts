/**
 * Round 4 of rules for unseen text: relations from reported operations (support and partnership cues, air
 * strikes), officials and members by role phrases, victims with kunya names, and adverbs in the accusative.
 * Sentences written for the tests; names of people invented.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run, ents } from "./unseen-helpers.ts";

const typed = (x: Extraction) => {
  const label = new Map<string, string>(x.entities.map((e) => [e.id, e.label]));
  for (const e of x.events) label.set(e.id, `event:${e.eventType}`);
  return x.relations.filter((r) => r.type !== "MENTIONED_WITH")
    .map((r) => `${label.get(r.source)} -${r.type}${r.role !== undefined ? `/${r.role}` : ""}-> ${label.get(r.target)}`);
};

describe("relations from reported operations", () => {
  const cases: [string, string, string[], string[]][] = [
    ["a detachment with support from another force", "وقالت مصادر إن قوة من الشرطة الاتحادية وبإسناد من الحشد الشعبي طوقت قرية البو عيثة.",
      ["الشرطة الاتحادية -COOPERATES_WITH-> الحشد الشعبي"], []],
    ["partners after بالاشتراك مع and a supporter after وبإسناد من, all with the subject, all opposing the target",
      "ونفذت قيادة عمليات نينوى بالاشتراك مع جهاز مكافحة الإرهاب والحشد العشائري وبإسناد من طيران التحالف الدولي عملية ضد فلول داعش في صحراء الحضر.",
      ["قيادة عمليات نينوى -COOPERATES_WITH-> جهاز مكافحة الإرهاب", "قيادة عمليات نينوى -COOPERATES_WITH-> الحشد العشائري",
        "قيادة عمليات نينوى -COOPERATES_WITH-> التحالف الدولي", "التحالف الدولي -OPPOSES-> داعش", "الحشد العشائري -OPPOSES-> داعش"],
      ["الحشد العشائري -COOPERATES_WITH-> التحالف الدولي"]],
    ["air strikes by a foreign army on a group's positions", "وشن الجيش التركي ضربات جوية على مواقع حزب العمال الكردستاني في جبال قنديل.",
      ["الجيش التركي -OPPOSES-> حزب العمال الكردستاني"], []],
    ["raids on a group's positions", "وشنت طائرات الجيش التركي غارات على مواقع حزب العمال الكردستاني في سيدكان.",
      ["الجيش التركي -OPPOSES-> حزب العمال الكردستاني"], []],
    ["a partner after بالتنسيق مع is not the actor of the support cue after it",
      "وقال المتحدث باسم قيادة العمليات المشتركة إن \"العملية جرت بالتنسيق مع جهاز المخابرات الوطني وبإسناد من طيران الجيش\".",
      [], ["جهاز المخابرات العراقي -COOPERATES_WITH-> طيران الجيش", "جهاز المخابرات العراقي -COOPERATES_WITH-> طيران الجيش العراقي"]],
    ["two forces merely deployed in a place do not cooperate", "وينتشر الجيش العراقي والحشد الشعبي في قضاء طوزخورماتو.",
      [], ["الجيش العراقي -COOPERATES_WITH-> الحشد الشعبي"]],
  ];
  for (const [what, text, present, absent] of cases) {
    it(what, async () => {
      const r = typed(await run(text));
      for (const p of present) expect(r).toContain(p);
      for (const a of absent) expect(r).not.toContain(a);
    });
  }
});

describe("officials and members by role phrases", () => {
  const cases: [string, string, string, string | null][] = [
    ["a member of a political front is a person, MEMBER_OF it", "وقال عضو الجبهة التركمانية كمال حسين صادق إن الوضع خطير.",
      "person:كمال حسين صادق", "كمال حسين صادق -MEMBER_OF-> الجبهة التركمانية العراقية"],
    ["a member of a protest coordination committee is a person", "وقال عضو لجنة تنسيق احتجاجات الكوت مهند سعد الركابي إن التظاهرات مستمرة.",
      "person:مهند سعد الركابي", "مهند سعد الركابي -MEMBER_OF-> لجنة تنسيق احتجاجات الكوت"],
    ["a channel's correspondent is a person, MEMBER_OF the channel", "وقال مراسل قناة الرابعة حسين ناصر الموسوي إن القصف استمر.",
      "person:حسين ناصر الموسوي", "حسين ناصر الموسوي -MEMBER_OF-> قناة الرابعة"],
    ["a director of a portfolio in a governorate heads that directorate, an honorific between",
      "وقال مدير الموارد المائية في ميسان المهندس حسن كاظم الزبيدي إن المياه شحيحة.",
      "official:حسن كاظم الزبيدي", "حسن كاظم الزبيدي -HEADS-> مديرية الموارد المائية في ميسان"],
    ["a director of an indefinite portfolio in construct with a place", "وقال مدير تربية نينوى الدكتور عباس خلف التميمي إن المدارس جاهزة.",
      "official:عباس خلف التميمي", "عباس خلف التميمي -HEADS-> مديرية تربية نينوى"],
    ["a counterpart of a minister is an official", "وعقد وزير الداخلية التركي اجتماعاً موسعاً مع نظيره العراقي عبد الأمير كامل الشمري في أنقرة.",
      "official:عبد الأمير كامل الشمري", null],
    ["the predecessor after خلفاً للمحافظ المستقيل is an official", "وأدى المحافظ الجديد اليمين خلفاً للمحافظ المستقيل عماد جاسم الخفاجي.",
      "official:عماد جاسم الخفاجي", null],
    ["a deputy governor elected in the accusative construction", "وانتخب المجلس سالم كريم العبيدي نائباً أول للمحافظ.",
      "official:سالم كريم العبيدي", null],
    ["a police chief's full name after the rank", "وأعلن قائد شرطة واسط اللواء جاسم محمد الساعدي اعتقال متهمين.",
      "official:جاسم محمد الساعدي", "جاسم محمد الساعدي -HEADS-> شرطة واسط"],
  ];
  for (const [what, text, entity, rel] of cases) {
    it(what, async () => {
      const x = await run(text);
      expect(ents(x)).toContain(entity);
      if (rel !== null) expect(typed(x)).toContain(rel);
    });
  }
  it("an adverb in the accusative is never a name", async () => {
    for (const text of ["وقال المحافظ إن القرار أصبح سارياً منذ أمس.", "وعقد وزير النقل التركي اجتماعاً موسعاً في أنقرة."]) {
      const labels = (await run(text)).entities.map((e) => e.label);
      expect(labels.some((l) => /\u064B/u.test(l))).toBe(false);
    }
  });
});

describe("victims with kunya names and arrests by a detachment", () => {
  it("a kunya with its nisba is a person, MEMBER_OF the group he led in, the victim of a dated killing", async () => {
    const x = await run("وأكدت مصادر مقتل القيادي في داعش أبو عمر العراقي بضربة جوية في 17 آب الماضي.");
    expect(ents(x)).toContain("person:أبو عمر العراقي");
    expect(typed(x)).toContain("أبو عمر العراقي -MEMBER_OF-> داعش");
    expect(typed(x)).toContain("أبو عمر العراقي -PARTICIPANT_IN/victim-> event:killing");
    expect(x.events.find((e) => e.eventType === "killing")?.date).toBe("2022-08-17");
  });
  it("a fighter's martyrdom names him the victim", async () => {
    const x = await run("وأعلن الحشد الشعبي استشهاد المقاتل كرار حيدر الساعدي في هجوم بقضاء خانقين.");
    expect(typed(x)).toContain("كرار حيدر الساعدي -PARTICIPANT_IN/victim-> event:killing");
  });
  it("تمكنت قوة من X من اعتقال: X is the arrest's agent", async () => {
    const x = await run("وتمكنت قوة من الشرطة الاتحادية من اعتقال 5 من المطلوبين في ناحية العلم.");
    expect(typed(x)).toContain("الشرطة الاتحادية -PARTICIPANT_IN/agent-> event:arrest");
  });
});

describe("posts held by the same title: counterparts, predecessors, so-called posts", () => {
  it("a counterpart with a nationality heads the ministry written with that nationality", async () => {
    const x = await run("والتقى وزير الخارجية الكويتي بنظيره العراقي سامر عادل كاظم في مقر وزارة الخارجية العراقية ببغداد.");
    expect(ents(x)).toContain("official:سامر عادل كاظم");
    expect(typed(x).some((r) => r.startsWith("سامر عادل كاظم -HEADS-> وزارة الخارجية"))).toBe(true);
  });
  it("a counterpart heads nothing when no ministry of his country is written", async () => {
    const x = await run("وعقد وزير الداخلية التركي اجتماعاً موسعاً مع نظيره العراقي عبد الأمير كامل الشمري في أنقرة.");
    expect(typed(x).filter((r) => r.startsWith("عبد الأمير كامل الشمري -HEADS->"))).toEqual([]);
  });
  it("a predecessor after خلفاً لـ heads what the successor heads", async () => {
    const x = await run("وانتخب مجلس محافظة واسط علي حسين الكناني محافظاً لواسط خلفاً للمحافظ المستقيل عماد جاسم الخفاجي.");
    expect(typed(x)).toContain("علي حسين الكناني -HEADS-> واسط");
    expect(typed(x)).toContain("عماد جاسم الخفاجي -HEADS-> واسط");
  });
  it("a so-called post after a kunya makes him a member of the group named in it", async () => {
    const x = await run("وأعلنت خلية الإعلام الأمني مقتل المدعو أبو بكر الأنباري ما يسمى والي الفرات في تنظيم داعش.");
    expect(ents(x)).toContain("person:أبو بكر الأنباري");
    expect(typed(x)).toContain("أبو بكر الأنباري -MEMBER_OF-> داعش");
  });
});

describe("ministers of other countries", () => {
  const cases: [string, string, string, string][] = [
    ["a foreign minister heads his country's ministry, not the Iraqi one", "وقال وزير الخارجية الإيراني حسين علي زاده إن الحدود آمنة.",
      "حسين علي زاده -HEADS-> وزارة الخارجية الإيرانية", "حسين علي زاده -HEADS-> وزارة الخارجية"],
    ["an Iraqi nationality keeps the lexicon's ministry", "وقال وزير الداخلية العراقي سعد كاظم الحسني إن الوضع مستقر.",
      "سعد كاظم الحسني -HEADS-> وزارة الداخلية", "سعد كاظم الحسني -HEADS-> وزارة الداخلية العراقية"],
  ];
  for (const [what, text, present, absent] of cases) {
    it(what, async () => {
      const r = typed(await run(text));
      expect(r).toContain(present);
      expect(r).not.toContain(absent);
    });
  }
});

/**
 * Round 4 of rules for unseen text, events: council sessions, releases written with a pronoun (تفرج عنه),
 * delegations sent (a visit), the agent of a VSO light verb with a detachment, and general sweeping that is no
 * raid. Sentences written for the tests; names of people invented.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const roles = (x: Extraction) => {
  const label = new Map<string, string>(x.entities.map((e) => [e.id, e.label]));
  for (const e of x.events) label.set(e.id, e.eventType);
  return x.relations.filter((r) => r.type === "PARTICIPANT_IN" || r.type === "OCCURRED_IN")
    .map((r) => `${label.get(r.source)} -${r.role ?? r.type}-> ${label.get(r.target)}`);
};

describe("events in unseen text (round 4)", () => {
  const cases: [string, string, string[]][] = [
    ["a council's extraordinary session is a meeting it attends", "وعقد مجلس محافظة البصرة جلسة استثنائية لمناقشة الموازنة.",
      ["مجلس محافظة البصرة -attendee-> meeting"]],
    ["a release with the pronoun on عن: the person just arrested is its target", "واعتقلت قوات الأسايش الناشط هيوا كريم قبل أن تفرج عنه بعد ثلاث ساعات.",
      ["هيوا كريم -target-> release", "الأسايش -agent-> arrest"]],
    ["a delegation sent to a city is a visit of the sender", "وأرسلت حكومة إقليم كردستان وفداً إلى بغداد لبحث ملف الرواتب.",
      ["حكومة إقليم كردستان -agent-> visit", "visit -OCCURRED_IN-> بغداد"]],
    ["a deputy elected by the council", "وانتخب مجلس محافظة ديالى رعد سلمان الكرخي نائباً أول للمحافظ.",
      ["مجلس محافظة ديالى -agent-> election", "رعد سلمان الكرخي -target-> election"]],
    ["a strike is a protest", "وأعلن المعلمون الإضراب عن الدوام في مدارس السليمانية.", ["protest -OCCURRED_IN-> السليمانية"]],
  ];
  for (const [what, text, present] of cases) {
    it(what, async () => {
      const r = roles(await run(text));
      for (const p of present) expect(r).toContain(p);
    });
  }
  it("sweeping an area in general is no raid", async () => {
    const x = await run("وواصلت القوات الأمنية عمليات تطهير ومداهمة في الصحراء الغربية.");
    expect(x.events.filter((e) => e.eventType === "raid")).toEqual([]);
  });
  it("a session named with a pronoun in a vote (في جلسته) is no meeting of its own", async () => {
    const x = await run("وصوت مجلس الوزراء في جلسته الاعتيادية على تكليف المهندس علي حسن الربيعي بإدارة الشركة.");
    expect(x.events.filter((e) => e.eventType === "meeting")).toEqual([]);
  });
});

describe("operations carried out with partners", () => {
  it("every partner after the verb's subject takes part in the operation", async () => {
    const r = roles(await run("ونفذت قيادة عمليات الأنبار بالاشتراك مع جهاز مكافحة الإرهاب وبإسناد من طيران التحالف الدولي، أمس، عملية أمنية ضد فلول داعش في وادي حوران."));
    for (const a of ["قيادة عمليات الأنبار", "جهاز مكافحة الإرهاب", "التحالف الدولي"]) expect(r).toContain(`${a} -agent-> raid`);
  });
  it("a killing by an air strike during the operation takes the operation's date", async () => {
    const x = await run("ونفذت قيادة عمليات الأنبار، أمس الثلاثاء، عملية أمنية ضد فلول داعش في وادي حوران. وأعلنت خلية الإعلام الأمني مقتل المدعو أبو صهيب الحلبي بضربة جوية خلال العملية.");
    expect(x.events.find((e) => e.eventType === "raid")?.date).toBe("2023-05-09");
    expect(x.events.find((e) => e.eventType === "killing")?.date).toBe("2023-05-09");
  });
});

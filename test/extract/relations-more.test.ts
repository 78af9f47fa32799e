/**
 * Relation cues beyond the first set (docs/extraction.md, "Relations"), each on sentences written for the tests
 * (not from the seed article). Names of people here are invented.
 */
import { describe, expect, it } from "vitest";
import { extract, typed } from "./relations-fixture.ts";

describe("affiliation through filler words", () => {
  it("reads MEMBER_OF across وهو … سابق and الذي يعد من قيادات", () => {
    const text = "وقال المصدر ان المدعو سلام الكبيسي وهو منتسب سابق في وزارة الداخلية سلم نفسه. واعتقلت القوات المدعو أبو ياسر العيساوي الذي يعد من قيادات تنظيم داعش.";
    const { relations } = extract(text, [
      { surface: "سلام الكبيسي", type: "person", id: "a" },
      { surface: "وزارة الداخلية", type: "ministry", id: "moi" },
      { surface: "أبو ياسر العيساوي", type: "person", id: "b" },
      { surface: "تنظيم داعش", type: "force", id: "isis" },
    ]);
    expect(typed(relations)).toEqual(["a -MEMBER_OF-> moi", "b -MEMBER_OF-> isis"]);
  });
});

describe("lists distribute respectively", () => {
  it("pairs two places with the two governorates of محافظتي X وY, in order", () => {
    const text = "سقطت قذائف على ناحية زمار وقضاء دوكان بمحافظتي نينوى والسليمانية.";
    const { relations } = extract(text, [
      { surface: "زمار", type: "place", id: "zummar" },
      { surface: "دوكان", type: "place", id: "dukan" },
      { surface: "نينوى", type: "place", id: "nineveh" },
      { surface: "السليمانية", type: "place", id: "sulaymaniyah" },
    ]);
    expect(typed(relations)).toEqual(["dukan -LOCATED_IN-> sulaymaniyah", "zummar -LOCATED_IN-> nineveh"]);
  });

  it("follows the gazetteer over the order when it knows where a place lies", () => {
    const text = "وصلت التعزيزات الى قضاء سنجار وناحية ربيعة بمحافظتي دهوك ونينوى.";
    const { relations } = extract(text, [
      { surface: "سنجار", type: "place", id: "sinjar", pcode: "IQG15Q07" },
      { surface: "ربيعة", type: "place", id: "rabia", pcode: "IQG15Q08N04" },
      { surface: "دهوك", type: "place", id: "duhok", pcode: "IQG09" },
      { surface: "نينوى", type: "place", id: "nineveh", pcode: "IQG15" },
    ]);
    expect(typed(relations)).toContain("sinjar -LOCATED_IN-> nineveh");
    expect(typed(relations)).toContain("rabia -LOCATED_IN-> nineveh");
    expect(typed(relations)).not.toContain("sinjar -LOCATED_IN-> duhok");
  });
});

describe("leadership after the body: برئاسة، بقيادة", () => {
  it("reads HEADS for a named body and MEMBER_OF for a delegation from a body", () => {
    const text = "شكلت لجنة النزاهة النيابية برئاسة النائبة سعاد الخزرجي فريقا للتحقيق. ووصل وفد من الحزب الإسلامي العراقي برئاسة صالح الكربولي الى الأنبار.";
    const { relations } = extract(text, [
      { surface: "لجنة النزاهة النيابية", type: "ministry", id: "committee" },
      { surface: "سعاد الخزرجي", type: "official", id: "chair", title: { text: "النائبة", relation: "MEMBER_OF" } },
      { surface: "الحزب الإسلامي العراقي", type: "organization", id: "iip" },
      { surface: "صالح الكربولي", type: "person", id: "envoy" },
      { surface: "الأنبار", type: "place", id: "anbar" },
    ]);
    expect(typed(relations)).toEqual(["chair -HEADS-> committee", "envoy -MEMBER_OF-> iip"]);
  });
});

describe("cooperation after a list cue", () => {
  it("links every member of the list after بمشاركة", () => {
    const text = "انطلقت عملية تفتيش واسعة بمشاركة قيادة عمليات كركوك والشرطة الاتحادية وجهاز مكافحة الإرهاب في وادي الشاي.";
    const { relations } = extract(text, [
      { surface: "قيادة عمليات كركوك", type: "force", id: "koc" },
      { surface: "الشرطة الاتحادية", type: "force", id: "fp" },
      { surface: "جهاز مكافحة الإرهاب", type: "force", id: "cts" },
      { surface: "وادي الشاي", type: "place", id: "wadi" },
    ]);
    expect(typed(relations).filter((r) => r.includes("COOPERATES_WITH"))).toEqual([
      "cts -COOPERATES_WITH-> fp", "cts -COOPERATES_WITH-> koc", "fp -COOPERATES_WITH-> koc",
    ]);
  });

  it("does not take the speaker of a participle clause as the actor (داعيا … الى التعاون مع)", () => {
    const text = "وقال محافظ كركوك راكان الجبوري ان الوضع مستقر، داعيا العشائر الى التعاون مع القوات الأمنية.";
    const { relations } = extract(text, [
      { surface: "كركوك", type: "place", id: "kirkuk" },
      { surface: "راكان الجبوري", type: "official", id: "gov", title: { text: "محافظ كركوك", relation: "HEADS", body: "kirkuk" } },
      { surface: "القوات الأمنية", type: "force", id: "isf" },
    ]);
    expect(typed(relations)).toEqual(["gov -HEADS-> kirkuk"]);
  });
});

describe("kinship by apposition", () => {
  it("links the person in apposition after شقيق + a person", () => {
    const text = "وناشد شقيق الصحفي سامر الدراجي، المحامي عمار الدراجي، الحكومة التدخل.";
    const { relations } = extract(text, [
      { surface: "سامر الدراجي", type: "person", id: "victim", title: { text: "الصحفي" } },
      { surface: "عمار الدراجي", type: "person", id: "brother", title: { text: "المحامي" } },
    ]);
    expect(typed(relations)).toEqual(["brother -RELATIVE_OF-> victim"]);
  });
});

describe("clashes and directions", () => {
  it("makes both sides of اشتباكات بين X وعناصر من Y oppose each other", () => {
    const text = "اندلعت اشتباكات بين قوات البيشمركة وعناصر من حزب العمال الكردستاني قرب قضاء سنجار.";
    const { relations } = extract(text, [
      { surface: "قوات البيشمركة", type: "force", id: "pesh" },
      { surface: "حزب العمال الكردستاني", type: "force", id: "pkk" },
      { surface: "سنجار", type: "place", id: "sinjar" },
    ]);
    expect(typed(relations)).toEqual(["pesh -OPPOSES-> pkk", "pkk -OPPOSES-> pesh"]);
  });

  it("reads X شرقي محافظة Y as LOCATED_IN, and X شمالي Y (a city) as no relation", () => {
    const text = "وقعت الاشتباكات في ناحية قره تبه شرقي محافظة ديالى. ونزح السكان الى قضاء الطارمية شمالي بغداد.";
    const { relations } = extract(text, [
      { surface: "قره تبه", type: "place", id: "qaratapa" },
      { surface: "ديالى", type: "place", id: "diyala" },
      { surface: "الطارمية", type: "place", id: "tarmiyah" },
      { surface: "بغداد", type: "place", id: "baghdad" },
    ]);
    expect(typed(relations)).toEqual(["qaratapa -LOCATED_IN-> diyala"]);
  });

  it("takes the speaker of a complement clause as the force that opposes (قال X إن عملياته تستهدف Y)", () => {
    const text = "وقال الجيش التركي إن عملياته تستهدف مسلحي حزب العمال الكردستاني.";
    const { relations } = extract(text, [
      { surface: "الجيش التركي", type: "force", id: "tsk" },
      { surface: "حزب العمال الكردستاني", type: "force", id: "pkk" },
    ]);
    expect(typed(relations)).toEqual(["tsk -OPPOSES-> pkk"]);
  });
});

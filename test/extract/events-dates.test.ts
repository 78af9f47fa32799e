import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { findDates } from "../../src/text/dates.ts";
import { loadCueLexicon, parseCueLexicon } from "../../src/lexicon/cues.ts";
import { loadTriggerLexicon, parseTriggerLexicon } from "../../src/lexicon/triggers.ts";

describe("event dates come from the text layer (findDates of src/text/dates.ts)", () => {
  const cases: [string, string | undefined, string, string][] = [
    ["قتل في 4 آب أغسطس عام 2014 في المدينة", undefined, "2014-08-04", "day"],
    ["في كانون الثاني يناير عام 2017", undefined, "2017-01", "month"],
    ["منذ عام 2003", undefined, "2003", "year"],
    ["يوم 15/3/2021", undefined, "2021-03-15", "day"],
    ["خلال تفقده السبت", "2021-05-16", "2021-05-15", "day"],
    ["اعلن الاحد", "2021-05-16", "2021-05-16", "day"],
    ["في التاسع من الشهر الحالي", "2021-05-16", "2021-05-09", "day"],
    ["في الحادي والعشرين من الشهر الماضي", "2021-05-16", "2021-04-21", "day"],
    ["وقعت امس", "2021-03-01", "2021-02-28", "day"],
    ["في 28 كانون الاول ديسمبر", "2014-12-30", "2014-12-28", "day"],
  ];
  for (const [text, ref, value, precision] of cases) {
    it(`${text} → ${value}`, () => {
      const d = findDates(text, ref);
      expect(d).toHaveLength(1);
      expect(d[0].value).toBe(value);
      expect(d[0].precision).toBe(precision);
      expect(text.slice(d[0].start, d[0].end)).toBe(d[0].text);
    });
  }

  it("leaves relative dates without a value when no document date is known", () => {
    const d = findDates("زار المدينة السبت");
    expect(d).toHaveLength(1);
    expect(d[0].value).toBeUndefined();
    expect(d[0].relative).toBe(true);
  });

  it("does not read ملازم أول as a date", () => {
    expect(findDates("الشهيد ملازم أول في الجيش", "2021-05-16")).toEqual([]);
  });
});

describe("cue and trigger lexicons", () => {
  it("load the shipped files with normalised words", () => {
    const cues = loadCueLexicon();
    expect(cues.designators.has("محافظه")).toBe(true);
    const triggers = loadTriggerLexicon();
    expect(triggers.eventTypes.killing?.keyRole).toBe("victim");
    expect(triggers.triggers.some((t) => t.type === "visit" && t.forms.some((f) => f.join(" ") === "زياره"))).toBe(true);
  });

  it("reject a malformed file with a DataError naming the problem", () => {
    expect(() => parseCueLexicon({ version: 1 }, "bad-cues.json")).toThrow(DataError);
    expect(() => parseCueLexicon({ version: 1 }, "bad-cues.json")).toThrow(/bad-cues\.json/);
    const triggers = JSON.parse(JSON.stringify({ version: 1, eventTypes: {}, triggers: [{ type: "killing", forms: ["قتل"] }],
      roleMarkers: [], excludeLeads: [], placeExcludeLeads: [], relativePronouns: { singular: [], plural: [] }, during: [],
      windowBreaks: [], maxWindow: 10, maxAntecedentGap: 5 }));
    expect(() => parseTriggerLexicon(triggers, "t.json")).toThrow(/killing/);
  });
});

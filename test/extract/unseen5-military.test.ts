/**
 * Round 5 of rules for unseen text, military reports: a numbered division (الفرقة 14) is a force PART_OF the army
 * named after it, and it — not the army — cooperates with the partner after بالتعاون مع. Sentences written for the
 * tests.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import { doc, run } from "./unseen-helpers.ts";

const rel = (x: Extraction, type: string) => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations.filter((r) => r.type === type).map((r) => `${label.get(r.source)} -> ${label.get(r.target)}`);
};
const coop = (x: Extraction) => rel(x, "COOPERATES_WITH").flatMap((s) => [s, s.split(" -> ").reverse().join(" -> ")]);

describe("military reports (round 5)", () => {
  const cases: [string, string, string, string][] = [
    ["a numbered division in the army with the PMF", "وتمكنت قطعات الفرقة 14 في الجيش العراقي بالتعاون مع قوات الحشد الشعبي من صد تعرض لعناصر داعش في المنطقة.",
      "الفرقة 14", "الحشد الشعبي"],
    ["another number, another partner", "وتمكنت الفرقة 9 في الجيش العراقي بالتعاون مع الشرطة الاتحادية من تطهير القرية.", "الفرقة 9", "الشرطة الاتحادية"],
  ];
  for (const [what, text, unit, partner] of cases) {
    it(what, async () => {
      const x = await run(text);
      expect(rel(x, "PART_OF")).toContain(`${unit} -> الجيش العراقي`);
      expect(coop(x)).toContain(`${unit} -> ${partner}`);
      expect(coop(x)).not.toContain(`الجيش العراقي -> ${partner}`);
    });
  }
  it("a numbered division alone is a force", async () => {
    const x = await run("وقالت الفرقة 14 إن الطريق آمن.");
    expect(x.entities.filter((e) => e.type === "force").map((e) => e.label)).toContain("الفرقة 14");
  });
  it("the army cooperates when no unit of it is named", async () => {
    expect(coop(await run("وتمكن الجيش العراقي بالتعاون مع قوات الحشد الشعبي من تطهير القرية."))).toContain("الجيش العراقي -> الحشد الشعبي");
  });
});

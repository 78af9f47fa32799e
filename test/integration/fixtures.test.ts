/**
 * Acceptance of issues 4 and 5 in `npm test`: the seed article and every test article of
 * test/fixtures/articles, built with the real pipeline and scored by ../shared/eval/score.mjs.
 */
import { describe, expect, it } from "vitest";
import { SEED_ARTICLE, SEED_GOLD, fixtureArticles, scoreArticle, summary } from "./scoring.ts";

describe("the seed article scored against its gold annotation", () => {
  it("reaches entity F1 ≥ 0.95, relation F1 ≥ 0.85, event F1 ≥ 0.80 with every date right", async () => {
    const r = await scoreArticle(SEED_ARTICLE, SEED_GOLD);
    const why = summary("seed", r);
    expect(r.entities.f1, why).toBeGreaterThanOrEqual(0.95);
    expect(r.relations.f1, why).toBeGreaterThanOrEqual(0.85);
    expect(r.events.f1, why).toBeGreaterThanOrEqual(0.8);
    expect(r.events.dates, why).toBe("7/7");
  });

  it("has no boilerplate entity and no entity of the wrong type", async () => {
    const r = await scoreArticle(SEED_ARTICLE, SEED_GOLD);
    expect(r.detail.forbiddenHits).toEqual([]);
    expect(r.detail.wrongType).toEqual([]);
  });
});

describe("test articles (other provinces, forces and officials) scored against their gold", () => {
  const articles = fixtureArticles();

  it("has at least eight annotated articles with relations and events", async () => {
    const { readFileSync } = await import("node:fs");
    expect(articles.length).toBeGreaterThanOrEqual(8);
    for (const a of articles) {
      const gold = JSON.parse(readFileSync(a.gold, "utf8"));
      expect(gold.entities.length, a.name).toBeGreaterThan(0);
      expect(gold.relations.filter((x: { optional?: boolean }) => !x.optional).length, a.name).toBeGreaterThan(0);
      expect(gold.events.filter((x: { optional?: boolean }) => !x.optional).length, a.name).toBeGreaterThan(0);
    }
  });

  for (const a of articles) {
    it(`${a.name}: entity F1 ≥ 0.85, relation F1 ≥ 0.70, event F1 ≥ 0.70, no boilerplate entity`, async () => {
      const r = await scoreArticle(a.text, a.gold);
      const why = summary(a.name, r);
      expect(r.entities.f1, why).toBeGreaterThanOrEqual(0.85);
      expect(r.relations.f1, why).toBeGreaterThanOrEqual(0.7);
      expect(r.events.f1, why).toBeGreaterThanOrEqual(0.7);
      expect(r.detail.forbiddenHits, why).toEqual([]);
    });
  }
});

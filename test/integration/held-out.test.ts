/**
 * Held-out articles (test/fixtures/blind2, blind3, blind4): each set written with its gold by an independent
 * evaluator who never saw the rules, and first scored before any fix. blind3 and blind4 were never read by anyone
 * who wrote rules; blind2's failure patterns (not its text) were described to the rule writers in round 3, so it
 * is "patterns-informed". These floors sit a little below the figures measured when the sets were added
 * (docs/extraction.md, "Held-out articles"); they guard against regressions on text nobody tuned for, and say
 * plainly how far below the tuned fixtures such text is.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type ScoreReport, fixtureArticles, scoreArticle, summary } from "./scoring.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** Micro-averaged floors per set: entity, relation, event F1. */
const SETS = [
  { dir: "test/fixtures/blind2", articles: 6, entity: 0.87, relation: 0.7, event: 0.63 },
  { dir: "test/fixtures/blind3", articles: 6, entity: 0.92, relation: 0.73, event: 0.64 },
  { dir: "test/fixtures/blind4", articles: 5, entity: 0.92, relation: 0.56, event: 0.56 },
] as const;

const f1 = (t: [number, number, number]) => (t[0] === 0 ? 0 : (2 * t[0]) / (2 * t[0] + t[1] + t[2]));

describe.each(SETS)("held-out set $dir", (set) => {
  const articles = fixtureArticles(resolve(ROOT, set.dir));
  it(`has ${set.articles} articles; micro F1 entity ≥ ${set.entity}, relation ≥ ${set.relation}, event ≥ ${set.event}, no boilerplate entity`, async () => {
    expect(articles).toHaveLength(set.articles);
    const reports: ScoreReport[] = [];
    for (const a of articles) reports.push(await scoreArticle(a.text, a.gold));
    const micro = (k: "entities" | "relations" | "events") =>
      f1(reports.reduce<[number, number, number]>((acc, r) => [acc[0] + r[k].tp, acc[1] + r[k].fp, acc[2] + r[k].fn], [0, 0, 0]));
    const why = reports.map((r, i) => summary(articles[i].name, r)).join("\n");
    expect(micro("entities"), why).toBeGreaterThanOrEqual(set.entity);
    expect(micro("relations"), why).toBeGreaterThanOrEqual(set.relation);
    expect(micro("events"), why).toBeGreaterThanOrEqual(set.event);
    for (const r of reports) expect(r.detail.forbiddenHits, why).toEqual([]);
  });
});

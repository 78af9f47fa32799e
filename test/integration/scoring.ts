/**
 * Builds articles with the real pipeline (ingest → extraction → graph) and scores them with the shared scorer
 * `../shared/eval/score.mjs` (the same code the evaluation runs), so `npm test` measures what the evaluation
 * measures.
 */
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { readInputs } from "../../src/ingest/index.ts";
import { ROOT } from "../helpers/seed.ts";

/** Precision, recall and F1 of one dimension, as score.mjs reports them. */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What `score(graph, gold)` of score.mjs returns. */
export interface ScoreReport {
  entities: PRF;
  relations: PRF;
  events: PRF & { dates: string };
  detail: {
    missedEntities: string[];
    spuriousEntities: string[];
    wrongType: { gold: string; expected: string[]; got: string; label: string }[];
    forbiddenHits: string[];
    missedRelations: string[];
    spuriousRelations: string[];
    missedEvents: string[];
    spuriousEvents: string[];
  };
}

type ScoreFn = (graph: unknown, gold: unknown) => ScoreReport;

/** The shared scorer's `score` function (../shared/eval/score.mjs, read-only, plain JavaScript). */
export async function sharedScorer(): Promise<ScoreFn> {
  const path = resolve(ROOT, "../shared/eval/score.mjs");
  const mod = (await import(path)) as { score: ScoreFn };
  return mod.score;
}

export const FIXTURE_DIR = resolve(ROOT, "test/fixtures/articles");
/** Articles and gold written blind by an independent evaluator (never seen by whoever wrote the rules, at first). */
export const BLIND_DIR = resolve(ROOT, "test/fixtures/blind");
export const SEED_ARTICLE = resolve(ROOT, "graph-data/articles/elaph-2021-05-16-army-peshmerga-coordination.txt");
export const SEED_GOLD = resolve(ROOT, "../shared/eval/seed.gold.json");

/** The test articles: every `X.txt` of `dir` (default test/fixtures/articles) with its `X.gold.json`. */
export function fixtureArticles(dir = FIXTURE_DIR): { name: string; text: string; gold: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      return { name, text: resolve(dir, f), gold: resolve(dir, `${name}.gold.json`) };
    });
}

/** Builds one graph from the given article files with the shipped lexicon. */
export async function buildFiles(files: string[]): Promise<KnowledgeGraph> {
  const { documents } = await readInputs(files);
  return buildGraph(documents, await loadResources(resolve(ROOT, "graph-data")));
}

/** Builds `file` alone and scores it against `goldFile`. */
export async function scoreArticle(file: string, goldFile: string): Promise<ScoreReport> {
  const score = await sharedScorer();
  const graph = await buildFiles([file]);
  return score(graph.export(), JSON.parse(readFileSync(goldFile, "utf8")));
}

/** One line per dimension, for assertion messages. */
export function summary(name: string, r: ScoreReport): string {
  const d = r.detail;
  const lines = [
    `${name}: entity F1 ${r.entities.f1}, relation F1 ${r.relations.f1}, event F1 ${r.events.f1}, dates ${r.events.dates}`,
    ...(["missedEntities", "spuriousEntities", "missedRelations", "spuriousRelations", "missedEvents", "spuriousEvents", "forbiddenHits"] as const)
      .filter((k) => d[k].length > 0).map((k) => `  ${k}: ${d[k].join("; ")}`),
    ...(d.wrongType.length > 0 ? [`  wrongType: ${d.wrongType.map((w) => `${w.gold} got ${w.got}`).join("; ")}`] : []),
  ];
  return lines.join("\n");
}

/** Builds the seed graph in-process through the real pipeline (ingest → extraction → graph), once per process. */
import { resolve } from "node:path";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { readInputs } from "../../src/ingest/index.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SEED_DIR = resolve(ROOT, "graph-data/articles");

let cached: Promise<KnowledgeGraph> | null = null;

/** The graph of `graph-data/articles`, built with the shipped lexicon and models. */
export function seedGraph(): Promise<KnowledgeGraph> {
  cached ??= (async () => {
    const { documents } = await readInputs([SEED_DIR]);
    return buildGraph(documents, await loadResources(resolve(ROOT, "graph-data")));
  })();
  return cached;
}

/** Finds the key of the node with this exact label (and type, when given). */
export function nodeByLabel(graph: KnowledgeGraph, label: string, type?: string): string | undefined {
  return graph.findNode((_k, a) => a.label === label && (type === undefined || a.type === type));
}

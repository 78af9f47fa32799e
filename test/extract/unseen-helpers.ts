/**
 * Shared helpers of the unseen-text rule tests (test/extract/unseen*.test.ts): a test document (dated
 * 2023-05-10), extraction with the shipped resources, and compact views of entities and typed relations.
 */
import { resolve } from "node:path";
import { extractDocument, loadResources } from "../../src/extract/pipeline.ts";
import type { Extraction } from "../../src/extract/types.ts";
import type { SourceDocument } from "../../src/text/types.ts";
import { ROOT } from "../helpers/seed.ts";

/** A one-text document with a fixed date (relative dates resolve against it). */
export const doc = (text: string): SourceDocument => ({ id: "t", text, date: "2023-05-10", removed: [], origin: "test" });

/** Extracts `text` with the resources of graph-data/ (the tagger on, as `shabaka build`). */
export async function run(text: string): Promise<Extraction> {
  return extractDocument(doc(text), await loadResources(resolve(ROOT, "graph-data")));
}

/** `type:label` of every entity, in extraction order. */
export const ents = (x: Extraction): string[] => x.entities.map((e) => `${e.type}:${e.label}`);

/** `source -TYPE-> target` (labels) of every relation except co-occurrence, participation and location of events. */
export const typed = (x: Extraction): string[] => {
  const label = new Map(x.entities.map((e) => [e.id, e.label]));
  return x.relations.filter((r) => !["MENTIONED_WITH", "PARTICIPANT_IN", "OCCURRED_IN"].includes(r.type))
    .map((r) => `${label.get(r.source)} -${r.type}-> ${label.get(r.target)}`);
};

/**
 * People are recognised from context (titles, ranks, name patterns, the tagger), never from a list of people.
 * The hand-written name list (graph-data/lexicon/names.json: given and family names with English spellings) is
 * evidence that a word can be part of a name; this test proves the seed's people do not come from it: every entry
 * that occurs as a word of the seed article is removed, and the seed must give the same entities (label and type).
 * (names.gazetteer.json, the first names of ../shared/gazetteers/arabic-names, is the given evidence list and stays.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { readInputs } from "../../src/ingest/index.ts";
import { normalizeKey } from "../../src/text/normalize.ts";
import { tokenize } from "../../src/text/tokenize.ts";
import { ROOT, SEED_DIR, seedGraph } from "../helpers/seed.ts";

const dir = mkdtempSync(join(tmpdir(), "shabaka-no-seed-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entities(g: KnowledgeGraph): string[] {
  return g.filterNodes((_k, a) => a.type !== "event").map((k) => `${g.getNodeAttribute(k, "type")} ${g.getNodeAttribute(k, "label")}`).sort();
}

/** Removes from every string list of `file` the entries whose key (with or without ال) is a word key of `keys`. */
function prune(file: string, keys: Set<string>): number {
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  let removed = 0;
  const hit = (s: string) => {
    const k = normalizeKey(s);
    return keys.has(k) || keys.has(k.replace(/^ال/u, "")) || keys.has(`ال${k}`);
  };
  for (const [field, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      const kept = value.filter((v) => typeof v !== "string" || !hit(v));
      removed += value.length - kept.length;
      data[field] = kept;
    } else if (value !== null && typeof value === "object") {
      for (const k of Object.keys(value)) {
        if (hit(k)) {
          delete (value as Record<string, unknown>)[k];
          removed++;
        }
      }
    }
  }
  writeFileSync(file, JSON.stringify(data));
  return removed;
}

describe("the seed's people do not come from the name lists", () => {
  it("removing every list entry that is a word of the seed changes no entity", async () => {
    const { documents } = await readInputs([SEED_DIR]);
    const words = new Set(documents.flatMap((d) => tokenize(d.text).map((t) => t.key)));
    const data = join(dir, "graph-data");
    cpSync(resolve(ROOT, "graph-data"), data, { recursive: true, filter: (src) => !src.endsWith("graph.json") && !src.includes("/articles") });
    const removed = prune(join(data, "lexicon", "names.json"), words);
    expect(removed).toBeGreaterThan(10);

    const pruned = buildGraph(documents, await loadResources(data));
    const shipped = await seedGraph();
    expect(entities(pruned)).toEqual(entities(shipped));
    const officials = pruned.filterNodes((_k, a) => a.type === "official").length;
    expect(officials).toBeGreaterThanOrEqual(4);
  });
});

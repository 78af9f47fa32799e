/**
 * Determinism check for performance work: builds graphs as `shabaka build` does (readInputs → loadResources →
 * buildGraph → `graph.export()`) and writes each as JSON to an output folder, so two runs (before and after a
 * change) can be compared with `diff -r`. Only the build's `createdAt` stamp is removed; everything else (nodes,
 * edges, attributes, array order) is kept as saved.
 *
 * Builds: each input folder as one build and each of its articles alone, with the NER tagger on (the default)
 * and off; plus a larger corpus made as bench/extract.bench.ts makes it (copies with digits rotated, ~300 KB), so
 * merging across many documents is covered too.
 * Run: `node --import tsx bench/determinism.ts OUT_DIR`, then `diff -r OLD_DIR OUT_DIR` (empty when unchanged).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadResources, type ExtractionResources } from "../src/extract/pipeline.ts";
import { buildGraph } from "../src/graph/build.ts";
import type { KnowledgeGraph } from "../src/graph/types.ts";
import { readInputs } from "../src/ingest/index.ts";
import type { SourceDocument } from "../src/text/types.ts";

const out = process.argv[2];
if (out === undefined) throw new Error("determinism: give an output folder, e.g. /tmp/det-before.");
mkdirSync(out, { recursive: true });
const root = fileURLToPath(new URL("../", import.meta.url));
const folders = ["graph-data/articles", "test/fixtures/articles", "test/fixtures/blind", "test/fixtures/blind2"];

function save(name: string, graph: KnowledgeGraph): void {
  const data = graph.export();
  delete (data.attributes as unknown as Record<string, unknown> | undefined)?.createdAt;
  writeFileSync(join(out, `${name}.json`), JSON.stringify(data, null, 1));
}

async function build(paths: string[], resources: ExtractionResources): Promise<KnowledgeGraph> {
  const { documents } = await readInputs(paths);
  return buildGraph(documents, resources);
}

function benchCorpus(bytes: number): SourceDocument[] {
  const dirs = ["graph-data/articles/", "test/fixtures/articles/"].map((d) => join(root, d));
  const base = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(dir + f, "utf8")))
    .map((s) => ({ text: s.replace(/^---[\s\S]*?\n---\n/u, ""), date: /^date:\s*(\d{4}-\d{2}-\d{2})/mu.exec(s)?.[1] }));
  const docs: SourceDocument[] = [];
  for (let k = 0, size = 0; size < bytes; k++) {
    const a = base[k % base.length];
    const text = a.text.replace(/\d/gu, (d) => String((+d + k) % 10));
    docs.push({ id: `bench-${k}`, text, date: a.date, removed: [], origin: "bench" });
    size += Buffer.byteLength(text, "utf8");
  }
  return docs;
}

for (const ner of [true, false]) {
  const resources = await loadResources(join(root, "graph-data"), { ner });
  const tag = ner ? "ner" : "rules";
  for (const folder of folders) {
    const dir = join(root, folder);
    save(`${tag}--${folder.replaceAll("/", "_")}`, await build([dir], resources));
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
      save(`${tag}--${folder.replaceAll("/", "_")}--${basename(f, ".txt")}`, await build([join(dir, f)], resources));
    }
  }
  save(`${tag}--bench-corpus`, buildGraph(benchCorpus(300 * 1024), resources));
}
console.log(`determinism: graphs written to ${out}`);

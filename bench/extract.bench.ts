/**
 * Throughput of extraction (issue #4): `extractDocument` (mentions, resolution, relations, events) on Arabic news
 * articles, in KB/s of article text (UTF-8) and articles/s, and its ratio to the text layer's `tokenize` pass over
 * the same text. Also shown: mention recognition and resolution alone (`analyseDocument`), and building the graph
 * from the extractions.
 *
 * Corpus: the seed article and the test articles of test/fixtures/articles (front matter removed), each copied
 * with its digits rotated (so no two copies are equal) until the corpus holds ~1 MB, processed one article at a
 * time as the pipeline does. Times are the median CPU time (user + system of this process) of 5 runs after 2
 * warm-ups, so other processes on a shared machine do not count. Resources are loaded once, outside the timing.
 * The main rows run the rule-based extractor (`ner: false`); one row adds the statistical tagger when its model is
 * present. Target: ≥ 1 MB/s on one core. Run: `npx tsx bench/extract.bench.ts` (`BENCH_BYTES=…` for another
 * corpus size).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyseDocument, extractDocument, loadResources } from "../src/extract/pipeline.ts";
import { buildGraph } from "../src/graph/build.ts";
import { tokenize } from "../src/text/tokenize.ts";
import type { SourceDocument } from "../src/text/types.ts";

const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 1024 * 1024);
const KB = 1024;

function articles(): { text: string; date?: string }[] {
  const seedDir = fileURLToPath(new URL("../graph-data/articles/", import.meta.url));
  const fixtureDir = fileURLToPath(new URL("../test/fixtures/articles/", import.meta.url));
  const read = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(dir + f, "utf8"));
  return [...read(seedDir), ...read(fixtureDir)].map((s) => ({
    text: s.replace(/^---[\s\S]*?\n---\n/u, ""),
    date: /^date:\s*(\d{4}-\d{2}-\d{2})/mu.exec(s)?.[1],
  }));
}

function corpusOf(base: { text: string; date?: string }[], bytes: number): SourceDocument[] {
  const out: SourceDocument[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const a = base[k % base.length];
    const text = a.text.replace(/\d/gu, (d) => String((+d + k) % 10));
    out.push({ id: `bench-${k}`, text, date: a.date, removed: [], origin: "bench" });
    size += Buffer.byteLength(text, "utf8");
  }
  return out;
}

function time(fn: () => void, runs = 5): number {
  for (let i = 0; i < 2; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    t.push((d.user + d.system) / 1e6);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const DATA = fileURLToPath(new URL("../graph-data", import.meta.url));
// The rule-based extractor; the statistical tagger (option `ner`, docs/ner.md) is measured on its own row.
const resources = await loadResources(DATA, { ner: false });
const withNer = await loadResources(DATA, { ner: true });
const base = articles();
const docs = corpusOf(base, TARGET_BYTES);
const kb = docs.reduce((a, d) => a + Buffer.byteLength(d.text, "utf8"), 0) / KB;

const tTok = time(() => { for (const d of docs) tokenize(d.text); });
const tAnalyse = time(() => { for (const d of docs) analyseDocument(d, resources); });
const tExtract = time(() => { for (const d of docs) extractDocument(d, resources); });
const tBuild = time(() => { buildGraph(docs, resources); }, 3);
const tNer = withNer.ner !== undefined ? time(() => { for (const d of docs) extractDocument(d, withNer); }, 3) : undefined;

const row = (name: string, s: number, ratio = true) =>
  `  ${name.padEnd(38)} ${(kb / s).toFixed(0).padStart(7)} KB/s  ${(docs.length / s).toFixed(0).padStart(6)} articles/s` +
  (ratio ? `   ${(s / tTok).toFixed(1).padStart(5)}x the time of tokenize` : "");

console.log(`extraction throughput: ${docs.length} articles (${base.length} distinct), ${kb.toFixed(0)} KB of UTF-8 text, ` +
  `mean ${(kb / docs.length).toFixed(1)} KB/article; median CPU time of 5 runs after 2 warm-ups (graph build: 3 runs)`);
console.log(row("tokenize (text layer)", tTok, false));
console.log(row("analyseDocument (mentions + entities)", tAnalyse));
console.log(row("extractDocument (+ relations, events)", tExtract));
console.log(row("buildGraph (extract + merge)", tBuild));
if (tNer !== undefined) console.log(row("extractDocument with the NER tagger", tNer));
else console.log("  extractDocument with the NER tagger: no model in graph-data/models (not measured)");
const mbps = kb / KB / tExtract;
const verdict = (v: number) => (v >= 1 ? "met" : "NOT met");
console.log(`  extraction: ${mbps.toFixed(2)} MB/s, ${(tTok / tExtract).toFixed(3)} of tokenize's speed; target ≥ 1 MB/s: ${verdict(mbps)}`);
if (tNer !== undefined) {
  const ner = kb / KB / tNer;
  console.log(`  extraction with the tagger (the default of shabaka build): ${ner.toFixed(2)} MB/s; target ≥ 1 MB/s: ${verdict(ner)}`);
}

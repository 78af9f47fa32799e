/**
 * Throughput of the text layer on Arabic news text: normalise (with offset map) + tokenise + sentence-split, in
 * MB/s of UTF-8 input, and its ratio to a plain `String.prototype.normalize("NFKC")` pass over the same text.
 *
 * Corpus: the seed article and the test fixture articles, front matter removed, each copied with its digits
 * changed until the corpus holds ~4 MB, processed one article at a time as the pipeline does; plus the same corpus
 * with harakat on every consonant and with PDF presentation forms, and — as a worst case for memory — the whole
 * corpus as one 4 MB string (millions of live tokens, so the garbage collector dominates).
 * Target (issue #3): ≥ 20 MB/s on one core. Run: `npx tsx bench/text.bench.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeWithMap } from "../src/text/normalize.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { tokenize } from "../src/text/tokenize.ts";

const TARGET_BYTES = 4 * 1024 * 1024;
const MB = 1024 * 1024;

function articles(): string[] {
  const seedDir = fileURLToPath(new URL("../graph-data/articles/", import.meta.url));
  const fixtureDir = fileURLToPath(new URL("../test/fixtures/articles/", import.meta.url));
  const read = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(dir + f, "utf8"));
  return [...read(seedDir), ...read(fixtureDir)].map((s) => s.replace(/^---[\s\S]*?\n---\n/u, ""));
}

/** Copies of the articles (digits rotated so no two copies are equal) until `bytes` of UTF-8 are reached. */
function corpusOf(base: string[], bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const a = base[k % base.length].replace(/\d/gu, (d) => String((+d + k) % 10));
    out.push(a);
    size += Buffer.byteLength(a, "utf8");
  }
  return out;
}

/** Median CPU seconds (user + system of this process, so other processes on a shared machine do not count) of `runs` calls after warm-ups. */
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

const base = articles();
const HARAKAT = /([بتثجحخدذرزسشصضطظعغفقكلمنهوي])/gu;
const PRESENTATION: Record<string, string> = { "م": "ﻣ", "ص": "ﺼ", "ر": "ﺮ", "ب": "ﺑ", "غ": "ﻐ", "د": "ﺪ", "ا": "ﺍ", "ل": "ﻟ", "ع": "ﻋ", "ق": "ﻗ" };
const corpora: Record<string, string[]> = {
  "news articles (seed + fixtures)": corpusOf(base, TARGET_BYTES),
  "with harakat on every consonant": corpusOf(base.map((a) => a.replace(HARAKAT, "$1\u064E")), TARGET_BYTES),
  "PDF presentation forms": corpusOf(base.map((a) => a.replace(/[مصربغدالعق]/gu, (c) => PRESENTATION[c])), TARGET_BYTES),
};

const f = (mb: number, s: number) => `${(mb / s).toFixed(1).padStart(7)} MB/s`;
console.log(`text layer throughput (${base.length} distinct articles; median CPU time of 5 runs after 2 warm-ups; MB = 2^20 bytes of UTF-8 input)`);
for (const [name, docs] of Object.entries(corpora)) {
  const mb = docs.reduce((a, d) => a + Buffer.byteLength(d, "utf8"), 0) / MB;
  const each = (g: (d: string) => unknown) => () => { for (const d of docs) g(d); };
  const tNfkc = time(each((d) => d.normalize("NFKC")));
  const tNorm = time(each(normalizeWithMap));
  const tTok = time(each(tokenize));
  const tSent = time(each(splitSentences));
  const tAll = time(each((d) => { normalizeWithMap(d); tokenize(d); splitSentences(d); }));
  console.log(`\n${name}: ${docs.length} articles, ${mb.toFixed(1)} MB`);
  console.log(`  String.normalize("NFKC")        ${f(mb, tNfkc)}`);
  console.log(`  normalizeWithMap                ${f(mb, tNorm)}`);
  console.log(`  tokenize (with keys)            ${f(mb, tTok)}`);
  console.log(`  splitSentences                  ${f(mb, tSent)}`);
  console.log(`  normalise + tokenise + split    ${f(mb, tAll)}   ${(tAll / tNfkc).toFixed(1)}x the time of NFKC ` +
    `(${(tNfkc / tAll).toFixed(3)} of its speed)   target ≥ 20 MB/s: ${mb / tAll >= 20 ? "met" : "NOT met"}`);
}

const one = corpora["news articles (seed + fixtures)"].join("\n");
const mbOne = Buffer.byteLength(one, "utf8") / MB;
const tOneNfkc = time(() => void one.normalize("NFKC"), 3);
const tOne = time(() => { normalizeWithMap(one); tokenize(one); splitSentences(one); }, 3);
console.log(`\none ${mbOne.toFixed(1)} MB string (all tokens live at once): normalise + tokenise + split ${f(mbOne, tOne)}; ` +
  `NFKC ${f(mbOne, tOneNfkc)}; ratio ${(tOne / tOneNfkc).toFixed(1)}x`);

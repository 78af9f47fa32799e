/**
 * Throughput of the text layer on Arabic news text: normalise (with offset map) + tokenise + sentence-split, in
 * MB/s of UTF-8 input, and its ratio to a plain `String.prototype.normalize("NFKC")` pass over the same text.
 * Input: the seed article body repeated to ~4 MB, plus variants with harakat and presentation forms.
 * Target (issue #3): ≥ 20 MB/s on one core. Run: `npx tsx bench/text.bench.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeWithMap } from "../src/text/normalize.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { tokenize } from "../src/text/tokenize.ts";

const seedPath = fileURLToPath(new URL("../graph-data/articles/elaph-2021-05-16-army-peshmerga-coordination.txt", import.meta.url));
const seed = readFileSync(seedPath, "utf8").replace(/^---[\s\S]*?\n---\n/u, "");
const TARGET_BYTES = 4 * 1024 * 1024;

function repeatTo(s: string, bytes: number): string {
  const unit = Buffer.byteLength(s, "utf8");
  return Array.from({ length: Math.ceil(bytes / unit) }, () => s).join("\n");
}

/**
 * Median CPU seconds (user + system of this process, so other processes on a shared machine do not count) of
 * `runs` calls after three warm-up calls.
 */
function time(fn: () => void, runs = 5): number {
  for (let i = 0; i < 3; i++) fn();
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

const inputs: Record<string, string> = {
  "plain Arabic (seed)": repeatTo(seed, TARGET_BYTES),
  "with harakat": repeatTo(seed.replace(/([بتثجحخدذرزسشصضطظعغفقكلمنهوي])/gu, "$1\u064E"), TARGET_BYTES),
  "presentation forms": repeatTo("ﻣﺼﺮ ﻭﺍﻟﻌﺮاﻕ ﻻ ﺑﻐﺪاﺩ. ".repeat(50) + seed, TARGET_BYTES),
};

console.log("text layer throughput (median CPU time of 5 runs after 3 warm-ups; MB = 2^20 bytes of UTF-8 input)");
for (const [name, text] of Object.entries(inputs)) {
  const mb = Buffer.byteLength(text, "utf8") / (1024 * 1024);
  const tNfkc = time(() => void text.normalize("NFKC"));
  const tNorm = time(() => void normalizeWithMap(text));
  const tTok = time(() => void tokenize(text));
  const tSent = time(() => void splitSentences(text));
  const tAll = time(() => {
    normalizeWithMap(text);
    tokenize(text);
    splitSentences(text);
  });
  const f = (s: number) => `${(mb / s).toFixed(1).padStart(7)} MB/s`;
  console.log(`\n${name}: ${mb.toFixed(1)} MB`);
  console.log(`  String.normalize("NFKC")        ${f(tNfkc)}`);
  console.log(`  normalizeWithMap                ${f(tNorm)}`);
  console.log(`  tokenize (with keys)            ${f(tTok)}`);
  console.log(`  splitSentences                  ${f(tSent)}`);
  console.log(`  normalise + tokenise + split    ${f(tAll)}   ratio to NFKC: ${(tAll / tNfkc).toFixed(2)}x the time ` +
    `(${(tNfkc / tAll).toFixed(2)} of NFKC speed)   target ≥ 20 MB/s: ${mb / tAll >= 20 ? "met" : "NOT met"}`);
}

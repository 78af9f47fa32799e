/**
 * The NER tagger's figures (issue #9): model load time, tagging speed (tokens/s, CPU time of this process, cold
 * and warm caches) on the ANERcorp test split, and extraction with the tagger off and on: entity P/R/F1 of the
 * seed article and of every test article of test/fixtures/articles (scored by ../shared/eval/score.mjs), the
 * entities the tagger added, and the build time of the seed. Run: `npx tsx bench/ner.bench.ts`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadResources } from "../src/extract/pipeline.ts";
import { buildGraph } from "../src/graph/build.ts";
import { readInputs } from "../src/ingest/index.ts";
import { parseConll } from "../src/ner/conll.ts";
import { readNerModelSync } from "../src/ner/model-io.ts";
import { SHIPPED_NER_MODEL } from "../src/ner/shipped.ts";
import { NerTagger } from "../src/ner/tagger.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const cpu = (f: () => void): number => {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
};

let bundle!: ReturnType<typeof readNerModelSync>;
const wall0 = performance.now();
const loadCpu = cpu(() => {
  bundle = readNerModelSync(SHIPPED_NER_MODEL);
});
const tagger = new NerTagger(bundle.model);
console.log(`model load: ${loadCpu.toFixed(3)} s CPU, ${((performance.now() - wall0) / 1000).toFixed(3)} s wall (incl. tagger set-up)`);

const test = parseConll(readFileSync(resolve(ROOT, "../shared/ner/anercorp-camellab/ANERCorp_CamelLab_test.txt"), "utf8"));
const sents = test.map((s) => s.tokens);
const tokens = sents.reduce((a, s) => a + s.length, 0);
const cold = cpu(() => tagger.tagDocument(sents));
// Steady state on new text: a fresh tagger that has read the training split (other text) tags the test split.
const train = parseConll(readFileSync(resolve(ROOT, "../shared/ner/anercorp-camellab/ANERCorp_CamelLab_train.txt"), "utf8")).map((s) => s.tokens);
const steady: number[] = [];
for (let r = 0; r < 3; r++) {
  const t = new NerTagger(bundle.model);
  t.tagDocument(train);
  steady.push(cpu(() => t.tagDocument(sents)));
}
steady.sort((a, b) => a - b);
const again: number[] = [];
for (let r = 0; r < 3; r++) again.push(cpu(() => tagger.tagDocument(sents)));
again.sort((a, b) => a - b);
console.log(`tagging the test split (${tokens} tokens), CPU time: first pass (cold caches and JIT) ${Math.round(tokens / cold)} tokens/s; ` +
  `after reading the training split (steady state, new text) median ${Math.round(tokens / steady[1])} tokens/s; ` +
  `same text again median ${Math.round(tokens / again[1])} tokens/s (target ≥ 50,000)`);

const score = ((await import(resolve(ROOT, "../shared/eval/score.mjs"))) as { score: (g: unknown, gold: unknown) => any }).score;
const fixtures = readdirSync(resolve(ROOT, "test/fixtures/articles")).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ name: f.slice(0, -4), file: resolve(ROOT, "test/fixtures/articles", f), gold: resolve(ROOT, "test/fixtures/articles", `${f.slice(0, -4)}.gold.json`) }));
const articles = [
  { name: "seed", file: resolve(ROOT, "graph-data/articles/elaph-2021-05-16-army-peshmerga-coordination.txt"), gold: resolve(ROOT, "../shared/eval/seed.gold.json") },
  ...fixtures,
];
for (const ner of [false, true]) {
  const res = await loadResources(resolve(ROOT, "graph-data"), { ner });
  for (const a of articles) {
    const { documents } = await readInputs([a.file]);
    const t0 = performance.now();
    const g = buildGraph(documents, res);
    const ms = performance.now() - t0;
    const r = score(g.export(), JSON.parse(readFileSync(a.gold, "utf8")));
    const e = r.entities;
    const added: string[] = [];
    g.forEachNode((_k: string, at: any) => {
      if (typeof at.source === "string" && at.source.split(",").includes("ner")) added.push(`${at.label}/${at.type}`);
    });
    console.log(`ner ${ner ? "on " : "off"} ${a.name.padEnd(28)} entity P ${e.precision.toFixed(3)} R ${e.recall.toFixed(3)} F1 ${e.f1.toFixed(3)}  build ${ms.toFixed(0)} ms` +
      (ner ? `  by tagger: ${added.join(", ") || "-"}` : ""));
    if (ner && r.detail.spuriousEntities.length > 0) console.log(`    spurious: ${r.detail.spuriousEntities.join("; ")}`);
  }
}

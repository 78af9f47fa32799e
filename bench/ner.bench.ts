/**
 * The NER tagger's figures (issue #9): model load time (reading the file, and setting up the tagger's tables),
 * tagging speed on the ANERcorp test split as CPU time of the process (user + system, so other processes on a
 * shared machine count less): the first pass in a fresh process (cold caches and JIT; median of 5 child
 * processes), the steady state on new text (a tagger that has read the training split tags the test split) and
 * the same text again; then extraction with the tagger off and on: entity P/R/F1 of the seed article and of
 * every test article of test/fixtures/articles (scored by ../shared/eval/score.mjs), the entities the tagger
 * added, and the build time of the seed. Run: `npx tsx bench/ner.bench.ts`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
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
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const split = (name: string) => parseConll(readFileSync(resolve(ROOT, `../shared/ner/anercorp-camellab/ANERCorp_CamelLab_${name}.txt`), "utf8")).map((s) => s.tokens);

/** One fresh process: load, set up, tag the test split once. Prints its figures as JSON. */
function child(): void {
  let bundle!: ReturnType<typeof readNerModelSync>;
  let tagger!: NerTagger;
  const wall0 = performance.now();
  const load = cpu(() => {
    bundle = readNerModelSync(SHIPPED_NER_MODEL);
  });
  const setup = cpu(() => {
    tagger = new NerTagger(bundle.model);
  });
  const wall = (performance.now() - wall0) / 1000;
  const sents = split("test");
  const first = cpu(() => tagger.tagDocument(sents));
  process.stdout.write(JSON.stringify({ load, setup, wall, first, tokens: sents.reduce((a, s) => a + s.length, 0) }));
}

if (process.env.NER_BENCH_CHILD === "1") {
  child();
  process.exit(0);
}

const runs: { load: number; setup: number; wall: number; first: number; tokens: number }[] = [];
for (let r = 0; r < 5; r++) {
  const c = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, NER_BENCH_CHILD: "1" }, encoding: "utf8" });
  if (c.status !== 0) throw new Error(`ner.bench: child process failed: ${c.stderr.split("\n")[0]}`);
  runs.push(JSON.parse(c.stdout));
}
const tokens = runs[0].tokens;
const ms = (x: number) => `${(x * 1000).toFixed(0)} ms`;
console.log(`model load (median of 5 fresh processes): reading the file ${ms(median(runs.map((r) => r.load)))} CPU + tagger set-up ` +
  `${ms(median(runs.map((r) => r.setup)))} CPU = ${ms(median(runs.map((r) => r.load + r.setup)))} CPU, ${ms(median(runs.map((r) => r.wall)))} wall (limit 1 s)`);

const bundle = readNerModelSync(SHIPPED_NER_MODEL);
const sents = split("test");
// Steady state on new text: a fresh tagger that has read the training split (other text) tags the test split.
const train = split("train");
const steady: number[] = [];
for (let r = 0; r < 3; r++) {
  const t = new NerTagger(bundle.model);
  t.tagDocument(train);
  steady.push(cpu(() => t.tagDocument(sents)));
}
const tagger = new NerTagger(bundle.model);
tagger.tagDocument(sents);
const again: number[] = [];
for (let r = 0; r < 5; r++) again.push(cpu(() => tagger.tagDocument(sents)));
const firsts = runs.map((r) => tokens / r.first);
console.log(`tagging the test split (${tokens} tokens), tokens/s of CPU time (target ≥ 50,000):`);
console.log(`  first pass in a fresh process (cold caches and JIT): median ${Math.round(median(firsts))} (of 5: ${Math.round(Math.min(...firsts))}–${Math.round(Math.max(...firsts))})`);
console.log(`  steady state on new text (after the training split): median ${Math.round(tokens / median(steady))} (of 3)`);
console.log(`  the same text again: median ${Math.round(tokens / median(again))} (of 5)`);

// Loaded only here, so that the child processes above load no more than the tagger.
const { loadResources } = await import("../src/extract/pipeline.ts");
const { buildGraph } = await import("../src/graph/build.ts");
const { readInputs } = await import("../src/ingest/index.ts");
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

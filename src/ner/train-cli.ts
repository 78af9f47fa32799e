/**
 * `npm run train:ner` — trains the two-stage NER tagger on the ANERcorp training split and writes the model
 * (docs/ner.md). Deterministic: the same data, lists and seed give a byte-identical file.
 *
 *   npm run train:ner                      train on the whole training split, write graph-data/models/…
 *   npm run train:ner -- --holdout         train on the first 5/6 of the training split, score the last 1/6
 *                                          (the held-out part used for tuning; writes nothing)
 * Options: --train FILE, --gazetteers DIR (../shared/gazetteers), --data DIR (graph-data/ner), --out FILE,
 * --seed N, --epochs N, --window N. Exit code 1 with one line on stderr on any error.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BadRequestError, DataError } from "../errors.ts";
import { parseConll } from "./conll.ts";
import { evaluateTagger } from "./evaluate.ts";
import { loadGazetteerLists } from "./lists.ts";
import { writeNerModel } from "./model-io.ts";
import { SHIPPED_NER_MODEL } from "./shipped.ts";
import { formatScores } from "./spans.ts";
import { NerTagger } from "./tagger.ts";
import { buildResources, DEFAULT_NER_TRAIN_SETTINGS, trainNer, type NerTrainSettings } from "./train.ts";

/** Default training split, relative to the project folder. */
export const DEFAULT_TRAIN_SPLIT = "../shared/ner/anercorp-camellab/ANERCorp_CamelLab_train.txt";
export const DEFAULT_GAZETTEERS = "../shared/gazetteers";
export const DEFAULT_NER_DATA = "graph-data/ner";

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new BadRequestError(`train:ner: --${name} must be an integer, got "${v}".`);
  return n;
}

/** Runs the command; returns the exit code. */
export async function runTrain(argv: string[], log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      train: { type: "string", default: DEFAULT_TRAIN_SPLIT },
      gazetteers: { type: "string", default: DEFAULT_GAZETTEERS },
      data: { type: "string", default: DEFAULT_NER_DATA },
      out: { type: "string", default: SHIPPED_NER_MODEL },
      seed: { type: "string" },
      epochs: { type: "string" },
      window: { type: "string" },
      holdout: { type: "boolean", default: false },
    },
    strict: true,
  });
  const t0 = performance.now();
  const d = DEFAULT_NER_TRAIN_SETTINGS;
  const epochs = int("epochs", values.epochs, d.epochs1);
  const settings: NerTrainSettings = {
    ...d,
    seed: int("seed", values.seed, d.seed),
    epochs1: epochs,
    epochs2: int("epochs", values.epochs, d.epochs2),
    window: int("window", values.window, d.window),
  };
  const trainFile = resolve(values.train);
  let text: string;
  try {
    text = readFileSync(trainFile, "utf8");
  } catch (err) {
    throw new DataError(`train:ner: cannot read the training split "${trainFile}": ${(err as Error).message}`);
  }
  const all = parseConll(text, trainFile);
  const cut = values.holdout ? Math.floor((all.length * 5) / 6) : all.length;
  const train = all.slice(0, cut);
  const lists = loadGazetteerLists({ sharedGazetteers: resolve(values.gazetteers), nerData: resolve(values.data) });
  const tokens = train.reduce((a, s) => a + s.tokens.length, 0);
  log(`train:ner: ${train.length} sentences, ${tokens} tokens${values.holdout ? " (first 5/6 of the training split)" : ""}`);
  const model = trainNer(train, buildResources(train, lists), settings, (m) => log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${m}`));
  if (values.holdout) {
    const held = all.slice(cut);
    const ev = evaluateTagger(new NerTagger(model), held);
    log(`held-out part: ${held.length} sentences, ${ev.tokens} tokens (last 1/6 of the training split)`);
    log(formatScores(ev.scores));
    log(`held-out micro-F1 (PERS, LOC, ORG): ${ev.scores.micro.f1.toFixed(3)}`);
    return 0;
  }
  const out = resolve(values.out);
  const bytes = await writeNerModel(out, {
    model,
    lists,
    training: {
      corpus: "ANERcorp CAMeL Lab split, train (ANERCorp_CamelLab_train.txt)",
      sentences: train.length,
      tokens,
      settings: { ...settings },
    },
  });
  log(`train:ner: wrote ${out} (${(bytes / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  runTrain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`train:ner: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}\n`);
      process.exit(1);
    },
  );
}

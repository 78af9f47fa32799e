/**
 * `npm run eval:ner` — scores a trained model on the ANERcorp test split by CoNLL exact span match: the
 * per-type table, then the micro average over PERS, LOC and ORG; the last line is
 * `ner micro-F1 (PERS, LOC, ORG): X` (three decimals). Options: --test FILE, --model FILE.
 * Exit code 1 with one line on stderr on any error (missing or corrupt model included).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DataError } from "../errors.ts";
import { parseConll } from "./conll.ts";
import { evaluateTagger } from "./evaluate.ts";
import { readNerModel } from "./model-io.ts";
import { SHIPPED_NER_MODEL } from "./shipped.ts";
import { formatScores } from "./spans.ts";
import { NerTagger } from "./tagger.ts";

/** Default test split, relative to the project folder. */
export const DEFAULT_TEST_SPLIT = "../shared/ner/anercorp-camellab/ANERCorp_CamelLab_test.txt";

/** Runs the command; returns the exit code. */
export async function runEval(argv: string[], log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { test: { type: "string", default: DEFAULT_TEST_SPLIT }, model: { type: "string", default: SHIPPED_NER_MODEL } },
    strict: true,
  });
  const testFile = resolve(values.test);
  let text: string;
  try {
    text = readFileSync(testFile, "utf8");
  } catch (err) {
    throw new DataError(`eval:ner: cannot read the test split "${testFile}": ${(err as Error).message}`);
  }
  const test = parseConll(text, testFile);
  const t0 = performance.now();
  const bundle = await readNerModel(resolve(values.model));
  const loadMs = performance.now() - t0;
  const tagger = new NerTagger(bundle.model);
  const ev = evaluateTagger(tagger, test);
  log(`model: ${resolve(values.model)} (${bundle.model.features.size} features, loaded in ${loadMs.toFixed(0)} ms)`);
  log(`test split: ${test.length} sentences, ${ev.tokens} tokens, tagged in ${ev.ms.toFixed(0)} ms CPU (${Math.round(ev.tokensPerSecond)} tokens/s on a first pass: cold caches and JIT; bench/ner.bench.ts gives the steady state)`);
  log("CoNLL exact span match; micro over PERS, LOC, ORG (MISC shown, not averaged)");
  log(formatScores(ev.scores));
  log(`ner micro-F1 (PERS, LOC, ORG): ${ev.scores.micro.f1.toFixed(3)}`);
  return 0;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  runEval(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`eval:ner: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}\n`);
      process.exit(1);
    },
  );
}

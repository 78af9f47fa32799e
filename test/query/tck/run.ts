/**
 * Prints the TCK figures: passed/total per feature file and overall.
 * Usage: npx tsx test/query/tck/run.ts [--failures] [filter]
 */
import { resolve } from "node:path";
import { runAll } from "./runner.ts";

const root = resolve(import.meta.dirname, "../../../../shared/opencypher-tck/features");
const showFailures = process.argv.includes("--failures");
const filter = process.argv.slice(2).find((a) => !a.startsWith("--"));
const t0 = performance.now();
const outcomes = runAll(root).filter((o) => !filter || o.file.includes(filter));
const byFile = new Map<string, { p: number; t: number }>();
for (const o of outcomes) {
  const f = byFile.get(o.file) ?? { p: 0, t: 0 };
  f.t++;
  if (o.passed) f.p++;
  byFile.set(o.file, f);
}
for (const [file, f] of byFile) console.log(`${file.padEnd(48)} ${String(f.p).padStart(4)}/${f.t}`);
const passed = outcomes.filter((o) => o.passed).length;
console.log(`overall ${passed}/${outcomes.length} (${((100 * passed) / outcomes.length).toFixed(1)}%) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (showFailures) for (const o of outcomes.filter((x) => !x.passed)) console.log(`FAIL ${o.file} ${o.scenario}: ${o.reason?.slice(0, 300)}`);

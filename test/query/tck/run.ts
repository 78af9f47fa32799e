/**
 * Prints the TCK figures: passed/total per feature file, per folder and overall, for the folders issue #6 lists.
 * Usage: npx tsx test/query/tck/run.ts [--failures] [--write-baseline] [--others] [filter]
 *   --failures        list each failing scenario with its reason
 *   --write-baseline  raise test/query/tck/baseline.json to the current counts (refuses to lower any count)
 *   --others          also print the TCK folders outside the subset (for information; not in the baseline)
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { byFolder, summarise, tckRoot, writeBaseline, type Counts } from "./baseline.ts";
import { runAll, TCK_FOLDERS } from "./runner.ts";

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith("--"));
const root = tckRoot();
const pct = (c: Counts): string => `${((100 * c.passed) / Math.max(1, c.total)).toFixed(1)}%`;
const t0 = performance.now();
const all = runAll(root);
const outcomes = all.filter((o) => !filter || o.file.includes(filter));
const sum = summarise(outcomes, TCK_FOLDERS);
for (const [file, f] of Object.entries(sum.files)) console.log(`${file.padEnd(52)} ${String(f.passed).padStart(4)}/${f.total}`);
console.log("");
for (const [folder, f] of Object.entries(byFolder(sum))) console.log(`${folder.padEnd(52)} ${String(f.passed).padStart(4)}/${f.total} (${pct(f)})`);
console.log(`overall ${sum.overall.passed}/${sum.overall.total} (${pct(sum.overall)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (args.includes("--failures")) for (const o of outcomes.filter((x) => !x.passed)) console.log(`FAIL ${o.file} ${o.scenario}: ${o.reason?.slice(0, 300)}`);
if (args.includes("--write-baseline")) {
  if (filter) throw new Error("run.ts: --write-baseline takes no filter (the baseline covers every listed folder).");
  writeBaseline(summarise(all, TCK_FOLDERS));
  console.log("baseline written: test/query/tck/baseline.json");
}
if (args.includes("--others")) {
  console.log("\nother TCK folders (outside the subset, for information):");
  for (const top of ["clauses", "expressions", "useCases"]) {
    for (const d of readdirSync(join(root, top)).sort()) {
      const folder = `${top}/${d}`;
      if (TCK_FOLDERS.includes(folder)) continue;
      const o = runAll(root, [folder]);
      const c = { passed: o.filter((x) => x.passed).length, total: o.length };
      console.log(`${folder.padEnd(52)} ${String(c.passed).padStart(4)}/${c.total} (${pct(c)})`);
    }
  }
}

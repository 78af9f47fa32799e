/**
 * The committed TCK baseline (test/query/tck/baseline.json): passed and total scenarios per feature file and
 * overall. `npm test` fails when a count falls below it; `npx tsx test/query/tck/run.ts --write-baseline` raises
 * it and refuses to lower any count. The list of scenarios the subset deliberately leaves out, with the reason of
 * each, is test/query/tck/excluded.json.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Outcome } from "./runner.ts";

export const BASELINE_FILE = resolve(import.meta.dirname, "baseline.json");
export const EXCLUDED_FILE = resolve(import.meta.dirname, "excluded.json");

/** Where the TCK features are: `SHABAKA_TCK`, else `../shared/opencypher-tck/features` beside the project. */
export function tckRoot(): string {
  return process.env.SHABAKA_TCK ?? resolve(import.meta.dirname, "../../../../shared/opencypher-tck/features");
}

export interface Counts {
  passed: number;
  total: number;
}

export interface Baseline {
  folders: string[];
  overall: Counts;
  files: Record<string, Counts>;
}

/** A scenario the subset leaves out on purpose. */
export interface Excluded {
  file: string;
  scenario: string;
  reason: string;
}

/** Per-file and overall counts of `outcomes`, files in run order. */
export function summarise(outcomes: Outcome[], folders: string[]): Baseline {
  const files: Record<string, Counts> = {};
  for (const o of outcomes) {
    const f = (files[o.file] ??= { passed: 0, total: 0 });
    f.total++;
    if (o.passed) f.passed++;
  }
  const passed = outcomes.filter((o) => o.passed).length;
  return { folders, overall: { passed, total: outcomes.length }, files };
}

/** Per-folder counts (a folder is the part of the file name before the last "/"). */
export function byFolder(b: Baseline): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const [file, c] of Object.entries(b.files)) {
    const folder = file.slice(0, file.lastIndexOf("/"));
    const f = (out[folder] ??= { passed: 0, total: 0 });
    f.passed += c.passed;
    f.total += c.total;
  }
  return out;
}

/** The committed baseline. @throws Error when the file is missing or not a baseline */
export function readBaseline(file = BASELINE_FILE): Baseline {
  const b = JSON.parse(readFileSync(file, "utf8")) as Baseline;
  if (!b || !Array.isArray(b.folders) || typeof b.overall?.passed !== "number" || typeof b.files !== "object") {
    throw new Error(`readBaseline: "${file}" is not a TCK baseline.`);
  }
  return b;
}

/** The excluded scenarios with their reasons. */
export function readExcluded(file = EXCLUDED_FILE): Excluded[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as { scenarios: Excluded[] }).scenarios;
}

/** Counts of `now` that are below `base`: one line per drop (a file, or the overall figure). */
export function regressions(base: Baseline, now: Baseline): string[] {
  const out: string[] = [];
  for (const [file, c] of Object.entries(base.files)) {
    const n = now.files[file] ?? { passed: 0, total: 0 };
    if (n.passed < c.passed) out.push(`${file}: ${n.passed} passed, baseline ${c.passed}`);
  }
  if (now.overall.passed < base.overall.passed) out.push(`overall: ${now.overall.passed} passed, baseline ${base.overall.passed}`);
  return out;
}

/** Files whose pass count is above the baseline. */
export function improvements(base: Baseline, now: Baseline): string[] {
  return Object.entries(now.files)
    .filter(([file, c]) => c.passed > (base.files[file]?.passed ?? 0))
    .map(([file, c]) => `${file}: ${c.passed} passed, baseline ${base.files[file]?.passed ?? 0}`);
}

/**
 * Writes `now` as the new baseline (atomically) when no count is below the current one.
 * @throws Error listing the drops otherwise: the baseline only goes up.
 */
export function writeBaseline(now: Baseline, file = BASELINE_FILE): void {
  if (existsSync(file)) {
    const drops = regressions(readBaseline(file), now);
    if (drops.length > 0) throw new Error(`writeBaseline: refusing to lower the baseline:\n  ${drops.join("\n  ")}`);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(now, null, 2) + "\n");
  renameSync(tmp, file);
}

/**
 * The work of `shabaka build` (loaded only when a build runs, so `--help` and the other commands start fast):
 * read articles, extract, merge, write the graph atomically, and summarise.
 */
import { statSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { BadRequestError } from "../../errors.ts";
import { buildGraph } from "../../graph/build.ts";
import { saveGraph } from "../../graph/store.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { readInputs } from "../../ingest/index.ts";
import { loadResources } from "../../extract/pipeline.ts";
import { DEFAULT_ARTICLES, DEFAULT_DATA_DIR } from "../paths.ts";

/** Counts by attribute value, largest first, as "a 3, b 1". */
function histogram(values: Iterable<string>): string {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(", ");
}

/** The one summary line printed by `shabaka build`. */
export function buildSummary(graph: KnowledgeGraph, documents: number, seconds: number, out: string): string {
  const nodeTypes = histogram(graph.mapNodes((_k, a) => a.type));
  const edgeTypes = histogram(graph.mapEdges((_k, a) => a.type));
  return `built ${documents} document${documents === 1 ? "" : "s"}: ${graph.order} nodes (${nodeTypes}); ` +
    `${graph.size} edges (${edgeTypes}); ${seconds.toFixed(2)} s → ${out}`;
}

/** Documents from which a progress bar is drawn (on a terminal only). */
const PROGRESS_FROM = 20;

/**
 * A progress bar on stderr when it is a terminal and there are many documents; otherwise undefined.
 * The bar never goes to a pipe or a log file, so the summary line stays the only output there.
 */
function progressBar(total: number): SingleBar | undefined {
  if (total < PROGRESS_FROM || !process.stderr.isTTY) return undefined;
  const bar = new SingleBar({ format: "extracting {bar} {value}/{total} documents, {eta}s left", stream: process.stderr, clearOnComplete: true, hideCursor: true });
  bar.start(total, 0);
  return bar;
}

/** Settings of {@link runBuild}. */
export interface BuildSettings {
  /** Folder with `lexicon/`, `models/`, `ner/` and `boilerplate.json` (default `graph-data`). */
  dataDir?: string;
  /** Declared encoding of every input file (default: detected per file). */
  encoding?: string;
  /** Use the statistical NER tagger as a further source of mentions (default true). */
  ner?: boolean;
}

/**
 * Refuses an `--out` that is an existing folder before any extraction (the graph is one file).
 * @throws BadRequestError (code `BAD_OPTION`) naming the path.
 */
export function checkGraphOut(out: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(out, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return; // e.g. ENOTDIR: the write itself reports it.
  }
  if (isFolder) throw new BadRequestError(`--out "${out}" is a folder; give a file path, e.g. "${out.replace(/\/+$/, "")}/graph.json".`, "BAD_OPTION");
}

/**
 * Reads `paths` (default `graph-data/articles`), extracts, builds and saves the graph to `out` atomically.
 * @returns the summary line, the warnings (skipped files, duplicates, resources missing) and the graph.
 * @throws BadRequestError when `out` is a folder; InputError for unreadable or undecodable inputs; DataError for
 *   invalid lexicon or model files.
 */
export async function runBuild(paths: string[], out: string, settings: BuildSettings = {}): Promise<{ summary: string; warnings: string[]; graph: KnowledgeGraph }> {
  const t0 = performance.now();
  checkGraphOut(out);
  const { encoding } = settings;
  const { documents, warnings } = await readInputs(paths.length > 0 ? paths : [DEFAULT_ARTICLES], encoding === undefined ? {} : { encoding });
  const resources = await loadResources(settings.dataDir ?? DEFAULT_DATA_DIR, settings.ner === undefined ? {} : { ner: settings.ner });
  warnings.push(...resources.warnings);
  const bar = progressBar(documents.length);
  let graph: KnowledgeGraph;
  try {
    graph = buildGraph(documents, resources, (done) => bar?.update(done));
  } finally {
    bar?.stop();
  }
  graph.setAttribute("createdAt", new Date().toISOString());
  await saveGraph(graph, out);
  const seconds = (performance.now() - t0) / 1000;
  return { summary: buildSummary(graph, documents.length, seconds, out), warnings, graph };
}


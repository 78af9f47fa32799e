/** `shabaka build [PATH ...] [--out FILE]`: read articles, extract, write the graph atomically. */
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { buildGraph } from "../../graph/build.ts";
import { saveGraph } from "../../graph/store.ts";
import type { KnowledgeGraph } from "../../graph/types.ts";
import { readInputs } from "../../ingest/index.ts";
import { loadResources } from "../../extract/pipeline.ts";
import { DEFAULT_ARTICLES, DEFAULT_DATA_DIR, DEFAULT_GRAPH } from "../paths.ts";

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

/** Reads, extracts, builds and saves; returns the summary line and warnings. */
export async function runBuild(paths: string[], out: string, dataDir = DEFAULT_DATA_DIR, encoding?: string): Promise<{ summary: string; warnings: string[]; graph: KnowledgeGraph }> {
  const t0 = performance.now();
  const { documents, warnings } = await readInputs(paths.length > 0 ? paths : [DEFAULT_ARTICLES], encoding === undefined ? {} : { encoding });
  const resources = await loadResources(dataDir);
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

export function registerBuildCommand(program: Command): void {
  program
    .command("build")
    .description("read articles (files or folders: .txt/.md, .html, .jsonl), extract entities, relations and events, and write the graph")
    .argument("[paths...]", `files or folders to read (default ${DEFAULT_ARTICLES})`)
    .option("-o, --out <file>", "where to write the graph (graphology JSON)", DEFAULT_GRAPH)
    .option("--data <dir>", "folder with lexicon/ and models/", DEFAULT_DATA_DIR)
    .option("--encoding <name>", "encoding of the input files (windows-1256, iso-8859-6, utf-16le, ...; default: detected)")
    .action(async (paths: string[], opts: { out: string; data: string; encoding?: string }) => {
      const { summary, warnings } = await runBuild(paths, opts.out, opts.data, opts.encoding);
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(`${summary}\n`);
    });
}

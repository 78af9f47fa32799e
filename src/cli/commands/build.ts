/** `shabaka build [PATH ...] [--out FILE]`: read articles, extract, write the graph atomically (build-run.ts). */
import type { Command } from "commander";
import { DEFAULT_ARTICLES, DEFAULT_DATA_DIR, DEFAULT_GRAPH } from "../paths.ts";

interface BuildCliOptions {
  out: string;
  data: string;
  encoding?: string;
  ner: boolean;
}

export function registerBuildCommand(program: Command): void {
  program
    .command("build")
    .description("read articles (files or folders: .txt/.md, .html, .jsonl), extract entities, relations and events, and write the graph")
    .argument("[paths...]", `files or folders to read (default ${DEFAULT_ARTICLES})`)
    .option("-o, --out <file>", "where to write the graph (graphology JSON)", DEFAULT_GRAPH)
    .option("--data <dir>", "folder with lexicon/ and models/", DEFAULT_DATA_DIR)
    .option("--encoding <name>", "encoding of the input files (windows-1256, iso-8859-6, utf-16le, ...; default: detected)")
    .option("--no-ner", "do not use the statistical NER tagger (lexicon, patterns and titles only)")
    .action(async (paths: string[], opts: BuildCliOptions) => {
      const { runBuild } = await import("./build-run.ts");
      const { summary, warnings } = await runBuild(paths, opts.out, { dataDir: opts.data, encoding: opts.encoding, ner: opts.ner });
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(`${summary}\n`);
    });
}

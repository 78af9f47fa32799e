/** `shabaka start` (`npm start`): build the web app and the graph when stale, then serve on 127.0.0.1:3000. */
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_ARTICLES, DEFAULT_DATA_DIR, DEFAULT_GRAPH, PROJECT_ROOT } from "../paths.ts";
import { isStale } from "../freshness.ts";
import { parsePort, portOption, portSource, serve } from "./serve.ts";
import { buildWeb } from "./web.ts";

/**
 * What the saved graph depends on besides the articles: the data (lexicon, models, boilerplate rules, NER lists)
 * and the extractor's code, so a `git pull` that changes extraction rebuilds the graph on the next `npm start`.
 */
export const EXTRACTOR_INPUTS = [
  `${DEFAULT_DATA_DIR}/lexicon`, `${DEFAULT_DATA_DIR}/models`, `${DEFAULT_DATA_DIR}/ner`, `${DEFAULT_DATA_DIR}/boilerplate.json`,
  ...["text", "ingest", "lexicon", "extract", "ner", "graph"].map((d) => resolve(PROJECT_ROOT, "src", d)),
];

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description(`build the graph from ${DEFAULT_ARTICLES} when it is missing or older than its inputs, then serve it`)
    .addOption(portOption("port (0 picks a free one)"))
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .action(async (opts: { port: string; host: string }, command: Command) => {
      const source = portSource(command);
      parsePort(opts.port, source); // a bad port is refused before the build, not after it
      if (await buildWeb(true)) process.stdout.write("web app built → web/dist\n");
      const inputs = [DEFAULT_ARTICLES, ...EXTRACTOR_INPUTS];
      if (isStale(DEFAULT_GRAPH, inputs)) {
        const { runBuild } = await import("./build-run.ts");
        const { summary, warnings } = await runBuild([DEFAULT_ARTICLES], DEFAULT_GRAPH);
        for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(`${summary}\n`);
      } else process.stdout.write(`graph up to date: ${DEFAULT_GRAPH}\n`);
      await serve({ graph: DEFAULT_GRAPH, port: opts.port, host: opts.host, portSource: source });
    });
}

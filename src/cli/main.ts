/**
 * The `shabaka` command. `main(argv)` returns the exit code: 0, or 1 with one line on stderr saying what failed
 * and where.
 */
import { Command, CommanderError } from "commander";
import { ShabakaError } from "../errors.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerQueryCommand } from "./commands/query.ts";
import { registerBuildCommand } from "./commands/build.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerStartCommand } from "./commands/start.ts";
import { registerWebCommand } from "./commands/web.ts";
import { DEFAULT_GRAPH } from "./paths.ts";

/** Reads a saved graph; graphology and the store are loaded only by the commands that read a graph. */
async function loadGraph(file: string): Promise<KnowledgeGraph> {
  const store = await import("../graph/store.ts");
  return store.loadGraph(file);
}

/** Builds the commander program with every command registered. */
export function createProgram(): Command {
  const program = new Command("shabaka")
    .description("Shabaka (شبكة): Arabic news articles in, an explorable knowledge graph out.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerBuildCommand(program);
  registerServeCommand(program);
  registerStartCommand(program);
  registerExportCommand(program, { loadGraph, defaultGraphPath: DEFAULT_GRAPH });
  registerQueryCommand(program, { loadGraph, defaultGraphPath: DEFAULT_GRAPH });
  registerWebCommand(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI with `process.argv`-style arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1;
    const cmd = argv[2] && !argv[2].startsWith("-") ? ` ${argv[2]}` : "";
    const message = err instanceof ShabakaError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`shabaka${cmd}: ${message.split("\n")[0]}\n`);
    if (process.env.SHABAKA_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

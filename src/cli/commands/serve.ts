/** `shabaka serve [--graph FILE] [--port 3000 (or $PORT)] [--host 127.0.0.1]`. */
import { Option, type Command } from "commander";
import { BadRequestError } from "../../errors.ts";
import type { RunningServer } from "../../server/start.ts";
import { DEFAULT_GRAPH } from "../paths.ts";

export interface ServeOptions {
  graph: string;
  port: string;
  /** Where `port` came from, for messages (default `--port`). */
  portSource?: string;
  host: string;
  allowWrites?: boolean;
}

/**
 * Parses a port argument: an integer 0–65535.
 * @param source where the value came from (`--port` or the `PORT` environment variable), for the message.
 * @throws BadRequestError (code `BAD_OPTION`) naming the source and the value.
 */
export function parsePort(value: string, source = "--port"): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new BadRequestError(`${source} must be an integer from 0 to 65535, got "${value}".`, "BAD_OPTION");
  return n;
}

/** `-p, --port`: 3000 by default, or the `PORT` environment variable (the usual convention of hosts and npm scripts). */
export function portOption(description: string): Option {
  return new Option("-p, --port <port>", description).default("3000").env("PORT");
}

/** The name to blame for a bad port: the environment variable when the value came from it. */
export function portSource(command: Command): string {
  return command.getOptionValueSource("port") === "env" ? "the PORT environment variable" : "--port";
}

/** Starts the server, prints its address, and closes it on SIGINT/SIGTERM. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  // Loaded here, not at import, so the other commands start without Express and the engines.
  const [{ pino }, { startServer }] = await Promise.all([import("pino"), import("../../server/start.ts")]);
  // Request log as JSON lines on stderr (LOG_LEVEL=warn quietens it; pino's levels).
  const logger = pino({ level: process.env.LOG_LEVEL ?? "info" }, pino.destination(2));
  const server = await startServer({ graphPath: opts.graph, port: parsePort(opts.port, opts.portSource), host: opts.host, allowWrites: opts.allowWrites === true, logger });
  process.stdout.write(`Shabaka: ${server.graph.order} nodes, ${server.graph.size} edges — serving ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return server;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the graph, its JSON API and the web app")
    .option("-g, --graph <file>", "graph file to serve", DEFAULT_GRAPH)
    .addOption(portOption("port (0 picks a free one)"))
    .option("--host <host>", "interface to bind (default: this machine only)", "127.0.0.1")
    .option("--allow-writes", "let the query console run CREATE/MERGE/SET/REMOVE/DELETE", false)
    .action(async (opts: ServeOptions, command: Command) => {
      await serve({ ...opts, portSource: portSource(command) });
    });
}

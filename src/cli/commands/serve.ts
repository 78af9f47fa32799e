/** `shabaka serve [--graph FILE] [--port 3000] [--host 127.0.0.1]`. */
import type { Command } from "commander";
import { BadRequestError } from "../../errors.ts";
import type { RunningServer } from "../../server/start.ts";
import { DEFAULT_GRAPH } from "../paths.ts";

export interface ServeOptions {
  graph: string;
  port: string;
  host: string;
  allowWrites?: boolean;
}

/** Parses a port argument: an integer 0–65535. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new BadRequestError(`--port must be an integer from 0 to 65535, got "${value}".`, "BAD_OPTION");
  return n;
}

/** Starts the server, prints its address, and closes it on SIGINT/SIGTERM. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  // Loaded here, not at import, so the other commands start without Express and the engines.
  const [{ pino }, { startServer }] = await Promise.all([import("pino"), import("../../server/start.ts")]);
  // Request log as JSON lines on stderr (LOG_LEVEL=warn quietens it; pino's levels).
  const logger = pino({ level: process.env.LOG_LEVEL ?? "info" }, pino.destination(2));
  const server = await startServer({ graphPath: opts.graph, port: parsePort(opts.port), host: opts.host, allowWrites: opts.allowWrites === true, logger });
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
    .option("-p, --port <port>", "port (0 picks a free one)", "3000")
    .option("--host <host>", "interface to bind (default: this machine only)", "127.0.0.1")
    .option("--allow-writes", "let the query console run CREATE/MERGE/SET/REMOVE/DELETE", false)
    .action(async (opts: ServeOptions) => {
      await serve(opts);
    });
}

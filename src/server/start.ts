/**
 * Starts the HTTP server and returns its address; `close()` is safe to call twice.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Router } from "express";
import type { Logger } from "pino";
import { BadRequestError } from "../errors.ts";
import { loadGraph } from "../graph/store.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { createApp } from "./app.ts";
import { answerClientErrorsInJson } from "./guards.ts";
import type { AppContext } from "./context.ts";
import { createExportRouter } from "./routes/export.ts";
import { createQueryRouter } from "./routes/query.ts";

import { PROJECT_ROOT } from "../cli/paths.ts";

export { PROJECT_ROOT };

/** Settings of {@link startServer}. Either `graph` or `graphPath` is required. */
export interface ServerOptions {
  graph?: KnowledgeGraph;
  graphPath?: string;
  /** Interface to bind (default 127.0.0.1: local only). */
  host?: string;
  /** Port; 0 picks a free one (default 3000). */
  port?: number;
  /** Built web app folder (default `web/dist` of the project); `null` for API only. */
  webRoot?: string | null;
  /** Allow write clauses in `POST /api/query` (default false). */
  allowWrites?: boolean;
  /** Told of unexpected errors (default: the logger, else console.error). */
  onInternalError?: (err: unknown) => void;
  /** Request and error log (pino); none when absent (tests). */
  logger?: Logger;
}

/** A running server. */
export interface RunningServer {
  url: string;
  host: string;
  port: number;
  graph: KnowledgeGraph;
  close(): Promise<void>;
}

/** Validates settings; throws BadRequestError naming the bad one. */
export function resolveServerOptions(o: ServerOptions): Required<Pick<ServerOptions, "host" | "port" | "allowWrites">> & { webRoot: string | null } {
  const port = o.port ?? 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadRequestError(`startServer: port must be an integer from 0 to 65535, got ${String(o.port)}.`, "BAD_OPTION");
  const host = o.host ?? "127.0.0.1";
  if (typeof host !== "string" || host.length === 0) throw new BadRequestError(`startServer: host must be a non-empty string.`, "BAD_OPTION");
  const webRoot = o.webRoot === undefined ? resolve(PROJECT_ROOT, "web/dist") : o.webRoot;
  if (webRoot !== null && !existsSync(webRoot)) throw new BadRequestError(`startServer: web app folder "${webRoot}" not found (run \`npm run build:web\`).`, "BAD_OPTION");
  return { host, port, webRoot, allowWrites: o.allowWrites ?? false };
}

/**
 * Loads the graph (when given a path), builds the app and listens.
 * @returns the bound address, e.g. `http://127.0.0.1:3000`, and `close()`.
 * @throws BadRequestError for bad options; InputError/DataError when the graph file cannot be read.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const settings = resolveServerOptions(options);
  let graph: KnowledgeGraph;
  if (options.graph) graph = options.graph;
  else if (options.graphPath) graph = await loadGraph(options.graphPath);
  else throw new BadRequestError("startServer: a graph or a graphPath is required.", "BAD_OPTION");
  const ctx: AppContext = { getGraph: () => graph, allowWrites: settings.allowWrites };
  const queryRouter = createQueryRouter(ctx);
  const extraRouters: Record<string, Router> = {
    query: queryRouter,
    export: createExportRouter(ctx),
  };
  const app = createApp(ctx, { webRoot: settings.webRoot, extraRouters, onInternalError: options.onInternalError, logger: options.logger });
  const server = app.listen(settings.port, settings.host);
  answerClientErrorsInJson(server);
  await new Promise<void>((ok, fail) => {
    server.once("listening", ok);
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") fail(new BadRequestError(`startServer: port ${settings.port} on ${settings.host} is already in use (choose another with --port, or 0 for any free port).`, "PORT_IN_USE"));
      else if (err.code === "EACCES") fail(new BadRequestError(`startServer: no permission to listen on port ${settings.port} of ${settings.host}.`, "PORT_FORBIDDEN"));
      else fail(err);
    });
  });
  const addr = server.address() as AddressInfo;
  const hostForUrl = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl}:${addr.port}`,
    host: addr.address,
    port: addr.port,
    graph,
    close() {
      closing ??= Promise.all([
        new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        }),
        queryRouter.close(),
      ]).then(() => undefined);
      return closing;
    },
  };
}

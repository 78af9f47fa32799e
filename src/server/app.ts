/**
 * The Express 5 application: security headers, JSON API, the built web app, JSON errors.
 */
import express, { type Express, type Router } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { AppContext } from "./context.ts";
import { createErrorHandler } from "./errors.ts";
import { requireUtf8Query, unhandledRequest, verifyUtf8Body } from "./guards.ts";
import { createGraphRouter } from "./routes/graph.ts";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Folder of the built web app (`web/dist`); `null` serves the API only. */
  webRoot: string | null;
  /** Routers mounted under `/api/<name>` (query, export), built by their owners from the same context. */
  extraRouters?: Record<string, Router>;
  /** Told of unexpected (5xx) errors. */
  onInternalError?: (err: unknown) => void;
  /** Largest accepted JSON body, e.g. "1mb" (default). Larger bodies get 413. */
  bodyLimit?: string;
  /** Request log (one line per request: method, path, status, milliseconds); none when absent. */
  logger?: Logger;
}

/** The content security policy: everything from this origin; the layout worker is a blob: URL (sigma, FA2). */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
  },
};

/** Builds the app for a context. Pure wiring: no listening, no I/O at creation. */
export function createApp(ctx: AppContext, options: AppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  const logger = options.logger;
  if (logger) {
    app.use((req, res, next) => {
      const t0 = performance.now();
      res.on("finish", () => {
        logger.info({ method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Math.round(performance.now() - t0) }, "request");
      });
      next();
    });
  }
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }));
  app.use(requireUtf8Query);
  app.use(express.json({ limit: options.bodyLimit ?? "1mb", verify: verifyUtf8Body }));

  app.get("/health", (_req, res) => {
    const g = ctx.getGraph();
    res.json({ status: "ok", nodes: g.order, edges: g.size });
  });
  app.use("/api", createGraphRouter(ctx));
  for (const [name, router] of Object.entries(options.extraRouters ?? {})) app.use(`/api/${name}`, router);
  app.use("/api", unhandledRequest);
  if (options.webRoot !== null) app.use(express.static(options.webRoot, { index: "index.html", fallthrough: true }));
  app.use(unhandledRequest);
  const onInternal = options.onInternalError ?? ((err: unknown) => (logger ? logger.error({ err }, "internal error") : console.error(err)));
  app.use(createErrorHandler(onInternal));
  return app;
}

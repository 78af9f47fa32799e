/**
 * The server's one error middleware (404/405 for unhandled requests are in guards.ts): every error becomes JSON
 * `{ "error": { "code", "message", "details"? } }` with the right status, never an HTML page.
 */
import type { ErrorRequestHandler } from "express";
import { ShabakaError } from "../errors.ts";

/** Statuses we pass through from Express and body-parser errors (`err.status`), by code. */
const PASS_THROUGH: Record<number, string> = {
  400: "BAD_REQUEST", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE",
  414: "URI_TOO_LONG", 415: "UNSUPPORTED_MEDIA_TYPE", 422: "UNPROCESSABLE", 429: "TOO_MANY_REQUESTS",
};

/**
 * Creates the error middleware. `onInternal` is told of 5xx errors (for logging); their messages are not sent
 * to the client.
 */
export function createErrorHandler(onInternal: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof ShabakaError) {
      if (err.status >= 500) onInternal(err);
      const details = (err as { details?: unknown }).details;
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(details === undefined ? {} : { details }) } });
      return;
    }
    const status = typeof err?.status === "number" ? err.status : typeof err?.statusCode === "number" ? err.statusCode : 500;
    if (status in PASS_THROUGH) {
      let message = typeof err.message === "string" ? err.message : "Bad request.";
      if (err instanceof URIError || /decode/i.test(message)) message = `Malformed percent-encoding in the URL: ${message}`;
      if (err.type === "entity.parse.failed") message = `Request body is not valid JSON: ${message}`;
      res.status(status).json({ error: { code: err.type === "entity.parse.failed" ? "BAD_JSON" : PASS_THROUGH[status], message } });
      return;
    }
    onInternal(err);
    res.status(500).json({ error: { code: "INTERNAL", message: "Internal server error." } });
  };
}

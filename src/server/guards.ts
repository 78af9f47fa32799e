/**
 * Guards in front of the routes, so bad requests get JSON errors instead of an empty answer or a mangled value:
 * the HTTP parser's own rejections (`clientError`), query strings and JSON bodies that are not UTF-8, and known
 * routes asked for with the wrong method (405 with `Allow`, RFC 9110 §15.5.6).
 */
import { isUtf8 } from "node:buffer";
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import type { RequestHandler } from "express";
import { BadRequestError, ShabakaError } from "../errors.ts";

/** Writes one JSON error as a complete HTTP/1.1 response on a raw socket and closes it. */
function endWithJson(socket: Duplex, status: number, reason: string, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Answers requests Node's HTTP parser (llhttp) rejects before Express sees them — raw non-ASCII bytes in the
 * path, malformed request lines, headers over `--max-http-header-size` (16 KB by default) — with JSON instead of
 * Node's bare `400 Bad Request` with no body.
 */
export function answerClientErrorsInJson(server: Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    if (err.code === "HPE_HEADER_OVERFLOW") {
      endWithJson(socket, 431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE", "The request line and headers are too large (over 16 KB); send long input in a POST body.");
    } else {
      endWithJson(socket, 400, "Bad Request", "BAD_REQUEST_LINE", `The request could not be parsed (${err.code ?? "parse error"}); percent-encode non-ASCII characters in the URL.`);
    }
  });
}

/** The query-string parameter names whose percent-encoding does not decode to UTF-8, e.g. `q` in `?q=%FF`. */
function badlyEncodedParams(query: string): string[] {
  const bad: string[] = [];
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    for (const part of eq < 0 ? [pair] : [name, pair.slice(eq + 1)]) {
      try {
        decodeURIComponent(part.replace(/\+/g, " "));
      } catch {
        bad.push(name);
        break;
      }
    }
  }
  return bad;
}

/** Rejects a query string that is not percent-encoded UTF-8 (400 BAD_ENCODING) instead of reading U+FFFD. */
export const requireUtf8Query: RequestHandler = (req, _res, next) => {
  const at = req.originalUrl.indexOf("?");
  const bad = at < 0 ? [] : badlyEncodedParams(req.originalUrl.slice(at + 1));
  if (bad.length === 0) return next();
  next(new BadRequestError(`${req.method} ${req.path}: query parameter ${bad.map((n) => JSON.stringify(n)).join(", ")} is not percent-encoded UTF-8.`, "BAD_ENCODING"));
};

/** `verify` of `express.json`: a body that is not UTF-8 is refused (400 BAD_ENCODING) before it is decoded. */
export function verifyUtf8Body(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) throw new ShabakaError("BAD_ENCODING", "Request body is not valid UTF-8.", 400);
}

/** The routes the server answers and their methods; a path here asked for with another method is 405. */
export const ROUTE_METHODS: readonly [RegExp, readonly string[]][] = [
  [/^\/health\/?$/, ["GET", "HEAD"]],
  [/^\/api\/graph\/?$/, ["GET", "HEAD"]],
  [/^\/api\/nodes\/[^/]+\/?$/, ["GET", "HEAD"]],
  [/^\/api\/edges\/[^/]+\/?$/, ["GET", "HEAD"]],
  [/^\/api\/search\/?$/, ["GET", "HEAD"]],
  [/^\/api\/query\/?$/, ["POST"]],
  [/^\/api\/export\/?$/, ["GET", "HEAD", "POST"]],
];

/** Answers a request nobody handled: 405 with `Allow` for a known path, else 404; both name the full path. */
export const unhandledRequest: RequestHandler = (req, res) => {
  const path = req.originalUrl.split("?")[0];
  const allowed = ROUTE_METHODS.find(([re]) => re.test(path))?.[1];
  if (allowed !== undefined && !allowed.includes(req.method)) {
    res.set("Allow", allowed.join(", "));
    res.status(405).json({ error: { code: "METHOD_NOT_ALLOWED", message: `${req.method} ${path}: method not allowed (use ${allowed.join(" or ")}).` } });
    return;
  }
  res.status(404).json({ error: { code: "NOT_FOUND", message: `No route for ${req.method} ${path}.` } });
};

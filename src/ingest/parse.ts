/**
 * One input file's bytes → SourceDocument[] (pure: no file system). Formats by extension: `.txt`/`.md` (optional
 * YAML front matter), `.html`/`.htm` (Readability), `.jsonl` (one article per line).
 */
import { InputError } from "../errors.ts";
import type { SourceDocument } from "../text/types.ts";
import type { BoilerplateMatcher } from "./boilerplate.ts";
import { defaultBoilerplate, removeBoilerplate } from "./boilerplate.ts";
import { decodeBytes } from "./decode.ts";
import { htmlDeclaredCharset } from "./unicode-bytes.ts";
import type { ArticleMeta } from "./frontmatter.ts";
import { pickMeta, splitFrontMatter } from "./frontmatter.ts";
import { extractHtmlArticle } from "./html.ts";
import { documentId } from "./id.ts";

/** Input formats. */
export type InputFormat = "text" | "markdown" | "html" | "jsonl";

/** File extensions (lower case, with dot) and their format. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

/** Options of {@link parseDocument}. */
export interface ParseOptions {
  /** Declared encoding (`windows-1256`, `iso-8859-6`, `utf-16le`, …); detected when absent. */
  encoding?: string;
  /** Format, when the origin's extension does not say it. */
  format?: InputFormat;
  /** Boilerplate rules; `false` keeps every line. Default: `graph-data/boilerplate.json`. */
  boilerplate?: BoilerplateMatcher | false;
}

/** Format of a path by its extension, or undefined. */
export function formatOf(path: string): InputFormat | undefined {
  const m = /\.[A-Za-z0-9]+$/u.exec(path);
  return m ? FORMAT_BY_EXTENSION[m[0].toLowerCase()] : undefined;
}

/** Minimal Markdown → text: heading marks, emphasis, images and link syntax removed (link text kept). */
function stripMarkdown(body: string): string {
  return body
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/gu, "")
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/gu, "$1")
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gmu, "")
    .replace(/^[ \t]{0,3}>[ \t]?/gmu, "")
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/gu, "$2");
}

function finish(meta: ArticleMeta, rawBody: string, origin: string, boilerplate: BoilerplateMatcher | false, givenId?: string): SourceDocument {
  const body = rawBody.replace(/\r\n?/gu, "\n").replace(/^\uFEFF/u, "");
  const { text, removed } = boilerplate === false ? { text: body.trim(), removed: [] } : removeBoilerplate(body, boilerplate);
  const id = givenId ?? documentId(meta, text);
  return { id, ...meta, text, removed, origin };
}

function parseJsonl(text: string, origin: string, boilerplate: BoilerplateMatcher | false): SourceDocument[] {
  const docs: SourceDocument[] = [];
  const lines = text.split(/\r\n|\r|\n/u);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const where = `${origin}:${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (cause) {
      const detail = cause instanceof Error ? ` (${cause.message.split("\n")[0]})` : "";
      throw new InputError(`parseDocument: "${where}" is not valid JSON${detail}.`, { cause });
    }
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
      throw new InputError(`parseDocument: "${where}" is not a JSON object.`);
    }
    const o = obj as Record<string, unknown>;
    const body = o.text ?? o.body;
    if (typeof body !== "string") throw new InputError(`parseDocument: "${where}" has no string "text" field.`);
    const givenId = typeof o.id === "string" && o.id.trim() !== "" ? o.id.trim() : typeof o.id === "number" ? String(o.id) : undefined;
    docs.push(finish(pickMeta(o), body, where, boilerplate, givenId));
  }
  return docs;
}

/**
 * Parses the bytes of one input. `origin` is the file path (its extension picks the format unless
 * `options.format` is given) and appears in messages and `SourceDocument.origin`.
 *
 * @returns one document (txt, md, html) or one per non-empty line (jsonl); ids are stable (see `id.ts`).
 * @throws InputError for an unsupported extension, undecodable bytes (with the byte offset), malformed front
 *   matter or JSONL (with the line number).
 */
export function parseDocument(bytes: Uint8Array, origin: string, options: ParseOptions = {}): SourceDocument[] {
  const format = options.format ?? formatOf(origin);
  if (format === undefined) {
    throw new InputError(
      `parseDocument: "${origin}" has an unsupported extension (supported: ${Object.keys(FORMAT_BY_EXTENSION).join(", ")}).`,
    );
  }
  const boilerplate = options.boilerplate ?? defaultBoilerplate();
  const declaredInContent = format === "html" ? htmlDeclaredCharset(bytes) : undefined;
  const { text } = decodeBytes(bytes, origin, { encoding: options.encoding, declaredInContent });
  if (format === "jsonl") return parseJsonl(text, origin, boilerplate);
  if (format === "html") {
    const { meta, body } = extractHtmlArticle(text);
    return [finish(meta, body, origin, boilerplate)];
  }
  const { meta, body } = splitFrontMatter(text, origin);
  return [finish(meta, format === "markdown" ? stripMarkdown(body) : body, origin, boilerplate)];
}

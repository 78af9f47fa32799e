/**
 * YAML front matter (`---` line, YAML mapping, `---` line) at the top of `.txt` / `.md` articles, as used by
 * static-site generators (Jekyll, Hugo). Recognised keys: title, source, url, date, language (others ignored).
 */
import { parse as parseYaml } from "yaml";
import { InputError } from "../errors.ts";

/** Metadata an article may carry. */
export interface ArticleMeta {
  title?: string;
  source?: string;
  url?: string;
  /** YYYY-MM-DD. */
  date?: string;
  language?: string;
}

const FENCE = /^---[ \t]*\r?\n/u;
const CLOSE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD` when y-m-d is a real calendar date, else undefined. */
function ymd(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Normalises a date value from metadata to YYYY-MM-DD — the calendar date as written, never shifted by the time
 * zone of the machine: `2021-05-16`, `2021-5-16`, `2021-05-16T23:30:00-05:00` (→ 2021-05-16), `16/05/2021` and
 * `16-05-2021` (day first, the Arabic convention), a YAML/JS Date (its UTC date), or an RFC 2822 date
 * (`Sun, 16 May 2021 10:00:00 GMT`, its UTC date). Undefined when it cannot be read or is not a real date.
 */
export function normalizeMetaDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/u.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d])/u.exec(s);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  if (!/[A-Za-z]{3}/u.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
  if (typeof v === "number") return String(v);
  return undefined;
}

/** Picks the known metadata keys out of a parsed object. */
export function pickMeta(o: Record<string, unknown>): ArticleMeta {
  const meta: ArticleMeta = {};
  const title = str(o.title);
  const source = str(o.source);
  const url = str(o.url ?? o.link);
  const date = normalizeMetaDate(o.date ?? o.published);
  const language = str(o.language ?? o.lang);
  if (title !== undefined) meta.title = title;
  if (source !== undefined) meta.source = source;
  if (url !== undefined) meta.url = url;
  if (date !== undefined) meta.date = date;
  if (language !== undefined) meta.language = language;
  return meta;
}

const FLAT_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/u;

/**
 * Reads a block that is not valid YAML but is plainly one `key: value` per line — the common case being a title
 * that contains ": " (`title: الوزير: خطة طوارئ`), which YAML rejects as a nested mapping. The value is the rest
 * of the line after the first colon, trimmed, with one pair of surrounding quotes removed. Blank lines and `#`
 * comments are skipped. Null when any other line is present, or a value opens YAML syntax (`[`, `{`, `|`, `>`,
 * `&`, `*`, `!`) — then the block is really malformed.
 */
function flatKeyValues(block: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const raw of block.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = FLAT_LINE.exec(line);
    if (!m) return null;
    let v = m[2].trim();
    // A value opening YAML syntax (a flow collection, block scalar, anchor, tag) is not plain text: malformed.
    if (/^[[{|>&*!%@`]/u.test(v)) return null;
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0]) v = v.slice(1, -1);
    out[m[1]] = v;
  }
  return out;
}

/**
 * Splits front matter from the body. A block that is not valid YAML but is one `key: value` per line (a title
 * with ": " in it) is read line by line. Text without a leading `---` line is all body.
 * @throws InputError when the front matter is not closed or is not a YAML mapping.
 */
export function splitFrontMatter(text: string, origin: string): { meta: ArticleMeta; body: string } {
  const open = FENCE.exec(text);
  if (!open) return { meta: {}, body: text };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new InputError(`splitFrontMatter: "${origin}" opens a front matter block with "---" but never closes it.`);
  const block = rest.slice(0, close.index);
  let data: unknown;
  try {
    data = parseYaml(block);
  } catch (cause) {
    data = flatKeyValues(block);
    if (data === null) {
      const line = (cause as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      const where = line === undefined ? "" : ` (line ${line + 1} of the file)`;
      throw new InputError(`splitFrontMatter: "${origin}" has front matter that is not valid YAML${where}.`, { cause });
    }
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new InputError(`splitFrontMatter: "${origin}" has front matter that is not a YAML mapping.`);
  }
  return { meta: pickMeta(data as Record<string, unknown>), body: rest.slice(close.index + close[0].length) };
}

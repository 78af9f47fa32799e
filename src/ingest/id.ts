/**
 * Stable document ids from content and source: the same article read twice — from a `.txt` and a `.jsonl`, under
 * another file name, with CRLF line ends — gets the same id, so it is ingested once.
 */
import { createHash } from "node:crypto";

/** ASCII slug of a name (Arabic and other scripts dropped), at most 40 characters; "doc" when nothing is left. */
export function slugOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/gu, "-").replace(/^-+|-+$/gu, "").slice(0, 40).replace(/-+$/u, "");
  return slug === "" ? "doc" : slug;
}

/** Who published the article, for ids: the URL's host name without `www.`, else the source name in lower case, else "". */
export function sourceIdentity(meta: { url?: string; source?: string }): string {
  if (meta.url !== undefined) {
    try {
      return new URL(meta.url).hostname.toLowerCase().replace(/^www\./u, "");
    } catch {
      // Not an absolute URL: fall back to the source name.
    }
  }
  return meta.source?.trim().toLowerCase() ?? "";
}

/**
 * Hex sha256 of the source identity and the body with white space runs collapsed (line-end style, trailing spaces
 * and blank lines do not change it). Two documents with the same key are the same article.
 */
export function contentKey(meta: { url?: string; source?: string }, body: string): string {
  const text = body.replace(/\s+/gu, " ").trim();
  return createHash("sha256").update(sourceIdentity(meta), "utf8").update("\u0000", "utf8").update(text, "utf8").digest("hex");
}

/**
 * `<slug>-<12 hex>`: the slug names the source (its name in ASCII, else the URL's host: `elaph`, `rudaw-net`, or `doc`), the hex is the start of
 * {@link contentKey}. Independent of the file name and format the article came in.
 */
export function documentId(meta: { url?: string; source?: string }, body: string): string {
  const named = meta.source === undefined ? "doc" : slugOf(meta.source);
  const slug = named !== "doc" ? named : slugOf(sourceIdentity(meta));
  return `${slug}-${contentKey(meta, body).slice(0, 12)}`;
}

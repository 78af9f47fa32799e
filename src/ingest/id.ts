/** Stable document ids: a slug of the origin's file name plus a sha256 prefix of source and body. */
import { createHash } from "node:crypto";

/** ASCII slug of a file name without extension (Arabic and other scripts dropped), at most 40 characters. */
export function slugOf(origin: string): string {
  const base = origin.split(/[\\/]/u).pop() ?? origin;
  const noExt = base.replace(/\.[A-Za-z0-9]+$/u, "").replace(/:\d+$/u, "");
  const slug = noExt.toLowerCase().replace(/[^a-z0-9]+/gu, "-").replace(/^-+|-+$/gu, "").slice(0, 40).replace(/-+$/u, "");
  return slug === "" ? "doc" : slug;
}

/**
 * `<slug>-<12 hex>`: the hash covers the source (or URL) and the body, so the same article ingested twice gets
 * the same id while different articles with the same file name do not collide.
 */
export function documentId(slugSource: string, source: string, body: string): string {
  const h = createHash("sha256").update(source, "utf8").update("\u0000", "utf8").update(body, "utf8").digest("hex");
  return `${slugOf(slugSource)}-${h.slice(0, 12)}`;
}

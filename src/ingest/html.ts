/**
 * News-page HTML → article body and metadata. The article is extracted with Mozilla Readability (the Firefox
 * Reader View algorithm) over a jsdom DOM (scripts never run); navigation, scripts, styles and ads are left out.
 * Metadata comes from `<meta>` (Open Graph `og:title`, `og:site_name`, `og:url`, `article:published_time`, …).
 * Block elements become line breaks so paragraphs stay paragraphs.
 */
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import type { ArticleMeta } from "./frontmatter.ts";
import { normalizeMetaDate } from "./frontmatter.ts";

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE",
  "TD", "TH", "TR", "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "NAV", "BUTTON", "FORM"]);

/** Text of a DOM subtree with a line break around every block element and white space collapsed inside lines. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) { parts.push(n.nodeValue ?? ""); return; }
    if (n.nodeType !== 1 && n.nodeType !== 11 && n.nodeType !== 9) return;
    const name = n.nodeType === 1 ? (n as Element).tagName.toUpperCase() : "";
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) parts.push("\n");
    for (let c = n.firstChild; c !== null; c = c.nextSibling) walk(c);
    if (block) parts.push("\n");
  };
  walk(root);
  return parts
    .join("")
    .split("\n")
    .map((l) => l.replace(/[ \t\r\f\v\u00A0]+/gu, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
}

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const n of names) {
    for (const el of Array.from(doc.querySelectorAll("meta"))) {
      const key = el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop");
      if (key !== null && key.toLowerCase() === n.toLowerCase()) {
        const v = el.getAttribute("content")?.trim();
        if (v) return v;
      }
    }
  }
  return undefined;
}

/** Result of {@link extractHtmlArticle}. */
export interface HtmlArticle {
  meta: ArticleMeta;
  body: string;
}

/**
 * Extracts the article of an HTML page. When Readability finds no article (very short pages), the page body is
 * used with navigation, scripts, forms and asides removed. The title is prepended as the first line when the
 * body does not already start with it, as in plain-text articles.
 */
export function extractHtmlArticle(html: string): HtmlArticle {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), url: "https://article.invalid/" });
  const doc = dom.window.document;
  const m: ArticleMeta = {};
  const title = meta(doc, "og:title", "twitter:title", "title") ?? (doc.title.trim() || undefined);
  const source = meta(doc, "og:site_name", "application-name", "publisher");
  const url = meta(doc, "og:url") ?? doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined;
  const timeEl = doc.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined;
  const date = normalizeMetaDate(
    meta(doc, "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date",
      "DC.date.issued", "dcterms.created") ?? timeEl,
  );
  const lang = doc.documentElement.getAttribute("lang")?.trim() || undefined;
  let body = "";
  try {
    const article = new Readability<Node>(doc, { serializer: (n) => n }).parse();
    if (article?.content) body = blockText(article.content);
    if (m.title === undefined && article?.title) m.title = article.title.trim();
  } catch {
    body = "";
  }
  if (body === "") {
    const clone = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
    for (const el of Array.from(clone.querySelectorAll("header, footer, aside, nav, script, style, form"))) el.remove();
    body = clone.body === null ? "" : blockText(clone.body);
  }
  if (title !== undefined) m.title = title;
  if (source !== undefined) m.source = source;
  if (url !== undefined) m.url = url;
  if (date !== undefined) m.date = date;
  if (lang !== undefined) m.language = lang;
  // A page with no article text stays empty (the caller skips it) rather than becoming its title alone.
  if (body !== "" && m.title !== undefined && !body.startsWith(m.title)) body = `${m.title}\n${body}`;
  return { meta: m, body };
}

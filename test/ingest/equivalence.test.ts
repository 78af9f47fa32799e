/**
 * Issue #3 acceptance: the seed article saved as windows-1256, as UTF-16 (LE and BE) with BOM, and wrapped in a
 * news-site HTML page (navigation, scripts, a promo block, og:title, article:published_time) builds a graph with
 * the same entities (label + type) as the UTF-8 original — and so does a copy full of zero-width and bidi controls
 * (keys ignore them, labels drop them) — through the real pipeline (readInputs → loadResources →
 * buildGraph). The variants are generated here into a temp dir.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { readInputs } from "../../src/ingest/index.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SEED = resolve(ROOT, "graph-data/articles/elaph-2021-05-16-army-peshmerga-coordination.txt");

const escapeHtml = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

/** The seed article as a news-site page: front matter → <meta>, body lines → <p>, with site chrome around it. */
function newsPage(seed: string): string {
  const fm = /^---\n([\s\S]*?)\n---\n/u.exec(seed)!;
  const meta = Object.fromEntries(fm[1].split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]));
  const lines = seed.slice(fm[0].length).split("\n").filter((l) => l.trim() !== "");
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>إيلاف | ${escapeHtml(meta.title)}</title>
<meta property="og:title" content="${escapeHtml(meta.title)}">
<meta property="og:site_name" content="${escapeHtml(meta.source)}">
<meta property="og:url" content="${escapeHtml(meta.url)}">
<meta property="article:published_time" content="${meta.date}T09:30:00+03:00">
<script>window.dataLayer = []; function track() { return "تتبع الزوار في لبنان وسوريا"; }</script>
<style>.menu { display: flex }</style>
</head><body>
<header><nav class="menu"><ul>
<li><a href="/">الرئيسية</a></li><li><a href="/iraq">العراق</a></li><li><a href="/lebanon">لبنان</a></li>
<li><a href="/syria">سوريا</a></li><li><a href="/gulf">الخليج</a></li><li><a href="/sport">رياضة</a></li>
</ul></nav></header>
<div class="ad-banner"><script>document.write("إعلان")</script><a href="https://ads.example/">إعلان: فنادق دبي</a></div>
<main><article>
<h1>${escapeHtml(lines[0])}</h1>
${lines.slice(1).map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<div class="promo social-share"><p>تابعونا على تلغرام</p><p><a href="https://t.me/elaph">اضغط هنا للاشتراك في قناتنا</a></p><p>حمّل تطبيق إيلاف الآن</p></div>
</article></main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ul>
<li><a href="/1">مقتل ثلاثة جنود أتراك في دهوك</a></li><li><a href="/2">الصدر يدعو الى تظاهرات في البصرة</a></li>
</ul></aside>
<footer><p>جميع الحقوق محفوظة © إيلاف</p><a href="/privacy">سياسة الخصوصية</a></footer>
<script>track()</script>
</body></html>
`;
}

/** The body with U+200F after each word and U+200B in the middle of words of 6+ letters (front matter kept). */
function sprinkleControls(seed: string): string {
  const fm = /^---\n[\s\S]*?\n---\n/u.exec(seed)![0];
  const body = seed.slice(fm.length).replace(/[\p{L}\p{M}]+/gu, (w) => (w.length >= 6 ? `${w.slice(0, 3)}\u200B${w.slice(3)}` : w) + "\u200F");
  return fm + body;
}

type EntitySet = string[];

function entities(graph: KnowledgeGraph): EntitySet {
  return graph.filterNodes((_k, a) => a.type !== "event").map((k) => `${graph.getNodeAttribute(k, "type")}:${graph.getNodeAttribute(k, "label")}`).sort();
}

async function build(path: string): Promise<{ graph: KnowledgeGraph; date?: string; title?: string; encoding: string; removed: string[] }> {
  const { documents } = await readInputs([path]);
  expect(documents).toHaveLength(1);
  const graph = buildGraph(documents, await loadResources(resolve(ROOT, "graph-data")));
  return { graph, date: documents[0].date, title: documents[0].title, encoding: path, removed: documents[0].removed };
}

describe("the seed article in other encodings and formats builds the same entities", () => {
  const seed = readFileSync(SEED, "utf8");
  const dir = mkdtempSync(join(tmpdir(), "shabaka-equivalence-"));
  const variants: Record<string, Buffer> = {
    "seed.windows-1256.txt": iconv.encode(seed, "windows-1256"),
    "seed.utf-16le.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, "utf-16le")]),
    "seed.utf-16be.txt": Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, "utf-16be")]),
    "seed.html": Buffer.from(newsPage(seed), "utf8"),
    // Invisible controls as copied from web pages and PDFs: an RLM after every word, a ZWSP inside long words.
    "seed.bidi-controls.txt": Buffer.from(sprinkleControls(seed), "utf8"),
    "seed.windows-1256.html": iconv.encode(newsPage(seed).replace('charset="utf-8"', 'charset="windows-1256"').replace(" ©", ""), "windows-1256"),
  };
  let original: EntitySet;
  let originalTitle: string | undefined;

  beforeAll(async () => {
    for (const [name, bytes] of Object.entries(variants)) writeFileSync(join(dir, name), bytes);
    const r = await build(SEED);
    original = entities(r.graph);
    originalTitle = r.title;
  }, 60_000);

  it("the original has entities to compare (not a vacuous comparison)", () => {
    expect(original.length).toBeGreaterThan(30);
    expect(original).toContain("place:بغداد");
  });

  it.each(Object.keys(variants))("%s", async (name) => {
    const bytes = variants[name];
    if (name.includes("windows-1256")) expect(bytes.includes(Buffer.from("بغداد", "utf8"))).toBe(false);
    const r = await build(join(dir, name));
    expect(entities(r.graph)).toEqual(original);
    expect(r.date).toBe("2021-05-16");
    expect(r.title).toBe(originalTitle);
    if (name.endsWith(".html")) {
      // Site chrome stayed out: the sidebar's places and the nav's countries are not in the graph.
      for (const label of ["place:دهوك", "place:البصرة", "place:سوريا", "place:لبنان"]) expect(entities(r.graph)).not.toContain(label);
    }
  }, 60_000);
});

describe("على never becomes the person علي (shared key, different surface)", () => {
  it("a text full of the preposition على has no human entity with that key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shabaka-ala-"));
    const p = join(dir, "ala.txt");
    writeFileSync(p, "وأكد الوزير على ضرورة الحوار وشدد على أهمية الأمن في بغداد، وعلى الجميع أن يتعاون. وقال: على الحكومة أن تتحرك.\n");
    const { graph } = await build(p);
    const humans = graph.filterNodes((_k, a) => ["person", "official"].includes(a.type));
    expect(humans).toEqual([]);
    expect(entities(graph)).toContain("place:بغداد");
  }, 60_000);
});

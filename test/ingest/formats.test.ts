/**
 * Input formats (issue #3 §2): .txt/.md with YAML front matter, .html through Readability, .jsonl, folders
 * recursively; stable content-based ids so the same article is ingested once; hostile files give an InputError
 * naming the file and the line, or a warning when a folder holds them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { normalizeMetaDate, parseDocument, readInputs } from "../../src/ingest/index.ts";

const u8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const BODY = "أعلن في بغداد الأحد عن تشكيل غرف عمليات مشتركة.\nوقال المتحدث إن العمل يجري.";

function inputError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
}

async function inputErrorAsync(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
}

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "shabaka-ingest-"));
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(join(p, ".."), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

describe("text and markdown", () => {
  it("reads YAML front matter (title, source, url, date, language) and the body", () => {
    const src = `---\ntitle: عنوان الخبر\nsource: Elaph\nurl: https://elaph.com/a.html\ndate: 2021-05-16\nlanguage: ar\nauthor: ignored\n---\n${BODY}\n`;
    const [d] = parseDocument(u8(src), "dir/a.txt");
    expect({ title: d.title, source: d.source, url: d.url, date: d.date, language: d.language, text: d.text, origin: d.origin })
      .toEqual({ title: "عنوان الخبر", source: "Elaph", url: "https://elaph.com/a.html", date: "2021-05-16", language: "ar", text: BODY, origin: "dir/a.txt" });
    expect(d.id).toMatch(/^elaph-[0-9a-f]{12}$/u);
  });
  it("a file without front matter is all body", () => {
    const [d] = parseDocument(u8(BODY), "a.txt");
    expect([d.text, d.title, d.date]).toEqual([BODY, undefined, undefined]);
    expect(d.id).toMatch(/^doc-[0-9a-f]{12}$/u);
  });
  it("Markdown: headings, emphasis, links and images are reduced to their text", () => {
    const [d] = parseDocument(u8("---\ntitle: t\n---\n# العنوان\n**بغداد** في [الخبر](https://x.example) ![صورة](a.png)\n> اقتباس"), "a.md");
    expect(d.text).toBe("العنوان\nبغداد في الخبر\nاقتباس");
  });
  it("mixed CRLF / CR / LF line ends become LF, with the same id as the LF file", () => {
    const lf = parseDocument(u8("سطر أول\nسطر ثان\nسطر ثالث"), "a.txt")[0];
    const mixed = parseDocument(u8("سطر أول\r\nسطر ثان\rسطر ثالث"), "b.txt")[0];
    expect(mixed.text).toBe("سطر أول\nسطر ثان\nسطر ثالث");
    expect(mixed.id).toBe(lf.id);
  });
  it("front matter with CRLF line ends is read", () => {
    const [d] = parseDocument(u8("---\r\ntitle: عنوان\r\ndate: 2020-01-02\r\n---\r\nنص"), "a.txt");
    expect([d.title, d.date, d.text]).toEqual(["عنوان", "2020-01-02", "نص"]);
  });
  it("bad front matter is an InputError naming the file", () => {
    expect(inputError(() => parseDocument(u8("---\ntitle: x\nنص"), "open.md"))).toContain('"open.md"');
    expect(inputError(() => parseDocument(u8("---\n- a\n- b\n---\nنص"), "list.md"))).toContain("not a YAML mapping");
    expect(inputError(() => parseDocument(u8("---\ntitle: [unclosed\n---\nنص"), "yaml.md"))).toContain("not valid YAML");
  });
  it("a title with ': ' in it (invalid YAML) is read line by line, quotes removed", () => {
    const src = `---\ntitle: وزير الموارد المائية من الناصرية: خطة طوارئ\nsource: "Alsumaria News"\ndate: 2024-07-09\n---\n${BODY}`;
    const [d] = parseDocument(u8(src), "a.txt");
    expect([d.title, d.source, d.date, d.text]).toEqual(["وزير الموارد المائية من الناصرية: خطة طوارئ", "Alsumaria News", "2024-07-09", BODY]);
  });
  it("front matter that is neither YAML nor key: value lines names the file and the line", () => {
    const msg = inputError(() => parseDocument(u8("---\ntitle: a: b\nنص بلا مفتاح\n---\nنص"), "bad.md"));
    expect(msg).toContain('"bad.md"');
    expect(msg).toMatch(/line \d+/u);
  });
  it("an unsupported extension is an InputError", () => {
    expect(inputError(() => parseDocument(u8("x"), "a.pdf"))).toContain("unsupported extension");
  });
});

describe("metadata dates", () => {
  const cases: [unknown, string | undefined][] = [
    ["2021-05-16", "2021-05-16"], ["2021-5-6", "2021-05-06"], ["16/05/2021", "2021-05-16"], ["16-05-2021", "2021-05-16"],
    ["2021-05-16T23:30:00-05:00", "2021-05-16"], ["2021-05-16T01:30:00+03:00", "2021-05-16"],
    ["Sun, 16 May 2021 10:00:00 GMT", "2021-05-16"], [new Date(Date.UTC(2021, 4, 16)), "2021-05-16"],
    ["2021-02-30", undefined], ["31/04/2021", undefined], ["قريبا", undefined], ["", undefined], [20210516, undefined],
  ];
  it.each(cases)("%s → %s", (v, expected) => {
    expect(normalizeMetaDate(v)).toBe(expected);
  });
});

describe("HTML", () => {
  const page = (body: string, head = "") => `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  const paragraphs = BODY.split("\n").map((l) => `<p>${l} ${"وأضاف أن القوات الأمنية تواصل عملياتها في المنطقة. ".repeat(3)}</p>`).join("");
  it("extracts the article (nav, scripts, ads out) and title / date / source from <meta>", () => {
    const html = page(
      `<nav><a href="/">الرئيسية</a><a href="/lb">لبنان</a></nav><script>var x = "سكربت";</script>` +
        `<div class="ad-banner"><a href="https://ads.example">إعلان تجاري</a></div><article><h1>عنوان الخبر</h1>${paragraphs}</article>` +
        `<footer>جميع الحقوق محفوظة</footer>`,
      `<title>موقع | عنوان الخبر</title><meta property="og:title" content="عنوان الخبر"><meta property="og:site_name" content="Elaph">` +
        `<meta property="article:published_time" content="2021-05-16T09:30:00+03:00"><meta property="og:url" content="https://elaph.com/x.html">`,
    );
    const [d] = parseDocument(u8(html), "p.html");
    expect({ title: d.title, date: d.date, source: d.source, url: d.url, language: d.language })
      .toEqual({ title: "عنوان الخبر", date: "2021-05-16", source: "Elaph", url: "https://elaph.com/x.html", language: "ar" });
    expect(d.text.split("\n")[0]).toBe("عنوان الخبر");
    expect(d.text).toContain("أعلن في بغداد الأحد");
    for (const gone of ["الرئيسية", "لبنان", "سكربت", "إعلان تجاري", "جميع الحقوق"]) expect(d.text).not.toContain(gone);
  });
  it("a page with no article has no text (skipped with a warning in a folder, an error alone)", async () => {
    const html = page(`<nav><a href="/">الرئيسية</a></nav><script>1</script>`, "<title>صفحة</title>");
    expect(parseDocument(u8(html), "empty.html")[0].text).toBe("");
    const dir = tempDir({ "empty.html": html, "a.txt": BODY });
    const r = await readInputs([dir]);
    expect(r.documents.map((d) => d.text)).toEqual([BODY]);
    expect(r.warnings).toEqual([`readInputs: skipped "${join(dir, "empty.html")}": no article text.`]);
    const m = await inputErrorAsync(() => readInputs([join(dir, "empty.html")]));
    expect(m).toContain("empty.html");
    expect(m).toContain("no article");
  });
});

describe("JSONL", () => {
  it("reads one article a line with id, title, date, source, url, text; blank lines skipped", () => {
    const lines = [
      JSON.stringify({ id: "a1", title: "الأول", date: "2021-05-16", source: "Rudaw", url: "https://rudaw.net/1", text: "نص الأول" }),
      "",
      JSON.stringify({ text: "نص الثاني", source: "Rudaw" }),
    ].join("\r\n");
    const docs = parseDocument(u8(lines), "f.jsonl");
    expect(docs.map((d) => [d.id, d.title, d.date, d.source, d.url, d.text, d.origin])).toEqual([
      ["a1", "الأول", "2021-05-16", "Rudaw", "https://rudaw.net/1", "نص الأول", "f.jsonl:1"],
      [docs[1].id, undefined, undefined, "Rudaw", undefined, "نص الثاني", "f.jsonl:3"],
    ]);
    expect(docs[1].id).toMatch(/^rudaw-[0-9a-f]{12}$/u);
  });
  it("a line that is not JSON, not an object, or has no text is an InputError naming the file and line", () => {
    const ok = JSON.stringify({ text: "نص" });
    expect(inputError(() => parseDocument(u8(`${ok}\n{not json}\n`), "bad.jsonl"))).toContain('"bad.jsonl:2" is not valid JSON');
    expect(inputError(() => parseDocument(u8(`${ok}\n${ok}\n[1,2]`), "arr.jsonl"))).toContain('"arr.jsonl:3" is not a JSON object');
    expect(inputError(() => parseDocument(u8(`{"title":"x"}`), "nt.jsonl"))).toContain('"nt.jsonl:1" has no string "text"');
  });
  it("reads a UTF-8 BOM before the first line", () => {
    const b = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ text: "مرحبا" }))]));
    expect(parseDocument(b, "bom.jsonl").map((d) => d.text)).toEqual(["مرحبا"]);
  });
});

describe("folders, ids and duplicates", () => {
  it("reads folders recursively in sorted order, skipping hidden entries and warning on other extensions", async () => {
    const dir = tempDir({
      "b.txt": "ثاني", "a/z.md": "أول", "a/y.jsonl": `${JSON.stringify({ text: "صفر" })}\n`, ".hidden/x.txt": "مخفي",
      "notes.pdf": "x", "c.html": `<html><body><article><p>${"ثالث في الصفحة ".repeat(20)}</p></article></body></html>`,
    });
    const r = await readInputs([dir]);
    expect(r.documents.map((d) => d.origin)).toEqual([join(dir, "a/y.jsonl:1"), join(dir, "a/z.md"), join(dir, "b.txt"), join(dir, "c.html")]);
    expect(r.warnings).toEqual([`readInputs: skipped "${join(dir, "notes.pdf")}": unsupported extension.`]);
  });
  it("the same article in a .txt and a .jsonl is kept once, with the same id", async () => {
    const dir = tempDir({ "a.txt": `${BODY}\n`, "b.jsonl": `${JSON.stringify({ text: BODY.replace("\n", "\r\n") })}\n` });
    const r = await readInputs([dir]);
    expect(r.documents).toHaveLength(1);
    expect(r.warnings).toEqual([`readInputs: "${join(dir, "b.jsonl:1")}" is the same article as "${join(dir, "a.txt")}"; kept once.`]);
    expect(parseDocument(u8(BODY), "x/other-name.txt")[0].id).toBe(r.documents[0].id);
  });
  it("ingesting the same file twice does not duplicate it", async () => {
    const dir = tempDir({ "a.txt": BODY });
    const r = await readInputs([dir, join(dir, "a.txt")]);
    expect(r.documents).toHaveLength(1);
  });
  it("ids depend on content and source, not on the file name", () => {
    const a = parseDocument(u8(`---\nsource: Elaph\n---\n${BODY}`), "a.txt")[0].id;
    expect(parseDocument(u8(`---\nsource: Elaph\n---\n${BODY}`), "zzz.md")[0].id).toBe(a);
    expect(parseDocument(u8(`---\nsource: Rudaw\n---\n${BODY}`), "a.txt")[0].id).not.toBe(a);
    expect(parseDocument(u8(`---\nsource: Elaph\n---\n${BODY}.`), "a.txt")[0].id).not.toBe(a);
  });
  it("two different articles that claim the same JSONL id are an error", async () => {
    const dir = tempDir({ "a.jsonl": `${JSON.stringify({ id: "x", text: "أول" })}\n${JSON.stringify({ id: "x", text: "ثان" })}\n` });
    expect(await inputErrorAsync(() => readInputs([dir]))).toContain('has id "x"');
  });
  it("empty files and BOM-only files are skipped with a warning; only such files is an error", async () => {
    const dir = tempDir({ "e.txt": "", "bom.txt": new Uint8Array([0xef, 0xbb, 0xbf]), "a.txt": BODY });
    const r = await readInputs([dir]);
    expect(r.documents).toHaveLength(1);
    expect(r.warnings).toEqual([
      `readInputs: skipped "${join(dir, "bom.txt")}": no article text.`,
      `readInputs: skipped "${join(dir, "e.txt")}": empty file.`,
    ]);
    expect(await inputErrorAsync(() => readInputs([join(dir, "e.txt")]))).toContain("empty file");
  });
  it("a missing path is an InputError", async () => {
    expect(await inputErrorAsync(() => readInputs(["/no/such/dir"]))).toContain('"/no/such/dir" not found');
  });
});

describe("damaged files", () => {
  it("text that already holds U+FFFD is read, with a warning", async () => {
    const dir = tempDir({ "r.txt": "بغ\uFFFDداد" });
    const r = await readInputs([dir]);
    expect(r.documents.map((d) => d.text)).toEqual(["بغ\uFFFDداد"]);
    expect(r.warnings).toEqual([`readInputs: "${join(dir, "r.txt")}" already contains U+FFFD replacement characters (damaged before it was saved).`]);
  });
});

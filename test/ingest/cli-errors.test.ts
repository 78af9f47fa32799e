/**
 * Hostile inputs through `shabaka build`: exit code 1 and one line on stderr naming the file and the byte offset
 * (decoding) or the line (JSONL); no graph written. A declared `--encoding` is honoured.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(ROOT, "bin/shabaka.mjs");
const dir = mkdtempSync(join(tmpdir(), "shabaka-cli-ingest-"));

function build(file: string, content: Uint8Array | string, extra: string[] = []) {
  const p = join(dir, file);
  writeFileSync(p, content);
  const out = join(dir, `${file}.graph.json`);
  const r = spawnSync(process.execPath, [BIN, "build", p, "--out", out, ...extra], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, wrote: existsSync(out), path: p };
}

const utf8 = Buffer.from("أعلن في بغداد عن تشكيل غرف عمليات مشتركة", "utf8");
const cases: [string, string, Uint8Array | string, RegExp][] = [
  ["a lone 0xFF byte", "ff.txt", new Uint8Array([0xff]), /at byte 0 \(0xFF\)/u],
  ["UTF-8 cut in the middle of a character", "cut.txt", utf8.subarray(0, utf8.length - 1), new RegExp(`at byte ${utf8.length - 2} \\(0x${utf8[utf8.length - 2].toString(16).toUpperCase()}: a character cut short`, "u")],
  ["a JSONL line that is not JSON", "bad.jsonl", `{"text":"نص"}\n{"text": نص}\n`, /"[^"]*bad\.jsonl:2" is not valid JSON/u],
  ["an HTML page with no article", "noart.html", "<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav><script>1</script></body></html>", /no article found in "[^"]*noart\.html"/u],
  ["a NUL byte (binary file)", "bin.txt", "abc\u0000def", /NUL character at byte 3/u],
];

describe("shabaka build on hostile input", () => {
  it.each(cases)("%s → exit 1, one line naming the file and where", (_name, file, content, where) => {
    const r = build(file, content);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^shabaka build: /u);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(where);
    expect(r.wrote).toBe(false);
  });

  it("an unknown --encoding is exit 1 naming it", () => {
    const r = build("x.txt", "نص", ["--encoding", "klingon-8"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^shabaka build: .*"klingon-8"/u);
  });

  it("--encoding declares the code page of the files", () => {
    const bytes = iconv.encode("أعلن في بغداد عن تشكيل غرف عمليات مشتركة في كركوك", "iso-8859-6");
    const r = build("iso.txt", bytes, ["--encoding", "iso-8859-6"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built 1 document: \d+ nodes \(.*place [1-9]/u);
  });
});

/**
 * Decoding bytes to text (issue #3 §1): UTF-8 with and without BOM, UTF-16 LE/BE with BOM (and without, by byte
 * pattern), windows-1256 and ISO-8859-6 detected or declared, and hostile bytes that must be an InputError naming
 * the origin and the byte offset — never U+FFFD. All bytes are generated here with iconv-lite / Buffer.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { arabicPlausibility, decodeBytes } from "../../src/ingest/decode.ts";
import { firstInvalidUtf8, htmlDeclaredCharset, utf8Share } from "../../src/ingest/unicode-bytes.ts";

const AR = "أعلن في بغداد الأحد عن تشكيل غرف عمليات مشتركة بين الجيش العراقي وقوات البيشمركة، وقال «نعم»؟";
const bytes = (b: Buffer | number[]) => new Uint8Array(b);
const utf8 = (s: string) => bytes(Buffer.from(s, "utf8"));
const enc = (s: string, e: string) => bytes(iconv.encode(s, e));
const withBom = (e: "utf-16le" | "utf-16be", s: string) => bytes(Buffer.concat([Buffer.from(e === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff]), iconv.encode(s, e)]));

/** Runs `f`, expecting an InputError; returns its message. */
function inputError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("INPUT_ERROR");
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("decodeBytes: encodings", () => {
  const cases: [string, () => Uint8Array, string | undefined, { encoding: string; bom: boolean; how: string }][] = [
    ["UTF-8 without BOM", () => utf8(AR), undefined, { encoding: "utf-8", bom: false, how: "valid-utf-8" }],
    ["UTF-8 with BOM", () => bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR)])), undefined, { encoding: "utf-8", bom: true, how: "bom" }],
    ["UTF-16 LE with BOM", () => withBom("utf-16le", AR), undefined, { encoding: "utf-16le", bom: true, how: "bom" }],
    ["UTF-16 BE with BOM", () => withBom("utf-16be", AR), undefined, { encoding: "utf-16be", bom: true, how: "bom" }],
    ["UTF-16 LE without BOM (byte pattern)", () => enc(AR, "utf-16le"), undefined, { encoding: "utf-16le", bom: false, how: "utf-16-pattern" }],
    ["UTF-16 BE without BOM (byte pattern)", () => enc(AR, "utf-16be"), undefined, { encoding: "utf-16be", bom: false, how: "utf-16-pattern" }],
    ["windows-1256 detected", () => enc(AR, "windows-1256"), undefined, { encoding: "windows-1256", bom: false, how: "detected" }],
    ["ISO-8859-6 detected", () => enc(AR.replace(/[«»]/gu, '"'), "iso-8859-6"), undefined, { encoding: "iso-8859-6", bom: false, how: "detected" }],
    ["windows-1256 declared (cp1256 label)", () => enc(AR, "windows-1256"), "cp1256", { encoding: "windows-1256", bom: false, how: "declared" }],
    ["ISO-8859-6 declared", () => enc("مصر والعراق", "iso-8859-6"), "ISO-8859-6", { encoding: "iso-8859-6", bom: false, how: "declared" }],
    ["a BOM wins over a declared code page", () => withBom("utf-16le", AR), "windows-1256", { encoding: "utf-16le", bom: true, how: "bom" }],
  ];
  it.each(cases)("%s", (_name, make, declared, expected) => {
    const input = make();
    const r = decodeBytes(input, "a.txt", declared);
    const text = expected.encoding === "iso-8859-6" && declared === undefined ? AR.replace(/[«»]/gu, '"') : declared === "ISO-8859-6" ? "مصر والعراق" : AR;
    expect(r.text).toBe(text);
    expect({ encoding: r.encoding, bom: r.bom, how: r.how }).toEqual(expected);
    expect(r.text).not.toContain("\uFFFD");
  });

  it("windows-1256 and ISO-8859-6 decodings of the same bytes differ, and each is detected as itself", () => {
    const text = "وزارة الداخلية في محافظة كركوك";
    const a = enc(text, "windows-1256");
    const b = enc(text, "iso-8859-6");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(decodeBytes(a, "a.txt").encoding).toBe("windows-1256");
    expect(decodeBytes(b, "b.txt").encoding).toBe("iso-8859-6");
    expect(decodeBytes(b, "b.txt").text).toBe(text);
  });

  it("a legacy HTML page's <meta charset> is used when the bytes are not UTF-8", () => {
    const page = `<html><head><meta charset="windows-1256"><title>x</title></head><body><p>${AR}</p></body></html>`;
    const b = enc(page, "windows-1256");
    expect(htmlDeclaredCharset(b)).toBe("windows-1256");
    const r = decodeBytes(b, "p.html", { declaredInContent: "windows-1256" });
    expect([r.encoding, r.how, r.text]).toEqual(["windows-1256", "declared", page]);
  });

  it("a page that declares windows-1256 but is valid UTF-8 is read as UTF-8", () => {
    const r = decodeBytes(utf8(AR), "p.html", { declaredInContent: "windows-1256" });
    expect([r.encoding, r.text]).toEqual(["utf-8", AR]);
  });
});

describe("decodeBytes: hostile input", () => {
  it("an empty file and a BOM alone decode to empty text", () => {
    expect(decodeBytes(new Uint8Array(0), "e.txt").text).toBe("");
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf]), "e.txt")).toEqual({ text: "", encoding: "utf-8", bom: true, how: "bom" });
    expect(decodeBytes(bytes([0xff, 0xfe]), "e.txt")).toEqual({ text: "", encoding: "utf-16le", bom: true, how: "bom" });
  });
  it("a lone 0xFF byte is an error at byte 0 (not the Urdu letter ے that windows-1256 maps it to)", () => {
    const m = inputError(() => decodeBytes(bytes([0xff]), "ff.txt"));
    expect(m).toContain('"ff.txt"');
    expect(m).toContain("byte 0 ");
  });
  it("a UTF-8 file cut in the middle of a character is an error at the cut, not windows-1256 mojibake", () => {
    const full = Buffer.from(AR.repeat(5), "utf8");
    const cut = bytes(full.subarray(0, full.length - 1));
    const m = inputError(() => decodeBytes(cut, "cut.txt"));
    expect(m).toContain('"cut.txt"');
    expect(m).toContain(`byte ${full.length - 2} `);
    expect(m).toContain("cut short");
  });
  it("UTF-8 with one corrupted byte in the middle is an error naming that byte", () => {
    const b = Buffer.from(AR.repeat(3), "utf8");
    b[40] = 0xff;
    const m = inputError(() => decodeBytes(bytes(b), "bad.txt"));
    expect(m).toContain("byte 40 (0xFF");
  });
  it("a truncated UTF-8 sequence after a BOM is an error with the absolute offset", () => {
    const b = bytes([0xef, 0xbb, 0xbf, 0x61, 0xd9]);
    expect(inputError(() => decodeBytes(b, "x.txt"))).toContain("byte 4 ");
  });
  it("UTF-16 with an odd byte count or a lone surrogate is an error at that byte", () => {
    const odd = bytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("مصر", "utf-16le"), Buffer.from([0x41])]));
    expect(inputError(() => decodeBytes(odd, "o.txt"))).toContain("byte 8 ");
    const lone = bytes([0xff, 0xfe, 0x44, 0x06, 0x00, 0xd8, 0x41, 0x00]);
    expect(inputError(() => decodeBytes(lone, "s.txt"))).toContain("byte 4 ");
  });
  it("a byte ISO-8859-6 does not define is an error naming it (declared encoding)", () => {
    const m = inputError(() => decodeBytes(bytes([0xc7, 0xa0, 0xdf]), "i.txt", "iso-8859-6"));
    expect(m).toContain("0xDF at byte 2");
  });
  it("a NUL byte in ASCII text is an error (binary file)", () => {
    expect(inputError(() => decodeBytes(bytes(Buffer.from("abc\u0000def")), "n.txt"))).toContain("byte 3");
  });
  it("Latin-1 French text is not taken for Arabic", () => {
    const m = inputError(() => decodeBytes(enc("café résumé naïve à l'été", "latin1"), "fr.txt"));
    expect(m).toContain("byte 3 (0xE9)");
    expect(decodeBytes(enc("café résumé", "latin1"), "fr.txt", "latin1").text).toBe("café résumé");
  });
  it("an unknown declared encoding is an error", () => {
    expect(inputError(() => decodeBytes(utf8("x"), "x.txt", "klingon-8"))).toContain("klingon-8");
  });
});

describe("byte-level helpers", () => {
  it("firstInvalidUtf8 rejects overlongs, surrogates and code points above U+10FFFF", () => {
    expect(firstInvalidUtf8(bytes([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(utf8("😀 مصر"))).toBe(-1);
  });
  it("utf8Share separates damaged UTF-8 from code-page Arabic", () => {
    expect(utf8Share(enc(AR, "windows-1256"))).toBeLessThan(0.1);
    const b = Buffer.from(AR, "utf8");
    expect(utf8Share(bytes(b.subarray(0, b.length - 1)))).toBeGreaterThan(0.9);
  });
  it("arabicPlausibility is 0 for mojibake and non-Arabic text, high for Arabic", () => {
    expect(arabicPlausibility(AR)).toBeGreaterThan(0.5);
    expect(arabicPlausibility("ے")).toBe(0);
    expect(arabicPlausibility(iconv.decode(Buffer.from(AR, "utf8"), "windows-1256"))).toBe(0);
    expect(arabicPlausibility("cafى rىsumى")).toBe(0);
  });
});

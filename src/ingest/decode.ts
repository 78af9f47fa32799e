/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM are recognised from the bytes; legacy
 * Arabic code pages (windows-1256, ISO-8859-6) are detected with `chardet` plus an Arabic-letter profile when the
 * bytes are not UTF-8, or used when the caller (or the HTML page's `<meta charset>`) declares them. Decoding is
 * strict: bytes with no character in the encoding raise an {@link InputError} naming the origin and the byte offset
 * — U+FFFD is never produced silently (WHATWG Encoding Standard decoders in "fatal" mode; iconv-lite for the code
 * pages, whose U+FFFD output is turned into an error).
 */
import { analyse } from "chardet";
import iconv from "iconv-lite";
import { InputError } from "../errors.ts";
import { ARABIC_MIN_MEAN, arabicLogLikelihood } from "./arabic-profile.ts";
import { firstInvalidUtf16, firstInvalidUtf8, sniffUtf16, utf8Problem, utf8Share } from "./unicode-bytes.ts";

export { firstInvalidUtf8 } from "./unicode-bytes.ts";

/** Result of {@link decodeBytes}. */
export interface DecodedText {
  text: string;
  /** Canonical name of the encoding used: `utf-8`, `utf-16le`, `utf-16be`, `windows-1256`, `iso-8859-6`, … */
  encoding: string;
  /** True when a byte order mark was present (and removed). */
  bom: boolean;
  /** How the encoding was chosen. */
  how: "bom" | "declared" | "valid-utf-8" | "utf-16-pattern" | "detected";
}

/** Options of {@link decodeBytes}. */
export interface DecodeOptions {
  /** Encoding declared by the caller; used unless a BOM says otherwise. */
  encoding?: string;
  /** Encoding the content itself declares (HTML `<meta charset>`); tried only when the bytes are not UTF-8. */
  declaredInContent?: string;
}

const ARABIC_CODEPAGES = ["windows-1256", "iso-8859-6"] as const;

/** Normalises an encoding label (`cp1256`, `Windows-1256`, `UTF8`…) to the names used here. @throws InputError when unknown. */
export function canonicalEncoding(label: string): string {
  const l = label.trim().toLowerCase().replace(/_/g, "-");
  if (l === "utf8" || l === "utf-8") return "utf-8";
  if (l === "utf16le" || l === "utf-16le" || l === "utf-16") return "utf-16le";
  if (l === "utf16be" || l === "utf-16be") return "utf-16be";
  if (l === "cp1256" || l === "windows1256" || l === "windows-1256" || l === "win1256" || l === "x-cp1256") return "windows-1256";
  if (l === "iso-8859-6" || l === "iso8859-6" || l === "iso88596" || l === "arabic" || l === "asmo-708" || l === "iso-ir-127") return "iso-8859-6";
  if (iconv.encodingExists(l)) return l;
  throw new InputError(`decodeBytes: unknown encoding "${label}".`);
}

function hex(b: number | undefined): string {
  return (b ?? 0).toString(16).padStart(2, "0").toUpperCase();
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeUnicode(bytes: Uint8Array, enc: "utf-8" | "utf-16le" | "utf-16be", start: number, origin: string): string {
  if (enc === "utf-8") {
    const bad = firstInvalidUtf8(bytes.subarray(start));
    if (bad >= 0) {
      const at = bad + start;
      throw new InputError(`decodeBytes: "${origin}" is not valid UTF-8 at byte ${at} (0x${hex(bytes[at])}: ${utf8Problem(bytes, at)}).`);
    }
  } else {
    const bad = firstInvalidUtf16(bytes, start, enc === "utf-16le");
    if (bad >= 0) {
      const why = bad + 1 >= bytes.length ? "an odd number of bytes" : "a lone surrogate";
      throw new InputError(`decodeBytes: "${origin}" is not valid ${enc.toUpperCase()} at byte ${bad} (${why}).`);
    }
  }
  return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
}

/** Decodes with a single-byte code page; a byte with no character in it is an error (never U+FFFD). */
function decodeCodepage(bytes: Uint8Array, enc: string, origin: string): string {
  const text = iconv.decode(asBuffer(bytes), enc);
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    // Single-byte code pages: character index = byte index.
    throw new InputError(`decodeBytes: "${origin}" has byte 0x${hex(bytes[bad])} at byte ${bad}, which ${enc} does not define.`);
  }
  return text;
}

/**
 * How much `text` looks like Arabic: the mean log-probability of its non-ASCII characters under an Arabic news
 * profile ({@link arabicLogLikelihood}), shifted so that 0 means "not Arabic" — below {@link ARABIC_MIN_MEAN}, or
 * fewer than two non-ASCII characters. Higher is more Arabic-like, so the better of two code pages wins.
 */
export function arabicPlausibility(text: string): number {
  const { mean, chars } = arabicLogLikelihood(text);
  if (chars < 2 || mean < ARABIC_MIN_MEAN) return 0;
  return mean - ARABIC_MIN_MEAN + 0.001;
}

/** The first NUL byte at or after `start`, or -1 (text files have none; UTF-16 and binary files do). */
function firstNul(bytes: Uint8Array, start: number): number {
  return bytes.indexOf(0, start);
}

function rejectNul(text: string, bytes: Uint8Array, start: number, origin: string, enc: string): string {
  const at = text.indexOf("\u0000");
  if (at < 0) return text;
  const byte = enc.startsWith("utf-16") ? start + 2 * at : enc === "utf-8" ? start + Buffer.byteLength(text.slice(0, at), "utf8") : start + at;
  throw new InputError(`decodeBytes: "${origin}" has a NUL character at byte ${byte}: not a text file, or not ${enc}.`);
}

/**
 * Decodes `bytes` (the content of `origin`, a file path or label used in messages).
 *
 * Order: a BOM wins (UTF-8 EF BB BF, UTF-16 LE FF FE, UTF-16 BE FE FF); then `options.encoding`; then UTF-16 without
 * BOM when the bytes hold NULs in the UTF-16 pattern; then strict UTF-8; then — only when the bytes are not mostly
 * well-formed UTF-8 (a damaged UTF-8 file is an error, not mojibake) — `options.declaredInContent`, then the Arabic
 * code page (windows-1256 or ISO-8859-6) whose decoding looks most like Arabic ({@link arabicPlausibility}),
 * chardet's ranking breaking near-ties.
 *
 * @throws InputError when the bytes are not valid in the chosen encoding, when they hold a NUL character, or when
 *   they are not UTF-8 and no Arabic code page fits; the message names the origin and the byte offset.
 */
export function decodeBytes(bytes: Uint8Array, origin: string, options: DecodeOptions | string = {}): DecodedText {
  const opts: DecodeOptions = typeof options === "string" ? { encoding: options } : options;
  const unicode = (enc: "utf-8" | "utf-16le" | "utf-16be", start: number, how: DecodedText["how"]): DecodedText => ({
    text: rejectNul(decodeUnicode(bytes, enc, start, origin), bytes, start, origin, enc), encoding: enc, bom: start > 0, how,
  });
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return unicode("utf-8", 3, "bom");
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return unicode("utf-16le", 2, "bom");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return unicode("utf-16be", 2, "bom");
  if (opts.encoding !== undefined) {
    const enc = canonicalEncoding(opts.encoding);
    if (enc === "utf-8" || enc === "utf-16le" || enc === "utf-16be") return unicode(enc, 0, "declared");
    return { text: rejectNul(decodeCodepage(bytes, enc, origin), bytes, 0, origin, enc), encoding: enc, bom: false, how: "declared" };
  }
  if (firstNul(bytes, 0) >= 0) {
    const u16 = sniffUtf16(bytes);
    if (u16 !== undefined && firstInvalidUtf16(bytes, 0, u16 === "utf-16le") < 0) return unicode(u16, 0, "utf-16-pattern");
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return unicode("utf-8", 0, "valid-utf-8");
  if (utf8Share(bytes) >= 0.5) {
    throw new InputError(`decodeBytes: "${origin}" is not valid UTF-8 at byte ${bad} (0x${hex(bytes[bad])}: ${utf8Problem(bytes, bad)}).`);
  }
  if (opts.declaredInContent !== undefined) {
    let enc: string | undefined;
    try { enc = canonicalEncoding(opts.declaredInContent); } catch { enc = undefined; }
    if (enc !== undefined && enc !== "utf-8" && !enc.startsWith("utf-16")) {
      const text = iconv.decode(asBuffer(bytes), enc);
      if (!text.includes("\uFFFD") && !text.includes("\u0000")) return { text, encoding: enc, bom: false, how: "declared" };
    }
  }
  const proposed = analyse(bytes).map((m) => m.name.toLowerCase());
  let best: DecodedText | undefined;
  let bestScore = 0;
  for (const enc of ARABIC_CODEPAGES) {
    const text = iconv.decode(asBuffer(bytes), enc);
    if (text.includes("\uFFFD") || text.includes("\u0000")) continue;
    const plausible = arabicPlausibility(text);
    if (plausible === 0) continue;
    const rank = proposed.indexOf(enc);
    const score = plausible + (rank < 0 ? 0 : 0.001 / (rank + 1));
    if (score > bestScore) { best = { text, encoding: enc, bom: false, how: "detected" }; bestScore = score; }
  }
  if (best !== undefined) return best;
  throw new InputError(
    `decodeBytes: "${origin}" is not valid UTF-8 at byte ${bad} (0x${hex(bytes[bad])}) and is not Arabic text in ` +
      `windows-1256 or ISO-8859-6; declare its encoding.`,
  );
}

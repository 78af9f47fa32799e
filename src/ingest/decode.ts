/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM are recognised from the bytes; legacy
 * Arabic code pages (windows-1256, ISO-8859-6) are detected with `chardet` plus an Arabic-letter ratio check when
 * the bytes are not valid UTF-8, or used when the caller declares them. Decoding is strict: bytes that have no
 * character in the encoding raise an {@link InputError} naming the origin and the byte offset — U+FFFD is never
 * produced silently (WHATWG Encoding Standard decoders in "fatal" mode; iconv-lite for the code pages).
 */
import { analyse } from "chardet";
import iconv from "iconv-lite";
import { InputError } from "../errors.ts";

/** Result of {@link decodeBytes}. */
export interface DecodedText {
  text: string;
  /** Canonical name of the encoding used: `utf-8`, `utf-16le`, `utf-16be`, `windows-1256`, `iso-8859-6`, … */
  encoding: string;
  /** True when a byte order mark was present (and removed). */
  bom: boolean;
}

const ARABIC_CODEPAGES = ["windows-1256", "iso-8859-6"] as const;

/** Normalises an encoding label (`cp1256`, `Windows-1256`, `UTF8`…) to the names used here, or throws. */
export function canonicalEncoding(label: string): string {
  const l = label.trim().toLowerCase().replace(/_/g, "-");
  if (l === "utf8" || l === "utf-8") return "utf-8";
  if (l === "utf16le" || l === "utf-16le" || l === "utf-16") return "utf-16le";
  if (l === "utf16be" || l === "utf-16be") return "utf-16be";
  if (l === "cp1256" || l === "windows1256" || l === "windows-1256" || l === "win1256") return "windows-1256";
  if (l === "iso-8859-6" || l === "iso8859-6" || l === "iso88596" || l === "arabic" || l === "asmo-708") return "iso-8859-6";
  if (iconv.encodingExists(l)) return l;
  throw new InputError(`decodeBytes: unknown encoding "${label}".`);
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or -1 when all bytes are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function utf16Invalid(bytes: Uint8Array, start: number, le: boolean): number {
  if ((bytes.length - start) % 2 !== 0) return bytes.length - 1;
  for (let i = start; i < bytes.length; i += 2) {
    const u = le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (u >= 0xd800 && u <= 0xdbff) {
      const j = i + 2;
      if (j + 1 >= bytes.length) return i;
      const v = le ? bytes[j] | (bytes[j + 1] << 8) : (bytes[j] << 8) | bytes[j + 1];
      if (v < 0xdc00 || v > 0xdfff) return i;
      i = j;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return -1;
}

function decodeUnicode(bytes: Uint8Array, enc: "utf-8" | "utf-16le" | "utf-16be", start: number, origin: string): string {
  const bad = enc === "utf-8" ? firstInvalidUtf8(bytes.subarray(start)) : utf16Invalid(bytes, start, enc === "utf-16le");
  if (bad >= 0) {
    const at = enc === "utf-8" ? bad + start : bad;
    throw new InputError(`decodeBytes: "${origin}" is not valid ${enc.toUpperCase()} at byte ${at} (0x${hex(bytes[at])}).`);
  }
  return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
}

function hex(b: number | undefined): string {
  return (b ?? 0).toString(16).padStart(2, "0").toUpperCase();
}

/** Decodes with a single-byte code page; a byte with no character in it is an error (never U+FFFD). */
function decodeCodepage(bytes: Uint8Array, enc: string, origin: string): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    // Single-byte code pages: character index = byte index.
    throw new InputError(`decodeBytes: "${origin}" has byte 0x${hex(bytes[bad])} at byte ${bad}, which ${enc} does not define.`);
  }
  return text;
}

/** Share of non-ASCII characters that are Arabic letters, digits or punctuation (U+0600–U+06FF). */
function arabicRatio(text: string): number {
  let non = 0;
  let ar = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    non++;
    if (c >= 0x0600 && c <= 0x06ff) ar++;
  }
  return non === 0 ? 0 : ar / non;
}

/** UTF-16 without BOM: nearly every high (or low) byte is 0x00 or 0x06 (ASCII and Arabic blocks). */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenHigh = 0;
  let oddHigh = 0;
  const pairs = bytes.length / 2;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 6) evenHigh++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 6) oddHigh++;
  }
  if (oddHigh / pairs > 0.95 && evenHigh / pairs < 0.5) return "utf-16le";
  if (evenHigh / pairs > 0.95 && oddHigh / pairs < 0.5) return "utf-16be";
  return undefined;
}

/**
 * Decodes `bytes` (the content of `origin`, a file path or label used in messages).
 *
 * Order: a BOM wins (UTF-8 EF BB BF, UTF-16 LE FF FE, UTF-16 BE FE FF); else the declared `encoding`; else strict
 * UTF-8; else UTF-16 without BOM (byte pattern); else windows-1256 / ISO-8859-6 when `chardet` proposes one of them
 * or the decoded text is at least 60 % Arabic among its non-ASCII characters.
 *
 * @throws InputError when the bytes are not valid in the chosen encoding (message names origin and byte offset),
 *   or when they are not UTF-8 and no Arabic code page fits.
 */
export function decodeBytes(bytes: Uint8Array, origin: string, encoding?: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUnicode(bytes, "utf-8", 3, origin), encoding: "utf-8", bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUnicode(bytes, "utf-16le", 2, origin), encoding: "utf-16le", bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUnicode(bytes, "utf-16be", 2, origin), encoding: "utf-16be", bom: true };
  }
  if (encoding !== undefined) {
    const enc = canonicalEncoding(encoding);
    if (enc === "utf-8" || enc === "utf-16le" || enc === "utf-16be") {
      return { text: decodeUnicode(bytes, enc, 0, origin), encoding: enc, bom: false };
    }
    return { text: decodeCodepage(bytes, enc, origin), encoding: enc, bom: false };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: decodeUnicode(bytes, "utf-8", 0, origin), encoding: "utf-8", bom: false };
  const u16 = sniffUtf16(bytes);
  if (u16 !== undefined && utf16Invalid(bytes, 0, u16 === "utf-16le") < 0) {
    return { text: decodeUnicode(bytes, u16, 0, origin), encoding: u16, bom: false };
  }
  const proposed = analyse(bytes)
    .map((m) => m.name.toLowerCase())
    .filter((n) => (ARABIC_CODEPAGES as readonly string[]).includes(n));
  let best: DecodedText | undefined;
  let bestScore = 0;
  for (const enc of ARABIC_CODEPAGES) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
    if (text.includes("\uFFFD")) continue;
    const rank = proposed.indexOf(enc);
    // Arabic share first; chardet's order breaks near-ties (windows-1256 and ISO-8859-6 share many letters).
    const score = arabicRatio(text) + (rank < 0 ? 0 : 0.01 * (ARABIC_CODEPAGES.length - rank));
    if (score > bestScore) { best = { text, encoding: enc, bom: false }; bestScore = score; }
  }
  if (best !== undefined && bestScore >= 0.6) return best;
  throw new InputError(
    `decodeBytes: "${origin}" is not valid UTF-8 at byte ${bad} (0x${hex(bytes[bad])}) and no Arabic code page ` +
      `(windows-1256, ISO-8859-6) fits; declare the encoding.`,
  );
}

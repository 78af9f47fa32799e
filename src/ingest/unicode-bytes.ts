/**
 * Byte-level checks for the Unicode encodings: well-formed UTF-8 (RFC 3629 / Unicode §3.9 Table 3-7) and UTF-16
 * (Unicode §3.9, D91), and the byte patterns that tell broken UTF-8 and BOM-less UTF-16 apart from a legacy code page.
 */

/** Length in bytes of the well-formed UTF-8 sequence starting at `i`, or 0 when it is ill-formed or cut short. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
  else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
  else return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined) return 0;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (no overlongs, no surrogates, nothing
 * above U+10FFFF, nothing cut short), or -1 when all bytes are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) { i++; continue; }
    const n = utf8SequenceAt(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/**
 * Share (0–1) of the bytes ≥ 0x80 that belong to well-formed multi-byte UTF-8 sequences; 0 when there are none.
 * UTF-8 text damaged in a few places scores near 1; Arabic text in windows-1256 or ISO-8859-6 scores near 0 (its
 * letters are bytes 0xC1–0xFE, which rarely form a lead byte + continuation pair): 0.001 on the seed article.
 */
export function utf8Share(bytes: Uint8Array): number {
  let high = 0;
  let inSequence = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) { i++; continue; }
    const n = utf8SequenceAt(bytes, i);
    if (n === 0) { high++; i++; continue; }
    high += n;
    inSequence += n;
    i += n;
  }
  return high === 0 ? 0 : inSequence / high;
}

/** Why the UTF-8 sequence at `at` is ill-formed, for messages. */
export function utf8Problem(bytes: Uint8Array, at: number): string {
  const b = bytes[at];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0) return b >= 0x80 && b <= 0xbf ? "a continuation byte with no lead byte" : "a byte that never occurs in UTF-8";
  if (at + need >= bytes.length) {
    let k = 1;
    while (at + k < bytes.length && bytes[at + k] >= 0x80 && bytes[at + k] <= 0xbf) k++;
    if (at + k === bytes.length) return "a character cut short by the end of the file";
  }
  return "a lead byte not followed by its continuation bytes";
}

/** Offset of the first ill-formed UTF-16 code unit from `start` (lone surrogate, odd length), or -1. */
export function firstInvalidUtf16(bytes: Uint8Array, start: number, le: boolean): number {
  for (let i = start; i < bytes.length; i += 2) {
    if (i + 1 >= bytes.length) return i;
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

/**
 * UTF-16 without a BOM, recognised by its byte pattern: in text of the Basic Latin and Arabic blocks nearly every
 * high byte is 0x00 or 0x06 and the low bytes are not. Returns the byte order, or undefined.
 */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
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
 * The charset an HTML page declares in its first 1024 bytes (`<meta charset>` or `<meta http-equiv
 * content="…; charset=…">`, after the WHATWG HTML "prescan a byte stream" step, simplified), or undefined.
 */
export function htmlDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString("latin1");
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/iu.exec(head);
  return m === null ? undefined : m[1];
}

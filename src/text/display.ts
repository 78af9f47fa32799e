/**
 * Display labels: the name as written (harakat, tatweel, hamza forms, ة and ى all kept — the display keeps the
 * original spelling), cleaned only of what cannot be seen: zero-width and bidi controls (U+200B, U+200D–U+200F,
 * U+061C, U+202A–U+202E, U+2060, U+2066–U+2069, U+FEFF, U+00AD), a ZWNJ that is not between two letters, and
 * runs of white space (collapsed to one space, trimmed). Keys for matching come from `normalizeKey`, not from here.
 */

import { spacesCollapsed } from "./normalize.ts";

const INVISIBLE = /[\u200B\u200D-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]+/gu;
const EDGE_ZWNJ = /(?<![\p{L}\p{M}])\u200C+|\u200C+(?![\p{L}\p{M}])|\u200C(?=\u200C)/gu;
const SPACES = /\s+/gu;

/**
 * The display form of a label or alias: `displayLabel("\u200Fبغداد\u200F") === "بغداد"`,
 * `displayLabel("كريم  الحسناوي") === "كريم الحسناوي"`, `displayLabel("می\u200Cخواهم")` keeps its ZWNJ.
 */
export function displayLabel(s: string): string {
  if (!hasInvisible(s) && spacesCollapsed(s)) return s;
  return s.replace(INVISIBLE, "").replace(EDGE_ZWNJ, "").replace(SPACES, " ").trim();
}

/** True when `s` holds a character {@link INVISIBLE} or {@link EDGE_ZWNJ} may remove (ZWNJ included). */
function hasInvisible(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x200b && c <= 0x200f) || c === 0x061c || (c >= 0x202a && c <= 0x202e) || c === 0x2060 ||
      (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x00ad) return true;
  }
  return false;
}

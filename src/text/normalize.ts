/**
 * Arabic normalisation for matching keys, with an offset map back to the original text.
 *
 * Rules (ONTOLOGY.md "Evaluation", issue #3): NFKC per character (presentation forms from PDFs → base letters:
 * ﻣﺼﺮ → مصر, ligatures ﻻ → لا); harakat U+064B–U+065F, superscript alef U+0670 and Quranic marks U+06D6–U+06ED
 * removed; tatweel U+0640 removed; zero-width and bidi controls removed (U+200B, U+200D–U+200F, U+061C,
 * U+202A–U+202E, U+2060, U+2066–U+2069, U+FEFF, soft hyphen U+00AD) while ZWNJ U+200C is kept inside a word
 * (between two letters: Persian and Kurdish spelling) and dropped at a word's edge; alef forms أ إ آ ٱ ٲ ٳ → ا; ى → ي; ة ۃ → ه; Persian/Kurdish/Urdu letters ک ڪ → ك, ی ې → ي, ھ ہ ە ۀ → ه;
 * Arabic-Indic and Persian digits → ASCII; Arabic decimal separator ٫ → ".", thousands separator ٬ → ",", percent
 * sign ٪ → "%". Display text is never changed: only keys are normalised.
 *
 * Implementation: a lookup table over the Basic Multilingual Plane, filled in lazily (a code unit is classified
 * the first time it is seen), says for every code unit whether it is kept, dropped or replaced (the replacement is the rules above applied to its NFKC form, iterated
 * to a fixed point so normalisation is idempotent). Plain Arabic and ASCII text therefore costs one table read
 * per character; astral characters (surrogate pairs) take the slow path through `String.prototype.normalize`.
 */

import {
  CONTEXT, DROP, KEEP, REPLACE, UNKNOWN, classify, getTable, slowNormalize, zwnjKeep,
} from "./normalize-table.ts";
import type { Table } from "./normalize-table.ts";

/** Result of {@link normalizeWithMap}: `map[i]` is the offset in the original of normalised char `i`; `map[text.length]` is the original length. */
export interface NormalizedText {
  text: string;
  map: Int32Array;
}

let utf16: TextDecoder | undefined;

/** UTF-16 code units → string; TextDecoder (fast) unless a lone surrogate would turn into U+FFFD. */
function codesToString(buf: Uint16Array, len: number, loneSurrogate: boolean): string {
  if (!loneSurrogate) {
    utf16 ??= new TextDecoder("utf-16le");
    return utf16.decode(buf.subarray(0, len));
  }
  let s = "";
  for (let i = 0; i < len; i += 8192) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** Index of the first code unit that normalisation changes, or -1 when `input` is already normal. */
function firstChange(input: string, t: Table): number {
  const kind = t.kind;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) continue;
    let k = kind[c];
    if (k === UNKNOWN) k = classify(t, c);
    if (k === CONTEXT) {
      if (zwnjKeep(t, input, i)) continue;
      return i;
    }
    if (k !== KEEP) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const pair = input.slice(i, i + 2);
        if (slowNormalize(pair) !== pair) return i;
        i++;
      }
    }
  }
  return -1;
}

/** Replacement for the astral code point at `i` (a valid surrogate pair), or undefined when it is kept. */
function astral(input: string, i: number): string | undefined {
  const pair = input.slice(i, i + 2);
  const r = slowNormalize(pair);
  return r === pair ? undefined : r;
}

/**
 * Normalises `input` for matching and returns, for every output code unit, the offset of the input code unit
 * (or surrogate pair) it came from. Idempotent: `normalizeWithMap(normalizeWithMap(s).text).text ===
 * normalizeWithMap(s).text`. White space is kept as is (NFKC turns no-break spaces into spaces).
 */
export function normalizeWithMap(input: string): NormalizedText {
  const t = getTable();
  const { kind, repl } = t;
  const n = input.length;
  const first = firstChange(input, t);
  if (first < 0) {
    const map = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) map[i] = i;
    return { text: input, map };
  }
  // Invariant: cap >= len + (n - i), so kept characters never need a capacity check.
  let cap = n + 16;
  let buf = new Uint16Array(cap);
  let map = new Int32Array(cap + 1);
  for (let i = 0; i < first; i++) { buf[i] = input.charCodeAt(i); map[i] = i; }
  let len = first;
  let lone = false;
  for (let i = 0; i < first; i++) {
    const c = buf[i];
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = buf[i + 1];
      if (c <= 0xdbff && i + 1 < first && d >= 0xdc00 && d <= 0xdfff) i++;
      else lone = true;
    }
  }
  for (let i = first; i < n; i++) {
    const c = input.charCodeAt(i);
    let k = c < 0x80 ? KEEP : kind[c];
    if (k === UNKNOWN) k = classify(t, c);
    let r: string | undefined;
    let w = 1;
    if (k === CONTEXT) {
      if (zwnjKeep(t, input, i)) { buf[len] = c; map[len++] = i; }
      continue;
    }
    if (k === KEEP) {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = input.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) lone = true;
        else {
          w = 2;
          r = astral(input, i);
          if (r === undefined) {
            buf[len] = c; map[len++] = i;
            buf[len] = d; map[len++] = i;
            i++;
            continue;
          }
        }
      }
      if (r === undefined) { buf[len] = c; map[len++] = i; continue; }
    } else if (k === DROP) continue;
    else r = repl[c]!;
    if (len + r.length + (n - i - w) > cap) {
      cap = (len + r.length + (n - i)) * 2;
      const b = new Uint16Array(cap); b.set(buf.subarray(0, len)); buf = b;
      const m = new Int32Array(cap + 1); m.set(map.subarray(0, len)); map = m;
    }
    for (let j = 0; j < r.length; j++) { buf[len] = r.charCodeAt(j); map[len++] = i; }
    i += w - 1;
  }
  map[len] = n;
  return { text: codesToString(buf, len, lone), map: map.subarray(0, len + 1) };
}

/** Normalised text without the offset map (same rules as {@link normalizeWithMap}); returns `input` itself when nothing changes. */
export function normalizeText(input: string): string {
  const t = getTable();
  let i = firstChange(input, t);
  if (i < 0) return input;
  const { kind, repl } = t;
  const n = input.length;
  let out = input.slice(0, i);
  let keptFrom = i;
  for (; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) continue;
    let k = kind[c];
    if (k === UNKNOWN) k = classify(t, c);
    if (k === CONTEXT) {
      if (zwnjKeep(t, input, i)) continue;
      out += input.slice(keptFrom, i);
      keptFrom = i + 1;
      continue;
    }
    if (k === KEEP) {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = input.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          const r = astral(input, i);
          if (r !== undefined) { out += input.slice(keptFrom, i) + r; keptFrom = i + 2; }
          i++;
        }
      }
      continue;
    }
    out += input.slice(keptFrom, i);
    if (k === REPLACE) out += repl[c]!;
    keptFrom = i + 1;
  }
  return out + input.slice(keptFrom);
}

/** True when `s` holds a white-space character that survives normalisation (NFKC maps the others to U+0020). */
function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0x1680 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

const SPACE_RUN = /\s+/gu;

/**
 * True when every white space of `s` is a single U+0020 between two other characters (`\s` and `trim` then
 * change nothing).
 */
export function spacesCollapsed(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === 32) return false;
    } else if ((c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return false;
  }
  return true;
}

/** White space collapsed to one U+0020 and trimmed (no-op, returning `s`, when `s` has no white space). */
export function collapseSpaces(s: string): string {
  return hasSpace(s) && !spacesCollapsed(s) ? s.replace(SPACE_RUN, " ").trim() : s;
}

/**
 * The matching key of a name or word: normalised (see module doc), white space collapsed, trimmed.
 * `normalizeKey("أربيل") === normalizeKey("اربيل")`; `normalizeKey("على") === normalizeKey("علي")` — so callers
 * must refuse function words by surface ({@link ../text/function-words.ts isFunctionWord}) before using a key
 * as a name.
 */
export function normalizeKey(s: string): string {
  return collapseSpaces(normalizeText(s));
}

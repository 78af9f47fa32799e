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

const KEEP = 0;
const DROP = 1;
const REPLACE = 2;

/** Code points removed from keys (before NFKC). */
function isDropped(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640 ||
    c === 0x200b || (c >= 0x200d && c <= 0x200f) || c === 0x061c || (c >= 0x202a && c <= 0x202e) ||
    c === 0x2060 || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x00ad
  );
}

/** Letter and sign mappings applied after NFKC. */
const LETTER_MAP: Readonly<Record<number, string>> = {
  0x0623: "ا", 0x0625: "ا", 0x0622: "ا", 0x0671: "ا", 0x0672: "ا", 0x0673: "ا",
  0x0649: "ي", 0x06cc: "ي", 0x06d0: "ي",
  0x0629: "ه", 0x06c3: "ه", 0x06be: "ه", 0x06c1: "ه", 0x06d5: "ه", 0x06c0: "ه",
  0x06a9: "ك", 0x06aa: "ك",
  0x066b: ".", 0x066c: ",", 0x066a: "%",
};

function mapOne(c: number): string {
  if (isDropped(c)) return "";
  const m = LETTER_MAP[c];
  if (m !== undefined) return m;
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48);
  return String.fromCharCode(c);
}

/** The rules applied to a string one code point at a time (used to build the table and for astral chars). */
function slowNormalize(s: string): string {
  let cur = s;
  for (let round = 0; round < 4; round++) {
    let out = "";
    for (const ch of cur) {
      const c = ch.codePointAt(0)!;
      if (c <= 0xffff && isDropped(c)) continue;
      const n = c < 0x80 ? ch : ch.normalize("NFKC");
      for (let k = 0; k < n.length; k++) {
        const u = n.charCodeAt(k);
        out += u >= 0xd800 && u <= 0xdfff ? n[k] : mapOne(u);
      }
    }
    if (out === cur) return out;
    cur = out;
  }
  return cur;
}

const UNKNOWN = 3;
/** ZWNJ: kept between two letters (or marks), dropped elsewhere. */
const CONTEXT = 4;
const ZWNJ = 0x200c;
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;

interface Table {
  kind: Uint8Array;
  repl: (string | undefined)[];
}

let table: Table | undefined;

/** The lookup table; entries start UNKNOWN (except ASCII) and are filled in by {@link classify} on first sight. */
function getTable(): Table {
  if (table !== undefined) return table;
  const kind = new Uint8Array(0x10000).fill(UNKNOWN, 0x80);
  kind.fill(KEEP, 0xd800, 0xe000);
  kind[ZWNJ] = CONTEXT;
  table = { kind, repl: new Array(0x10000) };
  return table;
}

/** Decides KEEP / DROP / REPLACE for BMP code unit `c` and records it in the table. */
function classify(t: Table, c: number): number {
  let k: number;
  if (isDropped(c)) k = DROP;
  else {
    const s = String.fromCharCode(c);
    const r = slowNormalize(s);
    if (r === s) k = KEEP;
    else if (r === "") k = DROP;
    else { k = REPLACE; t.repl[c] = r; }
  }
  t.kind[c] = k;
  return k;
}

/** Normalised form of the code point at `i` (one code unit, or a surrogate pair starting or ending at `i`). */
function outputAt(t: Table, input: string, i: number, backwards: boolean): string {
  const c = input.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const s = backwards && c >= 0xdc00 && i > 0 ? input.slice(i - 1, i + 1) : input.slice(i, i + 2);
    return slowNormalize(s);
  }
  let k = c < 0x80 ? KEEP : t.kind[c];
  if (k === UNKNOWN) k = classify(t, c);
  return k === REPLACE ? t.repl[c]! : k === DROP ? "" : String.fromCharCode(c);
}

/**
 * Whether the ZWNJ at `i` stays in the key: it does when the nearest characters on both sides that survive
 * normalisation are letters or marks (the ZWNJ is inside a word: Persian می‌خواهم, Kurdish); at a word's edge,
 * doubled, or next to a space it is dropped like the other invisible controls. Decided on normalised neighbours,
 * so normalisation stays idempotent.
 */
function zwnjKeep(t: Table, input: string, i: number): boolean {
  let before = "";
  for (let j = i - 1; j >= 0 && before === ""; j--) {
    if (input.charCodeAt(j) === ZWNJ) return false;
    before = outputAt(t, input, j, true);
    if (input.charCodeAt(j) >= 0xdc00 && input.charCodeAt(j) <= 0xdfff) j--;
  }
  if (before === "" || !LETTER_OR_MARK.test(before[before.length - 1] ?? "")) return false;
  let after = "";
  for (let j = i + 1; j < input.length && after === ""; j++) {
    if (input.charCodeAt(j) === ZWNJ) return false;
    after = outputAt(t, input, j, false);
    if (input.charCodeAt(j) >= 0xd800 && input.charCodeAt(j) <= 0xdbff) j++;
  }
  return after !== "" && LETTER_OR_MARK.test(after);
}

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

/** White space collapsed to one U+0020 and trimmed (no-op, returning `s`, when `s` has no white space). */
export function collapseSpaces(s: string): string {
  return hasSpace(s) ? s.replace(SPACE_RUN, " ").trim() : s;
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

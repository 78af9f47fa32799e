/**
 * The per-code-unit lookup table behind `normalize.ts`: for every BMP code unit, whether normalisation keeps it,
 * drops it, replaces it (with the rules applied to its NFKC form, iterated to a fixed point) or decides by context
 * (ZWNJ). Filled in lazily: a code unit is classified the first time it is seen. Rules: see `normalize.ts`.
 */

export const KEEP = 0;
export const DROP = 1;
export const REPLACE = 2;

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
export function slowNormalize(s: string): string {
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

export const UNKNOWN = 3;
/** ZWNJ: kept between two letters (or marks), dropped elsewhere. */
export const CONTEXT = 4;
export const ZWNJ = 0x200c;
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;

export interface Table {
  kind: Uint8Array;
  repl: (string | undefined)[];
}

let table: Table | undefined;

/** The lookup table; entries start UNKNOWN (except ASCII) and are filled in by {@link classify} on first sight. */
export function getTable(): Table {
  if (table !== undefined) return table;
  const kind = new Uint8Array(0x10000).fill(UNKNOWN, 0x80);
  kind.fill(KEEP, 0xd800, 0xe000);
  kind[ZWNJ] = CONTEXT;
  table = { kind, repl: new Array(0x10000) };
  return table;
}

/** Decides KEEP / DROP / REPLACE for BMP code unit `c` and records it in the table. */
export function classify(t: Table, c: number): number {
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
export function zwnjKeep(t: Table, input: string, i: number): boolean {
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


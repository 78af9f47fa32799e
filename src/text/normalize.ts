/**
 * Arabic normalisation for matching keys, with an offset map back to the original text.
 *
 * Rules (ONTOLOGY.md "Evaluation" and issue #3): NFKC per character (presentation forms → base letters);
 * harakat U+064B–U+065F, U+0670 and Quranic marks U+06D6–U+06ED removed; tatweel removed; zero-width and bidi
 * controls removed (ZWNJ U+200C kept); alef forms أ إ آ ٱ → ا; ى → ي; ة → ه; Persian/Kurdish ک → ك, ی ې → ي;
 * Arabic-Indic and Persian digits → ASCII. The display text is never changed: only keys are normalised.
 */

const DROP = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/;

const MAP: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
  "ى": "ي", "ة": "ه",
  "ک": "ك", "ی": "ي", "ې": "ي", "ي": "ي",
  "٫": ".", "٪": "%", "٬": ",",
};

function mapChar(ch: string): string {
  const m = MAP[ch];
  if (m !== undefined) return m;
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48);
  return ch;
}

/** Result of {@link normalizeWithMap}: `map[i]` is the offset in the original of normalised char `i`; `map[text.length]` is the original length. */
export interface NormalizedText {
  text: string;
  map: Int32Array;
}

/**
 * Normalises `input` for matching and returns, for every output code unit, the offset of the input code unit
 * it came from. Idempotent: `normalizeWithMap(normalizeWithMap(s).text).text === normalizeWithMap(s).text`.
 */
export function normalizeWithMap(input: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = input.slice(i, i + width);
    if (!DROP.test(ch)) {
      let n = cp < 0x80 ? ch : ch.normalize("NFKC");
      for (const c of n) {
        if (DROP.test(c)) continue;
        const m = mapChar(c);
        for (let k = 0; k < m.length; k++) {
          out.push(m[k]);
          map.push(i);
        }
      }
    }
    i += width;
  }
  map.push(input.length);
  return { text: out.join(""), map: Int32Array.from(map) };
}

/**
 * The matching key of a name or word: normalised (see module doc), white space collapsed, trimmed.
 * `normalizeKey("أربيل") === normalizeKey("اربيل")`.
 */
export function normalizeKey(s: string): string {
  return normalizeWithMap(s).text.replace(/\s+/gu, " ").trim();
}

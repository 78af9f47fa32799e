/**
 * A readable Arabic → Latin transliteration for names the lexicon lacks (scheme in docs/extraction.md).
 *
 * Simplified ALA-LC / common news romanisation without diacritics: consonants by a fixed table (ث th, خ kh,
 * ذ dh, ش sh, غ gh, ظ dh, ع and ء as an apostrophe inside a word); ا → a; و/ي → u/i between consonants or at the
 * end, w/y at the start or after a vowel; ة and ى → a; the article ال → "al-" (no sun-letter assimilation).
 * Short vowels are not written in Arabic, so they are guessed: "a" after the first consonant when a consonant
 * follows (تحسين → Tahsin), and "a" before the last consonant of a run of three (مصطفى → Mastafa); "i" breaks a
 * final consonant pair after a long vowel (قاسم → Qasim). Output is for reading, not for round trips.
 */
import { normalizeKey } from "../text/normalize.ts";

const CONSONANTS: Record<string, string> = {
  "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
  "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
  "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ئ": "'", "ؤ": "'", "پ": "p", "چ": "ch", "گ": "g",
  "ڤ": "v",
};

type Unit = { s: string; vowel: boolean; semi?: "w" | "y"; inserted?: boolean };

function word(w: string): string {
  // Work on the display spelling minus diacritics, keeping hamza seats and ة/ى (normalizeKey maps them away).
  const letters = [...w.replace(/[\u064B-\u065F\u0670\u0640]/g, "")];
  const units: Unit[] = [];
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i];
    if (c === "ا" || c === "آ" || c === "ى") units.push({ s: "a", vowel: true });
    else if (c === "أ") units.push(i === 0 ? { s: "a", vowel: true } : { s: "'", vowel: false });
    else if (c === "إ") units.push({ s: "i", vowel: true });
    else if (c === "ة") units.push({ s: "a", vowel: true });
    else if (c === "و") units.push({ s: "u", vowel: true, semi: "w" });
    else if (c === "ي" || c === "ی") units.push({ s: "i", vowel: true, semi: "y" });
    else if (CONSONANTS[c] !== undefined) units.push({ s: CONSONANTS[c], vowel: false });
    else if (/\p{Nd}/u.test(c)) units.push({ s: c, vowel: true });
  }
  if (units.length === 0) return "";
  // و/ي are consonants at the start, before a vowel letter, or after a vowel (not at the end); vowels otherwise.
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.semi === undefined) continue;
    const next = units[i + 1];
    const prev = units[i - 1];
    const consonant = i === 0 || (next !== undefined && next.vowel && next.semi === undefined) ||
      (prev !== undefined && prev.vowel && next !== undefined);
    if (consonant) units[i] = { s: u.semi, vowel: false };
  }
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    out.push(units[i]);
    // "a" after the first consonant when a consonant follows.
    if (i === 0 && !units[0].vowel && units.length > 1 && !units[1].vowel) out.push({ s: "a", vowel: true, inserted: true });
  }
  // Runs of three consonants: "a" before the last of the run.
  for (let i = 2; i < out.length; i++) {
    if (!out[i].vowel && !out[i - 1].vowel && !out[i - 2].vowel) {
      out.splice(i, 0, { s: "a", vowel: true, inserted: true });
    }
  }
  // Final consonant pair after a long vowel: CāCC → CāCiC.
  const n = out.length;
  if (n >= 4 && !out[n - 1].vowel && !out[n - 2].vowel && out[n - 3].vowel && out[n - 3].inserted !== true) {
    out.splice(n - 1, 0, { s: "i", vowel: true });
  }
  let s = out.map((u) => u.s).join("").replace(/^'+/, "");
  s = s.replace(/aa+/g, "a").replace(/ii+/g, "i").replace(/uu+/g, "u");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Transliterates an Arabic name word by word: `transliterate("تحسين الخفاجي") === "Tahsin al-Khafaji"`.
 * Words found in `known` (normalised key → usual English spelling: the lexicon's name table, محمد → Muhammad,
 * الجبوري → al-Jubouri) take that spelling; عبد before a definite word gives "Abdul" (عبد الأمير → Abdul Amir).
 * Other words go through the letter rules above. Latin letters and digits pass through; an empty or non-Arabic
 * input returns it trimmed.
 */
export function transliterate(name: string, known: ReadonlyMap<string, string> = new Map()): string {
  const words = name.trim().split(/\s+/).filter((w) => w !== "");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!/[\u0600-\u06FF]/.test(w)) {
      out.push(w);
      continue;
    }
    const key = normalizeKey(w);
    const next = words[i + 1] === undefined ? "" : normalizeKey(words[i + 1]);
    if (key === "عبد" && next.startsWith("ال") && next.length > 3) {
      const rest = words[i + 1].replace(/^[اأإآ]ل/, "");
      out.push(`Abdul ${known.get(normalizeKey(rest)) ?? word(rest)}`);
      i++;
      continue;
    }
    const hit = known.get(key);
    if (hit !== undefined) {
      out.push(i === 0 ? capital(hit) : hit);
      continue;
    }
    if (key.startsWith("ال") && key.length > 3) {
      const bare = w.replace(/^[اأإآ]ل/, "");
      const rest = known.get(normalizeKey(bare)) ?? word(bare);
      out.push(`${i === 0 ? "Al" : "al"}-${rest}`);
    } else {
      out.push(word(w));
    }
  }
  return out.join(" ").trim();
}

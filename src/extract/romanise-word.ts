/**
 * Letter rules for one Arabic word that no table knows (scheme: docs/transliteration.md, "Fallback").
 *
 * Arabic script leaves short vowels unwritten, so they are guessed, in this order:
 * 1. a word written with harakat is read as written (fatha a, kasra i, damma u, shadda doubles, sukun nothing);
 * 2. otherwise the word is matched against the vowel patterns (awzan) of the romanisation table, first match
 *    wins (فاعل → {1}ā{2}i{3}: قاسم Qasim; تفعيل → ta{1}{2}ī{3}: تحسين Tahsin; فعيلي → {1}u{2}ai{3}ī: الدليمي Dulaimi);
 * 3. otherwise "a" is put after the first consonant of an initial cluster, before the last of a run of three
 *    consonants, and "i" breaks a final consonant pair after a long vowel (CāCC → CāCiC).
 * Then the spelling rules of the scheme: ع and ء are not written, but a short "a" before them is doubled
 * (سعد Saad, جعفر Jaafar, علاء Alaa) and ā before ع/ء + i gives "ae" (رائد Raed); long ū is "ou" inside a word and
 * "u" at its end (محمود Mahmoud, أبو Abu); ay before a consonant is "ai" (زيد Zaid); final ة is "a" ("at" in a
 * construct: مدينة الصدر Madinat al-Sadr); final ى is "a". What the rules cannot know: doubled consonants without
 * a shadda (جبار → Jabar, not Jabbar), u/i where a pattern says a, and o/e spellings of custom (عمر Omar): those
 * come from the table.
 */
import type { CompiledPattern } from "../lexicon/romanisation.ts";

const CONSONANTS: Record<string, string> = {
  "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
  "س": "s", "ش": "sh", "ص": "s", "ض": "dh", "ط": "t", "ظ": "dh", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
  "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ھ": "h", "ء": "'", "ئ": "'", "ؤ": "'", "پ": "p",
  "چ": "ch", "گ": "g", "ڤ": "v", "ژ": "zh", "ڕ": "r", "ڵ": "l",
};
const HARAKAT = /[\u064B-\u0652]/;
const VOWEL = /[aāiīuūoe]/;

/** Latin for one consonant letter (و → w, ي → y, hamza seats → '). */
function consonant(c: string): string {
  if (c === "و") return "w";
  if (c === "ي" || c === "ی" || c === "ى") return "y";
  if (c === "أ" || c === "إ" || c === "آ" || c === "ا") return "'";
  // ؤ: a hamza on waw, which says the vowel before it is u (فؤاد Fuad); spell() reads the marker.
  if (c === "ؤ") return "\u0001";
  return CONSONANTS[c] ?? "";
}

/** The letter a pattern sees: hamza seats inside a word are ء, alef forms ا, ى ي, Persian forms Arabic. */
function patternLetter(c: string, i: number): string {
  if (c === "أ" || c === "إ" || c === "آ") return i === 0 ? "ا" : "ء";
  if (c === "ؤ" || c === "ئ") return "ء";
  if (c === "ى" || c === "ی") return "ي";
  if (c === "ک") return "ك";
  return c;
}

const isLetter = (c: string): boolean => CONSONANTS[c] !== undefined || "اأإآىةويیۆێە".includes(c);

/** Reads a word written with harakat. */
function vocalised(letters: string[]): string {
  let out = "";
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i];
    if (HARAKAT.test(c)) continue;
    const marks: string[] = [];
    for (let j = i + 1; j < letters.length && HARAKAT.test(letters[j]); j++) marks.push(letters[j]);
    const prevVowel = out.slice(-1);
    if ((c === "ا" || c === "ى") && marks.length === 0) {
      out = i === 0 ? "a" : prevVowel === "a" ? out.slice(0, -1) + "ā" : out + "ā";
      continue;
    }
    if ((c === "و" && prevVowel === "u" || c === "ي" && prevVowel === "i") && marks.length === 0) {
      out = out.slice(0, -1) + (c === "و" ? "ū" : "ī");
      continue;
    }
    if (c === "ة") {
      out += "a";
      continue;
    }
    if ((c === "أ" || c === "إ") && i === 0) {
      // The hamza seat carries the vowel: أَ a, أُ u, إِ i (added below).
    } else if (c === "آ") {
      out += "ā";
      continue;
    } else {
      const l = consonant(c);
      out += l;
      if (marks.includes("\u0651")) out += l;
    }
    if (marks.includes("\u064E")) out += "a";
    else if (marks.includes("\u0650")) out += "i";
    else if (marks.includes("\u064F")) out += "u";
    else if (i === 0 && c === "إ") out += "i";
    else if (i === 0 && c === "أ") out += "a";
  }
  return out;
}

/** Matches a pattern on the normalised letters; returns the Latin form or null. */
function byPattern(letters: string[], original: string[], patterns: readonly CompiledPattern[]): string | null {
  for (const p of patterns) {
    if (p.slots.length !== letters.length) continue;
    const roots: string[] = [];
    let ok = true;
    for (let i = 0; i < letters.length && ok; i++) {
      const s = p.slots[i];
      const c = letters[i];
      if (typeof s === "number") {
        // Root letters are consonants; و and ي may be root letters, long alef and ى may not.
        if (c === "ا" || c === "ى" || c === "ه" && i === letters.length - 1 && i > 2) ok = false;
        else roots[s] = consonant(original[i]);
      } else if (s !== c) ok = false;
    }
    if (ok) return p.form.replace(/\{(\d)\}/g, (_, n: string) => roots[Number(n)] ?? "");
  }
  return null;
}

type Unit = { s: string; vowel: boolean; semi?: "w" | "y"; inserted?: boolean };

/** The general letter rules (step 3 of the module doc). */
function generic(letters: string[]): string {
  const units: Unit[] = [];
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i];
    if (c === "ا" || c === "ى") units.push(i === 0 ? { s: "a", vowel: true } : { s: "ā", vowel: true });
    else if (c === "آ") units.push({ s: "ā", vowel: true });
    else if (c === "أ") units.push(i === 0 ? { s: "a", vowel: true } : { s: "'", vowel: false });
    else if (c === "إ") units.push({ s: "i", vowel: true });
    else if (c === "ۆ") units.push({ s: "o", vowel: true });
    else if (c === "ێ") units.push({ s: "e", vowel: true });
    else if (c === "ە") units.push({ s: "a", vowel: true });
    else if (c === "و") units.push({ s: "ū", vowel: true, semi: "w" });
    else if (c === "ي" || c === "ی") units.push({ s: "ī", vowel: true, semi: "y" });
    else if (CONSONANTS[c] !== undefined) units.push({ s: CONSONANTS[c], vowel: false });
    else if (/\p{Nd}/u.test(c)) units.push({ s: c, vowel: true });
  }
  // و/ي are consonants at the start, before a vowel letter, after a vowel (not at the end), or at the end after ā.
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.semi === undefined) continue;
    const next = units[i + 1];
    const prev = units[i - 1];
    const consonantal = i === 0 || (next !== undefined && next.vowel && next.semi === undefined) ||
      (prev !== undefined && prev.vowel && next !== undefined) || (next === undefined && prev?.s === "ā");
    if (consonantal) units[i] = { s: u.semi, vowel: false };
  }
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    out.push(units[i]);
    if (i === 0 && !units[0].vowel && units.length > 1 && !units[1].vowel) out.push({ s: "a", vowel: true, inserted: true });
  }
  for (let i = 2; i < out.length; i++) {
    if (!out[i].vowel && !out[i - 1].vowel && !out[i - 2].vowel) out.splice(i, 0, { s: "a", vowel: true, inserted: true });
  }
  const n = out.length;
  if (n >= 4 && !out[n - 1].vowel && !out[n - 2].vowel && out[n - 3].vowel && out[n - 3].inserted !== true) {
    out.splice(n - 1, 0, { s: "i", vowel: true });
  }
  return out.map((u) => u.s).join("");
}

/**
 * The spelling rules applied to a form with ā ī ū and ' (for ع and ء): see the module doc. Exported for the
 * pattern forms of the table and for tests. Returns lower-case Latin.
 */
export function spell(form: string): string {
  let s = form.replace(/^'+/, "");
  s = s.replace(/a\u0001(?=[aā])/g, "u'").replace(/\u0001/g, "'");
  s = s.replace(/ā'[iī]/g, "ae").replace(/ā'(?![aāiīuū])/g, "aa").replace(/a'(?![aāiīuū])/g, "aa");
  s = s.replace(/([^aāiīuū'])'a(?![aā])/g, "$1aa");
  s = s.replace(/'/g, "");
  s = s.replace(/ū(?=[^aāiīuūoe])/g, "ou").replace(/ū/g, "u").replace(/ā/g, "a").replace(/ī/g, "i");
  s = s.replace(/ay(?![aiueo])/g, "ai");
  s = s.replace(/([^aiueo])ya$/, "$1iya").replace(/iy$/, "i").replace(/uw$/, "u");
  s = s.replace(/a{3,}/g, "aa").replace(/i{2,}/g, "i").replace(/u{2,}/g, "u").replace(/(ou)u/g, "$1");
  return s;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Romanises one Arabic word without its article by the rules of the module doc, capitalised:
 * `romaniseWord("تحسين", patterns) === "Tahsin"`. `construct` spells a final ة as "at" (the word is the first
 * term of an idafa). Non-letters are dropped; a word with no Arabic letter returns "".
 */
export function romaniseWord(word: string, patterns: readonly CompiledPattern[], construct = false): string {
  const raw = [...word.replace(/\u0640/g, "")].filter((c) => isLetter(c) || HARAKAT.test(c) || /\p{Nd}/u.test(c));
  if (raw.length === 0) return "";
  if (raw.some((c) => HARAKAT.test(c))) {
    const v = spell(vocalised(raw));
    return capital(construct ? v.replace(/a$/, "at") : v);
  }
  let letters = raw;
  let tail = "";
  const last = letters[letters.length - 1];
  // ة, and a final ه after a consonant in words of three letters or more (Kurdish and colloquial spelling of ة).
  if (last === "ة" || last === "ە" || (last === "ه" && letters.length >= 3 && letters[letters.length - 2] !== "ا")) {
    tail = construct ? "at" : "a";
    letters = letters.slice(0, -1);
  }
  const keyLetters = letters.map(patternLetter);
  // Without a pattern, the ending is read as a final long a, so that a و/ي before it is a consonant (كاوه Kawa).
  const form = byPattern(keyLetters, letters, patterns) ?? (tail === "" ? generic(letters) : generic([...letters, "ا"]).replace(/ā$/, ""));
  let s = spell(form + tail);
  if (tail !== "") s = s.replace(/([^aiueo])ya(t?)$/, "$1iya$2");
  return capital(s);
}

/**
 * English for the complement X of a body or place pattern (الفرقة X, شرطة X, شارع X), filled into the
 * pattern's English template ("{X} Division"). Scheme: docs/transliteration.md, "Bodies and places".
 *
 * When every word of X is known — table vocabulary (single words and phrases such as مكافحة الشغب Riot Control),
 * ordinal numbers (الثامنة 8th, الخامسة عشرة 15th), numbers, lexicon places — X is translated and put in English
 * order: each noun starts a group with the adjectives that follow it; groups come out last first (idafa:
 * صحة صلاح الدين → "Saladin Health"), inside a group ordinals first, then the adjectives last first, then the noun
 * (الخاصة الثانية → "2nd Special"). When some word is unknown, X is a proper name: it is romanised in Arabic order
 * (romanise-name.ts), with lexicon places in their English and a ة before a definite word as "at".
 * Before the template's head ("{X} Square") a leading article is dropped (التحرير → "Tahrir Square"), a noun takes
 * its modifier form (العمال → "Workers'") and a bare number becomes an ordinal (اللواء 56 → "56th Brigade").
 */
import type { VocabularyEntry } from "../lexicon/romanisation.ts";
import { normalizeKey } from "../text/normalize.ts";
import { bareEn, compoundAt, nameWord, type RomaniseContext } from "./romanise-name.ts";
import { romaniseWord } from "./romanise-word.ts";

type Unit =
  | { kind: "word"; pos: "noun" | "adjective"; en: string; modifier?: string; ordinal?: boolean; place?: boolean; words: number }
  | { kind: "unknown"; words: number };

/** English ordinal of a positive integer: 1 → "1st", 12 → "12th", 23 → "23rd". */
export function ordinalEn(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** Reads an ordinal at `i` (الخامسة عشرة, الحادي والعشرون); returns its value and length in words, or null. */
function ordinalAt(keys: readonly string[], i: number, ctx: RomaniseContext): { n: number; words: number } | null {
  const n = ctx.table.ordinals.get(keys[i]);
  if (n === undefined) return null;
  const next = keys[i + 1];
  if (n < 10 && next !== undefined && ctx.table.teens.has(next)) return { n: n + 10, words: 2 };
  if (n < 10 && next !== undefined && next.startsWith("و")) {
    const tens = ctx.table.ordinals.get("ال" + next.slice(1)) ?? ctx.table.ordinals.get(next.slice(1));
    if (tens !== undefined && tens >= 20 && tens % 10 === 0) return { n: n + tens, words: 2 };
  }
  return { n, words: 1 };
}

function vocabAt(keys: readonly string[], i: number, ctx: RomaniseContext): { e: VocabularyEntry; words: number } | null {
  for (let len = Math.min(ctx.table.phraseMaxWords, keys.length - i); len >= 2; len--) {
    const e = ctx.table.phrases.get(keys.slice(i, i + len).join(" "));
    if (e !== undefined) return { e, words: len };
  }
  const e = ctx.table.vocabulary.get(keys[i]);
  return e === undefined ? null : { e, words: 1 };
}

function parse(keys: readonly string[], ctx: RomaniseContext): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < keys.length;) {
    if (/^\p{Nd}+$/u.test(keys[i])) {
      units.push({ kind: "word", pos: "adjective", en: keys[i], ordinal: true, words: 1 });
      i++;
      continue;
    }
    const o = ordinalAt(keys, i, ctx);
    if (o !== null) {
      units.push({ kind: "word", pos: "adjective", en: ordinalEn(o.n), ordinal: true, words: o.words });
      i += o.words;
      continue;
    }
    const v = vocabAt(keys, i, ctx);
    const place = ctx.matchEntity?.(keys, i) ?? null;
    if (place !== null && (v === null || place.length > v.words)) {
      units.push({ kind: "word", pos: "noun", en: place.en, place: true, words: place.length });
      i += place.length;
    } else if (v !== null) {
      units.push({ kind: "word", pos: v.e.pos, en: v.e.en, modifier: v.e.modifier, words: v.words });
      i += v.words;
    } else {
      units.push({ kind: "unknown", words: 1 });
      i++;
    }
  }
  return units;
}

type Word = Extract<Unit, { kind: "word" }>;

/** English order of fully known units (module doc). */
function englishOrder(units: Word[], beforeHead: boolean): string {
  const groups: Word[][] = [];
  for (const u of units) {
    if (u.pos === "noun" || groups.length === 0) groups.push([u]);
    else groups[groups.length - 1].push(u);
  }
  const out: string[] = [];
  for (let g = groups.length - 1; g >= 0; g--) {
    const grp = groups[g];
    const noun = grp[0].pos === "noun" ? grp[0] : undefined;
    const adjs = noun === undefined ? grp : grp.slice(1);
    const ords = adjs.filter((a) => a.ordinal === true);
    const rest = adjs.filter((a) => a.ordinal !== true).reverse();
    const last = g === 0 && beforeHead;
    const parts = [...ords.map((o) => (/^\d+$/.test(o.en) && beforeHead ? ordinalEn(Number(o.en)) : o.en)), ...rest.map((a) => a.en)];
    if (noun !== undefined) {
      const en = noun.place === true && beforeHead ? bareEn(noun.en) : noun.en;
      parts.push(last && noun.modifier !== undefined ? noun.modifier : en);
    }
    out.push(...parts);
  }
  return out.join(" ");
}

function hasNameEntry(key: string, ctx: RomaniseContext): boolean {
  const bare = key.replace(/^ال/, "");
  const t = ctx.table;
  return [key, bare].some((k) => ctx.known?.has(k) === true || t.givenNames.has(k) || t.familyNames.has(k));
}

/** Arabic-order romanisation of a proper-name complement (module doc). */
function arabicOrder(words: readonly string[], keys: readonly string[], ctx: RomaniseContext, beforeHead: boolean): string {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const place = ctx.matchEntity?.(keys, i) ?? null;
    // A one-word place that is also a name word (الإمام) reads as the name inside a proper name.
    if (place !== null && !(place.length === 1 && hasNameEntry(keys[i], ctx))) {
      out.push(out.length === 0 ? place.en : place.en.replace(/^Al-/, "al-"));
      i += place.length;
      continue;
    }
    const c = compoundAt(words, keys, i, ctx);
    if (c !== undefined) {
      out.push(c);
      i += 2;
      continue;
    }
    const w = words[i];
    const next = keys[i + 1];
    const key = keys[i];
    const known = ctx.known?.has(key) === true || ctx.table.givenNames.has(key);
    // A ة before a definite word is the first term of an idafa: "at" (مدينة الصدر Madinat al-Sadr).
    if (!known && key.endsWith("ه") && w.endsWith("ة") && next !== undefined && next.startsWith("ال") && !key.startsWith("ال")) {
      out.push(romaniseWord(w, ctx.table.patterns, true));
    } else out.push(/[\u0600-\u06FF]/.test(w) ? nameWord(w, ctx) : w);
    i++;
  }
  if (beforeHead && out.length > 0) out[0] = out[0].replace(/^al-/i, "");
  return out.join(" ");
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Options of {@link romaniseComplement}. */
export interface ComplementOptions {
  /** Translate known vocabulary into English order (bodies); false romanises in Arabic order (street names). */
  translate?: boolean;
}

/**
 * Fills the pattern template `template` ("{X} Division", "Ministry of {X}") with the English of the Arabic
 * complement `x`: `romaniseComplement("{X} Division", "الخاصة الثانية", ctx) === "2nd Special Division"`.
 * Inside the template (not first) a leading "Al-" is lower-cased ("Wadi al-Shai"). Returns the template with
 * spaces collapsed; an empty `x` leaves "{X}" out.
 */
export function romaniseComplement(template: string, x: string, ctx: RomaniseContext, opt: ComplementOptions = {}): string {
  const words = x.trim().split(/\s+/).filter((w) => w !== "");
  const keys = words.map(normalizeKey);
  const at = template.indexOf("{X}");
  const beforeHead = at === 0 && template.trim().length > 3;
  let text = "";
  const units = opt.translate === false ? null : parse(keys, ctx);
  if (units !== null && units.length > 0 && units.every((u): u is Word => u.kind === "word")) text = englishOrder(units, beforeHead);
  else if (words.length > 0) text = arabicOrder(words, keys, ctx, beforeHead);
  text = at <= 0 ? capital(text) : text.replace(/^Al-/, "al-");
  return template.replace("{X}", text).replace(/\s+/g, " ").trim();
}

/**
 * Romanisation of names in Arabic word order (scheme: docs/transliteration.md, "Names").
 *
 * Per word, first hit wins: the extra spellings given by the caller (the lexicon's names.json `en`), the
 * romanisation table's given names, particles (أبو Abu, بن bin) and family names; a definite word looks its bare
 * form up and gets "al-" (الحسين → al-Hussein, الدليمي → al-Dulaimi); a nisba (-ي, -اوي, -اني, -ائي) whose stem
 * is a known name or a lexicon place takes the stem's English (الكاظمي → al-Kadhimi, الواسطي → al-Wasiti,
 * السامرائي → al-Samarrai); anything else goes through the letter rules (romanise-word.ts). Two-word compounds
 * come from the table (عبد الله Abdullah) or its compound rules (عبد الأمير → Abdul-Amir, نور الدين → Nour al-Din).
 */
import type { RomanisationTable } from "../lexicon/romanisation.ts";
import { normalizeKey } from "../text/normalize.ts";
import { romaniseWord } from "./romanise-word.ts";

/** What the romaniser may consult besides its letter rules. */
export interface RomaniseContext {
  table: RomanisationTable;
  /** More customary spellings by normalised key (the lexicon's name table); these win over `table`. */
  known?: ReadonlyMap<string, string>;
  /** English of a lexicon place (or body) whose name is exactly these keys, or undefined. */
  entityEn?: (keys: readonly string[]) => string | undefined;
  /** Longest lexicon place at `keys[i]`: its length in words and its English, or null. */
  matchEntity?: (keys: readonly string[], i: number) => { length: number; en: string } | null;
}

const ARTICLE = /^ال/;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** English without a leading article: "Al-Mosul" → "Mosul". */
export const bareEn = (en: string): string => en.replace(/^(al|el)[- ]/i, "");
/** Display spelling without a leading article (أ/ا + ل). */
const bareAr = (w: string): string => w.replace(/^[اأإآ]ل/, "");

function given(key: string, ctx: RomaniseContext): string | undefined {
  return ctx.known?.get(key) ?? ctx.table.givenNames.get(key) ?? ctx.table.particles.get(key);
}

/** The English of a nisba from its stem's English (Basra → Basri, Samarra → Samarrai, Hamid → Hamidawi). */
function nisbaOf(stemEn: string, suffix: string, stemHadTa: boolean): string {
  let base = bareEn(stemEn);
  if (suffix !== "ani" && stemHadTa && base.endsWith("a")) base = base.slice(0, -1);
  if (suffix === "awi" && base.endsWith("a")) base = base.slice(0, -1);
  if (suffix === "i" && base.endsWith("i")) return base;
  return base + suffix;
}

/** A nisba read from a known stem: `key` without its article. */
function nisba(key: string, ctx: RomaniseContext): string | undefined {
  const endings: Array<[string, string, string[]]> = [
    ["اوي", "awi", [""]], ["اني", "ani", [""]], ["ائي", "i", ["اء", "ا"]], ["ي", "i", ["", "ه"]],
  ];
  for (const [ending, suffix, restore] of endings) {
    if (!key.endsWith(ending)) continue;
    const stem = key.slice(0, -ending.length);
    if (stem.length < 3) continue;
    for (const r of restore) {
      const s = stem + r;
      const name = given(s, ctx) ?? ctx.table.familyNames.get(s);
      if (name !== undefined && !name.includes(" ")) return nisbaOf(name, suffix, r === "ه");
      for (const form of [s, "ال" + s]) {
        const place = ctx.entityEn?.([form]);
        if (place === undefined || bareEn(place).includes(" ")) continue;
        // An English name ending in a vowel the Arabic lacks is no base for a nisba (الجزائر Algeria).
        if (r === "" && /[aeiouy]$/i.test(place) && !/[اوي]$/.test(s)) continue;
        return nisbaOf(place, suffix, r === "ه");
      }
    }
  }
  return undefined;
}

/**
 * One name word in Arabic order, capitalised, definite words as "al-X": `nameWord("الدليمي", ctx) === "al-Dulaimi"`.
 */
export function nameWord(word: string, ctx: RomaniseContext): string {
  const key = normalizeKey(word);
  const hit = given(key, ctx);
  if (hit !== undefined) return hit;
  const definite = ARTICLE.test(key) && key.length > 3;
  const bare = definite ? key.slice(2) : key;
  const al = (s: string): string => (definite ? `al-${capital(bareEn(s))}` : capital(s));
  if (definite) {
    const g = given(bare, ctx);
    if (g !== undefined) return al(g);
  }
  const fam = ctx.table.familyNames.get(bare);
  if (fam !== undefined) return al(fam);
  const n = nisba(bare, ctx);
  if (n !== undefined) return al(n);
  if (!definite && key.startsWith("عبدال") && key.length > 5) return `Abdul-${bareEn(nameWord(key.slice(3), ctx))}`;
  return al(romaniseWord(definite ? bareAr(word) : word, ctx.table.patterns));
}

const ruleMatches = (pat: string, key: string): boolean =>
  pat === "*" || (pat === "ال*" ? ARTICLE.test(key) && key.length > 3 : pat === key);

/** A two-word compound at `i` (table entry or rule), or undefined. */
export function compoundAt(words: readonly string[], keys: readonly string[], i: number, ctx: RomaniseContext): string | undefined {
  if (i + 1 >= words.length) return undefined;
  const pair = `${keys[i]} ${keys[i + 1]}`;
  const hit = ctx.known?.get(pair) ?? ctx.table.compounds.get(pair);
  if (hit !== undefined) return hit;
  for (const r of ctx.table.compoundRules) {
    if (!ruleMatches(r.first, keys[i]) || !ruleMatches(r.second, keys[i + 1])) continue;
    const one = (): string => nameWord(words[i], ctx);
    const two = (): string => capital(bareEn(nameWord(words[i + 1], ctx)));
    return r.en.replace("{1}", r.en.includes("{1}") ? one() : "").replace("{2}", r.en.includes("{2}") ? two() : "");
  }
  return undefined;
}

/**
 * Romanises a sequence of name words in Arabic order: `romaniseName(["أبو", "بكر", "الدليمي"], ctx)` →
 * "Abu Bakr al-Dulaimi". Words without Arabic letters pass through unchanged; the first word is capitalised
 * ("Al-Dulaimi" for a lone family name).
 */
export function romaniseName(words: readonly string[], ctx: RomaniseContext): string {
  const keys = words.map(normalizeKey);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!/[\u0600-\u06FF]/.test(w)) {
      out.push(w);
      continue;
    }
    const c = compoundAt(words, keys, i, ctx);
    if (c !== undefined) {
      out.push(out.length === 0 ? capital(c) : c);
      i++;
      continue;
    }
    out.push(out.length === 0 ? capital(nameWord(w, ctx)) : nameWord(w, ctx));
  }
  return out.join(" ").replace(/\s+/g, " ").trim();
}

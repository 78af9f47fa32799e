/**
 * Readable English labels for Arabic names the lexicon lacks: the public entry points of the romaniser.
 * Scheme: docs/transliteration.md (simplified news romanisation, Reuters/AP style: Kadhimi, Dulaimi, Hussein).
 *
 * The work is done by romanise-name.ts (names in Arabic order, from the romanisation table and the lexicon's
 * name spellings), romanise-phrase.ts (body and place pattern complements, translated into English order when
 * every word is known) and romanise-word.ts (letter rules and vowel patterns for unknown words). Every label made
 * here is marked `labelEnSource: "transliteration"` by its caller. Output is for reading, not for round trips.
 */
import type { Lexicon } from "../lexicon/types.ts";
import { emptyRomanisation, type RomanisationTable } from "../lexicon/romanisation.ts";
import { romaniseComplement, type ComplementOptions } from "./romanise-phrase.ts";
import { romaniseName, type RomaniseContext } from "./romanise-name.ts";

/** What the transliterator reads: a lexicon (romanisation table, name spellings, places), or only a spelling map. */
export type TransliterationSource =
  | ReadonlyMap<string, string>
  | Partial<Pick<Lexicon, "romanisation" | "nameEn" | "names">>;

const EMPTY: RomanisationTable = emptyRomanisation();
const contexts = new WeakMap<object, RomaniseContext>();

/**
 * The romanisation context of a source, cached per source object. Places are looked up in the lexicon's name
 * trie: only place entries count, weak variants do not.
 */
export function romanisationContext(source: TransliterationSource = new Map()): RomaniseContext {
  const cached = contexts.get(source);
  if (cached !== undefined) return cached;
  let ctx: RomaniseContext;
  if (source instanceof Map) ctx = { table: EMPTY, known: source };
  else {
    const s = source as Partial<Pick<Lexicon, "romanisation" | "nameEn" | "names">>;
    const names = s.names;
    const placeAt = (keys: readonly string[], i: number) => {
      const m = names?.longest(keys as string[], i, false);
      if (m === undefined || m === null) return null;
      const ref = m.values.find((v) => v.entry.type === "place" && !v.weak);
      return ref === undefined ? null : { length: m.length, en: ref.entry.en };
    };
    ctx = {
      table: s.romanisation ?? EMPTY,
      known: s.nameEn,
      entityEn: (keys) => {
        const m = placeAt(keys, 0);
        return m !== null && m.length === keys.length ? m.en : undefined;
      },
      matchEntity: placeAt,
    };
  }
  contexts.set(source, ctx);
  return ctx;
}

/**
 * Transliterates an Arabic name word by word in Arabic order:
 * `transliterate("كريم الحسناوي", lexicon) === "Karim al-Hasnawi"`, `transliterate("أبو بكر", lexicon) === "Abu Bakr"`.
 * With a lexicon, name words take their customary spelling from the romanisation table and the lexicon's name
 * spellings (`nameEn`), nisbas of known places follow the place's English; with a bare Map, only its spellings
 * are known; other words go through the letter rules. Latin letters and digits pass through; an empty or
 * non-Arabic input returns it trimmed.
 */
export function transliterate(name: string, source: TransliterationSource = new Map()): string {
  const memo = memoOf(source);
  const key = `n\u0000${name}`;
  let out = memo.get(key);
  if (out === undefined) {
    const words = name.trim().split(/\s+/).filter((w) => w !== "");
    out = romaniseName(words, romanisationContext(source));
    remember(memo, key, out);
  }
  return out;
}

/**
 * Results per source object: the romaniser is a pure function of the text and the source (a lexicon is not
 * changed once loaded), and names recur across documents. Bounded; cleared when full.
 */
const MEMO = new WeakMap<object, Map<string, string>>();
const MEMO_MAX = 50_000;

function memoOf(source: TransliterationSource): Map<string, string> {
  let m = MEMO.get(source);
  if (m === undefined) MEMO.set(source, (m = new Map()));
  return m;
}

function remember(memo: Map<string, string>, key: string, value: string): void {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
}

/**
 * English label of a pattern-built body or place: the template ("{X} Division") filled with the complement's
 * English — translated into English order when every word is known (الفرقة الثامنة → "8th Division"),
 * otherwise romanised (see romanise-phrase.ts). `opt.translate: false` always romanises (street names).
 */
export function transliterateComplement(template: string, x: string, source: TransliterationSource, opt: ComplementOptions = {}): string {
  const memo = memoOf(source);
  const key = `c\u0000${opt.translate === false ? 0 : 1}\u0000${template}\u0000${x}`;
  let out = memo.get(key);
  if (out === undefined) {
    out = romaniseComplement(template, x, romanisationContext(source), opt);
    remember(memo, key, out);
  }
  return out;
}

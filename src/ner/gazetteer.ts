/**
 * Gazetteer (list) features for the tagger: membership of a word or a multi-word phrase in lists of first names,
 * family names, countries, Iraqi administrative units, titles/ranks, organisation head nouns, place triggers,
 * other places and organisations. Sources: ../shared/gazetteers (see its SOURCE.md) and graph-data/ner/
 * (triggers.tsv, first-names.txt, places.txt, organisations.txt; see docs/ner.md). Pure: the lists come in as
 * arrays of phrases; matching is on `normalizeKey` keys.
 */
import { normalizeKey } from "../text/normalize.ts";
import { DataError } from "../errors.ts";

/** Gazetteer categories, in bit order. */
export const GAZ_CATEGORIES = ["first", "family", "country", "admin", "title", "orghead", "loctrig", "place", "org"] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];

/** The lists by category, as phrases (any spelling; normalised on build). Stored verbatim in the model file. */
export type GazetteerLists = Partial<Record<GazCategory, string[]>>;

/** A built gazetteer: single-word keys → category bit mask, and multi-word phrases indexed by first key. */
export interface Gazetteer {
  single: Map<string, number>;
  /** First key → phrases (as key arrays, longest first) with their category mask. */
  multi: Map<string, { keys: string[]; mask: number }[]>;
}

/** Bit of a category in a mask. */
export function gazBit(category: GazCategory): number {
  return 1 << GAZ_CATEGORIES.indexOf(category);
}

/**
 * Builds a gazetteer from lists.
 * @throws DataError when a category is not one of {@link GAZ_CATEGORIES}.
 */
export function buildGazetteer(lists: GazetteerLists): Gazetteer {
  const single = new Map<string, number>();
  const multi = new Map<string, { keys: string[]; mask: number }[]>();
  for (const [category, phrases] of Object.entries(lists)) {
    const idx = GAZ_CATEGORIES.indexOf(category as GazCategory);
    if (idx < 0) throw new DataError(`buildGazetteer: unknown category "${category}" (expected ${GAZ_CATEGORIES.join(", ")}).`);
    const bit = 1 << idx;
    for (const phrase of phrases ?? []) {
      const keys = normalizeKey(phrase).split(" ").filter((k) => k.length > 0);
      if (keys.length === 0) continue;
      if (keys.length === 1) {
        single.set(keys[0], (single.get(keys[0]) ?? 0) | bit);
        continue;
      }
      let list = multi.get(keys[0]);
      if (list === undefined) multi.set(keys[0], (list = []));
      const same = list.find((e) => e.keys.join(" ") === keys.join(" "));
      if (same !== undefined) same.mask |= bit;
      else list.push({ keys, mask: bit });
    }
  }
  for (const list of multi.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { single, multi };
}

/**
 * Longest multi-word matches over a sentence. `first[i]` holds the keys under which token `i` may start a phrase
 * (its key and clitic-stripped forms); later tokens match on their plain key.
 * @returns per token, `0` or the mask of the phrase covering it, and whether it begins the phrase (`begin[i]`).
 */
export function matchPhrases(gaz: Gazetteer, first: string[][], keys: string[]): { mask: Int32Array; begin: Uint8Array } {
  const n = keys.length;
  const mask = new Int32Array(n);
  const begin = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    let matched = 0;
    for (const k of first[i]) {
      const list = gaz.multi.get(k);
      if (list === undefined) continue;
      for (const e of list) {
        if (i + e.keys.length > n) continue;
        let ok = true;
        for (let j = 1; j < e.keys.length && ok; j++) ok = keys[i + j] === e.keys[j];
        if (ok) {
          for (let j = 0; j < e.keys.length; j++) mask[i + j] |= e.mask;
          begin[i] = 1;
          matched = Math.max(matched, e.keys.length);
          break;
        }
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return { mask, begin };
}

/**
 * Reads the lists from the files' texts: first-name and family-name files (one name a line), `countries.tsv`
 * (columns `name_ar`, `name_ar_official`), `iraq-admin-units.tsv` (column `name_ar`) and a triggers TSV
 * (`category<TAB>word`, `#` comments), and optional extra lists of places and organisations (one a line).
 * @throws DataError when a TSV lacks an expected column or a trigger line has an unknown category.
 */
export function listsFromFiles(files: {
  firstNames: string[];
  familyNames: string;
  countries: string;
  adminUnits: string;
  triggers: string;
  places?: string;
  organisations?: string;
}): GazetteerLists {
  const lines = (t: string) => t.split("\n").map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith("#"));
  const column = (tsv: string, names: string[], origin: string): string[] => {
    const rows = lines(tsv).map((l) => l.split("\t"));
    const header = rows[0] ?? [];
    const out: string[] = [];
    for (const name of names) {
      const c = header.indexOf(name);
      if (c < 0) throw new DataError(`listsFromFiles: ${origin} has no column "${name}".`);
      for (const r of rows.slice(1)) if ((r[c] ?? "").trim() !== "") out.push(r[c].trim());
    }
    return out;
  };
  const lists: GazetteerLists = {
    first: files.firstNames.flatMap(lines),
    family: lines(files.familyNames),
    country: column(files.countries, ["name_ar", "name_ar_official"], "countries.tsv"),
    admin: column(files.adminUnits, ["name_ar"], "iraq-admin-units.tsv"),
    place: lines(files.places ?? ""),
    org: lines(files.organisations ?? ""),
  };
  for (const l of lines(files.triggers)) {
    const [cat, word] = l.split("\t");
    if (cat !== "title" && cat !== "orghead" && cat !== "loctrig") {
      throw new DataError(`listsFromFiles: triggers line "${l}" has unknown category "${cat}".`);
    }
    (lists[cat] ??= []).push(word);
  }
  for (const k of Object.keys(lists) as GazCategory[]) lists[k] = [...new Set(lists[k])];
  return lists;
}
